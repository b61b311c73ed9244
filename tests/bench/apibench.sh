#!/usr/bin/env bash
# API benchmark: prints figures, asserts nothing. Starts a private PostgreSQL + PgBouncer
# (tests/fixtures/pgcluster.sh), flowviz-server through PgBouncer with rate limits off, seeds a
# genealogy, and drives it with wrk (Debian package wrk) from this machine's loopback.
#
#   tests/bench/apibench.sh [BUILD_DIR] [DURATION_SECONDS] [CONNECTIONS]
#
# APIBENCH_SECTIONS picks what runs, by name: "reads post logins" (the default, all of them).
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
build=${1:-build}
duration=${2:-15}
connections=${3:-32}
sections=" ${APIBENCH_SECTIONS:-reads post logins} "
server="$build/backend/flowviz-server"
command -v wrk >/dev/null || { echo "apibench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$server" ] || { echo "apibench: build $server first" >&2; exit 1; }

dir=$(mktemp -d /tmp/flowviz-bench.XXXXXX)
chmod 755 "$dir"
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    "$here/../fixtures/pgcluster.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

PGBOUNCER_POOL_SIZE=25 "$here/../fixtures/pgcluster.sh" start "$dir/pg" >/dev/null
# shellcheck disable=SC1091
. "$dir/pg/env"
export FLOWVIZ_DATABASE_URL=$FLOWVIZ_TEST_PGBOUNCER_URL
export FLOWVIZ_JWT_SECRET=bench-secret-0123456789abcdef-0123456789
export FLOWVIZ_RATE_LIMITS=off
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$server" migrate >/dev/null
printf 'bench-password-1\n' | "$server" user add bench --role MANAGER >/dev/null
"$server" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/ready" >/dev/null && break; sleep 0.1; done
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

cat >"$dir/post.lua" <<LUA
local counter = 0
request = function()
  counter = counter + 1
  local code = string.format("W%d-%d-%d", math.random(1, 1000000000), counter, os.time())
  return wrk.format("POST", "/api/v1/lots", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"},
    '{"lot_code":"' .. code .. '","lot_type":"RAW","weight_kg":"250.50","temperature_c":"4.0"}')
end
LUA
auth=(-H "Authorization: Bearer $token")
echo "== flowviz-server $("$server" --version | awk '{print $2}') through PgBouncer (transaction mode, pool 25), $connections connections, ${duration}s each, $(nproc) cores"
if [[ $sections == *" reads "* ]]; then
    echo "-- GET /api/v1/lots/{lot_code}"
    wrk -t2 -c"$connections" -d"${duration}s" --latency "${auth[@]}" "$base/api/v1/lots/B-MIX-7" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
    echo "-- GET /api/v1/lots?limit=50"
    wrk -t2 -c"$connections" -d"${duration}s" --latency "${auth[@]}" "$base/api/v1/lots?limit=50" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
    echo "-- GET /api/v1/traceability/B-RAW-1?direction=forward (7 levels)"
    wrk -t2 -c"$connections" -d"${duration}s" --latency "${auth[@]}" "$base/api/v1/traceability/B-RAW-1?direction=forward" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
fi
if [[ $sections == *" post "* ]]; then
    echo "-- POST /api/v1/lots"
    wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$dir/post.lua" "$base" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
fi
echo "-- server resident memory: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status), lots stored: $(psql -X -At "$FLOWVIZ_TEST_PG_URL" -c 'SELECT count(*) FROM lots')"
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
