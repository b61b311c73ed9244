#!/usr/bin/env bash
# Run the FlowViz scale-out topology WITHOUT a container engine, from Debian packages, on
# loopback ports, in one state directory: the same services as deploy/cluster/docker-compose.yml.
# For development and for the `cluster` tests.
#
#   deploy/cluster/cluster.sh start   DIR          start what is not running, wait until ready
#   deploy/cluster/cluster.sh stop    DIR          stop everything started from DIR
#   deploy/cluster/cluster.sh status  DIR          what runs; exit 0 only if all is up
#   deploy/cluster/cluster.sh env     DIR          print DIR/cluster.env (ports, URLs, passwords)
#   deploy/cluster/cluster.sh leader  DIR          the PostgreSQL leader's node name (pg1, pg2)
#   deploy/cluster/cluster.sh kill    DIR NAME [SIGNAL]
#                                                  send SIGNAL (default KILL) to a member:
#                                                  serverN, pgN (Patroni and its PostgreSQL,
#                                                  as when the machine fails), etcdN, haproxy,
#                                                  pgbouncer; STOP/CONT freeze and thaw it
#   deploy/cluster/cluster.sh restart DIR serverN  graceful: SIGTERM, wait, start, wait ready
#
# Topology (docs/scale-out.md): a 3-member etcd; Patroni managing PostgreSQL 15 on pg1 and pg2
# (synchronous replication, automatic failover); HAProxy routing PostgreSQL connections to the
# leader by Patroni's REST check (GET /primary) and HTTP to the flowviz-server replicas by
# GET /ready; PgBouncer (transaction pooling) between the replicas and HAProxy's leader port;
# N flowviz-server replicas sharing the database and the token secret; Prometheus scraping
# every replica, Patroni, etcd and HAProxy, with deploy/prometheus/alerts.yml and
# deploy/prometheus/cluster-alerts.yml.
#
# Environment (all optional):
#   FLOWVIZ_SERVER_BIN        flowviz-server to run (default: flowviz-server on PATH)
#   FLOWVIZ_CLUSTER_SERVERS   number of replicas (default 3)
#   FLOWVIZ_CLUSTER_BASE_PORT first of 70 consecutive ports (default: a free block)
#   FLOWVIZ_CLUSTER_PROMETHEUS set to 0 to run without Prometheus
#   FLOWVIZ_SERVER_ARGS       extra arguments for every replica (word-split)
#   FLOWVIZ_STACK_TIMEOUT     seconds to wait for each service (default 90)
#   FLOWVIZ_STACK_USER        user the daemons run as when started as root (default postgres)
#   PG_BINDIR                 PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
DEPLOY_DIR=$(cd -- "$SCRIPT_DIR/.." && pwd)

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
TIMEOUT=${FLOWVIZ_STACK_TIMEOUT:-90}
SCOPE=flowviz
DB_NAME=flowviz
DB_USER=flowviz
AUTH_USER=pgbouncer_auth
EXPORTER_USER=flowviz_exporter
# On SIGTERM a replica answers /ready with 503 this long before it refuses anything: HAProxy
# checks every 500 ms and takes it out after two failed checks.
DRAIN_DELAY=2
NODES=(pg1 pg2)
ETCDS=(etcd1 etcd2 etcd3)

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=../lib/daemons.sh
source "$DEPLOY_DIR/lib/daemons.sh"
usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 2
}

# A block of 70 free ports below the kernel's ephemeral range (a port inside it can become the
# local end of an outgoing connection before its service listens).
free_base() {
    local low base p tries=0 busy
    low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    while ((tries++ < 100)); do
        base=$((20000 + (RANDOM % ((low - 20100) / 100)) * 100))
        busy=0
        for ((p = base; p < base + 70; p++)); do
            if port_in_use "$p"; then busy=1 && break; fi
        done
        ((busy)) || { echo "$base"; return 0; }
    done
    die "no block of 70 free ports"
}

# ---------------------------------------------------------------- state and ports

