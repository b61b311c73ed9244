#!/usr/bin/env bash
# Run the FlowViz observability stack WITHOUT Docker, from Debian packages, on
# loopback ports, in one state directory. For development and for tests.
#
#   deploy/local/stack.sh start  DIR   start everything (idempotent), wait until ready
#   deploy/local/stack.sh stop   DIR   stop everything started from DIR (by pidfile)
#   deploy/local/stack.sh status DIR   show what runs; exit 0 only if all is up
#   deploy/local/stack.sh reload DIR   re-copy alerts.yml and reload Prometheus
#   deploy/local/stack.sh env    DIR   print DIR/ports.env
#
# Services: PostgreSQL 15 (scram-sha-256), PgBouncer (transaction pooling, SCRAM
# through auth_query), prometheus-postgres-exporter, prometheus-node-exporter,
# Alertmanager, Prometheus (scraping every FLOWVIZ_SCRAPE_INTERVAL, loading
# deploy/prometheus/alerts.yml), and flowviz-server when FLOWVIZ_SERVER_BIN is set.
#
# Environment (all optional):
#   FLOWVIZ_PG_PORT FLOWVIZ_PGBOUNCER_PORT FLOWVIZ_POSTGRES_EXPORTER_PORT
#   FLOWVIZ_NODE_EXPORTER_PORT FLOWVIZ_ALERTMANAGER_PORT FLOWVIZ_PROMETHEUS_PORT
#   FLOWVIZ_SERVER_PORT        ports; a free port is chosen for each one not given.
#                              Ports saved in DIR/ports.env are reused on restart.
#   FLOWVIZ_SERVER_BIN         path to flowviz-server; the server is started only if set
#   FLOWVIZ_SERVER_ARGS        extra arguments for flowviz-server (word-split)
#   FLOWVIZ_SERVER_READY_PATH  readiness endpoint of the server (default /ready)
#   FLOWVIZ_SCRAPE_INTERVAL    Prometheus scrape/evaluation interval (default 1s)
#   FLOWVIZ_PG_SCRAPE_INTERVAL interval and timeout for postgres-exporter (default 3s)
#   FLOWVIZ_STACK_TIMEOUT      seconds to wait for each service (default 60)
#   FLOWVIZ_STACK_USER         user the daemons run as when started as root
#                              (default postgres); as non-root they run as you
#   FLOWVIZ_WITH_NODE_EXPORTER / FLOWVIZ_WITH_ALERTMANAGER  set to 0 to skip
#   PG_BINDIR                  PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#
# DIR/ports.env (KEY=VALUE lines, shell-safe, meant to be sourced) lists ports, URLs
# and the generated credentials of this throw-away stack.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
DEPLOY_DIR=$(cd -- "$SCRIPT_DIR/.." && pwd)

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
TIMEOUT=${FLOWVIZ_STACK_TIMEOUT:-60}
SCRAPE_INTERVAL=${FLOWVIZ_SCRAPE_INTERVAL:-1s}
PG_SCRAPE_INTERVAL=${FLOWVIZ_PG_SCRAPE_INTERVAL:-3s}
WITH_NODE_EXPORTER=${FLOWVIZ_WITH_NODE_EXPORTER:-1}
WITH_ALERTMANAGER=${FLOWVIZ_WITH_ALERTMANAGER:-1}
READY_PATH=${FLOWVIZ_SERVER_READY_PATH:-/ready}

DB_NAME=flowviz
DB_USER=flowviz
AUTH_USER=pgbouncer_auth
ADMIN_USER=pgbouncer_admin
EXPORTER_USER=flowviz_exporter

# Order matters: started in this order, stopped in reverse.
ALL_SERVICES=(postgres pgbouncer postgres-exporter node-exporter alertmanager flowviz-server prometheus)

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=../lib/daemons.sh
source "$DEPLOY_DIR/lib/daemons.sh"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 2
}

# ---------------------------------------------------------------- helpers

