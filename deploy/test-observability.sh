#!/usr/bin/env bash
# Smoke-test the FlowViz observability stack (the seed's six checks, made stricter).
#
#   deploy/test-observability.sh          against the compose stack on localhost
#   deploy/test-observability.sh DIR      against the local stack in DIR (reads DIR/ports.env)
#
# Checks:
#   1. backend /metrics contains http_requests         (skipped if BACKEND_URL is empty)
#   2. Prometheus /-/healthy and /-/ready
#   3. every active Prometheus target is up (/api/v1/targets), and the
#      flowviz-backend job is among them when the backend is checked
#   4. Grafana /api/health reports ok                   (only when GRAFANA_URL is set)
#   5. PgBouncer answers SELECT 1 through psql
#   6. postgres-exporter /metrics contains pg_up (and pg_up is 1)
#
# Environment (defaults are the compose stack's published ports; a DIR's ports.env wins
# over defaults, explicit environment wins over both):
#   BACKEND_URL (http://localhost:8000; set to empty to skip), BACKEND_PROBE_PATH (/ready)
#   PROMETHEUS_URL (http://localhost:9090), GRAFANA_URL (unset = skip)
#   POSTGRES_EXPORTER_URL (http://localhost:9187)
#   PGBOUNCER_HOST (127.0.0.1), FLOWVIZ_PGBOUNCER_PORT (6432)
#   FLOWVIZ_DB_USER / FLOWVIZ_DB_PASSWORD / FLOWVIZ_DB_NAME (flowviz; the password is
#   read from deploy/.env, or ENV_FILE, in compose mode)
#   OBS_WAIT  seconds to wait for targets to come up and PgBouncer to answer (default 60)
# Exit status: 0 when nothing failed (skips allowed), 1 otherwise.
set -uo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

# Remember what the caller set explicitly: it wins over any file.
declare -A explicit=()
for v in BACKEND_URL PROMETHEUS_URL GRAFANA_URL POSTGRES_EXPORTER_URL PGBOUNCER_HOST \
         FLOWVIZ_PGBOUNCER_PORT FLOWVIZ_DB_USER FLOWVIZ_DB_PASSWORD FLOWVIZ_DB_NAME; do
    [[ -v $v ]] && explicit[$v]=${!v}
done

if [[ -n ${1:-} ]]; then
    ports_file=$1/ports.env
    [[ -r $ports_file ]] || { echo "cannot read $ports_file (is the local stack started?)" >&2; exit 1; }
    # shellcheck disable=SC1090
    source "$ports_file"
    mode="local stack in $1"
    # The local stack has a backend only when it was started with FLOWVIZ_SERVER_BIN.
    [[ -v BACKEND_URL ]] || BACKEND_URL=
else
    env_file=${ENV_FILE:-$SCRIPT_DIR/.env}
    if [[ -r $env_file ]]; then
        # shellcheck disable=SC1090
        set -a; source "$env_file"; set +a
    fi
    mode="compose stack on localhost"
    : "${BACKEND_URL=http://localhost:8000}"
fi
for v in "${!explicit[@]}"; do printf -v "$v" '%s' "${explicit[$v]}"; done

