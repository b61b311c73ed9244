#!/usr/bin/env bash
# API benchmark: prints figures, asserts nothing. Starts a private PostgreSQL + PgBouncer
# (tests/fixtures/pgcluster.sh), flowviz-server through PgBouncer with rate limits off, seeds a
# genealogy, and drives it with wrk (Debian package wrk) from this machine's loopback.
#
#   tests/bench/apibench.sh [BUILD_DIR] [DURATION_SECONDS] [CONNECTIONS]
#
# APIBENCH_SECTIONS picks what runs, by name: "reads post trace recall sync logins" (the
# default, all; recall runs on the trace section's genealogy). APIBENCH_LOTS sizes the generated
# genealogy the trace section loads (default 1000000).
# APIBENCH_STRICT=1 fails the run when a request was refused (the ctest smoke run sets it).
# APIBENCH_STATEMENTS=1 lists, for each figure, the statements PostgreSQL spent its time on.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
build=${1:-build}
duration=${2:-15}
connections=${3:-32}
sections=" ${APIBENCH_SECTIONS:-reads post trace recall sync logins} "
server="$build/backend/flowviz-server"
command -v wrk >/dev/null || { echo "apibench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$server" ] || { echo "apibench: build $server first" >&2; exit 1; }

dir=$(mktemp -d /tmp/flowviz-bench.XXXXXX)
chmod 755 "$dir"
cleanup() {
    for p in ${pid:-} ${direct_pid:-}; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    "$here/../fixtures/pgcluster.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

# pg_stat_statements counts the statements each request sends.
PGCLUSTER_CONF="shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_planning = on" PGBOUNCER_POOL_SIZE=25 \
    "$here/../fixtures/pgcluster.sh" start "$dir/pg" >/dev/null
# shellcheck disable=SC1091
. "$dir/pg/env"
admin_url=${FLOWVIZ_TEST_PG_URL/flowviz:/postgres:}
psql -X -q "$admin_url" -c 'CREATE EXTENSION pg_stat_statements'
export FLOWVIZ_DATABASE_URL=$FLOWVIZ_TEST_PGBOUNCER_URL
export FLOWVIZ_JWT_SECRET=bench-secret-0123456789abcdef-0123456789
export FLOWVIZ_RATE_LIMITS=off
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$server" migrate >/dev/null
printf 'bench-password-1\n' | "$server" user add bench --role MANAGER >/dev/null
"$server" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
# A second server straight to PostgreSQL, for the write benchmark's other half.
direct_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
FLOWVIZ_DATABASE_URL=$FLOWVIZ_TEST_PG_URL "$server" --listen "127.0.0.1:$direct_port" >"$dir/server-direct.log" 2>&1 &
direct_pid=$!
direct="http://127.0.0.1:$direct_port"
for _ in $(seq 1 100); do curl -fs "$base/ready" >/dev/null && curl -fs "$direct/ready" >/dev/null && break; sleep 0.1; done
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password-1"}' \
    "$base/api/v1/auth/login" | jq -r .access_token)

# A chain RAW -> DEB -> BULK -> MIX -> SKW -> FRZ -> FG, 20 lots wide at each level.
prev=""
for type in RAW DEB BULK MIX SKW FRZ FG; do
    for i in $(seq 1 20); do
        parents=""
        [ -n "$prev" ] && parents=",\"parents\":[{\"lot_code\":\"$prev-$i\",\"quantity_used_kg\":1},{\"lot_code\":\"$prev-$(( i % 20 + 1 ))\",\"quantity_used_kg\":1}]"
        curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"lot_code\":\"B-$type-$i\",\"lot_type\":\"$type\",\"weight_kg\":100$parents}" "$base/api/v1/lots"
    done
    prev="B-$type"
done

# Every request a new lot code: the run's letter, wrk's thread, a counter. The answers are
# counted by status, so a refused request is never read as throughput.
cat >"$dir/post.lua" <<LUA
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
init = function(args)
  counter = 0
  statuses = {}
  run = os.getenv("APIBENCH_RUN") or "W"
end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/lots", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"},
    '{"lot_code":"' .. string.format("%s-%d-%d", run, tid, counter) .. '","lot_type":"RAW","weight_kg":"250.50","temperature_c":"4.0"}')
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  local line = "    answers:"
  for status, n in pairs(total) do line = line .. " " .. status .. " x" .. n end
  print(line)