CHOSEN_PORTS=" "
# Ports are chosen below the kernel's ephemeral range (net.ipv4.ip_local_port_range, from 32768
# by default): a port chosen inside it can become the local end of an outgoing connection (psql,
# PgBouncer's server connections) before the service meant to listen on it starts, which then
# fails with "address already in use".
EPHEMERAL_LOW=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
PORT_FLOOR=20000
(( EPHEMERAL_LOW - PORT_FLOOR >= 1000 )) || PORT_FLOOR=1024
free_port() {
    local p tries=0
    while (( tries++ < 200 )); do
        p=$(( PORT_FLOOR + (RANDOM * 32768 + RANDOM) % (EPHEMERAL_LOW - PORT_FLOOR) ))
        [[ $CHOSEN_PORTS == *" $p "* ]] && continue
        port_in_use "$p" && continue
        CHOSEN_PORTS+="$p "
        echo "$p"
        return 0
    done
    die "could not find a free port"
}

# Expected executable name per service, so a recycled pid is never killed.
proc_pattern() {
    case $1 in
        postgres) echo postgres ;;
        pgbouncer) echo pgbouncer ;;
        postgres-exporter) echo postgres-exporter ;;
        node-exporter) echo node-exporter ;;
        alertmanager) echo alertmanager ;;
        prometheus) echo prometheus ;;
        flowviz-server) echo "$(basename -- "${FLOWVIZ_SERVER_BIN:-flowviz-server}")" ;;
    esac
}

service_pid() {
    local svc=$1 f pid
    if [[ $svc == postgres ]]; then f=$PGDATA/postmaster.pid; else f=$(pidfile "$svc"); fi
    [[ -r $f ]] || return 1
    pid=$(head -n1 "$f" 2>/dev/null | tr -dc 0-9)
    [[ -n $pid ]] || return 1
    alive "$pid" || return 1
    # The pid must still be the process we started.
    # (matched anywhere in the command line, so interpreted scripts work too)
    local cmdline
    cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$(proc_pattern "$svc")"* ]] || return 1
    echo "$pid"
}

is_running() { service_pid "$1" >/dev/null; }

fail_start() {
    local svc=$1
    log "$svc did not become ready; last lines of its log:"
    tail -n 30 "$LOG_DIR/$svc.log" >&2 2>/dev/null || true
    log "stopping what was started"
    do_stop || true
    exit 1
}

# ---------------------------------------------------------------- state

setup_paths() {
    [[ -n ${1:-} ]] || usage
    STATE_DIR=$(realpath -m -- "$1")
    PGDATA=$STATE_DIR/pgdata
    RUN_DIR=$STATE_DIR/run
    LOG_DIR=$STATE_DIR/log
    PORTS_FILE=$STATE_DIR/ports.env
    if [[ $EUID -eq 0 ]]; then
        RUN_USER=${FLOWVIZ_STACK_USER:-postgres}
        id "$RUN_USER" >/dev/null 2>&1 || die "user $RUN_USER does not exist (set FLOWVIZ_STACK_USER)"
        RUN_UID=$(id -u "$RUN_USER"); RUN_GID=$(id -g "$RUN_USER")
    else
        RUN_USER=$(id -un); RUN_UID=$EUID; RUN_GID=$(id -g)
    fi
}

load_saved() {
    # Saved values win over defaults, so a restarted stack keeps ports and passwords.
    if [[ -r $PORTS_FILE ]]; then
        # shellcheck disable=SC1090
        source "$PORTS_FILE"
    fi
}

choose_ports() {
    local var
    for var in FLOWVIZ_PG_PORT FLOWVIZ_PGBOUNCER_PORT FLOWVIZ_POSTGRES_EXPORTER_PORT \
               FLOWVIZ_NODE_EXPORTER_PORT FLOWVIZ_ALERTMANAGER_PORT FLOWVIZ_PROMETHEUS_PORT \
               FLOWVIZ_SERVER_PORT; do
        if [[ -z ${!var:-} ]]; then
            printf -v "$var" '%s' "$(free_port)"
        else
            [[ ${!var} =~ ^[0-9]+$ ]] || die "$var must be a port number, got '${!var}'"
            CHOSEN_PORTS+="${!var} "
        fi
    done
}

