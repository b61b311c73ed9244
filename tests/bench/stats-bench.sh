#!/usr/bin/env bash
# Supervisor statistics benchmark: prints figures, asserts nothing. Starts a private PostgreSQL 15
# (tests/fixtures/pgcluster.sh), seeds a plant history ending now, starts flowviz-server on it
# (straight to PostgreSQL, rate limits off, plant zone Europe/Budapest), and times the
# /api/v1/stats endpoints for the ranges the console's Supervisor page asks for (this shift and
# today by hour; 7, 30 and a custom 90 days by day), one request at a time with curl. Then it
# logs the plans of the repository's own SQL for the 30-day page through auto_explain
# (ANALYZE, BUFFERS) and prints their node types, index names and durations.
#
#   tests/bench/stats-bench.sh [SERVER_BINARY_OR_BUILD_DIR] [LOTS] [RUNS]
#       (defaults: build-sync/backend/flowviz-server, 200000 lots, 30 runs per figure)
#
# Seed, over the 90 days before now, spread evenly round the clock (three shifts): LOTS lots in
# the 7 lot types (RAW 20 %, DEB/BULK/MIX/SKW 15 % each, FRZ/FG 10 % each) with type-typical
# weights (2 % without one); per lot a decision at its own gate, one at the next gate and, for
# 87 %, a third (91 % PASS, 7 % HOLD, 2 % FAIL; 0.5 % flagged for a client clock running ahead);
# each HOLD is resolved 1-6 h later at the same gate (85 % PASS), except HOLDs still younger
# than that and 10 % of those of the last 7 days; a lot's status follows its latest decision
# (HOLD, REJECTED, else RELEASED/CONSUMED/FINISHED by age); 1 in 400 lots of the last 3 days
# in QUARANTINE without decisions; 12 operators, 270 production runs (one a shift),
# 12 workstation heartbeats (two offline). About 3 QC decisions per lot.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -- "$here/../.." && pwd)
arg=${1:-$root/build-sync/backend/flowviz-server}
lots=${2:-200000}
runs=${3:-30}
if [ -d "$arg" ]; then server="$arg/backend/flowviz-server"; else server=$arg; fi
[ -x "$server" ] || { echo "stats-bench: $server is missing; build it first" >&2; exit 1; }
for tool in curl jq psql python3; do
    command -v "$tool" >/dev/null || { echo "stats-bench: $tool is missing" >&2; exit 1; }
done
zone=Europe/Budapest

dir=$(mktemp -d /tmp/flowviz-stats-bench.XXXXXX)
chmod 755 "$dir"
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    "$here/../fixtures/pgcluster.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$here/../fixtures/pgcluster.sh" start "$dir/pg" >/dev/null
# shellcheck disable=SC1091
. "$dir/pg/env"
export PGPASSWORD=flowviz-test-password
admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$FLOWVIZ_TEST_PG_PORT" -U postgres "$@"; }
app() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$FLOWVIZ_TEST_PG_PORT" -U flowviz -d flowviz "$@"; }
# auto_explain is loaded into every new session but stays off (-1) until the plan phase.
admin -d postgres -c "LOAD 'auto_explain'" \
    -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER SYSTEM SET auto_explain.log_min_duration = -1" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
    -c "ALTER SYSTEM SET auto_explain.log_buffers = on" \
    -c "ALTER SYSTEM SET auto_explain.log_timing = on" \
    -c "SELECT pg_reload_conf()" >/dev/null

export FLOWVIZ_DATABASE_URL=$FLOWVIZ_TEST_PG_URL
export FLOWVIZ_JWT_SECRET=bench-secret-0123456789abcdef-0123456789
export FLOWVIZ_RATE_LIMITS=off
export FLOWVIZ_PLANT_TIME_ZONE=$zone
"$server" migrate >/dev/null

now() { date +%s.%N; }
t0=$(now)
app -v lots="$lots" <<'SQL'
SELECT setseed(0.42) AS seed \gset
INSERT INTO users (username, full_name, role, password_hash)
SELECT 'op' || lpad(i::text, 2, '0'), 'Operator ' || i, 'OPERATOR',
       '$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'
  FROM generate_series(1, 12) i;
CREATE TEMP TABLE ops AS
SELECT row_number() OVER (ORDER BY username) - 1 AS n, id FROM users WHERE role = 'OPERATOR';
CREATE TEMP TABLE types (n int, type text, gate int, share_from int, share_to int,
                         kg_min numeric, kg_span numeric);