end
LUA
# CPU time, in clock ticks, of the server given, of PostgreSQL (the postmaster, its live
# backends and those it has reaped) and of PgBouncer: "server postgres pgbouncer".
ticks() { for p in "$@"; do awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
cpu_ticks() {
    local postmaster
    postmaster=$(head -1 "$dir/pg/data/postmaster.pid")
    # shellcheck disable=SC2046
    echo "$(ticks "$1") $(ticks "$postmaster" $(pgrep -P "$postmaster")) $(ticks "$(cat "$dir/pg/pgbouncer.pid")")"
}
# Statements the flowviz role ran since the last reset (pg_stat_statements): "calls plan_ms
# exec_ms". Planning and execution are wall times inside PostgreSQL, waits for a core included.
statements() {
    psql -X -At -F ' ' "$admin_url" -c "SELECT sum(calls), round(sum(total_plan_time)::numeric, 1),
        round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements
        WHERE userid = 'flowviz'::regrole"
}
reset_statements() { psql -X -At "$admin_url" -c 'SELECT pg_stat_statements_reset()' >/dev/null; }
cpu_per_request() { # before, after, requests; the statements since reset_statements
    read -r s0 p0 b0 <<<"$1"
    read -r s1 p1 b1 <<<"$2"
    read -r calls plan exec <<<"$(statements)"
    awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v n="$3" -v hz="$(getconf CLK_TCK)" \
        -v calls="$calls" -v plan="$plan" -v exec="$exec" 'BEGIN {
        f = 1000000 / hz / n
        printf "    per request: CPU server %.0f us, PostgreSQL %.0f us, PgBouncer %.0f us;", s * f, p * f, b * f
        printf " %.1f statements, planning %.0f us, execution %.0f us\n", calls / n, plan * 1000 / n, exec * 1000 / n }'
    [ -z "${APIBENCH_STATEMENTS:-}" ] || psql -X -At -F ' | ' "$admin_url" -c "SELECT round(calls::numeric / $3, 2),
        round(mean_plan_time::numeric * 1000), round(mean_exec_time::numeric * 1000),
        left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements
        WHERE userid = 'flowviz'::regrole
        ORDER BY total_plan_time + total_exec_time DESC LIMIT 10" | sed 's/^/      per request | plan us | exec us: /'
}
auth=(-H "Authorization: Bearer $token")
# APIBENCH_STRICT=1 (the smoke run in ctest) fails the run when any request was not answered
# 2xx: a benchmark of refusals measures nothing.
refused() { # wrk's output
    if [ -n "${APIBENCH_STRICT:-}" ] && grep -qE 'Non-2xx|Socket errors' "$1"; then
        echo "apibench: requests failed:" >&2
        cat "$1" >&2
        exit 1
    fi
}
read_bench() { # URL
    wrk -t2 -c"$connections" -d"${duration}s" --latency "${auth[@]}" "$1" >"$dir/wrk.txt"
    grep -E 'Requests/sec|Latency|50%|99%|Non-2xx' "$dir/wrk.txt"
    refused "$dir/wrk.txt"
}
echo "== flowviz-server $("$server" --version | awk '{print $2}') through PgBouncer (transaction mode, pool 25), $connections connections, ${duration}s each, $(nproc) cores"
if [[ $sections == *" reads "* ]]; then
    echo "-- GET /api/v1/lots/{lot_code}"
    read_bench "$base/api/v1/lots/B-MIX-7"
    echo "-- GET /api/v1/lots?limit=50"
    read_bench "$base/api/v1/lots?limit=50"
    echo "-- GET /api/v1/traceability/B-RAW-1?direction=forward (7 levels)"
    read_bench "$base/api/v1/traceability/B-RAW-1?direction=forward"
fi
if [[ $sections == *" post "* ]]; then
    # The floor: what PostgreSQL itself does with the same number of clients inserting a lot
    # straight into the same table (pgbench, no HTTP, no checks), measured in this run.
    cat >"$dir/insert.sql" <<'SQL'
