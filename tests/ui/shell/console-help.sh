#!/bin/sh
# flowviz-console --help and --version without a display (no DISPLAY, WAYLAND_DISPLAY or
# QT_QPA_PLATFORM: an empty environment) print their text and exit 0.
# Usage: console-help.sh /path/to/flowviz-console
console="$1"
fail() { echo "FAIL: $*"; exit 1; }

out=$(/usr/bin/env -i "$console" --help 2>&1); status=$?
echo "$out"
[ "$status" -eq 0 ] || fail "--help exited $status"
echo "$out" | grep -q -- "--data-dir" || fail "--help does not list --data-dir"
echo "$out" | grep -q -- "--server" || fail "--help does not list --server"

out=$(/usr/bin/env -i "$console" --version 2>&1); status=$?
echo "$out"
[ "$status" -eq 0 ] || fail "--version exited $status"
echo "$out" | grep -q "flowviz-console [0-9]" || fail "--version does not print the version"
echo "PASS"