write_ports_file() {
    local tmp=$PORTS_FILE.tmp
    {
        echo "# FlowViz local stack in $STATE_DIR (generated by deploy/local/stack.sh)"
        echo "FLOWVIZ_STACK_DIR=$STATE_DIR"
        echo "FLOWVIZ_PG_PORT=$FLOWVIZ_PG_PORT"
        echo "FLOWVIZ_PGBOUNCER_PORT=$FLOWVIZ_PGBOUNCER_PORT"
        echo "FLOWVIZ_POSTGRES_EXPORTER_PORT=$FLOWVIZ_POSTGRES_EXPORTER_PORT"
        echo "FLOWVIZ_NODE_EXPORTER_PORT=$FLOWVIZ_NODE_EXPORTER_PORT"
        echo "FLOWVIZ_ALERTMANAGER_PORT=$FLOWVIZ_ALERTMANAGER_PORT"
        echo "FLOWVIZ_PROMETHEUS_PORT=$FLOWVIZ_PROMETHEUS_PORT"
        echo "FLOWVIZ_SERVER_PORT=$FLOWVIZ_SERVER_PORT"
        echo "FLOWVIZ_DB_NAME=$DB_NAME"
        echo "FLOWVIZ_DB_USER=$DB_USER"
        echo "FLOWVIZ_DB_PASSWORD=$FLOWVIZ_DB_PASSWORD"
        echo "POSTGRES_SUPERUSER=postgres"
        echo "POSTGRES_PASSWORD=$POSTGRES_PASSWORD"
        echo "PGBOUNCER_AUTH_USER=$AUTH_USER"
        echo "PGBOUNCER_AUTH_PASSWORD=$PGBOUNCER_AUTH_PASSWORD"
        echo "PGBOUNCER_ADMIN_USER=$ADMIN_USER"
        echo "PGBOUNCER_ADMIN_PASSWORD=$PGBOUNCER_ADMIN_PASSWORD"
        echo "POSTGRES_EXPORTER_USER=$EXPORTER_USER"
        echo "POSTGRES_EXPORTER_PASSWORD=$POSTGRES_EXPORTER_PASSWORD"
        echo "FLOWVIZ_JWT_SECRET_FILE=$STATE_DIR/jwt-secret"
        echo "# through PgBouncer (what the backend uses) and direct (for admin/tests)"
        echo "FLOWVIZ_DATABASE_URL=postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$FLOWVIZ_PGBOUNCER_PORT/$DB_NAME"
        echo "FLOWVIZ_DIRECT_DATABASE_URL=postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$FLOWVIZ_PG_PORT/$DB_NAME"
        echo "PROMETHEUS_URL=http://127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT"
        echo "ALERTMANAGER_URL=http://127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT"
        echo "POSTGRES_EXPORTER_URL=http://127.0.0.1:$FLOWVIZ_POSTGRES_EXPORTER_PORT"
        echo "NODE_EXPORTER_URL=http://127.0.0.1:$FLOWVIZ_NODE_EXPORTER_PORT"
        if [[ -n ${FLOWVIZ_SERVER_BIN:-} ]]; then
            echo "FLOWVIZ_SERVER_BIN=$FLOWVIZ_SERVER_BIN"
            echo "BACKEND_URL=http://127.0.0.1:$FLOWVIZ_SERVER_PORT"
        fi
    } > "$tmp"
    chmod 0640 "$tmp"
    mv -f "$tmp" "$PORTS_FILE"
}

# ---------------------------------------------------------------- services