INSERT INTO lots (lot_code, lot_type, weight_kg, temperature_c)
VALUES ('PGB-' || :client_id || '-' || upper(md5(random()::text)), 'RAW', 250.50, 4.0)
RETURNING id, created_at;
SQL
    reset_statements
    before=$(cpu_ticks "$pid")
    floor=$(pgbench -n -c "$connections" -j 2 -T "$duration" -f "$dir/insert.sql" "$FLOWVIZ_TEST_PG_URL" 2>&1 |
        awk '/^tps/ {printf "%.0f", $3}')
    [ -n "$floor" ] || { echo "apibench: pgbench did not run" >&2; exit 1; }
    echo "-- floor: pgbench INSERT INTO lots ... RETURNING, $connections clients, direct: $floor tps"
    cpu_per_request "$before" "$(cpu_ticks "$pid")" $(( floor * duration ))
    post() { # label, base URL, the run's letter, the server's pid
        local before after
        reset_statements
        before=$(cpu_ticks "$4")
        APIBENCH_RUN=$3 wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$dir/post.lua" "$2" >"$dir/wrk.txt"
        after=$(cpu_ticks "$4")
        rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$dir/wrk.txt")
        echo "-- POST /api/v1/lots, $1: $rps rps, $(awk -v r="$rps" -v f="$floor" 'BEGIN {printf "%.2f", r / f}')x the floor"
        grep -E 'Latency|50%|99%|Non-2xx|answers:' "$dir/wrk.txt"
        refused "$dir/wrk.txt"
        cpu_per_request "$before" "$after" "$(awk '/requests in/ {print $1}' "$dir/wrk.txt")"
    }
    post "through PgBouncer" "$base" P "$pid"
    post "straight to PostgreSQL" "$direct" D "$direct_pid"
fi
if [[ $sections == *" trace "* ]]; then
    # A generated genealogy (tests/bench/genealogy.py, deterministic), COPY-loaded beside the
    # seeded lots; traces from random FG lots backward and random RAW lots forward, 4
    # connections: the recursive CTE alone in pgbench (the floor), then the API.
    lots=${APIBENCH_LOTS:-1000000}
    mkdir -p "$dir/gen"
    started=$(date +%s%N)
    # "N lots over D days, P of each type a day"
    read -r made days per_type < <(python3 "$here/genealogy.py" "$lots" "$dir/gen" | awk '{print $1, $4, $6}')
    generated=$(( ($(date +%s%N) - started) / 1000000 ))
    started=$(date +%s%N)
    # Loaded as pg_restore loads a dump: the rows first, then the indexes and the genealogy's
    # keys, each built in one pass over the loaded table (a foreign key added to a full table is
    # checked for every row at once, by one join, instead of by two lookups a link). The
    # definitions are read back from the catalogue, so what is rebuilt is what the migrations
    # made. The lots' primary key and code key stay: other tables' keys point at them. The
    # audit trail's triggers are off, as pg_restore --disable-triggers would have them: the
    # generated rows are not the plant's records, and a million audit entries would measure
    # the trail's loading, not the traces. The two tables load side by side, one per core.
    rebuilt="SELECT c.conrelid::regclass AS t, 1 AS pass,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname,
                pg_get_constraintdef(c.oid)) AS make,
            format('ALTER TABLE %s DROP CONSTRAINT %I;', c.conrelid::regclass, c.conname) AS undo
        FROM pg_constraint c WHERE c.conrelid = 'lot_genealogy'::regclass AND c.contype IN ('f', 'u')
        UNION ALL
        SELECT i.indrelid::regclass, 0, pg_get_indexdef(i.indexrelid) || ';',
            format('DROP INDEX %s;', i.indexrelid::regclass)
        FROM pg_index i WHERE i.indrelid IN ('lots'::regclass, 'lot_genealogy'::regclass)
            AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
    for table in lots lot_genealogy; do
        psql -X -At -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
            -c "SELECT make FROM ($rebuilt) r WHERE t = '$table'::regclass ORDER BY pass, make" >"$dir/$table-keys.sql"
    done
    psql -X -At -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" -c "SELECT undo FROM ($rebuilt) r" >"$dir/drop-keys.sql"
    psql -X -q -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
        -c "ALTER TABLE lots DISABLE TRIGGER lots_audit" \
        -c "ALTER TABLE lot_genealogy DISABLE TRIGGER lot_genealogy_audit" \
        -f "$dir/drop-keys.sql"
    # Each table's rows, then its indexes and keys; the links' foreign keys wait for the lots.
    psql -X -q -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
        -c "\\copy lots (id, lot_code, lot_type, status, weight_kg, created_at, updated_at) FROM '$dir/gen/lots.csv' CSV" \
        -f "$dir/lots-keys.sql" &
    lots_loader=$!
    psql -X -q -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
        -c "\\copy lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg, linked_at) FROM '$dir/gen/links.csv' CSV" \
        -f <(grep -v 'FOREIGN KEY' "$dir/lot_genealogy-keys.sql")
    wait "$lots_loader"
    psql -X -q -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" -f <(grep 'FOREIGN KEY' "$dir/lot_genealogy-keys.sql") \
        -c "ALTER TABLE lots ENABLE TRIGGER lots_audit" \
        -c "ALTER TABLE lot_genealogy ENABLE TRIGGER lot_genealogy_audit" \
        -c "VACUUM (ANALYZE) lots" -c "VACUUM (ANALYZE) lot_genealogy"
    for table in lots lot_genealogy; do # every index and key is back as it was
        psql -X -At -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
            -c "SELECT make FROM ($rebuilt) r WHERE t = '$table'::regclass ORDER BY pass, make" |
            cmp -s - "$dir/$table-keys.sql" || { echo "apibench: $table's indexes and keys were not rebuilt" >&2; exit 1; }
    done
    # Vacuumed (not only analysed) and checkpointed, as a plant's database would be: otherwise
    # autovacuum and the checkpoint of a million fresh rows run during the first figures.
    psql -X -q -v ON_ERROR_STOP=1 "$admin_url" -c CHECKPOINT
    loaded=$(( ($(date +%s%N) - started) / 1000000 ))
    echo "-- genealogy: $made lots over $days days, $(wc -l <"$dir/gen/links.csv") links; generated in" \
        "$generated ms, COPY-loaded, vacuumed and analysed in $loaded ms"
    code='lpad(:d::text, 4, '"'0'"') || '"'-'"' || lpad(:n::text, 4, '"'0'"')'
    cat >"$dir/backward.sql" <<SQL
