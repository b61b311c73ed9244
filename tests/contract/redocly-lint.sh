#!/usr/bin/env bash
# Lints the API contract with Redocly CLI (ctest openapi.lint): every error and every warning of
# the recommended ruleset fails, as redocly.yaml at the repository root says.
#
#   redocly-lint.sh <openapi.json> <redocly.yaml> <cache dir>
#
# Redocly CLI is installed with npm into <cache dir> (the build tree's redocly/) the first time
# and reused afterwards. Without Node.js and npm, with a Node.js too old for it, or when the
# install fails (no network), the lint is skipped with exit status 77, which ctest reports as
# skipped rather than passed.
set -uo pipefail

readonly version=2.77.0
readonly skip=77

if [ $# -ne 3 ]; then
    echo "usage: $0 <openapi.json> <redocly.yaml> <cache dir>" >&2
    exit 2
fi
document=$1
config=$2
cache=$3

skipped() {
    echo "SKIPPED: $*"
    exit "$skip"
}

command -v node >/dev/null ||
    skipped "node is not installed; the lint needs Node.js 20.19+ or 22.12+ and npm."
command -v npm >/dev/null ||
    skipped "npm is not installed; the lint installs Redocly CLI with it."

# @redocly/cli 2 declares "node": ">=22.12.0 || >=20.19.0 <21.0.0"; Debian 12's own nodejs
# is 18.
node_version=$(node -p 'process.versions.node' 2>/dev/null) ||
    skipped "node does not run."
IFS=. read -r major minor _ <<<"$node_version"
if ! { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; } &&
    ! { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; } && ! [ "$major" -ge 23 ]; then
    skipped "Node.js $node_version cannot run @redocly/cli@$version, which needs 20.19+ or" \
        "22.12+ (Debian 12 ships 18; NodeSource packages newer ones)."
fi

# No announcements, no update check against the registry, no usage reports.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

# One directory per version under the cache: a version change installs beside the old one.
install=$cache/cli-$version
redocly=$install/node_modules/.bin/redocly

if [ "$("$redocly" --version 2>/dev/null)" != "$version" ]; then
    echo "Installing @redocly/cli@$version into $install (once per build tree)..."
    mkdir -p "$cache" || skipped "cannot create $cache."
    # Into a fresh directory first, so that an interrupted install never looks like a complete
    # one; its own package.json stops npm from looking for a project in the directories above.
    staging=$(mktemp -d "$cache/.install.XXXXXX") || skipped "cannot create a directory in $cache."
    trap 'rm -rf "$staging"' EXIT
    echo '{"private": true}' >"$staging/package.json"
    if ! (cd "$staging" && timeout 180 npm install --no-audit --no-fund --no-update-notifier \
        --loglevel=error "@redocly/cli@$version") >"$staging/npm.log" 2>&1; then
        tail -n 20 "$staging/npm.log"
        skipped "npm could not install @redocly/cli@$version within 180 s (offline, or no" \
            "registry access)."
    fi
    rm -rf "$install"
    mv "$staging" "$install" || skipped "cannot move the install into $install."
    trap - EXIT
    [ "$("$redocly" --version 2>/dev/null)" = "$version" ] ||
        skipped "the installed Redocly CLI does not run."
fi

# A misspelt rule in the configuration is an error too (--lint-config=error).
output=$("$redocly" lint --config="$config" --lint-config=error --format=stylish \
    "$document" 2>&1)
status=$?
echo "$output"
if [ "$status" -ne 0 ]; then
    echo "FAILED: redocly lint found problems in $document (exit status $status)."
    exit 1
fi
# recommended-strict makes every warning an error; should a rule still report a warning (one
# added to the configuration as "warn"), it fails the test all the same.
if grep -Eq '^[[:space:]]+[0-9]+:[0-9]+[[:space:]]+warning[[:space:]]' <<<"$output"; then
    echo "FAILED: redocly lint reported warnings in $document."
    exit 1
fi
echo "PASSED: $document is lint clean (Redocly CLI $version, recommended-strict)."
