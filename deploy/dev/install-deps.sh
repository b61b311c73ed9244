#!/usr/bin/env bash
# Installs the Debian 12 packages FlowViz needs to build, run and test, skipping what is
# already there. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # build
    cmake ninja-build make g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-psql libqt6sql6-sqlite
    prometheus-cpp-dev libsodium-dev libpq-dev
    # recall workbooks (XLSX); the recall test reads them back with openpyxl
    libxlsxwriter-dev python3-openpyxl
    # console UI: widgets, printing, translations (lupdate/lrelease), QR codes on labels
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqrencode-dev
    # supervisor page charts (the Qt6Charts CMake package needs Qt6OpenGL's)
    qt6-charts-dev libqt6opengl6-dev
    # packages: CPack's DEB generator (dpkg-shlibdeps), lintian, a clean Debian root for the
    # install/upgrade test, systemd-analyze to check the unit
    dpkg-dev fakeroot lintian debootstrap systemd file
    # packages: desktop-file-validate for the console's menu entry; rsvg-convert renders its
    # icon sizes (deploy/debian/console/icons/render.sh)
    desktop-file-utils librsvg2-bin
    # run: the private PostgreSQL cluster
    postgresql-15 postgresql-client-15
    # tests and the local observability stack
    pgbouncer prometheus prometheus-alertmanager prometheus-node-exporter
    prometheus-postgres-exporter docker-compose jq curl python3 procps wrk
    # the scale-out topology (deploy/cluster/cluster.sh, tests/cluster): etcd, Patroni, HAProxy
    etcd-server etcd-client patroni haproxy
    # label tests: rasterise the PDF (pdftoppm, pdfinfo) and read its QR code back (zbarimg);
    # the layout test: the console font with every status symbol (fonts-dejavu-core)
    poppler-utils qt6-translations-l10n zbar-tools fonts-dejavu-core
    # fuzz targets (tests/fuzz): clang 14 and its libFuzzer/sanitizer runtimes
    clang-14 libclang-rt-14-dev
)
# The OpenAPI lint (ctest openapi.lint) installs Redocly CLI with npm when Node.js 20.19+ or
# 22.12+ is present (e.g. NodeSource's); Debian 12's own Node.js is 18, too old for Redocly CLI
# 2, so it is not installed here and the lint reports itself skipped without one.

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