-- Shares in 1/20: RAW 4, DEB 3, BULK 3, MIX 3, SKW 3, FRZ 2, FG 2.
INSERT INTO types VALUES (0, 'RAW', 1, 0, 4, 300, 900), (1, 'DEB', 3, 4, 7, 100, 500),
    (2, 'BULK', 4, 7, 10, 200, 600), (3, 'MIX', 5, 10, 13, 100, 400),
    (4, 'SKW', 6, 13, 16, 10, 50), (5, 'FRZ', 7, 16, 18, 10, 50), (6, 'FG', 8, 18, 20, 5, 25);
-- One production run a shift: 90 days x 3.
INSERT INTO production_runs (run_code, operator_id, daily_target_kg, status, started_at, ended_at, summary)
SELECT 'RUN-' || lpad(r::text, 4, '0'), (SELECT id FROM ops WHERE n = r % 12), 8000,
       CASE WHEN r = 269 THEN 'ACTIVE' ELSE 'COMPLETED' END,
       now() - interval '90 days' + r * interval '8 hours',
       CASE WHEN r < 269 THEN now() - interval '90 days' + (r + 1) * interval '8 hours' END,
       jsonb_build_object('shift', (ARRAY['A', 'B', 'C'])[1 + r % 3])
  FROM generate_series(0, 269) r;
CREATE TEMP TABLE runs AS
SELECT (substr(run_code, 5))::int AS r, id FROM production_runs;

CREATE TEMP TABLE seed AS
SELECT i, t.type, t.n AS type_n, t.gate,
       now() - interval '90 days' + (i + random()) * (interval '90 days' / :lots) AS at,
       CASE WHEN random() < 0.02 THEN NULL
            ELSE round(t.kg_min + random()::numeric * t.kg_span, 2) END AS kg
  FROM generate_series(0, :lots - 1) i
  JOIN types t ON i % 20 >= t.share_from AND i % 20 < t.share_to;
INSERT INTO lots (lot_code, lot_type, status, production_run_id, weight_kg, temperature_c, metadata,
                  operator_id, workstation_id, client_created_at, created_at, updated_at)
SELECT s.type || '-' || lpad(s.i::text, 7, '0'), s.type,
       CASE WHEN s.at > now() - interval '3 days' AND s.i % 400 = 7 THEN 'QUARANTINE'
            ELSE 'CREATED' END,
       r.id, s.kg, round((1 + random() * 3)::numeric, 1),
       jsonb_build_object('supplier', 'S' || (s.i % 40), 'line', s.i % 6),
       o.id, 'WS-' || lpad((1 + s.i % 12)::text, 2, '0'), s.at, s.at, s.at
  FROM seed s
  JOIN runs r ON r.r = least(269, floor(extract(epoch FROM s.at - (now() - interval '90 days')) / 28800)::int)
  JOIN ops o ON o.n = s.i % 12;

-- Decisions: own gate at +15 min, next gate at +55 min, a third (87 %) at +95 min.
CREATE TEMP TABLE gates_seq AS
SELECT row_number() OVER (ORDER BY gate_number) - 1 AS n, id, gate_number FROM qc_gates;
CREATE TEMP TABLE dec AS
SELECT l.id AS lot_id, g.id AS gate_id, l.operator_id, l.workstation_id, l.temperature_c,
       l.created_at + (15 + 40 * l.k) * interval '1 minute' + random() * interval '10 minutes' AS t,
       CASE WHEN u < 0.91 THEN 'PASS' WHEN u < 0.98 THEN 'HOLD' ELSE 'FAIL' END AS decision,
       random() < 0.005 AS flagged
  FROM (SELECT l.*, k, random() AS u, random() AS third
          FROM lots l CROSS JOIN generate_series(0, 2) k WHERE l.status <> 'QUARANTINE') l
  JOIN types ty ON ty.type = l.lot_type
  JOIN gates_seq g ON g.n = least(ty.n + l.k, 6)
 WHERE l.k < 2 OR l.third < 0.87;