start_postgres() {
    if is_running postgres; then log "postgres already running"; return 0; fi
    if [[ ! -s $PGDATA/PG_VERSION ]]; then
        log "initdb $PGDATA (scram-sha-256)"
        local pwfile=$STATE_DIR/.pg-superuser-password
        ( umask 077; printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile" )
        chown "$RUN_UID:$RUN_GID" "$pwfile"
        as_user "$PG_BINDIR/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" \
            --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync \
            >>"$LOG_DIR/initdb.log" 2>&1 || { rm -f "$pwfile"; fail_start initdb; }
        rm -f "$pwfile"
    fi
    log "postgres on 127.0.0.1:$FLOWVIZ_PG_PORT"
    # No unix socket: TCP on loopback only, so long DIR paths do not matter.
    if [[ $EUID -eq 0 ]]; then
        setsid setpriv --reuid="$RUN_UID" --regid="$RUN_GID" --init-groups -- \
            "$PG_BINDIR/pg_ctl" -D "$PGDATA" -l "$LOG_DIR/postgres.log" -w -t "$TIMEOUT" \
            -o "-c port=$FLOWVIZ_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200" \
            start </dev/null >>"$LOG_DIR/pg_ctl.log" 2>&1 || fail_start postgres
    else
        setsid "$PG_BINDIR/pg_ctl" -D "$PGDATA" -l "$LOG_DIR/postgres.log" -w -t "$TIMEOUT" \
            -o "-c port=$FLOWVIZ_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200" \
            start </dev/null >>"$LOG_DIR/pg_ctl.log" 2>&1 || fail_start postgres
    fi
    wait_for "$TIMEOUT" postgres "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$FLOWVIZ_PG_PORT" \
        || fail_start postgres
}

init_database() {
    log "roles, database $DB_NAME and PgBouncer auth function"
    PGPASSWORD=$POSTGRES_PASSWORD psql -X -q -h 127.0.0.1 -p "$FLOWVIZ_PG_PORT" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 \
        -v app_user="$DB_USER" -v app_password="$FLOWVIZ_DB_PASSWORD" -v app_db="$DB_NAME" \
        -v auth_user="$AUTH_USER" -v auth_password="$PGBOUNCER_AUTH_PASSWORD" \
        -v exporter_user="$EXPORTER_USER" -v exporter_password="$POSTGRES_EXPORTER_PASSWORD" \
        -f "$DEPLOY_DIR/postgres/flowviz-roles.sql" >>"$LOG_DIR/init-db.log" 2>&1 \
        || fail_start init-db
}

write_pgbouncer_config() {
    local d=$STATE_DIR/pgbouncer
    mkdir -p "$d"
    # auth_user needs its plain password (PgBouncer logs in with it to run auth_query);
    # the admin user may log in to the admin console only. Everyone else is looked
    # up with auth_query and authenticated with SCRAM, passed through to PostgreSQL.
    ( umask 077
      printf '"%s" "%s"\n"%s" "%s"\n' "$AUTH_USER" "$PGBOUNCER_AUTH_PASSWORD" \
             "$ADMIN_USER" "$PGBOUNCER_ADMIN_PASSWORD" > "$d/userlist.txt" )
    cat > "$d/pgbouncer.ini" <<EOF
; generated by deploy/local/stack.sh; same pooling settings as deploy/pgbouncer/pgbouncer.ini
[databases]
$DB_NAME = host=127.0.0.1 port=$FLOWVIZ_PG_PORT dbname=$DB_NAME

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $FLOWVIZ_PGBOUNCER_PORT
unix_socket_dir =
logfile =
auth_type = scram-sha-256
auth_file = $d/userlist.txt
auth_user = $AUTH_USER
auth_query = SELECT usename, passwd FROM pgbouncer.get_auth(\$1)
admin_users = $ADMIN_USER
stats_users = $ADMIN_USER
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 25
reserve_pool_size = 5
reserve_pool_timeout = 3
server_login_retry = 5
server_reset_query = DISCARD ALL
server_check_query = SELECT 1
ignore_startup_parameters = extra_float_digits
log_connections = 0
log_disconnections = 0
stats_period = 60
EOF
    chown -R "$RUN_UID:$RUN_GID" "$d"
}

pgbouncer_ready() {
    PGPASSWORD=$FLOWVIZ_DB_PASSWORD PGCONNECT_TIMEOUT=2 psql -X -qtA -h 127.0.0.1 \
        -p "$FLOWVIZ_PGBOUNCER_PORT" -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' | grep -qx 1
}

start_pgbouncer() {
    if is_running pgbouncer; then
        log "pgbouncer already running"
    else
        write_pgbouncer_config
        log "pgbouncer on 127.0.0.1:$FLOWVIZ_PGBOUNCER_PORT (transaction pooling)"
        # max_client_conn 1000 needs more file descriptors than some defaults allow.
        ulimit -n 4096 2>/dev/null || true
        start_daemon pgbouncer -- pgbouncer "$STATE_DIR/pgbouncer/pgbouncer.ini"
    fi
    wait_for "$TIMEOUT" "pgbouncer (SELECT 1 through it)" pgbouncer_ready || fail_start pgbouncer
}

exporter_pg_up() {
    curl -fsS --max-time 5 "http://127.0.0.1:$FLOWVIZ_POSTGRES_EXPORTER_PORT/metrics" | grep -qE '^pg_up(\{[^}]*\})? 1$'
}

start_postgres_exporter() {
    if is_running postgres-exporter; then
        log "postgres-exporter already running"
    else
        log "postgres-exporter on 127.0.0.1:$FLOWVIZ_POSTGRES_EXPORTER_PORT"
        start_daemon postgres-exporter \
            "DATA_SOURCE_NAME=postgresql://$EXPORTER_USER:$POSTGRES_EXPORTER_PASSWORD@127.0.0.1:$FLOWVIZ_PG_PORT/$DB_NAME?sslmode=disable" \
            -- prometheus-postgres-exporter --web.listen-address="127.0.0.1:$FLOWVIZ_POSTGRES_EXPORTER_PORT"
    fi
    wait_for "$TIMEOUT" "postgres-exporter (pg_up 1)" exporter_pg_up || fail_start postgres-exporter
}

start_node_exporter() {
    [[ $WITH_NODE_EXPORTER == 1 ]] || return 0
    if is_running node-exporter; then log "node-exporter already running"; return 0; fi
    log "node-exporter on 127.0.0.1:$FLOWVIZ_NODE_EXPORTER_PORT"
    mkdir -p "$STATE_DIR/node-exporter-textfile"
    chown "$RUN_UID:$RUN_GID" "$STATE_DIR/node-exporter-textfile"
    start_daemon node-exporter -- prometheus-node-exporter \
        --web.listen-address="127.0.0.1:$FLOWVIZ_NODE_EXPORTER_PORT" \
        --collector.textfile.directory="$STATE_DIR/node-exporter-textfile"
    wait_for "$TIMEOUT" node-exporter http_ok "http://127.0.0.1:$FLOWVIZ_NODE_EXPORTER_PORT/metrics" \
        || fail_start node-exporter
}

start_alertmanager() {
    [[ $WITH_ALERTMANAGER == 1 ]] || return 0
    if is_running alertmanager; then log "alertmanager already running"; return 0; fi
    local d=$STATE_DIR/alertmanager
    mkdir -p "$d/data"
    cp -f "$DEPLOY_DIR/alertmanager/alertmanager.yml" "$d/alertmanager.yml"
    chown -R "$RUN_UID:$RUN_GID" "$d"
    log "alertmanager on 127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT"
    start_daemon alertmanager -- prometheus-alertmanager \
        --config.file="$d/alertmanager.yml" --storage.path="$d/data" \
        --web.listen-address="127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT" \
        --cluster.listen-address=
    wait_for "$TIMEOUT" alertmanager http_ok "http://127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT/-/ready" \
        || fail_start alertmanager
}

start_server() {
    [[ -n ${FLOWVIZ_SERVER_BIN:-} ]] || return 0
    [[ -x $FLOWVIZ_SERVER_BIN ]] || die "FLOWVIZ_SERVER_BIN=$FLOWVIZ_SERVER_BIN is not executable"
    if is_running flowviz-server; then log "flowviz-server already running"; return 0; fi
    local secret=$STATE_DIR/jwt-secret
    if [[ ! -s $secret ]]; then
        ( umask 077; random_secret > "$secret"; random_secret >> "$secret" )
    fi
    chown "$RUN_UID:$RUN_GID" "$secret"
    chmod 0600 "$secret"
    local extra=()
    # shellcheck disable=SC2206
    [[ -n ${FLOWVIZ_SERVER_ARGS:-} ]] && extra=($FLOWVIZ_SERVER_ARGS)
    log "flowviz-server on 127.0.0.1:$FLOWVIZ_SERVER_PORT ($FLOWVIZ_SERVER_BIN)"
    start_daemon flowviz-server -- "$FLOWVIZ_SERVER_BIN" \
        --listen "127.0.0.1:$FLOWVIZ_SERVER_PORT" \
        --database-url "postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$FLOWVIZ_PGBOUNCER_PORT/$DB_NAME" \
        --jwt-secret-file "$secret" "${extra[@]}"
    wait_for "$TIMEOUT" "flowviz-server $READY_PATH" http_ok "http://127.0.0.1:$FLOWVIZ_SERVER_PORT$READY_PATH" \
        || fail_start flowviz-server
}

write_prometheus_config() {
    local d=$STATE_DIR/prometheus
    mkdir -p "$d/data"
    cp -f "$DEPLOY_DIR/prometheus/alerts.yml" "$d/alerts.yml"
    {
        cat <<EOF
# generated by deploy/local/stack.sh; the compose version is deploy/prometheus/prometheus.yml
global:
  scrape_interval: $SCRAPE_INTERVAL
  scrape_timeout: $SCRAPE_INTERVAL
  evaluation_interval: $SCRAPE_INTERVAL
  external_labels:
    stack: flowviz-local

rule_files:
  - alerts.yml
EOF
        if [[ $WITH_ALERTMANAGER == 1 ]]; then
            cat <<EOF

alerting:
  alertmanagers:
    - static_configs:
        - targets: ["127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT"]
EOF
        fi
        cat <<EOF

scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT"]
  # postgres-exporter needs more than 1 s to answer while PostgreSQL is down
  # (it retries the connection); a longer timeout keeps pg_up == 0 visible.
  - job_name: postgres
    scrape_interval: $PG_SCRAPE_INTERVAL
    scrape_timeout: $PG_SCRAPE_INTERVAL
    static_configs:
      - targets: ["127.0.0.1:$FLOWVIZ_POSTGRES_EXPORTER_PORT"]
EOF
        [[ $WITH_NODE_EXPORTER == 1 ]] && cat <<EOF
  - job_name: node
    static_configs:
      - targets: ["127.0.0.1:$FLOWVIZ_NODE_EXPORTER_PORT"]
EOF
        [[ $WITH_ALERTMANAGER == 1 ]] && cat <<EOF
  - job_name: alertmanager
    static_configs:
      - targets: ["127.0.0.1:$FLOWVIZ_ALERTMANAGER_PORT"]
EOF
        [[ -n ${FLOWVIZ_SERVER_BIN:-} ]] && cat <<EOF
  - job_name: flowviz-backend
    metrics_path: /metrics
    static_configs:
      - targets: ["127.0.0.1:$FLOWVIZ_SERVER_PORT"]
EOF
        true
    } > "$d/prometheus.yml"
    chown -R "$RUN_UID:$RUN_GID" "$d"
    if command -v promtool >/dev/null 2>&1; then
        promtool check config "$d/prometheus.yml" >>"$LOG_DIR/promtool.log" 2>&1 \
            || { log "generated Prometheus config is invalid:"; cat "$LOG_DIR/promtool.log" >&2; return 1; }
    fi
}

# Expected number of targets and whether all of them are up.
expected_targets() {
    local n=2
    [[ $WITH_NODE_EXPORTER == 1 ]] && n=$((n + 1))
    [[ $WITH_ALERTMANAGER == 1 ]] && n=$((n + 1))
    [[ -n ${FLOWVIZ_SERVER_BIN:-} ]] && n=$((n + 1))
    echo "$n"
}

all_targets_up() {
    local json want
    want=$(expected_targets)
    json=$(curl -fsS --max-time 2 "http://127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT/api/v1/targets?state=active") || return 1
    jq -e --argjson want "$want" \
        '[.data.activeTargets[] | select(.health == "up")] | length == $want' <<<"$json" >/dev/null
}

start_prometheus() {
    if is_running prometheus; then
        log "prometheus already running"
    else
        write_prometheus_config || fail_start prometheus
        log "prometheus on 127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT (scrape every $SCRAPE_INTERVAL)"
        local d=$STATE_DIR/prometheus
        start_daemon prometheus -- prometheus \
            --config.file="$d/prometheus.yml" --storage.tsdb.path="$d/data" \
            --web.listen-address="127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT" \
            --web.enable-lifecycle --storage.tsdb.retention.time=2d
    fi
    wait_for "$TIMEOUT" prometheus http_ok "http://127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT/-/ready" \
        || fail_start prometheus
    wait_for "$TIMEOUT" "all $(expected_targets) Prometheus targets up" all_targets_up || {
        curl -fsS "http://127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT/api/v1/targets" 2>/dev/null \
            | jq -r '.data.activeTargets[] | "\(.labels.job) \(.scrapeUrl) \(.health) \(.lastError)"' >&2 || true
        fail_start prometheus
    }
}

# ---------------------------------------------------------------- commands

do_start() {
    need "$PG_BINDIR/initdb" "apt-get install postgresql-15"
    need "$PG_BINDIR/pg_ctl" "apt-get install postgresql-15"
    need psql "apt-get install postgresql-client-15"
    need pgbouncer "apt-get install pgbouncer"
    need prometheus "apt-get install prometheus"
    need prometheus-postgres-exporter "apt-get install prometheus-postgres-exporter"
    [[ $WITH_NODE_EXPORTER == 1 ]] && need prometheus-node-exporter "apt-get install prometheus-node-exporter"
    [[ $WITH_ALERTMANAGER == 1 ]] && need prometheus-alertmanager "apt-get install prometheus-alertmanager"
    need curl "apt-get install curl"
    need jq "apt-get install jq"
    need setsid "util-linux"
    [[ $EUID -ne 0 ]] || need setpriv "util-linux"

    mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"
    chmod 0755 "$STATE_DIR"
    chown "$RUN_UID:$RUN_GID" "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"
    # The stack user must be able to reach DIR.
    as_user test -w "$STATE_DIR" || die "$RUN_USER cannot write to $STATE_DIR (choose a DIR it can reach, e.g. under /tmp)"

    load_saved
    choose_ports
    : "${POSTGRES_PASSWORD:=$(random_secret)}"
    : "${FLOWVIZ_DB_PASSWORD:=$(random_secret)}"
    : "${PGBOUNCER_AUTH_PASSWORD:=$(random_secret)}"
    : "${PGBOUNCER_ADMIN_PASSWORD:=$(random_secret)}"
    : "${POSTGRES_EXPORTER_PASSWORD:=$(random_secret)}"
    write_ports_file

    start_postgres
    init_database
    start_pgbouncer
    start_postgres_exporter
    start_node_exporter
    start_alertmanager
    start_server
    start_prometheus
    log "ready; ports and URLs in $PORTS_FILE"
    do_status >&2 || true
}

stop_service() {
    local svc=$1 pid
    if [[ $svc == postgres ]]; then
        if is_running postgres; then
            log "stopping postgres"
            as_user "$PG_BINDIR/pg_ctl" -D "$PGDATA" -m fast -w -t "$TIMEOUT" stop >/dev/null 2>&1 || {
                pid=$(service_pid postgres) && kill -KILL "$pid" 2>/dev/null || true
            }
        fi
        return 0
    fi
    pid=$(service_pid "$svc") || { rm -f "$(pidfile "$svc")"; return 0; }
    log "stopping $svc (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( SECONDS + TIMEOUT ))
    while alive "$pid"; do
        if (( SECONDS >= deadline )); then
            log "$svc did not stop within ${TIMEOUT}s, killing"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
    done
    rm -f "$(pidfile "$svc")"
}

do_stop() {
    [[ -d $STATE_DIR ]] || { log "no stack in $STATE_DIR"; return 0; }
    load_saved
    local i
    for (( i=${#ALL_SERVICES[@]}-1; i>=0; i-- )); do
        stop_service "${ALL_SERVICES[i]}"
    done
}

do_status() {
    [[ -d $STATE_DIR ]] || { echo "no stack in $STATE_DIR"; return 3; }
    load_saved
    local svc pid port rc=0
    for svc in "${ALL_SERVICES[@]}"; do
        case $svc in
            postgres) port=${FLOWVIZ_PG_PORT:-} ;;
            pgbouncer) port=${FLOWVIZ_PGBOUNCER_PORT:-} ;;
            postgres-exporter) port=${FLOWVIZ_POSTGRES_EXPORTER_PORT:-} ;;
            node-exporter) port=${FLOWVIZ_NODE_EXPORTER_PORT:-}
                [[ $WITH_NODE_EXPORTER == 1 ]] || continue ;;
            alertmanager) port=${FLOWVIZ_ALERTMANAGER_PORT:-}
                [[ $WITH_ALERTMANAGER == 1 ]] || continue ;;
            flowviz-server) port=${FLOWVIZ_SERVER_PORT:-}
                [[ -n ${FLOWVIZ_SERVER_BIN:-} ]] || continue ;;
            prometheus) port=${FLOWVIZ_PROMETHEUS_PORT:-} ;;
        esac
        if pid=$(service_pid "$svc"); then
            printf '%-18s running  pid %-7s 127.0.0.1:%s\n' "$svc" "$pid" "$port"
        else
            printf '%-18s stopped\n' "$svc"
            rc=3
        fi
    done
    return $rc
}

do_reload() {
    load_saved
    is_running prometheus || die "prometheus is not running"
    cp -f "$DEPLOY_DIR/prometheus/alerts.yml" "$STATE_DIR/prometheus/alerts.yml"
    promtool check rules "$STATE_DIR/prometheus/alerts.yml" >/dev/null
    curl -fsS -X POST "http://127.0.0.1:$FLOWVIZ_PROMETHEUS_PORT/-/reload"
    log "prometheus reloaded"
}

cmd=${1:-}
setup_paths "${2:-}"
case $cmd in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    reload) do_reload ;;
    env) cat "$PORTS_FILE" ;;
    *) usage ;;
esac