\\set d random(0, $((days - 1)))
\\set n random(0, $((per_type - 1)))
WITH RECURSIVE up(id) AS (SELECT id FROM lots WHERE lot_code = 'FG-' || $code
    UNION SELECT g.parent_lot_id FROM up JOIN lot_genealogy g ON g.child_lot_id = up.id)
SELECT l.lot_code, l.lot_type FROM up JOIN lots l ON l.id = up.id;
SQL
    sed -e "s/'FG-'/'RAW-'/" -e 's/up(id)/down(id)/; s/FROM up JOIN lot_genealogy g ON g.child_lot_id = up.id/FROM down JOIN lot_genealogy g ON g.parent_lot_id = down.id/; s/g.parent_lot_id FROM/g.child_lot_id FROM/; s/FROM up JOIN lots l ON l.id = up.id/FROM down JOIN lots l ON l.id = down.id/' \
        "$dir/backward.sql" >"$dir/forward.sql"
    ratio() { # wrk's latency (850.00us, 12.3ms, 1.2s) over a floor in ms: "2.1×"
        awk -v t="$1" -v f="$2" 'BEGIN {
            v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000
            if (f > 0) printf "%.1f×", v / f; else printf "n/a" }'
    }
    floor_trace() { # script [clients, default 4]: prints "p50 p99 n" in ms of pgbench's own log
        rm -f "$dir"/pgbench_log.*
        local clients=${2:-4}
        (cd "$dir" && pgbench -n -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -T "$duration" -l -f "$1" "$FLOWVIZ_TEST_PG_URL" >/dev/null 2>&1)
        cat "$dir"/pgbench_log.* | awk '{print $3}' | sort -n |
            awk '{v[NR] = $1} END {printf "%.2f %.2f %d\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000, NR}'
    }
    cat >"$dir/trace.lua" <<LUA
local direction = os.getenv("APIBENCH_DIRECTION")
local form = os.getenv("APIBENCH_FORM")
local first = direction == "backward" and "FG" or "RAW"
local statuses = {}
request = function()
  local path = string.format("/api/v1/traceability/%s-%04d-%04d?direction=%s&form=%s", first,
    math.random(0, $((days - 1))), math.random(0, $((per_type - 1))), direction, form)
  return wrk.format("GET", path, {["Authorization"] = "Bearer $token"})