-- Resolve HOLDs at the same gate 1-6 h later, unless that is still ahead or the HOLD is one of
-- the 10 % of the last 7 days waiting for the lab.
INSERT INTO dec
SELECT lot_id, gate_id, operator_id, workstation_id, temperature_c, t + r, decision, false
  FROM (SELECT d.*, interval '1 hour' + random() * interval '5 hours' AS r,
               CASE WHEN random() < 0.85 THEN 'PASS' ELSE 'FAIL' END AS decision2,
               random() AS keep
          FROM dec d WHERE d.decision = 'HOLD') h (lot_id, gate_id, operator_id, workstation_id,
              temperature_c, t, decision0, flagged, r, decision, keep)
 WHERE t + r < now() AND NOT (t > now() - interval '7 days' AND keep < 0.10);
DELETE FROM dec WHERE t > now();
INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, notes, temperature_c,
                          workstation_id, decided_at, recorded_at, client_time_flagged)
SELECT lot_id, gate_id, operator_id, decision, '', temperature_c, workstation_id,
       CASE WHEN flagged THEN t + interval '12 minutes' ELSE t END, t + interval '2 seconds', flagged
  FROM dec ORDER BY t;

-- A lot's status follows its latest decision.
UPDATE lots l SET status = CASE d.decision WHEN 'HOLD' THEN 'HOLD' WHEN 'FAIL' THEN 'REJECTED'
                               ELSE CASE WHEN l.created_at > now() - interval '2 days' THEN 'RELEASED'
                                         WHEN l.lot_type = 'FG' THEN 'FINISHED' ELSE 'CONSUMED' END END
  FROM (SELECT DISTINCT ON (lot_id) lot_id, decision FROM qc_decisions
         ORDER BY lot_id, CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END DESC,
                  recorded_at DESC, id DESC) d
 WHERE d.lot_id = l.id;

INSERT INTO workstation_heartbeats (workstation_id, user_id, pending_sync, app_version, reported_at)
SELECT 'WS-' || lpad(i::text, 2, '0'), (SELECT id FROM ops WHERE n = i - 1), (i * 7) % 5, '0.1.0',
       now() - CASE i WHEN 11 THEN interval '10 minutes' WHEN 12 THEN interval '3 hours'
                      ELSE i * interval '2 seconds' END
  FROM generate_series(1, 12) i;
