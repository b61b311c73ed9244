# Helpers shared by deploy/local/stack.sh and deploy/cluster/cluster.sh, which source this file
# after defining log() and die(). They run daemons as RUN_UID:RUN_GID when started as root,
# each in its own session, logging to $LOG_DIR/NAME.log with its pid in $(pidfile NAME).
# shellcheck shell=bash

need() { command -v "$1" >/dev/null 2>&1 || [[ -x "$1" ]] || die "missing program: $1 ($2)"; }

random_secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

http_ok() { curl -fsS --max-time 2 -o /dev/null "$1"; }

# Whether something listens on 127.0.0.1:PORT.
port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

# Run a command as the daemons' user (only changes anything when we are root).
as_user() {
    if [[ $EUID -eq 0 ]]; then
        setpriv --reuid="$RUN_UID" --regid="$RUN_GID" --init-groups -- "$@"
    else
        "$@"
    fi
}

# wait_for SECONDS DESCRIPTION COMMAND...: poll until COMMAND succeeds.
wait_for() {
    local timeout=$1 what=$2; shift 2
    local deadline=$(( SECONDS + timeout ))
    until "$@" >/dev/null 2>&1; do
        if (( SECONDS >= deadline )); then
            log "timed out after ${timeout}s waiting for $what"
            return 1
        fi
        sleep 0.2
    done
}

pidfile() { echo "$RUN_DIR/$1.pid"; }

# A process that exited but was not reaped yet (zombie) counts as gone.
alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ $state != Z && $state != X ]]
}

# start_daemon NAME ENV... -- COMMAND...: detach COMMAND (own session), record its pid.
start_daemon() {
    local name=$1; shift
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    local logf=$LOG_DIR/$name.log
    if [[ $EUID -eq 0 ]]; then
        setsid setpriv --reuid="$RUN_UID" --regid="$RUN_GID" --init-groups -- \
            env "${envs[@]}" "$@" >>"$logf" 2>&1 </dev/null &
    else
        setsid env "${envs[@]}" "$@" >>"$logf" 2>&1 </dev/null &
    fi
    echo $! > "$(pidfile "$name")"
}