PROMETHEUS_URL=${PROMETHEUS_URL:-http://localhost:9090}
POSTGRES_EXPORTER_URL=${POSTGRES_EXPORTER_URL:-http://localhost:9187}
PGBOUNCER_HOST=${PGBOUNCER_HOST:-127.0.0.1}
FLOWVIZ_PGBOUNCER_PORT=${FLOWVIZ_PGBOUNCER_PORT:-6432}
FLOWVIZ_DB_USER=${FLOWVIZ_DB_USER:-flowviz}
FLOWVIZ_DB_NAME=${FLOWVIZ_DB_NAME:-flowviz}
OBS_WAIT=${OBS_WAIT:-60}

passed=0 failed=0 skipped=0
pass() { printf 'PASS  %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failed=$((failed + 1)); }
skip() { printf 'SKIP  %s\n' "$*"; skipped=$((skipped + 1)); }

fetch() { curl -fsS --max-time 5 "$1"; }

echo "FlowViz observability checks against the $mode"

# 1. backend metrics ------------------------------------------------------------
if [[ -z ${BACKEND_URL:-} ]]; then
    skip "1 backend /metrics: no backend configured (BACKEND_URL empty)"
else
    # One request first, so the HTTP metrics have at least one series.
    curl -fsS --max-time 5 -o /dev/null "$BACKEND_URL${BACKEND_PROBE_PATH:-/ready}" 2>/dev/null || true
    # One API request first, so a freshly started server has an http_requests series.
    curl -s -o /dev/null --max-time 5 "$BACKEND_URL/api/v1/auth/me" || true
    if body=$(fetch "$BACKEND_URL/metrics") && grep -q '^http_requests' <<<"$body"; then
        pass "1 backend $BACKEND_URL/metrics contains http_requests"
    else
        fail "1 backend $BACKEND_URL/metrics does not answer or lacks http_requests"
    fi
fi

# 2. Prometheus health ------------------------------------------------------------
if fetch "$PROMETHEUS_URL/-/healthy" >/dev/null && fetch "$PROMETHEUS_URL/-/ready" >/dev/null; then
    pass "2 Prometheus $PROMETHEUS_URL is healthy and ready"
else
    fail "2 Prometheus $PROMETHEUS_URL/-/healthy or /-/ready failed"
fi

# 3. all targets up -----------------------------------------------------------------
targets_report() {
    fetch "$PROMETHEUS_URL/api/v1/targets?state=active" \
        | jq -r '.data.activeTargets[] | "\(.labels.job)\t\(.health)\t\(.scrapeUrl)\t\(.lastError)"'
}
targets_ok() {
    local report
    report=$(targets_report) || return 1
    [[ -n $report ]] || return 1
    awk -F'\t' '$2 != "up" { bad = 1 } END { exit bad }' <<<"$report" || return 1
    if [[ -n ${BACKEND_URL:-} ]]; then
        awk -F'\t' '$1 == "flowviz-backend" { found = 1 } END { exit !found }' <<<"$report" || return 1
    fi
}
deadline=$(( SECONDS + OBS_WAIT ))
until targets_ok; do
    (( SECONDS >= deadline )) && break
    sleep 1
done
if targets_ok; then
    pass "3 all Prometheus targets up: $(targets_report | cut -f1 | sort | paste -sd, -)"
else
    fail "3 not all Prometheus targets are up (waited ${OBS_WAIT}s):"
    targets_report 2>/dev/null | sed 's/^/        /'
fi

# 4. Grafana ------------------------------------------------------------------------
if [[ -z ${GRAFANA_URL:-} ]]; then
    skip "4 Grafana: GRAFANA_URL not set (the local stack has no Grafana; compose: GRAFANA_URL=http://localhost:3001)"
elif body=$(fetch "$GRAFANA_URL/api/health") && jq -e '.database == "ok"' <<<"$body" >/dev/null 2>&1; then
    pass "4 Grafana $GRAFANA_URL/api/health ok"
else
    fail "4 Grafana $GRAFANA_URL/api/health did not report ok"
fi

# 5. PgBouncer ----------------------------------------------------------------------
pgbouncer_select1() {
    out=$(PGPASSWORD=$FLOWVIZ_DB_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -qtA \
            -h "$PGBOUNCER_HOST" -p "$FLOWVIZ_PGBOUNCER_PORT" -U "$FLOWVIZ_DB_USER" \
            -d "$FLOWVIZ_DB_NAME" -c 'SELECT 1' 2>&1) && [[ $out == 1 ]]
}
if ! command -v psql >/dev/null; then
    fail "5 PgBouncer: psql not installed (apt-get install postgresql-client)"
elif [[ -z ${FLOWVIZ_DB_PASSWORD:-} ]]; then
    fail "5 PgBouncer: FLOWVIZ_DB_PASSWORD unknown (set it, or create deploy/.env)"
else
    # PgBouncer waits server_login_retry seconds after a failed server login
    # (e.g. PostgreSQL was restarting), so retry within OBS_WAIT.
    deadline=$(( SECONDS + OBS_WAIT ))
    until pgbouncer_select1; do
        (( SECONDS >= deadline )) && break
        sleep 1
    done
    if pgbouncer_select1; then
        pass "5 PgBouncer $PGBOUNCER_HOST:$FLOWVIZ_PGBOUNCER_PORT answers SELECT 1 as $FLOWVIZ_DB_USER"
    else
        fail "5 PgBouncer $PGBOUNCER_HOST:$FLOWVIZ_PGBOUNCER_PORT: ${out:-no answer}"
    fi
fi

# 6. postgres-exporter --------------------------------------------------------------
if body=$(fetch "$POSTGRES_EXPORTER_URL/metrics") && grep -q '^pg_up' <<<"$body"; then
    if grep -qE '^pg_up(\{[^}]*\})? 1$' <<<"$body"; then
        pass "6 postgres-exporter $POSTGRES_EXPORTER_URL/metrics has pg_up 1"
    else
        fail "6 postgres-exporter reports $(grep '^pg_up' <<<"$body"): it cannot reach PostgreSQL"
    fi
else
    fail "6 postgres-exporter $POSTGRES_EXPORTER_URL/metrics does not answer or lacks pg_up"
fi

echo "passed $passed, failed $failed, skipped $skipped"
(( failed == 0 ))