setup_paths() {
    [[ -n ${1:-} ]] || usage
    STATE_DIR=$(realpath -m -- "$1")
    RUN_DIR=$STATE_DIR/run
    LOG_DIR=$STATE_DIR/log
    ENV_FILE=$STATE_DIR/cluster.env
    if [[ $EUID -eq 0 ]]; then
        RUN_USER=${FLOWVIZ_STACK_USER:-postgres}
        id "$RUN_USER" >/dev/null 2>&1 || die "user $RUN_USER does not exist (set FLOWVIZ_STACK_USER)"
        RUN_UID=$(id -u "$RUN_USER")
        RUN_GID=$(id -g "$RUN_USER")
    else
        RUN_USER=$(id -un)
        RUN_UID=$EUID
        RUN_GID=$(id -g)
    fi
    if [[ -r $ENV_FILE ]]; then
        # shellcheck disable=SC1090
        source "$ENV_FILE"
    fi
}

# Every port from the block's base, so a restarted cluster keeps them.
set_ports() {
    local b=$BASE_PORT i
    for i in 1 2 3; do
        printf -v "ETCD${i}_CLIENT" '%s' $((b + i - 1))
        printf -v "ETCD${i}_PEER" '%s' $((b + i + 2))
    done
    PG1_PORT=$((b + 10)) PG2_PORT=$((b + 11))
    PG1_REST=$((b + 12)) PG2_REST=$((b + 13))
    HAPROXY_PG_PORT=$((b + 20)) HAPROXY_API_PORT=$((b + 21)) HAPROXY_STATS_PORT=$((b + 22))
    PGBOUNCER_PORT=$((b + 30))
    PROMETHEUS_PORT=$((b + 60))
}
server_port() { echo $((BASE_PORT + 40 + $1 - 1)); }
node_port() { local v=${1^^}_PORT; echo "${!v}"; }
node_rest() { local v=${1^^}_REST; echo "${!v}"; }

write_env_file() {
    local tmp=$ENV_FILE.tmp i
    {
        echo "# FlowViz cluster in $STATE_DIR (generated by deploy/cluster/cluster.sh)"
        echo "BASE_PORT=$BASE_PORT"
        echo "SERVERS=$SERVERS"
        echo "WITH_PROMETHEUS=$WITH_PROMETHEUS"
        echo "FLOWVIZ_SERVER_BIN=$FLOWVIZ_SERVER_BIN"
        echo "POSTGRES_PASSWORD=$POSTGRES_PASSWORD"
        echo "REPLICATION_PASSWORD=$REPLICATION_PASSWORD"
        echo "REWIND_PASSWORD=$REWIND_PASSWORD"
        echo "FLOWVIZ_DB_PASSWORD=$FLOWVIZ_DB_PASSWORD"
        echo "PGBOUNCER_AUTH_PASSWORD=$PGBOUNCER_AUTH_PASSWORD"
        echo "POSTGRES_EXPORTER_PASSWORD=$POSTGRES_EXPORTER_PASSWORD"
        echo "FLOWVIZ_JWT_SECRET_FILE=$STATE_DIR/jwt-secret"
        echo "ETCD_ENDPOINTS=http://127.0.0.1:$ETCD1_CLIENT,http://127.0.0.1:$ETCD2_CLIENT,http://127.0.0.1:$ETCD3_CLIENT"
        echo "PATRONI_URLS=http://127.0.0.1:$PG1_REST,http://127.0.0.1:$PG2_REST"
        echo "HAPROXY_PG_PORT=$HAPROXY_PG_PORT"
        echo "HAPROXY_STATS_URL=http://127.0.0.1:$HAPROXY_STATS_PORT/stats"
        echo "PGBOUNCER_PORT=$PGBOUNCER_PORT"
        echo "# the service URL the consoles use: HAProxy in front of the replicas"
        echo "API_URL=http://127.0.0.1:$HAPROXY_API_PORT"
        for ((i = 1; i <= SERVERS; i++)); do
            echo "SERVER${i}_URL=http://127.0.0.1:$(server_port "$i")"
        done
        echo "# through PgBouncer (what the replicas use) and to the leader through HAProxy"
        echo "FLOWVIZ_DATABASE_URL=postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$PGBOUNCER_PORT/$DB_NAME"
        echo "FLOWVIZ_LEADER_DATABASE_URL=postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$HAPROXY_PG_PORT/$DB_NAME"
        [[ $WITH_PROMETHEUS == 1 ]] && echo "PROMETHEUS_URL=http://127.0.0.1:$PROMETHEUS_PORT"
        true
    } >"$tmp"
    chmod 0640 "$tmp"
    mv -f "$tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------- processes

# The pid of a member, if it runs and is what we started (a recycled pid is never signalled).
member_pid() {
    local name=$1 f pid pattern cmdline
    case $name in
        postgres-pg[0-9]) f=$STATE_DIR/${name#postgres-}/data/postmaster.pid pattern=postgres ;;
        pg[0-9]) f=$(pidfile "$name") pattern=patroni ;;
        etcd*) f=$(pidfile "$name") pattern=etcd ;;
        server*) f=$(pidfile "$name") pattern=$(basename -- "$FLOWVIZ_SERVER_BIN") ;;
        *) f=$(pidfile "$name") pattern=$name ;;
    esac
    [[ -r $f ]] || return 1
    pid=$(head -n1 "$f" 2>/dev/null | tr -dc 0-9)
    [[ -n $pid ]] && alive "$pid" || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$pattern"* ]] || return 1
    echo "$pid"
}
is_running() { member_pid "$1" >/dev/null; }