end
LUA
    for direction in backward forward; do
        script="$dir/$direction.sql"
        # Not counted: one pass of the API first, so that neither the floor nor the first form
        # measured pays for pages not yet read since the load and connections' first plans (the
        # first figure after the load came out 2-3x slower at p99, whichever form it was).
        APIBENCH_DIRECTION=$direction APIBENCH_FORM=full wrk -t2 -c4 -d"${duration}s" -s "$dir/trace.lua" "$base" >/dev/null
        read -r p50 p99 n < <(floor_trace "$script")
        echo "-- floor: recursive CTE $direction, pgbench 4 clients: p50 $p50 ms, p99 $p99 ms ($n traces)"
        # The compact form is what the console asks for; the full one is the default answer.
        # APIBENCH_FORMS="full compact" measures them the other way round.
        for form in ${APIBENCH_FORMS:-compact full}; do
            reset_statements
            before=$(cpu_ticks "$pid")
            APIBENCH_DIRECTION=$direction APIBENCH_FORM=$form wrk -t2 -c4 -d"${duration}s" --latency -s "$dir/trace.lua" "$base" >"$dir/wrk.txt"
            after=$(cpu_ticks "$pid")
            read -r a50 a99 < <(awk '$1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} END {print p50, p99}' "$dir/wrk.txt")
            echo "-- GET /api/v1/traceability/{lot_code}?direction=$direction&form=$form, 4 connections:" \
                "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$dir/wrk.txt") rps, p50 $a50, p99 $a99" \
                "($(ratio "$a99" "$p99") the floor's p99)"
            grep -E 'Non-2xx' "$dir/wrk.txt" || true
            refused "$dir/wrk.txt"
            cpu_per_request "$before" "$after" "$(awk '/requests in/ {print $1}' "$dir/wrk.txt")"
        done
    done
    curl -fsS -o "$dir/one.json" -H "Authorization: Bearer $token" "$base/api/v1/traceability/RAW-0000-0000?direction=forward"
    curl -fsS -o "$dir/one-compact.json" -H "Authorization: Bearer $token" "$base/api/v1/traceability/RAW-0000-0000?direction=forward&form=compact"
    echo "   one forward answer: $(jq '.nodes | length' "$dir/one.json") lots, $(wc -c <"$dir/one.json") bytes;" \
        "compact $(jq '.nodes | length' "$dir/one-compact.json") lots, $(wc -c <"$dir/one-compact.json") bytes"
    # The other reads a supervisor's screens and Prometheus make, on the same million lots:
    # the newest pages of the lot list, a month of daily stats (the last 30 generated days) and
    # the holds list at 4 connections, then /metrics scraped one at a time, as Prometheus does.
    from=$(date -u -d "2024-12-01 +$((days > 30 ? days - 30 : 0)) days" +%FT00:00:00Z)
    to=$(date -u -d "2024-12-01 +$days days" +%FT00:00:00Z)
    for path in "/api/v1/lots?limit=50" "/api/v1/lots?type=FG&limit=50" \
        "/api/v1/lots?code_prefix=MIX-0300&limit=50" \
        "/api/v1/stats/lots?from=$from&to=$to&bucket=day" "/api/v1/stats/qc?from=$from&to=$to&bucket=day" \
        "/api/v1/stats/holds" "/metrics"; do
        clients=4
        [ "$path" != /metrics ] || clients=1
        reset_statements
        before=$(cpu_ticks "$pid")
        wrk -t"$(( clients < 2 ? clients : 2 ))" -c"$clients" -d"${duration}s" --latency "${auth[@]}" "$base$path" >"$dir/wrk.txt"
        after=$(cpu_ticks "$pid")
        read -r a50 a99 < <(awk '$1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} END {print p50, p99}' "$dir/wrk.txt")
        curl -fsS -o "$dir/one.out" "${auth[@]}" "$base$path"
        echo "-- GET $path on $made generated lots, $clients connections:" \
            "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$dir/wrk.txt") rps, p50 $a50, p99 $a99, $(wc -c <"$dir/one.out") bytes"
        grep -E 'Non-2xx' "$dir/wrk.txt" || true
        refused "$dir/wrk.txt"
        cpu_per_request "$before" "$after" "$(awk '/requests in/ {print $1}' "$dir/wrk.txt")"
    done
