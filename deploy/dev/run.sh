#!/usr/bin/env bash
# The embedded default: a private PostgreSQL cluster in a per-user data directory, migrated,
# with demo users (credentials printed once, when they are created) and the QC gates, and
# flowviz-server on 127.0.0.1:8000. Stops the cluster again when the server exits. With a
# display (DISPLAY or WAYLAND_DISPLAY) and a built console, flowviz-console opens too, pointed
# at this server once it is ready; without one, only the server runs.
#
# Usage: deploy/dev/run.sh [BUILD_DIR]
# Environment: FLOWVIZ_DEV_DIR (data directory), FLOWVIZ_DEV_PG_PORT (default 55432),
#              FLOWVIZ_LISTEN (default 127.0.0.1:8000).
set -euo pipefail

build_dir=${1:-build}
server="$build_dir/backend/flowviz-server"
pgbin=/usr/lib/postgresql/15/bin
[ -x "$server" ] || { echo "run.sh: $server is missing; run 'make build' first" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the 'postgres' system user.
    dir=${FLOWVIZ_DEV_DIR:-/var/lib/flowviz-dev}
    as_owner() { runuser -u postgres -- "$@"; }
else
    dir=${FLOWVIZ_DEV_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flowviz}
    as_owner() { "$@"; }
fi
port=${FLOWVIZ_DEV_PG_PORT:-55432}
listen=${FLOWVIZ_LISTEN:-127.0.0.1:8000}
data="$dir/pgdata"

mkdir -p "$dir"
chmod 700 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"

secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating a private PostgreSQL cluster in $data"
    pw=$(secret)
    umask 077
    printf '%s\n' "$pw" >"$dir/db-password"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/db-password"
    as_owner "$pgbin/initdb" -D "$data" -U flowviz --pwfile="$dir/db-password" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
timezone = 'UTC'
CONF
fi
pw=$(cat "$dir/db-password")
[ -f "$dir/jwt-secret" ] || { (umask 077; secret >"$dir/jwt-secret"); }

started_here=0
if ! as_owner "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$pgbin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null
    started_here=1
fi
stop_cluster() {
    [ "$started_here" = 1 ] && as_owner "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop_cluster EXIT

export PGPASSWORD=$pw
if ! psql -X -h 127.0.0.1 -p "$port" -U flowviz -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'flowviz'" | grep -q 1; then
    psql -X -q -h 127.0.0.1 -p "$port" -U flowviz -d postgres -c "CREATE DATABASE flowviz"
fi
export FLOWVIZ_DATABASE_URL="postgresql://flowviz:$pw@127.0.0.1:$port/flowviz"
export FLOWVIZ_JWT_SECRET_FILE="$dir/jwt-secret"
unset PGPASSWORD

"$server" migrate

# Demo users, one per role. A password is shown only when its user is created.
created=""
for entry in admin:ADMIN manager:MANAGER qc:AUDITOR operator:OPERATOR viewer:VIEWER; do
    name=${entry%%:*}
    role=${entry##*:}
    password=$(secret | cut -c1-16)
    set +e
    out=$(printf '%s\n' "$password" | "$server" user add "$name" --role "$role" --full-name "Demo $name" 2>&1)
    rc=$?
    set -e
    case $rc in
    0) created="$created\n  $name ($role): $password" ;;
    3) ;; # exists already
    *) echo "$out" >&2; exit 1 ;;
    esac
done
if [ -n "$created" ]; then
    printf 'Demo users created (these passwords are shown only now):%b\n' "$created"
fi

echo "FlowViz API on http://$listen  (Ctrl-C stops it and the private database)"
FLOWVIZ_LISTEN=$listen "$server" &
server_pid=$!
console_pid=
trap 'kill $server_pid $console_pid 2>/dev/null; wait $server_pid 2>/dev/null; stop_cluster' INT TERM

# With a display, the operator console opens too, pointed at this server once it is ready.
console="$build_dir/ui/flowviz-console"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$console" ]; then
    ready=0
    for _ in $(seq 1 100); do
        kill -0 "$server_pid" 2>/dev/null || break
        if curl -fsS -o /dev/null "http://$listen/ready" 2>/dev/null; then
            ready=1
            break
        fi
        sleep 0.2
    done
    if [ "$ready" = 1 ]; then
        echo "Opening the console ($console)"
        "$console" --server "http://$listen" &
        console_pid=$!
    else
        echo "run.sh: the server did not become ready; not opening the console" >&2
    fi
fi
wait $server_pid
