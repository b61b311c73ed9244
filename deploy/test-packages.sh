#!/usr/bin/env bash
# Builds and checks the Debian packages (ctest label "packaging", see deploy/CMakeLists.txt).
#
#   test-packages.sh build BUILD_DIR OUT_DIR   cpack the server and console packages into
#                                              OUT_DIR and check their control data and files
#   test-packages.sh lint OUT_DIR              lintian (no error or warning passes) and
#                                              systemd-analyze verify on the shipped unit
#   test-packages.sh install OUT_DIR           install, upgrade, remove and purge in a clean
#                                              Debian 12 root (debootstrap), with PostgreSQL
#   test-packages.sh base                      only make the cached base root
#
# "install" needs root (debootstrap, chroot, mount) and builds the root in a 4 GiB tmpfs
# (FLOWVIZ_PKGTEST_TMPFS=0: on disk in /var/tmp). The bootstrapped base root is cached as a
# tarball in $FLOWVIZ_PKGTEST_CACHE (default /var/cache/flowviz-test), keyed by suite, variant,
# package list and the host's apt sources, and the .debs apt downloads are kept there too, so a
# second run needs no network. Everything mounted is unmounted and every process started in
# the root is stopped on exit, also on failure.
# shellcheck disable=SC2016 # dpkg-query's ${Status} and ${Version} are its own, not the shell's
set -euo pipefail

SUITE=bookworm
VARIANT=minbase
INCLUDE="" # extra packages in the cached base root (comma-separated); keep it minimal
LOT=RAW-20260101-PKGT01-0001
START=$SECONDS