fi
if [[ $sections == *" recall "* && $sections == *" trace "* ]]; then
    # Recalls on the generated genealogy with shipments: 200 customers, seven FG lots in ten
    # shipped (10 kg each, five lines a shipment, all dispatched), loaded with the lines' checks
    # and audit triggers off as the lots were. Then recalls of random RAW lots, one at a time, as
    # a manager opens them: the server's own time (trace_ms), the whole POST, and the XLSX
    # workbook of each. The floor: the downstream set and its lines and customers in one
    # read-only query, in pgbench.
    started=$(date +%s%N)
    psql -X -q -v ON_ERROR_STOP=1 "$FLOWVIZ_TEST_PG_URL" \
        -c "ALTER TABLE shipment_lines DISABLE TRIGGER shipment_lines_guard" \
        -c "ALTER TABLE shipment_lines DISABLE TRIGGER shipment_lines_audit" \
        -c "ALTER TABLE shipments DISABLE TRIGGER shipments_audit" \
        -c "ALTER TABLE customers DISABLE TRIGGER customers_audit" \
        -c "INSERT INTO customers (customer_code, name, contact)
            SELECT 'BC-' || i, 'Bench customer ' || i, '+36 1 555 ' || i FROM generate_series(1, 200) i" \
        -c "CREATE TEMP TABLE shipped AS SELECT id, row_number() OVER (ORDER BY lot_code) AS rn
            FROM lots WHERE lot_type = 'FG' AND lot_code LIKE 'FG-____-%' AND abs(hashtext(lot_code)) % 10 < 7" \
        -c "INSERT INTO shipments (reference, customer_id, ship_date, status, dispatched_at)
            SELECT 'BS-' || i, c.id, date '2024-12-01' + (i % 730)::int, 'DISPATCHED', now()
            FROM generate_series(1, (SELECT count(*) / 5 + 1 FROM shipped)) i
            JOIN customers c ON c.customer_code = 'BC-' || (i % 200 + 1)" \
        -c "INSERT INTO shipment_lines (shipment_id, lot_id, quantity_kg)
            SELECT s.id, f.id, 10 FROM shipped f JOIN shipments s ON s.reference = 'BS-' || (f.rn / 5 + 1)" \
        -c "ALTER TABLE shipment_lines ENABLE TRIGGER shipment_lines_guard" \
        -c "ALTER TABLE shipment_lines ENABLE TRIGGER shipment_lines_audit" \
        -c "ALTER TABLE shipments ENABLE TRIGGER shipments_audit" \
        -c "ALTER TABLE customers ENABLE TRIGGER customers_audit" \
        -c "ANALYZE customers" -c "ANALYZE shipments" -c "ANALYZE shipment_lines"
    loaded=$(( ($(date +%s%N) - started) / 1000000 ))
    echo "-- shipments: $(psql -X -At "$FLOWVIZ_TEST_PG_URL" -c 'SELECT count(*) FROM shipment_lines') lines on" \
        "$(psql -X -At "$FLOWVIZ_TEST_PG_URL" -c 'SELECT count(*) FROM shipments') shipments to 200 customers, loaded in $loaded ms"
    cat >"$dir/recall.sql" <<SQL
\\set d random(0, $((days - 1)))
\\set n random(0, $((per_type - 1)))
WITH RECURSIVE down(id) AS (SELECT id FROM lots WHERE lot_code = 'RAW-' || $code
    UNION SELECT g.child_lot_id FROM down JOIN lot_genealogy g ON g.parent_lot_id = down.id)
SELECT l.lot_code, sl.quantity_kg, s.reference, c.customer_code
FROM down JOIN lots l ON l.id = down.id
LEFT JOIN shipment_lines sl ON sl.lot_id = down.id LEFT JOIN shipments s ON s.id = sl.shipment_id
LEFT JOIN customers c ON c.id = s.customer_id;
SQL
    read -r f50 f99 n < <(floor_trace "$dir/recall.sql")
    echo "-- floor: the downstream set with its lines and customers, pgbench 4 clients: p50 $f50 ms, p99 $f99 ms ($n queries)"
    recalls=$(( duration < 5 ? 3 : 20 ))
    : >"$dir/recalls.txt"
    for i in $(seq 1 "$recalls"); do
        raw=$(printf 'RAW-%04d-%04d' $(( (i * 7919) % days )) $(( (i * 104729) % per_type )))
        curl -fsS -o "$dir/recall.json" -w '%{time_total}' "${auth[@]}" -H 'Content-Type: application/json' \
            -d "{\"lot_code\":\"$raw\",\"reason\":\"Benchmark recall of $raw\"}" "$base/api/v1/recalls" >"$dir/post.time"
        ref=$(jq -r .reference "$dir/recall.json")
        xlsx=$(curl -fsS -o "$dir/recall.xlsx" -w '%{time_total}' "${auth[@]}" "$base/api/v1/recalls/$ref?format=xlsx")
        echo "$(jq -r '[.trace_ms, .lot_count, (.shipments | length), .customer_count, .held_count] | @tsv' "$dir/recall.json") $(cat "$dir/post.time") $xlsx $(wc -c <"$dir/recall.xlsx")" >>"$dir/recalls.txt"
    done
    median() { sort -n | awk '{v[NR] = $1} END {printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[NR]}'; } # p50 max
    read -r t50 tmax < <(awk '{print $1}' "$dir/recalls.txt" | median)
    read -r p50 pmax < <(awk '{print $6 * 1000}' "$dir/recalls.txt" | median)
    read -r x50 xmax < <(awk '{print $7 * 1000}' "$dir/recalls.txt" | median)
    awk '{lots += $2; lines += $3; cust += $4; held += $5; bytes += $8} END {
        printf "-- POST /api/v1/recalls from %d RAW lots, one at a time: on average %.0f lots, %.0f shipment lines, %.0f customers, %.0f lots put on HOLD; workbooks of %.0f bytes\n", NR, lots / NR, lines / NR, cust / NR, held / NR, bytes / NR }' "$dir/recalls.txt"
    echo "   server time to trace and hold (trace_ms): p50 $t50 ms, max $tmax ms;" \
        "$(awk -v a="$t50" -v b="$f50" 'BEGIN {printf "%.1f", a / (b > 0 ? b : 1)}')x the floor p50"
    echo "   whole POST: p50 $p50 ms, max $pmax ms; GET ?format=xlsx: p50 $x50 ms, max $xmax ms"
    /usr/bin/python3 -c "import openpyxl, sys; b = openpyxl.load_workbook(sys.argv[1], read_only=True); print('   the last workbook opens: ' + ', '.join(f'{ws.title} {ws.max_row - 1} rows' for ws in b.worksheets))" "$dir/recall.xlsx"

    # The FSMA 204 export of one product for 30 days (FG: the lots made and the shipment lines
    # of those days), as an auditor asks for it, one window at a time, as JSON, CSV and XLSX.
    # The floor: the same rows (each FG lot made in the window with its input lots, each line
    # with its shipment and customer) in one read-only query, in pgbench.
    span=$(( days < 30 ? days : 30 ))
    cat >"$dir/kde.sql" <<SQL