fail_start() {
    log "$1 did not become ready; last lines of its log:"
    tail -n 30 "$LOG_DIR/$1.log" >&2 2>/dev/null || true
    exit 1
}

# ---------------------------------------------------------------- etcd

etcd_healthy() {
    ETCDCTL_API=3 etcdctl --endpoints="127.0.0.1:$ETCD1_CLIENT,127.0.0.1:$ETCD2_CLIENT,127.0.0.1:$ETCD3_CLIENT" \
        --dial-timeout=2s endpoint health
}

start_etcd() {
    local i name cluster="" state=new
    for i in 1 2 3; do
        local peer=ETCD${i}_PEER
        cluster+="${cluster:+,}etcd$i=http://127.0.0.1:${!peer}"
    done
    for i in 1 2 3; do
        name=etcd$i
        is_running "$name" && continue
        local client=ETCD${i}_CLIENT peer=ETCD${i}_PEER
        mkdir -p "$STATE_DIR/$name"
        chown "$RUN_UID:$RUN_GID" "$STATE_DIR/$name"
        chmod 0700 "$STATE_DIR/$name"
        [[ -d $STATE_DIR/$name/member ]] && state=existing || state=new
        log "$name on 127.0.0.1:${!client}"
        start_daemon "$name" ETCD_UNSUPPORTED_ARCH= -- etcd --name "$name" \
            --data-dir "$STATE_DIR/$name" \
            --listen-client-urls "http://127.0.0.1:${!client}" \
            --advertise-client-urls "http://127.0.0.1:${!client}" \
            --listen-peer-urls "http://127.0.0.1:${!peer}" \
            --initial-advertise-peer-urls "http://127.0.0.1:${!peer}" \
            --initial-cluster "$cluster" --initial-cluster-token "$SCOPE-$BASE_PORT" \
            --initial-cluster-state "$state" \
            --listen-metrics-urls "http://127.0.0.1:$((${!client} + 50))" --enable-v2=true
    done
    wait_for "$TIMEOUT" "etcd (3 members healthy)" etcd_healthy || fail_start etcd1
}

# ---------------------------------------------------------------- Patroni and PostgreSQL

