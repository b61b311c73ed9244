#!/usr/bin/env bash
# Point-in-time recovery drill: prints figures, and fails if a recovery does not hold exactly
# the rows it should. Runs a private PostgreSQL 15 with WAL archiving (archive_command copying
# to a local directory, archive_timeout as given), takes a base backup with pg_basebackup while
# flowviz data exists, then writes one lot per second, notes a target time, keeps writing, and
# "loses the server" (immediate stop, data directory and pg_wal gone). Then it recovers twice
# from base backup + archive:
#   1. to the target time (undo a mistake): must hold exactly the lots written up to it;
#   2. as far as the archive goes (lost machine): shows how many seconds of writes were lost.
# Finally flowviz-server runs on recovery 1 until /ready answers.
#
#   tests/bench/pitr-drill.sh [BUILD_DIR] [ARCHIVE_TIMEOUT_SECONDS]   (default: build 60)
set -euo pipefail

build=${1:-build}
archive_timeout=${2:-60}
server="$build/backend/flowviz-server"
pgbin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$server" ] || { echo "pitr-drill: build $server first" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

dir=$(mktemp -d /tmp/flowviz-pitr.XXXXXX)
chmod 755 "$dir"
mkdir "$dir/archive"
[ "$(id -u)" = 0 ] && chown postgres: "$dir" "$dir/archive"
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    for d in primary rec1 rec2; do
        [ -f "$dir/$d/postmaster.pid" ] && as_owner "$pgbin/pg_ctl" -D "$dir/$d" -m immediate -w stop >/dev/null 2>&1
    done
    rm -rf "$dir"
}
trap cleanup EXIT

port=$(free_port)
as_owner "$pgbin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
timezone = 'UTC'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $dir/archive/%f && cp %p $dir/archive/%f'
archive_timeout = ${archive_timeout}s
log_min_messages = warning
CONF
as_owner "$pgbin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d flowviz -c "$2"; }
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE flowviz"
export FLOWVIZ_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/flowviz"
export FLOWVIZ_JWT_SECRET=drill-secret-0123456789abcdef-0123456789
"$server" migrate >/dev/null
printf 'drill-password-1\n' | "$server" user add drill --role ADMIN >/dev/null
sql "$port" "INSERT INTO lots (lot_code, lot_type) SELECT 'BASE-' || i, 'RAW' FROM generate_series(1, 1000) i"

t0=$(now)
as_owner "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/base" -X stream -c fast
base_s=$(seconds "$t0" "$(now)")

# One lot a second; the target lies between two of them, a bit past the middle.
writes=$((archive_timeout * 5 / 2 + 5))
target_after=$((writes / 2))
target=""
for i in $(seq 1 "$writes"); do
    sql "$port" "INSERT INTO lots (lot_code, lot_type, created_at) VALUES ('W-$i', 'RAW', clock_timestamp())"
    if [ "$i" = "$target_after" ]; then
        sleep 0.5
        target=$(sql "$port" "SELECT clock_timestamp()")
        sleep 0.5
    else
        sleep 1
    fi
done
last_write=$(sql "$port" "SELECT max(created_at) FROM lots")
# The machine is lost: no clean shutdown, its WAL directory gone with it.
as_owner "$pgbin/pg_ctl" -D "$dir/primary" -m immediate -w stop >/dev/null
mv "$dir/primary" "$dir/primary.lost"
archived=$(find "$dir/archive" -regextype posix-extended -regex '.*/[0-9A-F]{24}' | wc -l)

recover() { # NAME [TARGET_TIME]
    local name=$1 target_time=${2:-} rport
    rport=$(free_port)
    as_owner cp -a "$dir/base" "$dir/$name"
    {
        echo "port = $rport"
        echo "archive_mode = off"
        echo "restore_command = 'cp $dir/archive/%f %p'"
        if [ -n "$target_time" ]; then
            echo "recovery_target_time = '$target_time'"
            echo "recovery_target_action = 'promote'"
        fi
    } | as_owner tee -a "$dir/$name/postgresql.auto.conf" >/dev/null
    as_owner touch "$dir/$name/recovery.signal"
    local t0
    t0=$(now)
    as_owner "$pgbin/pg_ctl" -D "$dir/$name" -l "$dir/$name.log" -w -t 600 start >/dev/null
    until [ "$(psql -X -At -h 127.0.0.1 -p "$rport" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ]; do
        sleep 0.1
    done
    echo "$rport $(seconds "$t0" "$(now)")"
}

read -r port1 rec1_s < <(recover rec1 "$target")
expected=$target_after
got=$(sql "$port1" "SELECT count(*) FROM lots WHERE lot_code LIKE 'W-%'")
late=$(sql "$port1" "SELECT count(*) FROM lots WHERE created_at > '$target'")
if [ "$got" != "$expected" ] || [ "$late" != 0 ]; then
    echo "pitr-drill: recovery to $target holds $got writes ($late after the target), expected $expected" >&2
    exit 1
fi

read -r port2 rec2_s < <(recover rec2)
recovered_last=$(sql "$port2" "SELECT max(created_at) FROM lots")
recovered_writes=$(sql "$port2" "SELECT count(*) FROM lots WHERE lot_code LIKE 'W-%'")
lost_s=$(sql "$port2" "SELECT round(extract(epoch FROM timestamptz '$last_write' - timestamptz '$recovered_last')::numeric, 1)")

hport=$(free_port)
t0=$(now)
FLOWVIZ_DATABASE_URL="postgresql://postgres@127.0.0.1:$port1/flowviz" "$server" --listen "127.0.0.1:$hport" >"$dir/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$hport/ready" >/dev/null; do sleep 0.05; done
ready_s=$(seconds "$t0" "$(now)")

cat <<OUT
flowviz PITR drill, $(date -u +%Y-%m-%dT%H:%MZ)
machine:     $(nproc) CPU, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; PostgreSQL $(sql "$port1" 'SHOW server_version')
archiving:   archive_timeout = ${archive_timeout} s; $archived WAL segments archived; base backup ${base_s} s
writes:      $writes lots, one a second, after the base backup; target $target after write $target_after
recovery 1:  to the target time in ${rec1_s} s: $got of $expected writes, none after the target (as it must be)
recovery 2:  to the end of the archive in ${rec2_s} s: $recovered_writes of $writes writes; the last ${lost_s} s before the loss are gone (RPO bound: archive_timeout = ${archive_timeout} s)
server:      flowviz-server on recovery 1 answered /ready after ${ready_s} s
OUT
