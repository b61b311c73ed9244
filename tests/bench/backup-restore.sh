#!/usr/bin/env bash
# Backup/restore benchmark: prints figures, asserts nothing. Starts a private PostgreSQL 15
# (tests/fixtures/pgcluster.sh, then switched back to durable settings: fsync, full page writes
# and synchronous commit on, as in production), seeds a plant-sized database, and times
# `flowviz-server backup`, a restore into an empty database, a restore with --replace over the
# data, and a server start on the restored database until /ready answers.
#
#   tests/bench/backup-restore.sh [BUILD_DIR] [LOTS]      (default: build 100000)
#
# Per LOTS lots: 2 genealogy links per non-RAW lot, 3 QC decisions per lot, LOTS/10
# idempotency keys, LOTS/5 login audit rows; 60 users, 500 production runs, 40 workstations.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
build=${1:-build}
lots=${2:-100000}
server="$build/backend/flowviz-server"
[ -x "$server" ] || { echo "backup-restore: build $server first" >&2; exit 1; }

dir=$(mktemp -d /tmp/flowviz-backup-bench.XXXXXX)
chmod 755 "$dir"
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    "$here/../fixtures/pgcluster.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

"$here/../fixtures/pgcluster.sh" start "$dir/pg" >/dev/null
# shellcheck disable=SC1091
. "$dir/pg/env"
export PGPASSWORD=flowviz-test-password
admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$FLOWVIZ_TEST_PG_PORT" -U postgres "$@"; }
app() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$FLOWVIZ_TEST_PG_PORT" -U flowviz -d flowviz "$@"; }
admin -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" \
    -c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" >/dev/null

export FLOWVIZ_DATABASE_URL=$FLOWVIZ_TEST_PG_URL
export FLOWVIZ_JWT_SECRET=bench-secret-0123456789abcdef-0123456789
"$server" migrate >/dev/null
printf 'bench-password-1\n' | "$server" user add bench --role ADMIN >/dev/null

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(now)
app -v lots="$lots" <<'SQL'
INSERT INTO users (username, full_name, role, password_hash)
SELECT 'op' || i, 'Operator ' || i, 'OPERATOR', '$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'
  FROM generate_series(1, 59) i;
INSERT INTO production_runs (run_code, operator_id, daily_target_kg, status, started_at, summary)
SELECT 'RUN-' || i, (SELECT id FROM users WHERE username = 'op' || (1 + i % 59)), 5000 + i,
       'COMPLETED', timestamptz '2024-01-01 06:00+00' + i * interval '1 day',
       jsonb_build_object('lots', 200, 'shift', 'A')
  FROM generate_series(1, 500) i;
-- Lots in seven stages; each stage is one seventh of the lots.
CREATE TEMP TABLE stage (n int, type text);
INSERT INTO stage VALUES (0, 'RAW'), (1, 'DEB'), (2, 'BULK'), (3, 'MIX'), (4, 'SKW'), (5, 'FRZ'), (6, 'FG');
INSERT INTO lots (lot_code, lot_type, status, production_run_id, weight_kg, temperature_c, metadata,
                  operator_id, workstation_id, client_created_at, created_at, updated_at)
SELECT s.type || '-' || lpad(i::text, 7, '0'), s.type,
       (ARRAY['RELEASED', 'RELEASED', 'CONSUMED', 'QUARANTINE', 'HOLD'])[1 + i % 5],
       (SELECT id FROM production_runs WHERE run_code = 'RUN-' || (1 + i % 500)),
       15 + (i % 500), 2 + (i % 3) * 0.5,
       jsonb_build_object('supplier', 'S' || (i % 40), 'line', i % 6, 'batch', 'B' || i),
       (SELECT id FROM users WHERE username = 'op' || (1 + i % 59)), 'WS-' || (i % 40),
       t.at, t.at, t.at
  FROM stage s,
       generate_series(1, (:lots / 7)) i,
       LATERAL (SELECT timestamptz '2024-01-01 06:00+00' + (s.n * (:lots / 7) + i) * interval '5 minutes' AS at) t;
INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg, linked_at)
SELECT p.id, c.id, 7.5, c.created_at
  FROM stage s JOIN stage ps ON ps.n = s.n - 1,
       generate_series(1, (:lots / 7)) i, generate_series(0, 1) k,
       LATERAL (SELECT id, created_at FROM lots WHERE lot_code = s.type || '-' || lpad(i::text, 7, '0')) c,
       LATERAL (SELECT id FROM lots WHERE lot_code = ps.type || '-' || lpad((1 + (i + k) % (:lots / 7))::text, 7, '0')) p;
INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, notes, temperature_c,
                          digital_signature, signature_meaning, signed_at, workstation_id,
                          decided_at, recorded_at)
SELECT l.id, g.id, l.operator_id, (ARRAY['PASS', 'PASS', 'PASS', 'HOLD', 'FAIL'])[1 + (k + length(l.lot_code)) % 5],
       'Visual and temperature check ' || k, l.temperature_c,
       CASE WHEN k = 2 THEN md5(l.lot_code) END, CASE WHEN k = 2 THEN 'approved' END,
       CASE WHEN k = 2 THEN l.created_at + interval '20 minutes' END, l.workstation_id,
       l.created_at + k * interval '10 minutes', l.created_at + k * interval '10 minutes'
  FROM lots l CROSS JOIN generate_series(0, 2) k
  JOIN qc_gates g ON g.gate_number = (ARRAY[1, 3, 4, 5, 6, 7, 8])[1 + (k + length(l.lot_code)) % 7];
INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, method, path, response_status,
                              response_body, created_at)
SELECT operator_id, 'key-' || lot_code, decode(md5(lot_code), 'hex'), 'POST', '/api/v1/lots', 201,
       '{"lot_code":"' || lot_code || '","lot_type":"' || lot_type || '","status":"CREATED"}', created_at
  FROM lots WHERE random() < 0.1;
INSERT INTO login_audit (username, user_id, client_addr, succeeded, reason, at)
SELECT 'op' || (1 + i % 59), NULL, '10.1.0.' || (i % 200), i % 11 <> 0, '',
       timestamptz '2024-01-01 06:00+00' + i * interval '3 minutes'
  FROM generate_series(1, (:lots / 5)) i;
INSERT INTO workstation_heartbeats (workstation_id, user_id, pending_sync, app_version)
SELECT 'WS-' || i, NULL, i % 3, '0.1.0' FROM generate_series(0, 39) i;
SET client_min_messages = error;
VACUUM ANALYZE;
SQL
t1=$(now)
seed_s=$(seconds "$t0" "$t1")

counts=$(app -At -c "SELECT (SELECT count(*) FROM lots) || ' lots, ' || (SELECT count(*) FROM lot_genealogy)
    || ' genealogy links, ' || (SELECT count(*) FROM qc_decisions) || ' QC decisions, '
    || (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM login_audit) || ' login audit rows, '
    || (SELECT count(*) FROM idempotency_keys) || ' idempotency keys'")
dbsize=$(app -At -c "SELECT pg_size_pretty(pg_database_size(current_database()))")

t0=$(now)
backup=$("$server" backup --output "$dir/backups" 2>/dev/null)
t1=$(now)
backup_s=$(seconds "$t0" "$t1")
dump_size=$(du -h "$backup/flowviz.dump" | cut -f1)

admin -d postgres -c "DROP DATABASE flowviz WITH (FORCE)" -c "CREATE DATABASE flowviz OWNER flowviz"
t0=$(now)
"$server" restore "$backup" >/dev/null
t1=$(now)
restore_s=$(seconds "$t0" "$t1")

t0=$(now)
"$server" restore "$backup" --replace >/dev/null
t1=$(now)
replace_s=$(seconds "$t0" "$t1")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
t0=$(now)
"$server" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.05; done
t1=$(now)
ready_s=$(seconds "$t0" "$t1")
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password-1"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | jq -r .access_token)
check=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/lots/MIX-0000100" |
    jq -r '"\(.lot_code) \(.status), \(.parents | length) parents, \(.children | length) children"')

cat <<OUT
flowviz backup/restore benchmark, $(date -u +%Y-%m-%dT%H:%MZ)
machine:   $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)
postgres:  $(app -At -c 'SHOW server_version'), fsync on, synchronous_commit on; $("$server" --version)
database:  $counts; $dbsize on disk
seed:      ${seed_s} s (not part of the figures below)
backup:    ${backup_s} s  (pg_dump -Fc + row counts + SHA-256; dump $dump_size)
restore:   ${restore_s} s  (into an empty database, verified, ANALYZE, migrations)
replace:   ${replace_s} s  (restore --replace over the same data)
start:     ${ready_s} s  (flowviz-server start until /ready answers 200)
RTO:       $(awk -v a="$restore_s" -v b="$ready_s" 'BEGIN { printf "%.1f", a + b }') s  (restore + start)
check:     GET /api/v1/lots/MIX-0000100 after the restore: $check
OUT
