#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 and runs each for a while on a copy of its seed
# corpus. Usage: tests/fuzz/run.sh <build-dir> [seconds-per-target]
# Exit status: 0 no finding, 1 a target crashed (input printed as base64), 77 skipped because
# clang++-14 or its fuzzer runtime is not installed, other: the build failed.
set -uo pipefail

build=${1:?usage: tests/fuzz/run.sh <build-dir> [seconds-per-target]}
seconds=${2:-20}
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz_dir=$source_dir/tests/fuzz
targets=(bodyreader lotcode decimal gs1 jwt syncbatch)

cxx=${FUZZ_CXX:-clang++-14}
if ! command -v "$cxx" >/dev/null; then
    echo "SKIPPED: fuzzing needs $cxx (Debian: apt-get install clang-14 libclang-rt-14-dev)"
    exit 77
fi
runtime="$("$cxx" -print-resource-dir)/lib/linux/libclang_rt.fuzzer-$(uname -m).a"
if [ ! -f "$runtime" ]; then
    echo "SKIPPED: fuzzing needs the libFuzzer runtime $runtime (Debian: libclang-rt-14-dev)"
    exit 77
fi

mkdir -p "$build"
build=$(cd "$build" && pwd)
if ! cmake -S "$fuzz_dir" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
        -DFLOWVIZ_SOURCE_DIR="$source_dir" >"$build/configure.log" 2>&1; then
    cat "$build/configure.log"
    echo "fuzz: configuring $build failed"
    exit 2
fi
if ! cmake --build "$build" -j 2 >"$build/build.log" 2>&1; then
    cat "$build/build.log"
    echo "fuzz: building $build failed"
    exit 2
fi

failed=()
for name in "${targets[@]}"; do
    work=$build/run/$name
    rm -rf "$work"
    mkdir -p "$work/artifacts"
    # The fuzzer adds what it finds to its corpus: a copy, so the repository's stays as it is.
    cp -R "$fuzz_dir/corpus/$name" "$work/corpus"
    # Qt's warnings on odd input are expected; sanitizer reports are what counts.
    QT_LOGGING_RULES='*=false' \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/fuzz_$name" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
        "$work/corpus" >"$work/log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n1)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz_$name: ok, ${execs:-?} runs in ${seconds}s"
        continue
    fi
    failed+=("$name")
    echo "fuzz_$name: FAILED (exit $rc); log: $work/log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*invariant broken)' "$work/log" | head -n 5
    for artifact in "$work"/artifacts/*; do
        [ -f "$artifact" ] || continue
        echo "  input $(basename "$artifact") (base64):"
        base64 -w 76 "$artifact" | sed 's/^/    /'
        echo "  reproduce: $build/fuzz_$name $artifact"
    done
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"
    exit 1
fi
exit 0
