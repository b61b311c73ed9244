#!/usr/bin/env bash
# End-to-end check of the observability stack against a real flowviz-server: generates
# traffic through the API, lets Prometheus scrape it, then evaluates every dashboard panel
# query (each must return data) and every alert rule (each must be healthy in Prometheus, and
# every FlowViz or exporter metric it names must have data). A metric renamed in code leaves a
# query empty and fails this test.
#
#   deploy/test-stack-queries.sh STACK_DIR     (STACK_DIR/ports.env from deploy/local/stack.sh,
#                                               started with FLOWVIZ_SERVER_BIN set)
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
dir=${1:?usage: test-stack-queries.sh STACK_DIR}
# shellcheck disable=SC1091
. "$dir/ports.env"
: "${BACKEND_URL:?the stack was started without flowviz-server (set FLOWVIZ_SERVER_BIN)}"
server_bin=${FLOWVIZ_SERVER_BIN:?FLOWVIZ_SERVER_BIN must name the flowviz-server binary}

api() { # METHOD PATH [JSON]
    local method=$1 path=$2 body=${3:-}
    local args=(-sS -o /dev/null -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
    curl "${args[@]}" "$BACKEND_URL$path"
}

# A user for the traffic: created through the IT command, as an operator would be.
user=stack-check
password=stack-check-password-1
printf '%s\n' "$password" | FLOWVIZ_DATABASE_URL=$FLOWVIZ_DATABASE_URL "$server_bin" user add "$user" --role MANAGER \
    >/dev/null 2>&1 || true
token=$(curl -fsS -H 'Content-Type: application/json' \
    --data "{\"username\":\"$user\",\"password\":\"$password\"}" "$BACKEND_URL/api/v1/auth/login" | jq -r .access_token)
[[ -n $token && $token != null ]] || { echo "FAIL  cannot log in to $BACKEND_URL"; exit 1; }

run=$(date +%s%N | tail -c 9)
declare -A counts=()
expect() { # EXPECTED ACTUAL WHAT
    if [[ $1 != "$2" ]]; then echo "FAIL  $3: expected HTTP $1, got $2"; exit 1; fi
    counts[$1]=$(( ${counts[$1]:-0} + 1 ))
}

echo "generating traffic against $BACKEND_URL"
expect 201 "$(api POST /api/v1/production-runs "{\"run_code\":\"RUN-$run\"}")" "production run"
prev=""
for type in RAW DEB BULK MIX SKW FRZ FG; do
    temp=3.0
    [[ $type == FRZ || $type == FG ]] && temp=-20.0 # a critical reading would quarantine the lot
    for i in 1 2; do
        code="$type-$run-$i"
        parents=""
        [[ -n $prev ]] && parents=",\"parents\":[{\"lot_code\":\"$prev\",\"quantity_used_kg\":\"1.5\"}]"
        expect 201 "$(api POST /api/v1/lots "{\"lot_code\":\"$code\",\"lot_type\":\"$type\",\"weight_kg\":\"20.00\",\"temperature_c\":\"$temp\",\"run_code\":\"RUN-$run\"$parents}")" "lot $code"
    done
    prev="$type-$run-1"
done
gate=1
for decision in PASS PASS HOLD FAIL PASS; do
    notes=""
    [[ $decision != PASS ]] && notes=",\"notes\":\"checked by the stack test\""
    expect 201 "$(api POST /api/v1/qc-decisions "{\"lot_code\":\"RAW-$run-2\",\"gate_number\":$gate,\"decision\":\"$decision\"$notes}")" "decision $decision"
    gate=$(( gate == 1 ? 3 : gate + 1 ))
done
expect 201 "$(api POST /api/v1/qc-decisions "{\"lot_code\":\"FRZ-$run-2\",\"gate_number\":7,\"decision\":\"PASS\",\"temperature_c\":-20}")" "CCP decision"
for _ in 1 2 3; do
    expect 200 "$(api GET "/api/v1/traceability/RAW-$run-1?direction=forward")" "forward trace"
    expect 200 "$(api GET "/api/v1/traceability/FG-$run-1?direction=backward")" "backward trace"
    expect 200 "$(api GET "/api/v1/lots?limit=20")" "lot list"
done
expect 204 "$(api POST /api/v1/heartbeat '{"workstation_id":"STACK-WS1","pending_sync":3,"app_version":"test"}')" "heartbeat"
key="stack-$run"
expect 201 "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" --data "{\"lot_code\":\"RAW-$run-K\",\"lot_type\":\"RAW\"}" "$BACKEND_URL/api/v1/lots")" "idempotent first"
expect 201 "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" --data "{\"lot_code\":\"RAW-$run-K\",\"lot_type\":\"RAW\"}" "$BACKEND_URL/api/v1/lots")" "idempotent replay"
expect 404 "$(api GET /api/v1/no-such-thing)" "unknown path"
expect 409 "$(api POST /api/v1/lots "{\"lot_code\":\"RAW-$run-1\",\"lot_type\":\"RAW\"}")" "duplicate"
for status in "${!counts[@]}"; do echo "  HTTP $status x ${counts[$status]}"; done

# Let Prometheus take several scrapes of the new counters, so rates have two samples.
prom() { curl -fsS --max-time 10 --data-urlencode "query=$1" "$PROMETHEUS_URL/api/v1/query"; }
for _ in $(seq 1 60); do
    n=$(prom "sum(flowviz_lots_registered_total)" | jq -r '.data.result[0].value[1] // "0"')
    [[ $n -ge 15 ]] && break
    sleep 1
done
sleep 6

failures=0
"$here/grafana/check-dashboards.sh" --require-data "$PROMETHEUS_URL" || failures=$((failures + 1))

# Alert rules: loaded, evaluated without error, and every metric they name has data.
rules=$(curl -fsS "$PROMETHEUS_URL/api/v1/rules?type=alert")
known=$(grep -oE '`(http|flowviz|process)_[a-z_:]+`' "$here/../docs/observability.md" | tr -d '`' | sort -u)
while IFS=$'\t' read -r name health expr; do
    if [[ $health != ok ]]; then
        echo "FAIL  alert $name: health $health"; failures=$((failures + 1)); continue
    fi
    for m in $(grep -oE '\b[a-z_:][a-z0-9_:]*\b' <<<"$expr" | sort -u); do
        base=$m
        for suffix in _bucket _sum _count; do base=${base%$suffix}; done
        if [[ $m == up || $m == pg_up ]] || grep -qx -- "$base" <<<"$known"; then
            if ! prom "count($m)" | jq -e '.data.result | length > 0' >/dev/null; then
                echo "FAIL  alert $name: metric $m has no data"; failures=$((failures + 1))
            fi
        fi
    done
    echo "ok    alert $name"
done < <(jq -r '.data.groups[].rules[] | [.name, .health, (.query | gsub("\n"; " "))] | @tsv' <<<"$rules")
nrules=$(jq '[.data.groups[].rules[]] | length' <<<"$rules")
[[ $nrules -ge 9 ]] || { echo "FAIL  only $nrules alert rules loaded"; failures=$((failures + 1)); }

if (( failures )); then echo "$failures failure(s)"; exit 1; fi
echo "every dashboard query returned data and all $nrules alert rules are healthy"