write_patroni_config() {
    local node=$1 d=$STATE_DIR/$1
    mkdir -p "$d"
    chmod 0700 "$d"
    (
        umask 077
        cat >"$d/patroni.yml" <<EOF
# generated by deploy/cluster/cluster.sh; the same settings as deploy/cluster/patroni.yml
scope: $SCOPE
namespace: /service/
name: $node
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$(node_rest "$node")
  connect_address: 127.0.0.1:$(node_rest "$node")
# The etcd v2 API, not etcd3: Patroni 3.0.2 (Debian 12) renews an expired leader lease with an
# unconditional write of the leader key under etcd3, so a leader that was frozen past the ttl
# takes the key back from the node promoted meanwhile and demotes it (fixed upstream in 3.0.3,
# patroni/patroni#2689; tst_cluster's leaderPartitioned caught it). The v2 implementation
# renews by compare-and-swap on its own name and steps down instead.
etcd:
  hosts: 127.0.0.1:$ETCD1_CLIENT,127.0.0.1:$ETCD2_CLIENT,127.0.0.1:$ETCD3_CLIENT
bootstrap:
  dcs:
    # A lost leader's key expires after ttl seconds; then the synchronous standby takes over.
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    # Only a synchronous standby may be promoted, so no acknowledged commit is lost.
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        max_connections: 200
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        password_encryption: scram-sha-256
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - auth-host: scram-sha-256
    - auth-local: peer
postgresql:
  listen: 127.0.0.1:$(node_port "$node")
  connect_address: 127.0.0.1:$(node_port "$node")
  data_dir: $d/data
  bin_dir: $PG_BINDIR
  pgpass: $d/pgpass
  authentication:
    superuser:
      username: postgres
      password: $POSTGRES_PASSWORD
    replication:
      username: replicator
      password: $REPLICATION_PASSWORD
    rewind:
      username: rewinder
      password: $REWIND_PASSWORD
  pg_hba:
    - local all all peer
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
  parameters:
    unix_socket_directories: $d
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
  nosync: false
EOF
    )
    chown -R "$RUN_UID:$RUN_GID" "$d"
}

patroni_role() { curl -fsS --max-time 2 "http://127.0.0.1:$(node_rest "$1")/patroni" | jq -r .role; }
leader_name() {
    local node
    for node in "${NODES[@]}"; do
        if curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$(node_rest "$node")/primary" 2>/dev/null; then
            echo "$node"
            return 0
        fi
    done
    return 1
}
# A leader, and every running node streaming from it as a synchronous standby.
patroni_ready() {
    local leader node
    leader=$(leader_name) || return 1
    for node in "${NODES[@]}"; do
        [[ $node == "$leader" ]] && continue
        is_running "$node" || continue
        curl -fsS --max-time 2 "http://127.0.0.1:$(node_rest "$node")/sync" -o /dev/null || return 1
    done
}

start_patroni() {
    local node first=1
    for node in "${NODES[@]}"; do
        if is_running "$node"; then
            first=0
            continue
        fi
        write_patroni_config "$node"
        log "patroni $node: PostgreSQL on 127.0.0.1:$(node_port "$node"), REST on :$(node_rest "$node")"
        start_daemon "$node" -- patroni "$STATE_DIR/$node/patroni.yml"
        # The first node bootstraps the cluster alone; the second then clones it.
        if ((first)); then
            wait_for "$TIMEOUT" "a PostgreSQL leader" leader_name || fail_start "$node"
            first=0
        fi
    done
    wait_for "$TIMEOUT" "the synchronous standby" patroni_ready || fail_start pg2
}

init_database() {
    log "roles, database $DB_NAME and PgBouncer auth function (on the leader)"
    PGPASSWORD=$POSTGRES_PASSWORD psql -X -q -h 127.0.0.1 -p "$HAPROXY_PG_PORT" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 \
        -v app_user="$DB_USER" -v app_password="$FLOWVIZ_DB_PASSWORD" -v app_db="$DB_NAME" \
        -v auth_user="$AUTH_USER" -v auth_password="$PGBOUNCER_AUTH_PASSWORD" \
        -v exporter_user="$EXPORTER_USER" -v exporter_password="$POSTGRES_EXPORTER_PASSWORD" \
        -f "$DEPLOY_DIR/postgres/flowviz-roles.sql" >>"$LOG_DIR/init-db.log" 2>&1 ||
        fail_start init-db
}

