#!/usr/bin/env bash
# Check the provisioned Grafana dashboards against a real Prometheus.
#
#   deploy/grafana/check-dashboards.sh [--require-data] PROMETHEUS_URL [DASHBOARD.json...]
#
# For every dashboard (default: deploy/grafana/dashboards/*.json; the scale-out topology's,
# deploy/cluster/grafana/flowviz-cluster.json, is checked by tests/cluster against its own):
#   - plain dashboard JSON (not wrapped in a "dashboard" key), uid and title set,
#     unique panel ids, no template variables;
#   - every panel and target uses the datasource uid "prometheus";
#   - every metric name in an expression is one the backend or the exporters expose;
#   - every expression is accepted by Prometheus (/api/v1/query), with
#     $__rate_interval replaced by 1m; with --require-data it must also return data.
# Exit status 1 on the first kind of failure found (all problems are listed).
set -uo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
require_data=0
if [[ ${1:-} == --require-data ]]; then require_data=1; shift; fi
prom=${1:?usage: check-dashboards.sh [--require-data] PROMETHEUS_URL [DASHBOARD.json...]}
shift
files=("$@")
(( ${#files[@]} )) || files=("$SCRIPT_DIR"/dashboards/*.json)

# The backend's metric names (docs/observability.md) and the families we allow from exporters.
backend_metrics=" http_requests_total http_request_duration_seconds flowviz_http_requests_inprogress
 http_request_size_bytes http_response_size_bytes flowviz_lots_registered_total
 flowviz_qc_decisions_total flowviz_qc_gate_decisions_total flowviz_traceability_query_duration_seconds
 flowviz_active_operators flowviz_pending_sync_lots flowviz_workstation_pending_sync
 flowviz_db_pool_connections_active flowviz_db_pool_connections_idle flowviz_db_pool_size
 flowviz_db_pool_wait_seconds flowviz_db_pool_timeouts_total flowviz_idempotent_replays_total
 flowviz_build_info process_cpu_seconds_total process_resident_memory_bytes
 process_virtual_memory_bytes process_open_fds process_max_fds process_start_time_seconds
 flowviz_shipments_dispatched_total flowviz_recalls_opened_total flowviz_shipments_open
 flowviz_open_shipment_hold_lots flowviz_recalls_open flowviz_recall_last_trace_seconds
 flowviz_sync_transactions_total flowviz_lot_transactions_total "
backend_metrics=${backend_metrics//$'\n'/ }

failures=0
problem() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

metric_allowed() {
    local name=$1 base
    [[ $name == up || $name == pg_* || $name == node_* ]] && return 0
    # the scale-out topology's exporters (deploy/cluster/grafana/flowviz-cluster.json)
    [[ $name == patroni_* || $name == haproxy_* || $name == etcd_* ]] && return 0
    for base in "$name" "${name%_bucket}" "${name%_sum}" "${name%_count}"; do
        [[ $backend_metrics == *" $base "* ]] && return 0
    done
    return 1
}

for f in "${files[@]}"; do
    name=$(basename -- "$f")
    if ! jq -e . "$f" >/dev/null 2>&1; then problem "$name: not valid JSON"; continue; fi
    jq -e 'has("dashboard") | not' "$f" >/dev/null || problem "$name: wrapped in a \"dashboard\" key"
    jq -e '(.uid | type == "string") and (.title | type == "string")' "$f" >/dev/null || problem "$name: uid/title missing"
    jq -e '[.panels[].id] | length == (unique | length)' "$f" >/dev/null || problem "$name: duplicate panel ids"
    jq -e '(.templating.list // []) | length == 0' "$f" >/dev/null || problem "$name: has template variables"
    bad_ds=$(jq -r '.panels[] | select(.type != "row") | select((.datasource.uid // "") != "prometheus"
                    or any(.targets[]?; (.datasource.uid // "") != "prometheus")) | .title' "$f")
    [[ -z $bad_ds ]] || problem "$name: panels not on datasource uid prometheus: $bad_ds"

    while IFS=$'\t' read -r title expr; do
        q=${expr//\$__rate_interval/1m}
        # Names outside quoted label values (proxy="flowviz_api" is not a metric).
        for m in $(sed 's/"[^"]*"//g' <<<"$q" | grep -oE '\b[a-z_:][a-z0-9_:]*\b' | grep -E '^(up|http_|flowviz_|process_|node_|pg_|patroni_|haproxy_|etcd_)' | sort -u); do
            metric_allowed "$m" || problem "$name / $title: unknown metric $m"
        done
        resp=$(curl -fsS --max-time 10 --data-urlencode "query=$q" "$prom/api/v1/query" 2>&1)
        if ! jq -e '.status == "success"' <<<"$resp" >/dev/null 2>&1; then
            problem "$name / $title: query rejected: $q :: $resp"
        elif (( require_data )) && ! jq -e '.data.result | length > 0' <<<"$resp" >/dev/null; then
            problem "$name / $title: no data: $q"
        else
            printf 'ok    %s / %s\n' "$name" "$title"
        fi
    done < <(jq -r '.panels[] | select(.type != "row") | .title as $t | .targets[]? | [$t, .expr] | @tsv' "$f")
done

if (( failures )); then echo "$failures problem(s)"; exit 1; fi
echo "all dashboard queries ok"