\\set d random(0, $((days - span)))
SELECT l.lot_code, l.weight_kg, l.created_at, (SELECT string_agg(p.lot_code, ' ')
    FROM lot_genealogy g JOIN lots p ON p.id = g.parent_lot_id WHERE g.child_lot_id = l.id)
FROM lots l WHERE l.lot_type = 'FG' AND l.created_at >= date '2024-12-01' + :d
    AND l.created_at < date '2024-12-01' + :d + $span
UNION ALL
SELECT l.lot_code, y.quantity_kg, s.ship_date, s.reference || cu.name
FROM shipment_lines y JOIN shipments s ON s.id = y.shipment_id
JOIN customers cu ON cu.id = s.customer_id JOIN lots l ON l.id = y.lot_id
WHERE l.lot_type = 'FG' AND s.ship_date BETWEEN date '2024-12-01' + :d AND date '2024-12-01' + :d + $((span - 1));
SQL
    # One client, as the export below is asked for one at a time.
    read -r k50 k99 n < <(floor_trace "$dir/kde.sql" 1)
    echo "-- floor: one product's ${span}-day events with their inputs, lines and customers, pgbench 1 client: p50 $k50 ms, p99 $k99 ms ($n queries)"
    : >"$dir/kde.txt"
    for i in $(seq 1 "$recalls"); do
        from=$(date -u -d "2024-12-01 + $(( (i * 7919) % (days - span + 1) )) days" +%F)
        to=$(date -u -d "$from + $((span - 1)) days" +%F)
        url="$base/api/v1/kde-events?product=FG&from=$from&to=$to"
        j=$(curl -fsS -o "$dir/kde.json" -w '%{time_total}' "${auth[@]}" "$url")
        c=$(curl -fsS -o "$dir/kde.csv" -w '%{time_total}' "${auth[@]}" "$url&format=csv")
        x=$(curl -fsS -o "$dir/kde.xlsx" -w '%{time_total}' "${auth[@]}" "$url&format=xlsx")
        echo "$(jq '.events | length' "$dir/kde.json") $j $c $x $(wc -c <"$dir/kde.xlsx")" >>"$dir/kde.txt"
    done
    read -r j50 jmax < <(awk '{print $2 * 1000}' "$dir/kde.txt" | median)
    read -r c50 cmax < <(awk '{print $3 * 1000}' "$dir/kde.txt" | median)
    read -r x50 xmax < <(awk '{print $4 * 1000}' "$dir/kde.txt" | median)
    awk -v span="$span" '{events += $1; bytes += $5} END {
        printf "-- GET /api/v1/kde-events, FG for %d days, %d windows one at a time: on average %.0f events; workbooks of %.0f bytes\n", span, NR, events / NR, bytes / NR }' "$dir/kde.txt"
    echo "   JSON p50 $j50 ms (max $jmax); CSV p50 $c50 ms (max $cmax); XLSX p50 $x50 ms (max $xmax);" \
        "XLSX $(awk -v a="$x50" -v b="$k50" 'BEGIN {printf "%.1f", a / (b > 0 ? b : 1)}')x the floor p50"