# ---------------------------------------------------------------- HAProxy and PgBouncer

write_haproxy_config() {
    local d=$STATE_DIR/haproxy i node
    mkdir -p "$d"
    {
        cat <<EOF
# generated by deploy/cluster/cluster.sh; the same rules as deploy/cluster/haproxy.cfg
global
    maxconn 4000
    stats socket $d/admin.sock mode 600 level admin

defaults
    timeout connect 2s
    timeout client 10m
    timeout server 10m
    timeout check 2s

# PostgreSQL: only the node whose Patroni answers GET /primary with 200 gets connections;
# when it stops being the leader, its sessions are cut so nobody writes to a demoted node.
listen postgres_leader
    mode tcp
    bind 127.0.0.1:$HAPROXY_PG_PORT
    option httpchk GET /primary
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
EOF
        for node in "${NODES[@]}"; do
            echo "    server $node 127.0.0.1:$(node_port "$node") check port $(node_rest "$node")"
        done
        cat <<EOF

# The API: round robin over the replicas that answer GET /ready (a replica that is stopping
# answers 503 there for its drain delay, still serving everything else, and leaves after two
# checks; so does one that stops answering). Requests under way on a replica that leaves are
# left to finish (no shutdown-sessions: cut, they would be sent again while still running).
# A request whose connection failed, or that got no answer at all, goes to another replica:
# the clients' Idempotency-Key makes that safe.
listen flowviz_api
    mode http
    bind 127.0.0.1:$HAPROXY_API_PORT
    balance roundrobin
    option httpchk GET /ready
    http-check expect status 200
    option redispatch
    retries 3
    retry-on conn-failure empty-response response-timeout
    timeout server 60s
    default-server inter 500ms fall 2 rise 2
EOF
        for ((i = 1; i <= SERVERS; i++)); do
            echo "    server server$i 127.0.0.1:$(server_port "$i") check"
        done
        cat <<EOF

frontend stats
    mode http
    bind 127.0.0.1:$HAPROXY_STATS_PORT
    http-request use-service prometheus-exporter if { path /metrics }
    stats enable
    stats uri /stats
    stats refresh 5s
EOF
    } >"$d/haproxy.cfg"
    chown -R "$RUN_UID:$RUN_GID" "$d"
    haproxy -c -q -f "$d/haproxy.cfg" >>"$LOG_DIR/haproxy.log" 2>&1 || fail_start haproxy
}

start_haproxy() {
    is_running haproxy && return 0
    write_haproxy_config
    log "haproxy: PostgreSQL leader on 127.0.0.1:$HAPROXY_PG_PORT, API on :$HAPROXY_API_PORT"
    start_daemon haproxy -- haproxy -db -f "$STATE_DIR/haproxy/haproxy.cfg"
    wait_for "$TIMEOUT" "haproxy" http_ok "http://127.0.0.1:$HAPROXY_STATS_PORT/stats" || fail_start haproxy
    wait_for "$TIMEOUT" "the leader through haproxy" \
        env PGPASSWORD="$POSTGRES_PASSWORD" PGCONNECT_TIMEOUT=2 psql -X -qtA -h 127.0.0.1 \
        -p "$HAPROXY_PG_PORT" -U postgres -d postgres -c 'SELECT 1' || fail_start haproxy
}