step() { printf '[%4ds] %s\n' $((SECONDS - START)) "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
expect() { # expect DESCRIPTION COMMAND...: the command must succeed
    local what=$1
    shift
    "$@" || fail "$what"
}

deb_of() { # deb_of DIR PACKAGE: the one .deb of that package in DIR
    local f
    f=$(find "$1" -maxdepth 1 -name "$2_*.deb" | sort | tail -n 1)
    [ -n "$f" ] || fail "no $2_*.deb in $1"
    echo "$f"
}

# ---------------------------------------------------------------------------------------------
cmd_build() {
    local build out src version
    build=$(realpath "$1")
    out=$2
    src=$(cd "$(dirname "$0")/.." && pwd)
    rm -rf "$out"
    mkdir -p "$out"
    if [ "${FLOWVIZ_PKGTEST_SKIP_BUILD:-0}" = 1 ]; then
        step "packaging the binaries as they are in $build (FLOWVIZ_PKGTEST_SKIP_BUILD=1)"
    else
        step "building flowviz-server and flowviz-console in $build"
        cmake --build "$build" --target flowviz-server flowviz-console >"$out/build.log" 2>&1 ||
            { tail -n 30 "$out/build.log"; fail "the build failed"; }
    fi
    step "cpack DEB and TGZ into $out"
    (cd "$build" && cpack -G "DEB;TGZ" -B "$out") >"$out/cpack.log" 2>&1 ||
        { cat "$out/cpack.log"; fail "cpack failed"; }
    rm -rf "$out/_CPack_Packages"

    version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
    [ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
    local arch server console
    arch=$(dpkg --print-architecture)
    server=$out/flowviz-server_${version}_$arch.deb
    console=$out/flowviz-console_${version}_$arch.deb
    for f in "$server" "$console" "$out/flowviz-server-$version-linux-$arch.tar.gz" \
        "$out/flowviz-console-$version-linux-$arch.tar.gz"; do
        [ -f "$f" ] || fail "cpack did not make $(basename "$f") (made: $(ls "$out"))"
        printf '    %-50s %8d bytes\n' "$(basename "$f")" "$(stat -c %s "$f")"
    done

    step "checking the control data"
    local changelog_version
    changelog_version=$(dpkg-parsechangelog -l "$src/deploy/debian/changelog" -S Version)
    [ "$changelog_version" = "$version" ] ||
        fail "deploy/debian/changelog starts at $changelog_version, the project is at $version: add an entry"
    field() { dpkg-deb -f "$1" "$2"; }
    has_dep() { # has_dep DEB FIELD PACKAGE
        field "$1" "$2" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$3" ||
            fail "$(basename "$1"): $2 lacks $3 ($2: $(field "$1" "$2"))"
    }
    for dep in libqt6core6 libqt6network6 libqt6sql6 libqt6httpserver6 libpq5 libsodium23 \
        libqt6sql6-psql postgresql-client-15 adduser; do
        has_dep "$server" Depends "$dep"
    done
    has_dep "$server" Recommends postgresql
    for dep in libqt6widgets6 libqt6charts6 libqt6printsupport6 libqt6sql6-sqlite qt6-translations-l10n \
        fonts-dejavu-core; do
        has_dep "$console" Depends "$dep"
    done
    for deb in "$server" "$console"; do
        [ "$(field "$deb" Version)" = "$version" ] || fail "$(basename "$deb") has the wrong version"
        [ -n "$(field "$deb" Maintainer)" ] || fail "$(basename "$deb") has no Maintainer"
        [ "$(field "$deb" Description | wc -l)" -ge 3 ] || fail "$(basename "$deb") lacks a long description"
    done

    step "checking the files"
    local listing
    listing=$(dpkg-deb -c "$server" | awk '{print $1, $2, $6}')
    for want in "-rwxr-xr-x root/root ./usr/bin/flowviz-server" \
        "-rw-r--r-- root/root ./lib/systemd/system/flowviz-server.service" \
        "-rw-r--r-- root/root ./etc/flowviz/server.conf" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/copyright" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/changelog.gz" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/install.md" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/operations.md" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/disaster-recovery.md" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/examples/flowviz-backup.service" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-server/examples/flowviz-backup.timer" \
        "-rw-r--r-- root/root ./usr/share/man/man1/flowviz-server.1.gz"; do
        grep -qxF -- "$want" <<<"$listing" || fail "flowviz-server: no \"$want\" in the package"
    done
    [ "$(dpkg-deb -I "$server" conffiles)" = /etc/flowviz/server.conf ] ||
        fail "flowviz-server: conffiles is \"$(dpkg-deb -I "$server" conffiles)\", not /etc/flowviz/server.conf"
    dpkg-deb -x "$server" "$out/x-server"
    file "$out/x-server/usr/bin/flowviz-server" | grep -q ', stripped' || fail "flowviz-server is not stripped"
    # Every INI key the server knows is described in server.conf, in its section.
    local keys key
    keys=$("$out/x-server/usr/bin/flowviz-server" --help | tr -s ' \n' ' ' |
        grep -o 'ini [a-z_]*/[a-z_]*' | sed 's/^ini //')
    [ -n "$keys" ] || fail "flowviz-server --help names no INI keys"
    for key in $keys; do
        sed -n "/^\[${key%%/*}\]\$/,/^\[/p" "$out/x-server/etc/flowviz/server.conf" |
            grep -Eq "^;?${key#*/} = " || fail "server.conf does not describe ${key#*/} in [${key%%/*}]"
    done
    listing=$(dpkg-deb -c "$console" | awk '{print $1, $2, $6}')
    for want in "-rwxr-xr-x root/root ./usr/bin/flowviz-console" \
        "-rw-r--r-- root/root ./usr/share/applications/flowviz-console.desktop" \
        "-rw-r--r-- root/root ./usr/share/icons/hicolor/scalable/apps/flowviz-console.svg" \
        "-rw-r--r-- root/root ./usr/share/icons/hicolor/48x48/apps/flowviz-console.png" \
        "-rw-r--r-- root/root ./usr/share/icons/hicolor/128x128/apps/flowviz-console.png" \
        "-rw-r--r-- root/root ./usr/share/icons/hicolor/256x256/apps/flowviz-console.png" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-console/copyright" \
        "-rw-r--r-- root/root ./usr/share/doc/flowviz-console/changelog.gz" \
        "-rw-r--r-- root/root ./usr/share/man/man1/flowviz-console.1.gz"; do
        grep -qxF -- "$want" <<<"$listing" || fail "flowviz-console: no \"$want\" in the package"
    done
    dpkg-deb -x "$console" "$out/x-console"
    for size in 48 128 256; do
        file "$out/x-console/usr/share/icons/hicolor/${size}x$size/apps/flowviz-console.png" |
            grep -q "PNG image data, $size x $size," || fail "the ${size}x$size icon is not $size pixels"
    done
    expect "the .desktop entry is invalid" \
        desktop-file-validate "$out/x-console/usr/share/applications/flowviz-console.desktop"
    tar -tzf "$out/flowviz-server-$version-linux-$arch.tar.gz" | grep -x 'usr/bin/flowviz-server' >/dev/null ||
        fail "the server tarball lacks usr/bin/flowviz-server"
    tar -tzf "$out/flowviz-console-$version-linux-$arch.tar.gz" | grep -x 'usr/bin/flowviz-console' >/dev/null ||
        fail "the console tarball lacks usr/bin/flowviz-console"
    step "packages built and checked"
}

# ---------------------------------------------------------------------------------------------
cmd_lint() {
    local out=$1 server console
    server=$(deb_of "$out" flowviz-server)
    console=$(deb_of "$out" flowviz-console)
    step "lintian $(lintian --version | awk '{print $2}')"
    # Errors and warnings fail. There are no overrides: add one only with its reason.
    lintian --fail-on error,warning --display-info --show-overrides "$server" "$console" |
        tee "$out/lintian.txt"
    step "systemd-analyze verify of the shipped unit"
    local x=$out/x-verify
    rm -rf "$x"
    dpkg-deb -x "$server" "$x"
    # The unit as shipped; its ExecStart must exist, so verify against the unpacked package.
    local unit=$x/lib/systemd/system/flowviz-server.service
    sed "s|/usr/bin/flowviz-server|$x/usr/bin/flowviz-server|" "$unit" >"$out/flowviz-server.service"
    SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$out/flowviz-server.service" 2>&1 |
        tee "$out/verify.txt"
    [ ! -s "$out/verify.txt" ] || fail "systemd-analyze verify complained about the unit"
    systemd-analyze security --offline=yes --threshold=30 "$unit" | tail -n 1
    step "lint passed"
}

# ---------------------------------------------------------------------------------------------
ROOT=""
WORK=""
SERVER_PID=""

in_root() { # runs a command in the root with a clean environment
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        HOME=/root chroot "$ROOT" "$@"
}

cleanup() {
    local rc=$?
    set +e
    stop_server
    [ -z "$WORK" ] || step "cleaning up (exit status $rc)"
    if [ -n "$ROOT" ] && [ -x "$ROOT/usr/bin/pg_ctlcluster" ] &&
        in_root pg_lsclusters -h 2>/dev/null | grep -q online; then
        in_root pg_ctlcluster 15 main stop -m fast >/dev/null 2>&1
    fi
    if [ -n "$ROOT" ]; then
        # Anything still running inside the root (it should be nothing).
        local p left=""
        for p in /proc/[0-9]*; do
            [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOT" ] && left="$left ${p#/proc/}"
        done
        if [ -n "$left" ]; then
            for p in $left; do
                echo "left in the root: $p $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" >&2
            done
            # shellcheck disable=SC2086
            kill -KILL $left 2>/dev/null
            sleep 1
        fi
    fi
    if [ -n "$WORK" ]; then
        local m
        for m in $(findmnt -rn -o TARGET | grep -F "$WORK/" | sort -r); do
            umount "$m" || umount -l "$m"
        done
        if findmnt -rn -o TARGET | grep -qF "$WORK/"; then
            echo "not removing $WORK: something is still mounted there" >&2
            rc=1
        elif [ "${FLOWVIZ_PKGTEST_KEEP:-0}" = 1 ]; then
            echo "kept $WORK" >&2
        else
            rm -rf --one-file-system "$WORK"
        fi
        step "cleaned up"
    fi
    exit $rc
}

host_sources() { # the host's apt sources, the ones the root uses too
    cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null || true
}

mirror_url() { # the host's Debian mirror (not the security archive)
    local u
    u=$(host_sources | sed -n 's/^URIs:[[:space:]]*//p; s/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p' |
        grep -v security | head -n 1)
    echo "${u:-http://deb.debian.org/debian}"
}

base_root() { # prints the path of the cached base root tarball, making it when missing
    local cache=$1 key tarball mirror
    mirror=$(mirror_url)
    key=$( (echo "$SUITE $VARIANT $INCLUDE $mirror" && host_sources) | sha256sum | cut -c1-12)
    tarball=$cache/$SUITE-$VARIANT-$key.tar.gz
    if [ ! -f "$tarball" ]; then
        step "bootstrapping $SUITE ($VARIANT) from $mirror; cached as $tarball" >&2
        local tmp=$WORK/bootstrap
        debootstrap --variant="$VARIANT" ${INCLUDE:+--include="$INCLUDE"} "$SUITE" "$tmp" "$mirror" \
            >"$WORK/debootstrap.log" 2>&1 || { tail -n 30 "$WORK/debootstrap.log" >&2; fail "debootstrap failed"; }
        # The host's sources (main, updates, security), so the root sees what a server would.
        rm -f "$tmp/etc/apt/sources.list"
        cp /etc/apt/sources.list.d/*.sources "$tmp/etc/apt/sources.list.d/" 2>/dev/null || true
        cp /etc/apt/sources.list.d/*.list "$tmp/etc/apt/sources.list.d/" 2>/dev/null || true
        [ -n "$(ls "$tmp/etc/apt/sources.list.d")" ] ||
            echo "deb $mirror $SUITE main" >"$tmp/etc/apt/sources.list"
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot "$tmp" apt-get update -qq >&2 ||
            fail "apt-get update in the new root failed"
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot "$tmp" apt-get clean
        tar -C "$tmp" --numeric-owner -czf "$tarball.tmp.$$" . && mv "$tarball.tmp.$$" "$tarball"
        rm -rf --one-file-system "$tmp"
    fi
    echo "$tarball"
}

apt_in_root() { # apt-get install in the root; refreshes the lists once if the cached ones are stale
    in_root apt-get install -y -q "$@" >>"$WORK/apt.log" 2>&1 && return 0
    step "apt-get install failed; refreshing the package lists and trying again"
    in_root apt-get update -qq >>"$WORK/apt.log" 2>&1 || { tail -n 30 "$WORK/apt.log"; fail "apt-get update failed"; }
    in_root apt-get install -y -q "$@" >>"$WORK/apt.log" 2>&1 || { tail -n 40 "$WORK/apt.log"; fail "apt-get install $* failed"; }
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

run_unit() { # run_unit [VAR=value...]: the unit's ExecStart as its User in its WorkingDirectory
    local unit=$ROOT/lib/systemd/system/flowviz-server.service exec user dir
    exec=$(sed -n 's/^ExecStart=//p' "$unit")
    user=$(sed -n 's/^User=//p' "$unit")
    dir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
    if [ -z "$exec" ] || [ -z "$user" ]; then fail "the unit lacks ExecStart= or User="; fi
    # setpriv rather than runuser, and exec all the way: the process is the server itself, as
    # under systemd, so signals reach it and its exit status is the server's.
    exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 chroot "$ROOT" \
        setpriv --reuid="$user" --regid="$user" --init-groups --reset-env \
        sh -c "cd '${dir:-/}' && exec env $* $exec"
}

start_server() { # as systemd would; returns once /ready answers 200
    if curl -fsS -o /dev/null --max-time 2 "$URL/health" 2>/dev/null; then
        fail "something already answers on $URL"
    fi
    (run_unit) >>"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null --max-time 2 "$URL/ready" 2>/dev/null; then
            step "server ready on $URL"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$WORK/server.log"; fail "the server exited"; }
        sleep 0.5
    done
    tail -n 20 "$WORK/server.log"
    fail "the server was not ready within 60 s"
}

stop_server() { # SIGTERM, as systemd stops it; fails unless the server exits by itself
    [ -n "$SERVER_PID" ] || return 0
    local pid=$SERVER_PID rc=0
    SERVER_PID=""
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        fail "the server did not stop within 30 s of SIGTERM"
    fi
    wait "$pid" || rc=$?
    [ "$rc" = 0 ] || fail "the server exited with $rc on SIGTERM"
}

mode_of() { in_root stat -c '%a %U:%G' "$1"; } # names as the root knows them

sql() { in_root runuser -u postgres -- psql -X -qtA -d flowviz -c "$1"; }

api() { # api METHOD PATH [BODY]: prints the HTTP status, the body goes to $WORK/body.json
    curl -sS -o "$WORK/body.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' ${3:+--data "$3"} "$URL$2"
}

set_conf() { # set_conf KEY VALUE: uncomments or replaces "KEY = ..." (the first one)
    sed -i "0,/^;\\?$1 = .*/s||$1 = $2|" "$ROOT/etc/flowviz/server.conf"
    grep -qxF "$1 = $2" "$ROOT/etc/flowviz/server.conf" || fail "could not set $1 in server.conf"
}

cmd_install() {
    local out cache tarball server console version
    out=$(realpath "$1")
    [ "$(id -u)" = 0 ] || fail "the install test needs root (debootstrap, chroot, mount)"
    for tool in debootstrap curl python3 dpkg-deb findmnt; do
        command -v "$tool" >/dev/null || fail "$tool is missing (deploy/dev/install-deps.sh installs it)"
    done
    server=$(deb_of "$out" flowviz-server)
    console=$(deb_of "$out" flowviz-console)
    version=$(dpkg-deb -f "$server" Version)
    cache=${FLOWVIZ_PKGTEST_CACHE:-/var/cache/flowviz-test}
    mkdir -p "$cache/archives/partial"
    WORK=$(mktemp -d /var/tmp/flowviz-pkgtest.XXXXXX)
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    tarball=$(base_root "$cache")
    ROOT=$WORK/root
    mkdir -p "$ROOT"
    # In memory: dpkg syncs every file it unpacks, which on a busy disk made the test three
    # times slower, and removing the root afterwards took a minute.
    if [ "${FLOWVIZ_PKGTEST_TMPFS:-1}" = 1 ]; then
        mount -t tmpfs -o size=4g,mode=0755 tmpfs "$ROOT"
    fi
    step "unpacking the clean root from $(basename "$tarball")"
    tar -C "$ROOT" --numeric-owner -xzf "$tarball"
    mount -t proc proc "$ROOT/proc"
    mount -t tmpfs -o mode=1777,size=256m tmpfs "$ROOT/dev/shm"
    mount --bind "$cache/archives" "$ROOT/var/cache/apt/archives"
    for node in null zero random urandom full tty; do
        [ -c "$ROOT/dev/$node" ] && continue
        rm -f "$ROOT/dev/$node"
        touch "$ROOT/dev/$node"
        mount --bind "/dev/$node" "$ROOT/dev/$node"
    done
    # No service starts on its own in the root (there is no init); the test starts them.
    printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
    chmod 0755 "$ROOT/usr/sbin/policy-rc.d"
    mkdir -p "$ROOT/tmp/pkgs"
    cp "$server" "$console" "$ROOT/tmp/pkgs/"

    # --- install: apt resolves the Depends; the Recommends bring PostgreSQL
    step "apt-get install ./$(basename "$server") (Recommends: postgresql)"
    apt_in_root "/tmp/pkgs/$(basename "$server")"
    grep -q "installed and enabled but not started" "$WORK/apt.log" ||
        fail "postinst did not say that the database is not configured yet"
    in_root dpkg-query -W -f='${Status}\n' postgresql-15 | grep -qx 'install ok installed' ||
        fail "postgresql-15 did not come with the server (Recommends)"
    in_root getent passwd flowviz | grep -q ':/var/lib/flowviz:/usr/sbin/nologin$' ||
        fail "no flowviz system user with home /var/lib/flowviz"
    [ "$(mode_of /var/lib/flowviz)" = "750 flowviz:flowviz" ] ||
        fail "/var/lib/flowviz is $(mode_of /var/lib/flowviz)"
    [ "$(mode_of /etc/flowviz/server.conf)" = "640 root:flowviz" ] ||
        fail "server.conf is $(mode_of /etc/flowviz/server.conf)"
    [ "$(mode_of /etc/flowviz/jwt-secret)" = "640 root:flowviz" ] ||
        fail "jwt-secret is $(mode_of /etc/flowviz/jwt-secret)"
    [ "$(head -n 1 "$ROOT/etc/flowviz/jwt-secret" | base64 -d | wc -c)" = 48 ] ||
        fail "the JWT secret is not 48 bytes in base64"
    [ -L "$ROOT/etc/systemd/system/multi-user.target.wants/flowviz-server.service" ] ||
        fail "the unit was not enabled"
    local secret_sum
    secret_sum=$(sha256sum <"$ROOT/etc/flowviz/jwt-secret")

    # --- the refusals the unit's Restart= settings rely on: a configuration error (exit 7) and
    # an unreachable database (exit 3), each with a message
    local rc=0
    (run_unit) >"$WORK/refusal.log" 2>&1 || rc=$?
    if [ "$rc" != 7 ] || ! grep -q "no database configured" "$WORK/refusal.log"; then
        fail "without a database URL the server exited with $rc: $(cat "$WORK/refusal.log")"
    fi
    PORT=$(free_port)
    URL=http://127.0.0.1:$PORT
    set_conf url "postgresql://flowviz@localhost/flowviz?host=/var/run/postgresql"
    set_conf listen "127.0.0.1:$PORT"
    set_conf token_lifetime 3600 # the local edit that must survive the upgrade
    rc=0
    (run_unit FLOWVIZ_DATABASE_WAIT=1) >"$WORK/refusal.log" 2>&1 || rc=$?
    [ "$rc" = 3 ] || fail "with PostgreSQL down the server exited with $rc, not 3: $(cat "$WORK/refusal.log")"
    step "refusals: exit 7 without a database URL, exit 3 with PostgreSQL down"

    # --- PostgreSQL in the root: socket only (no TCP port to clash with the host)
    step "PostgreSQL 15 in the root: role and database flowviz (peer authentication)"
    in_root pg_conftool 15 main set listen_addresses ""
    in_root pg_ctlcluster 15 main start
    in_root runuser -u postgres -- createuser flowviz
    in_root runuser -u postgres -- createdb -O flowviz flowviz

    # --- start as systemd would, create a user and a lot
    start_server
    local password=pkgtest-Admin-2026
    echo "$password" | in_root runuser -u flowviz -- flowviz-server user add admin --role ADMIN \
        --config /etc/flowviz/server.conf >>"$WORK/server.log" 2>&1 || { tail -n 5 "$WORK/server.log"; fail "user add failed"; }
    TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
        --data "{\"username\":\"admin\",\"password\":\"$password\"}" "$URL/api/v1/auth/login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])') || fail "login failed"
    [ "$(api POST /api/v1/lots "{\"lot_code\":\"$LOT\",\"lot_type\":\"RAW\",\"weight_kg\":\"20.00\"}")" = 201 ] ||
        fail "creating lot $LOT failed: $(cat "$WORK/body.json")"
    step "admin user and lot $LOT created through the API"

    # --- a backup as the shipped example unit takes it (pg_dump from postgresql-client-15)
    local example=$ROOT/usr/share/doc/flowviz-server/examples/flowviz-backup.service pre run backup
    pre=$(sed -n 's/^ExecStartPre=+//p' "$example")
    run=$(sed -n 's/^ExecStart=//p' "$example")
    if [ -z "$pre" ] || [ -z "$run" ]; then fail "the backup example lacks ExecStartPre=+ or ExecStart="; fi
    # shellcheck disable=SC2086 # the unit's command lines, split into words as systemd does
    in_root $pre || fail "the backup example's ExecStartPre failed"
    # shellcheck disable=SC2086
    backup=$(in_root setpriv --reuid=flowviz --regid=flowviz --init-groups --reset-env $run \
        2>>"$WORK/server.log") || { tail -n 5 "$WORK/server.log"; fail "the backup example failed"; }
    [ -f "$ROOT$backup/manifest.json" ] || fail "no manifest.json in the backup \"$backup\""
    step "backup in $backup ($(du -sk "$ROOT$backup" | cut -f1) KiB)"

    # --- the console next to it
    step "dpkg -i + apt-get -f install ./$(basename "$console")"
    in_root dpkg -i "/tmp/pkgs/$(basename "$console")" >>"$WORK/apt.log" 2>&1 || true
    apt_in_root -f
    in_root dpkg-query -W -f='${Status}\n' flowviz-console | grep -qx 'install ok installed' ||
        fail "flowviz-console is not installed after apt-get -f install"
    local v
    v=$(in_root env QT_QPA_PLATFORM=offscreen flowviz-console --version 2>"$WORK/console.log") ||
        { cat "$WORK/console.log"; fail "flowviz-console --version failed"; }
    [ "$v" = "flowviz-console $version" ] || fail "flowviz-console --version said \"$v\""
    # An offscreen start as an operator (user shiftop): it must keep running (killed by timeout: 124), open its
    # outbox with the SQLite plugin in the data directory, and leave it alone on purge.
    in_root useradd -m shiftop
    local rc=0
    in_root runuser -u shiftop -- env QT_QPA_PLATFORM=offscreen timeout 5 flowviz-console \
        --server "$URL" >"$WORK/console.log" 2>&1 || rc=$?
    [ "$rc" = 124 ] || { cat "$WORK/console.log"; fail "flowviz-console exited with $rc within 5 s"; }
    local data
    data=$(find "$ROOT/home/shiftop" -name outbox.sqlite | head -n 1)
    [ -n "$data" ] || { find "$ROOT/home/shiftop"; fail "the console made no local database"; }
    step "console $v started offscreen; local data in ${data#"$ROOT"}"

    # --- upgrade to a higher version: data, edited config and secret survive
    local next=${version}+pkgtest1 repack=$WORK/repack
    dpkg-deb -R "$server" "$repack"
    sed -i "s/^Version: .*/Version: $next/" "$repack/DEBIAN/control"
    dpkg-deb --root-owner-group -b "$repack" "$ROOT/tmp/pkgs/flowviz-server_${next}.deb" >/dev/null
    step "upgrading flowviz-server $version -> $next"
    apt_in_root "/tmp/pkgs/flowviz-server_${next}.deb"
    stop_server # what postinst's try-restart does under systemd
    [ "$(in_root dpkg-query -W -f='${Version}' flowviz-server)" = "$next" ] || fail "the upgrade did not happen"
    grep -qx "token_lifetime = 3600" "$ROOT/etc/flowviz/server.conf" || fail "the config edit was lost"
    [ ! -e "$ROOT/etc/flowviz/server.conf.dpkg-dist" ] || fail "dpkg left server.conf.dpkg-dist"
    [ "$(sha256sum <"$ROOT/etc/flowviz/jwt-secret")" = "$secret_sum" ] || fail "the JWT secret changed"
    [ "$(mode_of /etc/flowviz/server.conf)" = "640 root:flowviz" ] ||
        fail "server.conf is $(mode_of /etc/flowviz/server.conf) after the upgrade"
    start_server
    [ "$(api GET "/api/v1/lots/$LOT")" = 200 ] || fail "lot $LOT is gone after the upgrade: $(cat "$WORK/body.json")"
    step "after the upgrade: lot $LOT, config edit, secret and the token from before are intact"
    stop_server # what prerm does under systemd

    # --- remove: nothing but the program goes
    step "apt-get remove flowviz-server"
    in_root apt-get remove -y -q flowviz-server >>"$WORK/apt.log" 2>&1 || fail "apt-get remove failed"
    [ ! -e "$ROOT/usr/bin/flowviz-server" ] || fail "the binary is still there after remove"
    grep -qx "token_lifetime = 3600" "$ROOT/etc/flowviz/server.conf" || fail "remove touched server.conf"
    [ -f "$ROOT/etc/flowviz/jwt-secret" ] || fail "remove deleted the JWT secret"
    [ -d "$ROOT/var/lib/flowviz" ] || fail "remove deleted /var/lib/flowviz"
    in_root getent passwd flowviz >/dev/null || fail "remove deleted the flowviz user"
    [ "$(sql "SELECT count(*) FROM lots WHERE lot_code = '$LOT'")" = 1 ] || fail "the lot is gone after remove"

    # --- purge: what the package made in /etc goes, the database stays
    step "apt-get purge flowviz-server"
    in_root apt-get purge -y -q flowviz-server >>"$WORK/apt.log" 2>&1 || fail "apt-get purge failed"
    [ ! -e "$ROOT/etc/flowviz" ] || fail "/etc/flowviz is still there after purge: $(ls -A "$ROOT/etc/flowviz")"
    [ ! -e "$ROOT/var/lib/flowviz" ] || fail "the empty /var/lib/flowviz is still there after purge"
    [ ! -e "$ROOT/etc/systemd/system/multi-user.target.wants/flowviz-server.service" ] ||
        fail "the unit is still enabled after purge"
    ! in_root dpkg-statoverride --list /etc/flowviz/server.conf >/dev/null || fail "the statoverride survived purge"
    [ "$(sql "SELECT count(*) FROM lots WHERE lot_code = '$LOT'")" = 1 ] || fail "the lot is gone after purge"
    in_root dpkg-query -W -f='${Status}\n' postgresql-15 | grep -qx 'install ok installed' ||
        fail "purging the server removed PostgreSQL"
    [ -f "$ROOT$backup/manifest.json" ] || fail "purging the server deleted the backup"

    step "apt-get purge flowviz-console"
    in_root apt-get purge -y -q flowviz-console >>"$WORK/apt.log" 2>&1 || fail "purging the console failed"
    [ -e "$data" ] || fail "purging the console deleted the operator's local data"
    step "install, upgrade, remove and purge passed"
}

cmd_base() { # only makes (or finds) the cached base root
    [ "$(id -u)" = 0 ] || fail "bootstrapping needs root"
    local cache=${FLOWVIZ_PKGTEST_CACHE:-/var/cache/flowviz-test}
    mkdir -p "$cache"
    WORK=$(mktemp -d /var/tmp/flowviz-pkgtest.XXXXXX)
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    base_root "$cache"
}

case "${1:-}" in
base) cmd_base ;;
build) cmd_build "$2" "$3" ;;
lint) cmd_lint "$2" ;;
install) cmd_install "$2" ;;
*)
    sed -n '2,17p' "$0" >&2
    exit 2
    ;;
esac