fi
if [[ $sections == *" sync "* ]]; then
    # A workstation's outbox after a long network outage: 10,000 lot registrations (every fifth
    # drawing 1 kg from a seeded MIX lot), sent as the console drains it, 20 batches of 500 one
    # after the other, then the same again in 4 parallel streams of 5 batches.
    python3 - "$dir" <<'PY'
import json, sys
for run in ("S", "T"):
    for b in range(20):
        ops = []
        for i in range(500):
            n = b * 500 + i
            body = {"lot_code": f"{run}-{n}", "lot_type": "SKW", "weight_kg": "12.50"}
            if n % 5 == 0:
                body["parents"] = [{"lot_code": f"B-MIX-{n % 20 + 1}", "quantity_used_kg": "0.01"}]
            ops.append({"idempotency_key": f"{run}-key-{n}", "method": "POST",
                        "path": "/api/v1/lots", "body": body})
        with open(f"{sys.argv[1]}/sync-{run}-{b}.json", "w") as f:
            json.dump({"operations": ops}, f)
PY
    drain() { # the run's letter, batch numbers...
        local run=$1
        shift
        for b in "$@"; do
            curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
                --data-binary "@$dir/sync-$run-$b.json" "$base/api/v1/sync" >"$dir/sync-$run-$b.out"
        done
    }
    synced() { # the run's letter: operations answered 201
        cat "$dir"/sync-"$1"-*.out | jq '[.results[] | select(.status == 201)] | length' | awk '{s += $1} END {print s}'
    }
    reset_statements
    before=$(cpu_ticks "$pid")
    started=$(date +%s%N)
    drain S $(seq 0 19)
    elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
    ok=$(synced S)
    echo "-- POST /api/v1/sync, 20 x 500 lots one batch after the other: $ok of 10000 answered 201" \
        "in $elapsed ms, $(( ok * 1000 / (elapsed > 0 ? elapsed : 1) )) operations/s"
    cpu_per_request "$before" "$(cpu_ticks "$pid")" 10000 | sed 's/per request/per operation/'
    [ -z "${APIBENCH_STRICT:-}" ] || [ "$ok" = 10000 ] || { echo "apibench: sync operations failed" >&2; exit 1; }
    started=$(date +%s%N)
    streams=()
    for stream in 0 1 2 3; do
        drain T $(seq $((stream * 5)) $((stream * 5 + 4))) &
        streams+=($!)
    done
    wait "${streams[@]}"
    elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
    ok=$(synced T)
    echo "-- the same in 4 parallel streams of 5 batches: $ok of 10000 answered 201 in $elapsed ms," \
        "$(( ok * 1000 / (elapsed > 0 ? elapsed : 1) )) operations/s"
    [ -z "${APIBENCH_STRICT:-}" ] || [ "$ok" = 10000 ] || { echo "apibench: sync operations failed" >&2; exit 1; }
fi
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$1/status"; }
echo "-- server resident memory: $(rss "$pid") through PgBouncer, $(rss "$direct_pid") direct;" \
    "lots stored: $(psql -X -At "$FLOWVIZ_TEST_PG_URL" -c 'SELECT count(*) FROM lots')"
# The server hands freed heap pages back every ten seconds (main.cpp): the figure above may
# fall just before that, this one falls after it (not in the smoke run, which has no figures).
if [ -z "${APIBENCH_STRICT:-}" ]; then
    sleep 11
    echo "   11 s later, idle: $(rss "$pid") through PgBouncer, $(rss "$direct_pid") direct"
fi
if [[ $sections == *" logins "* ]]; then
    # A shift change: 100 logins, 16 at once. Each argon2id verification takes 64 MiB; the
    # server runs at most as many at once as it has cores (auth::passwords::Slot), so the burst
    # costs latency rather than memory. The peak RSS is reset first (clear_refs 5, as root).
    echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || echo "   (peak RSS not reset: it is the peak since start)"
    before=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    started=$(date +%s%N)
    seq 1 100 | xargs -P16 -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
        -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password-1"}' \
        "$base/api/v1/auth/login" >"$dir/logins.txt"
    elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
    ok=$(grep -c '^200 ' "$dir/logins.txt" || true)
    read -r p50 p99 < <(awk '{print $2}' "$dir/logins.txt" | sort -n |
        awk '{v[NR]=$1} END {printf "%.0f %.0f\n", v[int(NR*0.5)]*1000, v[int(NR*0.99)]*1000}')
    echo "-- login storm: 100 logins, 16 at once: $ok answered 200 in $elapsed ms;" \
        "latency p50 $p50 ms, p99 $p99 ms; server RSS $before kB before," \
        "peak $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") kB"
fi