write_pgbouncer_config() {
    local d=$STATE_DIR/pgbouncer
    mkdir -p "$d"
    (
        umask 077
        printf '"%s" "%s"\n' "$AUTH_USER" "$PGBOUNCER_AUTH_PASSWORD" >"$d/userlist.txt"
    )
    cat >"$d/pgbouncer.ini" <<EOF
; generated by deploy/cluster/cluster.sh; the pooling settings of deploy/pgbouncer/pgbouncer.ini
[databases]
$DB_NAME = host=127.0.0.1 port=$HAPROXY_PG_PORT dbname=$DB_NAME

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
logfile =
auth_type = scram-sha-256
auth_file = $d/userlist.txt
auth_user = $AUTH_USER
auth_query = SELECT usename, passwd FROM pgbouncer.get_auth(\$1)
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 40
reserve_pool_size = 10
reserve_pool_timeout = 3
server_connect_timeout = 3
server_login_retry = 1
server_reset_query = DISCARD ALL
server_check_query = SELECT 1
server_check_delay = 5
ignore_startup_parameters = extra_float_digits
log_connections = 0
log_disconnections = 0
EOF
    chown -R "$RUN_UID:$RUN_GID" "$d"
}

start_pgbouncer() {
    is_running pgbouncer && return 0
    write_pgbouncer_config
    log "pgbouncer on 127.0.0.1:$PGBOUNCER_PORT -> haproxy :$HAPROXY_PG_PORT"
    ulimit -n 8192 2>/dev/null || true
    start_daemon pgbouncer -- pgbouncer "$STATE_DIR/pgbouncer/pgbouncer.ini"
    wait_for "$TIMEOUT" "pgbouncer (SELECT 1 through it)" \
        env PGPASSWORD="$FLOWVIZ_DB_PASSWORD" PGCONNECT_TIMEOUT=2 psql -X -qtA -h 127.0.0.1 \
        -p "$PGBOUNCER_PORT" -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' || fail_start pgbouncer
}

# ---------------------------------------------------------------- flowviz-server replicas

start_server() {
    local i=$1 name=server$1 port extra=()
    is_running "$name" && return 0
    port=$(server_port "$i")
    # shellcheck disable=SC2206
    [[ -n ${FLOWVIZ_SERVER_ARGS:-} ]] && extra=($FLOWVIZ_SERVER_ARGS)
    log "$name on 127.0.0.1:$port"
    start_daemon "$name" -- "$FLOWVIZ_SERVER_BIN" --listen "127.0.0.1:$port" \
        --database-url "postgresql://$DB_USER:$FLOWVIZ_DB_PASSWORD@127.0.0.1:$PGBOUNCER_PORT/$DB_NAME" \
        --jwt-secret-file "$STATE_DIR/jwt-secret" --database-wait 60 \
        --drain-delay "$DRAIN_DELAY" "${extra[@]}"
}

wait_server() {
    wait_for "$TIMEOUT" "server$1 /ready" http_ok "http://127.0.0.1:$(server_port "$1")/ready" ||
        fail_start "server$1"
}

start_servers() {
    local i
    if [[ ! -s $STATE_DIR/jwt-secret ]]; then
        (
            umask 077
            random_secret >"$STATE_DIR/jwt-secret"
            random_secret >>"$STATE_DIR/jwt-secret"
        )
    fi
    chown "$RUN_UID:$RUN_GID" "$STATE_DIR/jwt-secret"
    # The first replica migrates the schema (under an advisory lock, so any would do).
    start_server 1
    wait_server 1
    for ((i = 2; i <= SERVERS; i++)); do start_server "$i"; done
    for ((i = 2; i <= SERVERS; i++)); do wait_server "$i"; done
}

api_pool_full() {
    local up
    up=$(curl -fsS --max-time 2 "http://127.0.0.1:$HAPROXY_STATS_PORT/stats;csv" |
        awk -F, '$1 == "flowviz_api" && $2 ~ /^server/ && $18 == "UP"' | wc -l)
    [[ $up -eq $SERVERS ]]
}

# ---------------------------------------------------------------- Prometheus