SET client_min_messages = error;
VACUUM ANALYZE;
SQL
t1=$(now)
seed_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')
counts=$(app -At -c "SELECT (SELECT count(*) FROM lots) || ' lots (' ||
        (SELECT count(*) FROM lots WHERE status = 'HOLD') || ' HOLD, ' ||
        (SELECT count(*) FROM lots WHERE status = 'QUARANTINE') || ' QUARANTINE), ' ||
        (SELECT count(*) FROM qc_decisions) || ' QC decisions (' ||
        (SELECT string_agg(decision || ' ' || pct || ' %', ', ' ORDER BY decision)
           FROM (SELECT decision, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
                   FROM qc_decisions GROUP BY 1) x) || '), ' ||
        (SELECT count(*) FROM workstation_heartbeats) || ' workstations'")
sizes=$(app -At -c "SELECT 'database ' || pg_size_pretty(pg_database_size(current_database())) ||
        ', lots ' || pg_size_pretty(pg_total_relation_size('lots')) ||
        ', qc_decisions ' || pg_size_pretty(pg_total_relation_size('qc_decisions')) || ' (with indexes)'")

printf 'bench-password-1\n' | "$server" user add bench --role MANAGER >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$server" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/ready" >/dev/null && break; sleep 0.1; done
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password-1"}' \
    "$base/api/v1/auth/login" | jq -r .access_token)
auth="Authorization: Bearer $token"

# The Supervisor page's ranges (app/stats/statsrange.cpp), in the plant's zone; + as %2B.
today=$(TZ=$zone date +%F)
# at DAYS HH:MM: the plant's local time DAYS days from today, RFC 3339 for a URL.
at() {
    local day
    day=$(TZ=$zone date -d "$today $1 days" +%F)
    TZ=$zone date -d "$day $2" +%Y-%m-%dT%H:%M:%S%:z | sed 's/+/%2B/'
}
hour=$((10#$(TZ=$zone date +%H)))
if [ "$hour" -lt 6 ]; then
    shift_range="from=$(at -1 22:00)&to=$(at 0 06:00)"
elif [ "$hour" -lt 14 ]; then
    shift_range="from=$(at 0 06:00)&to=$(at 0 14:00)"
elif [ "$hour" -lt 22 ]; then
    shift_range="from=$(at 0 14:00)&to=$(at 0 22:00)"
else
    shift_range="from=$(at 0 22:00)&to=$(at 1 06:00)"
fi
tomorrow=$(at 1 00:00)
range_names=("shift/hour" "today/hour" "7 days/day" "30 days/day" "90 days/day")
range_queries=(
    "$shift_range&bucket=hour"
    "from=$(at 0 00:00)&to=$tomorrow&bucket=hour"
    "from=$(at -6 00:00)&to=$tomorrow&bucket=day"
    "from=$(at -29 00:00)&to=$tomorrow&bucket=day"
    "from=$(at -89 00:00)&to=$tomorrow&bucket=day"
)

# One request at a time: 3 warm-up requests, then $runs timed ones (curl's time_total).
# Prints "median p95 max" in ms (nearest rank) and the answer's size.
measure() {
    local url=$1 i code
    for i in 1 2 3; do
        code=$(curl -s -o "$dir/answer.json" -w '%{http_code}' -H "$auth" "$url")
        [ "$code" = 200 ] || { echo "stats-bench: $url answered $code: $(head -c 300 "$dir/answer.json")" >&2; exit 1; }
    done
    for i in $(seq 1 "$runs"); do
        curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" "$url"
    done | sort -n | awk -v size="$(wc -c <"$dir/answer.json")" '
        { t[NR] = $1 * 1000 }
        END { p50 = int((NR + 1) / 2); p95 = int(NR * 0.95 + 0.999)
              printf "%8.1f %8.1f %8.1f %9.1f kB", t[p50], t[p95], t[NR], size / 1024 }'
}
row() { printf '  %-46s %s\n' "$1" "$(measure "$2")"; }

echo "== flowviz supervisor statistics benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:  $(nproc) vCPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r); load average before: $load_before"
echo "postgres: $(app -At -c 'SHOW server_version') (private cluster, shared_buffers $(app -At -c 'SHOW shared_buffers'), fsync off), direct (no PgBouncer); $("$server" --version)"
echo "data:     $counts"
echo "          $sizes; seeded in ${seed_s} s, VACUUM ANALYZE"
echo "plant:    $zone, now $(TZ=$zone date '+%F %H:%M %Z'); $runs sequential requests per row after 3 warm-ups, curl time_total"
printf '  %-46s %8s %8s %8s %12s\n' "GET /api/v1/stats/... (range/bucket)" "p50 ms" "p95 ms" "max ms" "answer"
for i in "${!range_names[@]}"; do
    q=${range_queries[$i]}
    row "lots         ${range_names[$i]}" "$base/api/v1/stats/lots?$q"
    row "qc           ${range_names[$i]}" "$base/api/v1/stats/qc?$q"
    row "qc/decisions ${range_names[$i]} gate 5 HOLD" "$base/api/v1/stats/qc/decisions?${q%&bucket=*}&gate=5&outcome=HOLD&limit=500"
done
row "qc/decisions 90 days, all, limit 1000" "$base/api/v1/stats/qc/decisions?${range_queries[4]%&bucket=*}&limit=1000"
row "holds" "$base/api/v1/stats/holds"
row "workstations" "$base/api/v1/stats/workstations"

# The page as the console loads it: its six calls in parallel (30-day preset).
q30=${range_queries[3]}
qtoday="from=$(at 0 00:00)&to=$tomorrow&bucket=day"
page_urls=("$base/api/v1/stats/lots?$q30" "$base/api/v1/stats/qc?$q30" "$base/api/v1/stats/lots?$qtoday"
    "$base/api/v1/stats/qc?$qtoday" "$base/api/v1/stats/holds" "$base/api/v1/stats/workstations")
page_args=()
for u in "${page_urls[@]}"; do page_args+=(-o /dev/null "$u"); done
for i in $(seq 1 $((runs + 3))); do
    s=$(now)
    curl -fs --parallel --parallel-immediate -H "$auth" "${page_args[@]}" 2>/dev/null ||
        { echo "stats-bench: a page call failed" >&2; exit 1; }
    e=$(now)
    [ "$i" -gt 3 ] && awk -v a="$s" -v b="$e" 'BEGIN { printf "%.6f\n", b - a }'
done | sort -n | awk '{ t[NR] = $1 * 1000 }
    END { p50 = int((NR + 1) / 2); p95 = int(NR * 0.95 + 0.999)
          printf "  %-46s %8.1f %8.1f %8.1f   (wall time)\n", "page refresh, 30 days: 6 calls in parallel", t[p50], t[p95], t[NR] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server RSS $(awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status")"
lots30=$(curl -fs -H "$auth" "$base/api/v1/stats/lots?$q30")
qc30=$(curl -fs -H "$auth" "$base/api/v1/stats/qc?$q30")
holds=$(curl -fs -H "$auth" "$base/api/v1/stats/holds")
echo "30 days: $(jq -r '"\(.totals.lots) lots, \(.buckets | length) buckets"' <<<"$lots30"), $(
    jq -r '.totals | "\(.decisions.PASS + .decisions.HOLD + .decisions.FAIL) decisions, first-pass yield \(.yield)"' <<<"$qc30")"
echo "holds:   $(jq -r '"\(.total) held; by age: " + ([(.by_age // [])[] | "\(.label) \(.count)"] | join(", "))' <<<"$holds" ||
    head -c 300 <<<"$holds")"

# Plans: auto_explain (ANALYZE, BUFFERS, timing) on for one request per endpoint, 30 days.
admin -d postgres -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
mark=$(wc -l <"$dir/pg/postgres.log")
for u in "$base/api/v1/stats/lots?$q30" "$base/api/v1/stats/qc?$q30" \
    "$base/api/v1/stats/qc/decisions?${q30%&bucket=*}&gate=5&outcome=HOLD&limit=500" \
    "$base/api/v1/stats/holds" "$base/api/v1/stats/workstations"; do
    curl -fs -o /dev/null -H "$auth" "$u"
done
admin -d postgres -c "ALTER SYSTEM SET auto_explain.log_min_duration = -1" -c "SELECT pg_reload_conf()" >/dev/null
echo
echo "== plans of backend/stats/statsrepository.cpp's SQL, 30 days by day (auto_explain: ANALYZE, BUFFERS; timing on, so slower than above)"
tail -n +"$((mark + 1))" "$dir/pg/postgres.log" | awk '
    function flush() {
        if (!inplan) return
        inplan = 0
        name = ""
        if (query ~ /FROM lots l WHERE l.created_at/) name = "lotCounts        GET /stats/lots"
        else if (query ~ /WITH d AS/) name = "gateCounts       GET /stats/qc"
        else if (query ~ /FROM qc_gates ORDER BY/) name = "gates            GET /stats/qc"
        else if (query ~ /FROM qc_gates WHERE gate_number/) name = "gateExists       GET /stats/qc/decisions"
        else if (query ~ /count\(\*\) OVER/) name = "decisions        GET /stats/qc/decisions"
        else if (query ~ /width_bucket\(age/) name = "heldLotsByAge    GET /stats/holds"
        else if (query ~ /ORDER BY since/) name = "heldLots         GET /stats/holds"
        else if (query ~ /workstation_heartbeats/) name = "workstations     GET /stats/workstations"
        if (name == "") return
        printf "-- %s: %s ms; %s\n%s", name, dur, buffers, tree
        printf "   indexes: %s\n", idx == "" ? "none" : substr(idx, 3)
    }
    /^[0-9][0-9][0-9][0-9]-/ {
        flush()
        if ($0 ~ /duration: .* plan:/) {
            inplan = 1; query = ""; tree = ""; idx = ""; buffers = ""; delete seen
            dur = $0; sub(/.*duration: /, "", dur); sub(/ ms.*/, "", dur)
        }
        next
    }
    inplan && /Query Text:/ { query = $0; next }
    inplan && /Buffers:/ && buffers == "" { b = $0; sub(/^[ \t]*/, "", b); buffers = b; next }
    inplan && /^\t *(SubPlan|InitPlan) / { line = $0; sub(/^\t/, "", line); tree = tree "   " line "\n"; next }
    inplan && /\(actual/ {
        line = $0; sub(/^\t/, "", line)
        if (match(line, /using [a-z_0-9]+/)) {
            n = substr(line, RSTART + 6, RLENGTH - 6)
            if (!(n in seen)) { seen[n] = 1; idx = idx ", " n }
        }
        rows = line; sub(/.*rows=/, "", rows); sub(/ .*/, "", rows)
        loops = line; sub(/.*loops=/, "", loops); sub(/\).*/, "", loops)
        ms = line; sub(/.*actual time=[0-9.]+\.\./, "", ms); sub(/ .*/, "", ms)
        sub(/ *\(cost=.*/, "", line); sub(/ *\(actual.*/, "", line)
        tree = tree sprintf("   %-96s %9s ms  rows=%s loops=%s\n", substr(line, 1, 96), ms, rows, loops)
        next
    }
    END { flush() }'