write_prometheus_config() {
    local d=$STATE_DIR/prometheus i
    mkdir -p "$d/data"
    cp -f "$DEPLOY_DIR/prometheus/alerts.yml" "$d/alerts.yml"
    cp -f "$DEPLOY_DIR/prometheus/cluster-alerts.yml" "$d/cluster-alerts.yml"
    {
        cat <<EOF
# generated by deploy/cluster/cluster.sh; the jobs of deploy/cluster/prometheus.yml
global:
  scrape_interval: 1s
  evaluation_interval: 1s
  external_labels:
    flowviz_servers_expected: "$SERVERS"
rule_files: [alerts.yml, cluster-alerts.yml]
scrape_configs:
  - job_name: flowviz-backend
    static_configs:
      - targets:
EOF
        for ((i = 1; i <= SERVERS; i++)); do
            echo "          - 127.0.0.1:$(server_port "$i")"
        done
        cat <<EOF
  - job_name: patroni
    static_configs:
      - targets: ["127.0.0.1:$PG1_REST", "127.0.0.1:$PG2_REST"]
  - job_name: etcd
    static_configs:
      - targets: ["127.0.0.1:$((ETCD1_CLIENT + 50))", "127.0.0.1:$((ETCD2_CLIENT + 50))", "127.0.0.1:$((ETCD3_CLIENT + 50))"]
  - job_name: haproxy
    static_configs:
      - targets: ["127.0.0.1:$HAPROXY_STATS_PORT"]
EOF
    } >"$d/prometheus.yml"
    chown -R "$RUN_UID:$RUN_GID" "$d"
    promtool check config "$d/prometheus.yml" >>"$LOG_DIR/promtool.log" 2>&1 || fail_start promtool
}

start_prometheus() {
    [[ $WITH_PROMETHEUS == 1 ]] || return 0
    is_running prometheus && return 0
    write_prometheus_config
    log "prometheus on 127.0.0.1:$PROMETHEUS_PORT"
    start_daemon prometheus -- prometheus --config.file="$STATE_DIR/prometheus/prometheus.yml" \
        --storage.tsdb.path="$STATE_DIR/prometheus/data" \
        --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle \
        --storage.tsdb.retention.time=1d
    wait_for "$TIMEOUT" prometheus http_ok "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" ||
        fail_start prometheus
}

# ---------------------------------------------------------------- commands

do_start() {
    SERVERS=${FLOWVIZ_CLUSTER_SERVERS:-${SERVERS:-3}}
    WITH_PROMETHEUS=${FLOWVIZ_CLUSTER_PROMETHEUS:-${WITH_PROMETHEUS:-1}}
    need etcd "apt-get install etcd-server"
    need etcdctl "apt-get install etcd-client"
    need patroni "apt-get install patroni"
    need haproxy "apt-get install haproxy"
    need pgbouncer "apt-get install pgbouncer"
    need "$PG_BINDIR/postgres" "apt-get install postgresql-15"
    need psql "apt-get install postgresql-client-15"
    need curl "apt-get install curl"
    need jq "apt-get install jq"
    [[ $WITH_PROMETHEUS == 1 ]] && need prometheus "apt-get install prometheus"
    FLOWVIZ_SERVER_BIN=${FLOWVIZ_SERVER_BIN:-$(command -v flowviz-server || true)}
    [[ -x $FLOWVIZ_SERVER_BIN ]] || die "no flowviz-server (set FLOWVIZ_SERVER_BIN)"
    FLOWVIZ_SERVER_BIN=$(realpath -- "$FLOWVIZ_SERVER_BIN")

    mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"
    chmod 0755 "$STATE_DIR"
    chown "$RUN_UID:$RUN_GID" "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"
    as_user test -w "$STATE_DIR" || die "$RUN_USER cannot write to $STATE_DIR (choose a DIR it can reach, e.g. under /tmp)"

    BASE_PORT=${FLOWVIZ_CLUSTER_BASE_PORT:-${BASE_PORT:-$(free_base)}}
    : "${POSTGRES_PASSWORD:=$(random_secret)}"
    : "${REPLICATION_PASSWORD:=$(random_secret)}"
    : "${REWIND_PASSWORD:=$(random_secret)}"
    : "${FLOWVIZ_DB_PASSWORD:=$(random_secret)}"
    : "${PGBOUNCER_AUTH_PASSWORD:=$(random_secret)}"
    : "${POSTGRES_EXPORTER_PASSWORD:=$(random_secret)}"
    set_ports
    write_env_file

    start_etcd
    start_patroni
    start_haproxy
    init_database
    start_pgbouncer
    start_servers
    wait_for "$TIMEOUT" "all $SERVERS replicas in HAProxy's pool" api_pool_full || fail_start haproxy
    start_prometheus
    log "ready; ports and URLs in $ENV_FILE"
}

stop_member() {
    local name=$1 pid
    pid=$(member_pid "$name") || return 0
    kill -CONT "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + TIMEOUT))
    while alive "$pid"; do
        if ((SECONDS >= deadline)); then
            log "$name did not stop within ${TIMEOUT}s, killing"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
    done
}

do_stop() {
    [[ -r $ENV_FILE ]] || { log "no cluster in $STATE_DIR"; return 0; }
    set_ports
    local i node pid
    stop_member prometheus
    for ((i = 1; i <= SERVERS; i++)); do stop_member "server$i"; done
    stop_member pgbouncer
    stop_member haproxy
    for node in "${NODES[@]}"; do stop_member "$node"; done
    # A PostgreSQL whose Patroni was killed keeps running: stop it too.
    for node in "${NODES[@]}"; do
        if pid=$(member_pid "postgres-$node"); then
            kill -CONT "$pid" 2>/dev/null || true
            as_user "$PG_BINDIR/pg_ctl" -D "$STATE_DIR/$node/data" -m immediate -w stop >/dev/null 2>&1 ||
                kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    for node in "${ETCDS[@]}"; do stop_member "$node"; done
}

do_status() {
    [[ -r $ENV_FILE ]] || { echo "no cluster in $STATE_DIR"; return 3; }
    set_ports
    local name pid rc=0 i members=("${ETCDS[@]}" "${NODES[@]}" haproxy pgbouncer)
    for ((i = 1; i <= SERVERS; i++)); do members+=("server$i"); done
    [[ ${WITH_PROMETHEUS:-1} == 1 ]] && members+=(prometheus)
    for name in "${members[@]}"; do
        if pid=$(member_pid "$name"); then
            printf '%-11s running  pid %s\n' "$name" "$pid"
        else
            printf '%-11s stopped\n' "$name"
            rc=3
        fi
    done
    printf 'leader:     %s\n' "$(leader_name || echo none)"
    return $rc
}

do_kill() {
    local name=${1:?kill needs a member name} sig=${2:-KILL} pid
    set_ports
    case $name in
        pg1 | pg2)
            # The machine fails: Patroni and its PostgreSQL (postmaster first, so that Patroni
            # does not restart it in between).
            pid=$(member_pid "postgres-$name") && kill "-$sig" "$pid"
            pid=$(member_pid "$name") && kill "-$sig" "$pid"
            ;;
        *)
            pid=$(member_pid "$name") || die "$name is not running"
            kill "-$sig" "$pid"
            ;;
    esac
    return 0
}

do_restart() {
    local name=${1:?restart needs serverN} i
    [[ $name =~ ^server([0-9]+)$ ]] || die "restart takes serverN"
    i=${BASH_REMATCH[1]}
    set_ports
    stop_member "$name"
    start_server "$i"
    wait_server "$i"
    # Back in the pool before the caller takes the next one out.
    wait_for "$TIMEOUT" "all $SERVERS replicas in HAProxy's pool" api_pool_full || fail_start haproxy
}

cmd=${1:-}
setup_paths "${2:-}"
case $cmd in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    env) cat "$ENV_FILE" ;;
    leader) set_ports && leader_name ;;
    kill) do_kill "${@:3}" ;;
    restart) do_restart "${@:3}" ;;
    *) usage ;;
esac
