// flowviz-server backup / restore against the real PostgreSQL and pg_dump/pg_restore, and the
// start-up refusals of serve and migrate.

#include "tests/backend/apitestutil.h"
#include "tests/support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

using namespace flowviz::test;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QString lastErrorLine() const
    {
        const QStringList lines = err.trimmed().split(u'\n');
        return lines.isEmpty() ? QString() : lines.last();
    }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(code).arg(out, err);
    }
};

// One table's exact content (or one sequence's position), in a form two databases compare by.
using Snapshot = QMap<QString, QString>;

void adminExec(const QByteArray &sql)
{
    const QByteArray url = TestEnv::get().directUrlFor(QStringLiteral("postgres")).toUtf8();
    PGconn *conn = PQconnectdb(url.constData());
    QVERIFY2(PQstatus(conn) == CONNECTION_OK, PQerrorMessage(conn));
    PGresult *r = PQexec(conn, sql.constData());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    const QByteArray error = PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    QVERIFY2(ok, error.constData());
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &args, const QMap<QString, QString> &extraEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLOWVIZ_DATABASE_URL"), m_server->databaseUrl());
        env.insert(QStringLiteral("FLOWVIZ_JWT_SECRET"),
                   QString::fromLatin1(TestServer::kJwtSecret));
        // Backup and restore go straight to PostgreSQL; through PgBouncer the suite proves the
        // option is honoured, straight to PostgreSQL that the database URL is the default.
        if (TestEnv::get().viaPgBouncer)
            env.insert(QStringLiteral("FLOWVIZ_BACKUP_DATABASE_URL"),
                       TestEnv::get().directUrlFor(m_server->db().name()));
        for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(TestServer::serverBinary(), args);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("(timed out)");
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Snapshot snapshot()
    {
        Snapshot s;
        TestDb &db = m_server->db();
        const auto tables = db.query(QStringLiteral(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = "
            "c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY 1"));
        for (const QStringList &t : tables) {
            const QString name = t[0];
            if (t[1] == u"S") {
                s.insert(QStringLiteral("sequence ") + name,
                         db.scalar(QStringLiteral("SELECT last_value || '/' || is_called FROM "
                                                  "public.\"%1\"")
                                       .arg(name)));
                continue;
            }
            // Every row as text, in a fixed order: equal hashes mean equal tables.
            s.insert(name, db.scalar(QStringLiteral("SELECT count(*) || ' ' || md5(coalesce("
                                                    "string_agg(t::text, E'\\n' ORDER BY "
                                                    "t::text), '')) FROM public.\"%1\" t")
                                         .arg(name)));
        }
        return s;
    }

    QString latestBackup() const
    {
        const QStringList dirs = QDir(m_backups.path())
                                     .entryList({QStringLiteral("flowviz-*")},
                                                QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        return dirs.isEmpty() ? QString() : QDir(m_backups.path()).filePath(dirs.last());
    }

    QString copyBackup(const QString &name)
    {
        const QString target = QDir(m_scratch.path()).filePath(name);
        QDir().mkpath(target);
        for (const char *file : {"manifest.json", "flowviz.dump"}) {
            const QString f = QString::fromLatin1(file);
            QFile::copy(QDir(m_backup).filePath(f), QDir(target).filePath(f));
        }
        return target;
    }

    void recreateEmptyDatabase()
    {
        m_server->stop();
        const QByteArray name = m_server->db().name().toUtf8();
        adminExec("DROP DATABASE \"" + name + "\" WITH (FORCE)");
        adminExec("CREATE DATABASE \"" + name + "\"");
    }

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_backups;
    QTemporaryDir m_scratch;
    QString m_backup;
    Snapshot m_before;
    int m_latest = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid() && m_scratch.isValid());
        m_server = std::make_unique<TestServer>(QStringLiteral("backup"), noRateLimits());
        QVERIFY(m_server->start());
        TestDb &db = m_server->db();
        m_latest = db.scalar(QStringLiteral("SELECT max(version) FROM schema_migrations")).toInt();
        QVERIFY(m_latest >= 1);

        // Some rows the way the API writes them (login audit, lots with genealogy, a decision).
        auto op = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(op);
        QCOMPARE(op->post(QStringLiteral("/api/v1/lots"),
                          lotBody(QStringLiteral("API-RAW-1"), QStringLiteral("RAW"),
                                  QStringLiteral("250.50"), QStringLiteral("4.0")))
                     .status,
                 201);
        QCOMPARE(
            op->post(QStringLiteral("/api/v1/lots"),
                     lotBody(QStringLiteral("API-DEB-1"), QStringLiteral("DEB"),
                             QStringLiteral("200.00"), QStringLiteral("3.5"),
                             {parentRef(QStringLiteral("API-RAW-1"), QStringLiteral("120.25"))}),
                     {{"Idempotency-Key", "backup-test-1"}})
                .status,
            201);
        QCOMPARE(op->post(QStringLiteral("/api/v1/qc-decisions"),
                          decisionBody(QStringLiteral("API-RAW-1"), QStringLiteral("PASS")))
                     .status,
                 201);

        // And a few thousand more straight in SQL: seven stages of 500 lots, each lot linked
        // to two lots of the stage before, three QC decisions per lot, users, heartbeats.
        db.exec(QStringLiteral("INSERT INTO users (username, full_name, role, password_hash)"
                               " SELECT 'seed' || i, 'Seed Ünïcode ' || i, 'OPERATOR', 'x' FROM "
                               "generate_series(1, 30) i"));
        db.exec(QStringLiteral(
            "INSERT INTO production_runs (run_code, operator_id, daily_target_kg, summary)"
            " SELECT 'RUN-' || i, (SELECT id FROM users WHERE username = 'operator'), 1000.50 + i,"
            " jsonb_build_object('note', 'run ' || i) FROM generate_series(1, 20) i"));
        db.exec(QStringLiteral(
            "INSERT INTO lots (lot_code, lot_type, status, production_run_id, weight_kg,"
            " temperature_c, metadata, operator_id, workstation_id, created_at)"
            " SELECT t.type || '-' || i, t.type, (ARRAY['CREATED','QUARANTINE','RELEASED','HOLD'])"
            "[1 + i % 4], (SELECT id FROM production_runs WHERE run_code = 'RUN-' || (1 + i % 20)),"
            " (i % 900) + 0.25, ((i % 9) - 2) + 0.5, jsonb_build_object('i', i, 'note', 'n\"q'),"
            " (SELECT id FROM users WHERE username = 'seed' || (1 + i % 30)), 'WS-' || (i % 12),"
            " timestamptz '2024-03-01 06:00:00+00' + (t.n * 500 + i) * interval '37 seconds'"
            " FROM (VALUES (1, 'RAW'), (2, 'DEB'), (3, 'BULK'), (4, 'MIX'), (5, 'SKW'), (6, 'FRZ'),"
            " (7, 'FG')) t(n, type), generate_series(1, 500) i"));
        db.exec(QStringLiteral(
            "INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg)"
            " SELECT p.id, c.id, 12.5 FROM (VALUES ('RAW', 'DEB'), ('DEB', 'BULK'), ('BULK', "
            "'MIX'),"
            " ('MIX', 'SKW'), ('SKW', 'FRZ'), ('FRZ', 'FG')) s(parent, child),"
            " generate_series(1, 500) i, generate_series(0, 1) k"
            " JOIN LATERAL (SELECT id FROM lots WHERE lot_code = s.parent || '-' || (1 + (i + k) % "
            "500)) p ON true"
            " JOIN LATERAL (SELECT id FROM lots WHERE lot_code = s.child || '-' || i) c ON true"));
        db.exec(QStringLiteral(
            "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, notes,"
            " temperature_c, decided_at, workstation_id)"
            " SELECT l.id, g.id, l.operator_id, (ARRAY['PASS','HOLD','FAIL'])[1 + k],"
            " 'check ' || k || ' of ' || l.lot_code, 3.5, l.created_at + k * interval '5 minutes',"
            " l.workstation_id FROM lots l CROSS JOIN generate_series(0, 2) k"
            " JOIN qc_gates g ON g.gate_number = 1 WHERE l.lot_code NOT LIKE 'API-%'"));
        db.exec(QStringLiteral(
            "INSERT INTO workstation_heartbeats (workstation_id, user_id, pending_sync, "
            "app_version)"
            " SELECT 'WS-' || i, (SELECT id FROM users WHERE username = 'operator'), i, '0.1.0'"
            " FROM generate_series(0, 11) i"));
        db.exec(QStringLiteral("INSERT INTO login_audit (username, client_addr, succeeded, reason)"
                               " SELECT 'seed' || (i % 30), '10.0.0.' || (i % 250), i % 7 <> 0, ''"
                               " FROM generate_series(1, 500) i"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM lots")).toInt(), 3502);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM lot_genealogy")).toInt(), 6001);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM qc_decisions")).toInt(), 10501);
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM idempotency_keys")).toInt() >= 1);
        m_before = snapshot();
    }

    void backupWritesDumpAndManifest()
    {
        const Run r = run({QStringLiteral("backup"), QStringLiteral("--output"), m_backups.path()});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        m_backup = latestBackup();
        QVERIFY(!m_backup.isEmpty());
        QCOMPARE(r.out.trimmed(), m_backup);
        // Nothing half-written is left beside it.
        QCOMPARE(QDir(m_backups.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 1);

        QFile manifestFile(QDir(m_backup).filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(manifestFile.readAll()).object();
        QCOMPARE(m.value(QStringLiteral("format_version")).toInt(), 1);
        QCOMPARE(m.value(QStringLiteral("schema_version")).toInt(), m_latest);
        QCOMPARE(m.value(QStringLiteral("database")).toString(), m_server->db().name());
        QVERIFY(!m.value(QStringLiteral("flowviz_server_version")).toString().isEmpty());
        QVERIFY(QDateTime::fromString(m.value(QStringLiteral("created_at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const QJsonObject tables = m.value(QStringLiteral("tables")).toObject();
        const auto expected = m_server->db().query(QStringLiteral(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1"));
        QCOMPARE(tables.size(), expected.size());
        for (const QStringList &t : expected) {
            const QString count = m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM public.\"%1\"").arg(t[0]));
            QCOMPARE(tables.value(t[0]).toInteger(-1), count.toLongLong());
        }

        QFile dump(QDir(m_backup).filePath(QStringLiteral("flowviz.dump")));
        QVERIFY(dump.open(QIODevice::ReadOnly));
        QCryptographicHash sha(QCryptographicHash::Sha256);
        QVERIFY(sha.addData(&dump));
        const QJsonObject d = m.value(QStringLiteral("dump")).toObject();
        QCOMPARE(d.value(QStringLiteral("sha256")).toString().toLatin1(), sha.result().toHex());
        QCOMPARE(d.value(QStringLiteral("bytes")).toInteger(), dump.size());
        QVERIFY(dump.seek(0));
        QVERIFY(dump.read(5) == "PGDMP"); // custom format
    }

    void backupFailureLeavesNothing()
    {
        const QString out = QDir(m_scratch.path()).filePath(QStringLiteral("failed-backups"));
        const Run r = run({QStringLiteral("backup"), QStringLiteral("--output"), out},
                          {{QStringLiteral("FLOWVIZ_PG_BINDIR"), m_scratch.path()}});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.lastErrorLine().contains(u"pg_dump was not found"), qPrintable(r.describe()));
        QVERIFY(
            QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    }

    void restoreIntoRecreatedDatabase()
    {
        QVERIFY(!m_backup.isEmpty());
        recreateEmptyDatabase();
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT to_regclass('public.lots')")),
                 QString());
        const Run r = run({QStringLiteral("restore"), m_backup});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(u"row counts match the manifest"), qPrintable(r.describe()));
        const Snapshot after = snapshot();
        QCOMPARE(after.keys(), m_before.keys());
        for (auto it = m_before.begin(); it != m_before.end(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
        // The append-only guard came back with the table.
        QCOMPARE(trySql(*m_server, QStringLiteral("DELETE FROM qc_decisions")).left(5),
                 QStringLiteral("42501"));
    }

    void restoredServerAnswersLotQuery()
    {
        QVERIFY(m_server->start());
        auto viewer = clientFor(*m_server, QStringLiteral("viewer"));
        QVERIFY(viewer);
        const Reply r = viewer->get(QStringLiteral("/api/v1/lots/DEB-7"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject lot = r.json();
        const auto row = m_server->db().query(
            QStringLiteral("SELECT lot_type, status, weight_kg::text, workstation_id FROM lots "
                           "WHERE lot_code = 'DEB-7'"));
        QCOMPARE(row.size(), 1);
        QCOMPARE(lot.value(QStringLiteral("lot_type")).toString(), row[0][0]);
        QCOMPARE(lot.value(QStringLiteral("status")).toString(), row[0][1]);
        QCOMPARE(lot.value(QStringLiteral("weight_kg")).toDouble(), row[0][2].toDouble());
        QCOMPARE(lot.value(QStringLiteral("workstation_id")).toString(), row[0][3]);
        const QJsonArray parents = lot.value(QStringLiteral("parents")).toArray();
        QCOMPARE(parents.size(), 2);
        QCOMPARE(parents[0].toObject().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("RAW-8"));
        QCOMPARE(lot.value(QStringLiteral("children")).toArray().size(), 2);
        // Writes work too: sequences and defaults came back.
        auto op = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(op);
        FV_VERIFY_STATUS(op->post(QStringLiteral("/api/v1/lots"),
                                  lotBody(QStringLiteral("AFTER-RESTORE-1"), QStringLiteral("RAW"),
                                          QStringLiteral("300.00"))),
                         201);
        m_server->stop();
    }

    void restoreRefusesNonEmptyTargetUnlessReplace()
    {
        const QString lotsBefore =
            m_server->db().scalar(QStringLiteral("SELECT count(*) FROM lots"));
        QCOMPARE(lotsBefore.toInt(), 3503); // with AFTER-RESTORE-1
        Run r = run({QStringLiteral("restore"), m_backup});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.lastErrorLine().contains(u"already holds FlowViz data") &&
                     r.lastErrorLine().contains(u"--replace"),
                 qPrintable(r.describe()));
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT count(*) FROM lots")), lotsBefore);

        r = run({QStringLiteral("restore"), m_backup, QStringLiteral("--replace")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(snapshot(), m_before);
    }

    void restoreOlderSchemaUpgradesIt()
    {
        // A backup taken by a server that knew only the migrations up to 0002_stats_indexes
        // restores, is checked against its manifest at version 2, and then gets the binary's
        // newer migrations. Version 2 is made from the seeded database by undoing exactly what
        // 0018_first_decision_arrival, 0017_trace_graph_walk, 0016_active_operators,
        // 0015_decision_arrival, 0014_plant_gauges, 0013_kde_export, 0012_recalls, 0011_dispatch,
        // 0010_receiving, 0009_trace_graph_order, 0008_mass_balance, 0007_audit_trail,
        // 0006_trace_graph, 0005_insert_lot, 0004_ccp_limits_signatures and
        // 0003_qc_first_decisions do; the backfills of 0003 and 0018 must rebuild exactly the
        // table that the trigger had kept.
        QVERIFY2(m_latest == 18,
                 "this test makes schema version 2 by undoing 0018 to 0003: undo every "
                 "migration after 0002 here");
        TestDb &db = m_server->db();
        const QString indexSql = QStringLiteral(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND "
            "indexname IN ('qc_decisions_effective_idx', 'qc_decisions_lot_gate_effective_idx', "
            "'qc_first_decisions_effective_idx', 'qc_first_decisions_pkey') ORDER BY 1");
        const QString firstSql = QStringLiteral(
            "SELECT lot_id, qc_gate_id, decision_id, decision, effective, recorded_at "
            "FROM qc_first_decisions ORDER BY lot_id, qc_gate_id");
        const QString triggerSql =
            QStringLiteral("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = "
                           "'qc_decisions'::regclass AND tgname = 'qc_first_decisions_track'");
        const auto indexesV3 = db.query(indexSql);
        QCOMPARE(indexesV3.size(), 4);
        const auto triggerV3 = db.query(triggerSql);
        QCOMPARE(triggerV3.size(), 1);
        const QString earlierMigrations = QStringLiteral(
            "SELECT string_agg(s::text, ' ' ORDER BY version) FROM schema_migrations s "
            "WHERE version <= 2");
        const QString migrationsV2 = db.scalar(earlierMigrations);
        QVERIFY(!migrationsV2.isEmpty());
        // Should a check below fail, the later tests still find the database they expect.
        auto putBack = qScopeGuard([this] {
            run({QStringLiteral("restore"), m_backup, QStringLiteral("--replace")});
        });

        // Decisions that make "first" hard, inserted after the seed so that the trigger has to
        // choose and replace: at gate 3, RAW-3 gets a PASS and a HOLD with the same effective
        // and recorded time (the one that arrived first is first); RAW-2 a PASS claimed for 2099 by
        // a clock running ahead (effective when recorded: now) and a FAIL decided in 2024, which is
        // first; RAW-1 a PASS, then an offline FAIL decided before it, which replaces it.
        const QString insert = QStringLiteral(
            "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, decided_at,"
            " client_time_flagged)"
            " SELECT l.id, g.id, l.operator_id, v.decision, v.decided_at::timestamptz, v.flagged"
            " FROM (VALUES %1) v(lot_code, decision, decided_at, flagged)"
            " JOIN lots l ON l.lot_code = v.lot_code JOIN qc_gates g ON g.gate_number = 3");
        db.exec(insert.arg(QStringLiteral("('RAW-1', 'PASS', '2024-03-01 07:00:00+00', false),"
                                          " ('RAW-3', 'PASS', '2024-03-01 07:00:00+00', false),"
                                          " ('RAW-3', 'HOLD', '2024-03-01 07:00:00+00', false),"
                                          " ('RAW-2', 'PASS', '2099-01-01 00:00:00+00', true),"
                                          " ('RAW-2', 'FAIL', '2024-03-01 08:00:00+00', false)")));
        db.exec(insert.arg(QStringLiteral("('RAW-1', 'FAIL', '2024-03-01 06:00:00+00', false)")));
        QCOMPARE(
            db.scalar(QStringLiteral(
                "SELECT string_agg(f.decision, ' ' ORDER BY l.lot_code) FROM "
                "qc_first_decisions f JOIN lots l ON l.id = f.lot_id JOIN qc_gates g ON "
                "g.id = f.qc_gate_id WHERE g.gate_number = 3")),
            QStringLiteral("FAIL FAIL ") +
                db.scalar(QStringLiteral(
                    "SELECT d.decision FROM qc_decisions d JOIN lots l ON l.id = d.lot_id JOIN "
                    "qc_gates g ON g.id = d.qc_gate_id WHERE l.lot_code = 'RAW-3' AND "
                    "g.gate_number = 3 ORDER BY d.arrival LIMIT 1")));
        const auto firstV3 = db.query(firstSql);
        // One per seeded lot at gate 1, API-RAW-1's, three at gate 3.
        QCOMPARE(firstV3.size(), 3500 + 1 + 3);

        // Undo 0018: a column; the trigger function it replaced goes with 0003's below.
        db.exec(QStringLiteral("ALTER TABLE qc_first_decisions DROP COLUMN arrival"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 18"));
        // Undo 0017: it only replaced trace_graph, which undoing 0006 drops.
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 17"));
        // Undo 0016: an index (it replaced plant_gauges(), which undoing 0014 drops).
        db.exec(QStringLiteral("DROP INDEX login_audit_succeeded_at_idx"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 16"));
        // Undo 0015: a column.
        db.exec(QStringLiteral("ALTER TABLE qc_decisions DROP COLUMN arrival"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 15"));
        // Undo 0014: a function.
        db.exec(QStringLiteral("DROP FUNCTION plant_gauges()"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 14"));
        // Undo 0013: two indexes.
        db.exec(QStringLiteral("DROP INDEX lot_receipts_received_idx, shipments_ship_date_idx"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 13"));
        // Undo 0012: the recall tables (empty in the seed), their functions and sequence.
        db.exec(QStringLiteral("DROP TABLE recall_lines, recall_holds, recall_lots, recalls"));
        db.exec(QStringLiteral("DROP FUNCTION recall_open(uuid, uuid, text, uuid, boolean), "
                               "recalls_guard(), recall_snapshot_append_only()"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 12"));
        // Undo 0011: the dispatch tables (empty in the seed) and their functions.
        db.exec(QStringLiteral(
            "DROP TABLE shipment_lines, shipments, ccp_reviews, ship_to_locations, customers"));
        db.exec(QStringLiteral("DROP FUNCTION shipment_lines_guard(), ccp_reviews_append_only(), "
                               "ccp_records_digest(uuid), ccp_records(uuid)"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 11"));
        // Undo 0010: the receiving tables (empty in the seed) and their trigger function.
        db.exec(QStringLiteral("DROP TABLE lot_receipts, suppliers"));
        db.exec(QStringLiteral("DROP FUNCTION lot_receipts_raw_only()"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 10"));
        // Undo 0009: it only replaced trace_graph, which undoing 0006 drops.
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 9"));
        // Undo 0008: the expected yields.
        db.exec(QStringLiteral("ALTER TABLE lot_profiles DROP CONSTRAINT lot_profiles_yield_order, "
                               "DROP COLUMN yield_min_pct, DROP COLUMN yield_max_pct"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 8"));
        // Undo 0007: the audit triggers, their function and the audit table.
        for (const char *table : {"lots", "lot_genealogy", "production_runs", "lot_profiles",
                                  "qc_gates", "users", "user_signing_keys"})
            db.exec(QStringLiteral("DROP TRIGGER %1_audit ON %1").arg(QLatin1String(table)));
        db.exec(QStringLiteral("DROP TRIGGER ccp_limits_audit_log ON ccp_limits"));
        db.exec(QStringLiteral("DROP FUNCTION audit_row()"));
        db.exec(QStringLiteral("DROP TABLE audit_log"));
        db.exec(QStringLiteral("DROP FUNCTION audit_log_append_only()"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 7"));
        // Undo 0006 and 0005: their functions.
        db.exec(QStringLiteral("DROP FUNCTION trace_graph"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 6"));
        db.exec(QStringLiteral("DROP FUNCTION insert_lot"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 5"));
        // Undo 0004: its tables, columns and functions.
        db.exec(QStringLiteral(
            "ALTER TABLE qc_decisions DROP COLUMN corrective_action, DROP COLUMN deviation, "
            "DROP COLUMN limit_min_c, DROP COLUMN limit_max_c, DROP COLUMN signer_id, "
            "DROP COLUMN signing_key_id, DROP COLUMN signature, DROP COLUMN record_hash, "
            "DROP COLUMN client_signed_at"));
        db.exec(QStringLiteral("ALTER TABLE qc_gates DROP COLUMN pass_requires_signature"));
        db.exec(QStringLiteral("DROP TABLE user_signing_keys, ccp_limit_changes, ccp_limits"));
        db.exec(
            QStringLiteral("DROP FUNCTION ccp_limits_audit(), ccp_limit_changes_append_only()"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 4"));
        db.exec(QStringLiteral("DROP TRIGGER qc_first_decisions_track ON qc_decisions"));
        db.exec(QStringLiteral("DROP FUNCTION qc_first_decisions_track()"));
        db.exec(QStringLiteral("DROP TABLE qc_first_decisions"));
        db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 3"));
        QCOMPARE(db.query(indexSql).size(), 2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT to_regclass('public.qc_first_decisions')")),
                 QString());
        const Snapshot v2 = snapshot();
        // The tables 0004, 0008 and 0015 add columns to are compared by their version-2 columns.
        QHash<QString, QString> columnsV2;
        for (const QString &table : {QStringLiteral("qc_decisions"), QStringLiteral("qc_gates"),
                                     QStringLiteral("lot_profiles")})
            columnsV2.insert(
                table, db.scalar(QStringLiteral("SELECT string_agg(quote_ident(column_name), ', ' "
                                                "ORDER BY ordinal_position) FROM "
                                                "information_schema.columns WHERE table_schema "
                                                "= 'public' AND table_name = $1"),
                                 {table}));
        QCOMPARE(v2.value(QStringLiteral("schema_migrations")).section(u' ', 0, 0),
                 QStringLiteral("2"));
        QVERIFY(!v2.contains(QStringLiteral("qc_first_decisions")));

        const QString out = QDir(m_scratch.path()).filePath(QStringLiteral("schema-v2"));
        Run r = run({QStringLiteral("backup"), QStringLiteral("--output"), out});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QString backup = r.out.trimmed();
        QFile manifestFile(QDir(backup).filePath(QStringLiteral("manifest.json")));
        QVERIFY2(manifestFile.open(QIODevice::ReadOnly), qPrintable(backup));
        const QJsonObject m = QJsonDocument::fromJson(manifestFile.readAll()).object();
        QCOMPARE(m.value(QStringLiteral("schema_version")).toInt(), 2);
        const QJsonObject tables = m.value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.value(QStringLiteral("schema_migrations")).toInteger(-1), qint64(2));
        QCOMPARE(tables.value(QStringLiteral("qc_decisions")).toInteger(-1), qint64(10507));
        QVERIFY(!tables.contains(QStringLiteral("qc_first_decisions")));

        recreateEmptyDatabase();
        r = run({QStringLiteral("restore"), backup});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        // The manifest is checked inside the restore's transaction, before migrating: its
        // check of the schema version (2) passes only there.
        QVERIFY2(
            r.out.contains(QStringLiteral("row counts match the manifest; schema version 2 -> %1")
                               .arg(m_latest)),
            qPrintable(r.describe()));

        // Every row as it was; schema_migrations gained version 3 and kept versions 1 and 2 as
        // they were; qc_first_decisions came back from the backfill exactly as the trigger had
        // kept it.
        const Snapshot after = snapshot();
        QStringList expectedKeys = v2.keys();
        expectedKeys << QStringLiteral("qc_first_decisions") << QStringLiteral("ccp_limits")
                     << QStringLiteral("ccp_limit_changes") << QStringLiteral("user_signing_keys")
                     << QStringLiteral("sequence ccp_limits_id_seq")
                     << QStringLiteral("sequence ccp_limit_changes_id_seq")
                     << QStringLiteral("audit_log") << QStringLiteral("sequence audit_log_id_seq")
                     << QStringLiteral("suppliers") << QStringLiteral("lot_receipts")
                     << QStringLiteral("customers") << QStringLiteral("ship_to_locations")
                     << QStringLiteral("ccp_reviews") << QStringLiteral("shipments")
                     << QStringLiteral("shipment_lines") << QStringLiteral("recalls")
                     << QStringLiteral("sequence recalls_number_seq")
                     << QStringLiteral("recall_lots") << QStringLiteral("recall_holds")
                     << QStringLiteral("recall_lines")
                     << QStringLiteral("sequence qc_decisions_arrival_seq");
        expectedKeys.sort();
        QCOMPARE(after.keys(), expectedKeys);
        for (auto it = v2.begin(); it != v2.end(); ++it) {
            if (it.key() == u"schema_migrations")
                continue;
            if (columnsV2.contains(it.key()))
                QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) || ' ' || md5(coalesce("
                                                  "string_agg(t::text, E'\\n' ORDER BY "
                                                  "t::text), '')) FROM (SELECT %2 FROM "
                                                  "public.\"%1\") t")
                                       .arg(it.key(), columnsV2.value(it.key()))),
                         it.value());
            else
                QCOMPARE(after.value(it.key()), it.value());
        }
        QCOMPARE(db.query(firstSql), firstV3);
        const auto migrations =
            db.query(QStringLiteral("SELECT version, name FROM schema_migrations ORDER BY 1"));
        QCOMPARE(migrations.size(), qsizetype(m_latest));
        QCOMPARE(migrations[0], (QStringList{QStringLiteral("1"), QStringLiteral("core_schema")}));
        QCOMPARE(migrations[1],
                 (QStringList{QStringLiteral("2"), QStringLiteral("stats_indexes")}));
        QCOMPARE(migrations[2],
                 (QStringList{QStringLiteral("3"), QStringLiteral("qc_first_decisions")}));
        QCOMPARE(migrations[3],
                 (QStringList{QStringLiteral("4"), QStringLiteral("ccp_limits_signatures")}));
        QCOMPARE(migrations[4], (QStringList{QStringLiteral("5"), QStringLiteral("insert_lot")}));
        QCOMPARE(migrations[5], (QStringList{QStringLiteral("6"), QStringLiteral("trace_graph")}));
        QCOMPARE(migrations[6], (QStringList{QStringLiteral("7"), QStringLiteral("audit_trail")}));
        QCOMPARE(migrations[7], (QStringList{QStringLiteral("8"), QStringLiteral("mass_balance")}));
        QCOMPARE(migrations[8],
                 (QStringList{QStringLiteral("9"), QStringLiteral("trace_graph_order")}));
        QCOMPARE(migrations[9], (QStringList{QStringLiteral("10"), QStringLiteral("receiving")}));
        QCOMPARE(migrations[10], (QStringList{QStringLiteral("11"), QStringLiteral("dispatch")}));
        QCOMPARE(migrations[11], (QStringList{QStringLiteral("12"), QStringLiteral("recalls")}));
        QCOMPARE(migrations[12], (QStringList{QStringLiteral("13"), QStringLiteral("kde_export")}));
        // The upgraded database keeps its audit trail from here on: its first entries are the
        // expected yields that 0008 set.
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) || ' ' || string_agg(DISTINCT entity "
                                          "|| ' ' || action || ' ' || reason, ', ') FROM "
                                          "audit_log")),
                 QStringLiteral("6 lot_profiles UPDATE expected yields (migration 0008)"));
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT to_regprocedure('insert_lot(uuid, text, text, "
                                     "text, uuid, numeric, numeric, jsonb, uuid, text, "
                                     "timestamptz, boolean, uuid[], numeric[])') IS NOT NULL")),
            QStringLiteral("t"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT to_regprocedure('trace_graph(uuid, boolean, "
                                          "boolean, integer, integer)') IS NOT NULL")),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar(earlierMigrations), migrationsV2);
        QCOMPARE(db.query(indexSql), indexesV3);
        QCOMPARE(db.query(triggerSql), triggerV3);
        QCOMPARE(db.scalar(QStringLiteral("SELECT bool_and(i.indisvalid) FROM pg_index i JOIN "
                                          "pg_class c ON c.oid = i.indexrelid WHERE c.relname "
                                          "IN ('qc_decisions_effective_idx', "
                                          "'qc_decisions_lot_gate_effective_idx', "
                                          "'qc_first_decisions_effective_idx')")),
                 QStringLiteral("t"));

        // Back to the database the later tests compare with (m_before, schema version 9).
        putBack.dismiss();
        r = run({QStringLiteral("restore"), m_backup, QStringLiteral("--replace")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("schema version %1 -> %1").arg(m_latest)),
                 qPrintable(r.describe()));
        QCOMPARE(snapshot(), m_before);
        QCOMPARE(db.query(indexSql), indexesV3);
    }

    void restoreRefusesNewerSchema()
    {
        const QString dir = copyBackup(QStringLiteral("newer"));
        QFile f(QDir(dir).filePath(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        m.insert(QStringLiteral("schema_version"), m_latest + 1);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(m).toJson());
        f.close();
        const Run r = run({QStringLiteral("restore"), dir, QStringLiteral("--replace")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.lastErrorLine().contains(
                     QStringLiteral("the backup holds schema version %1, newer than this "
                                    "flowviz-server knows (%2)")
                         .arg(m_latest + 1)
                         .arg(m_latest)),
                 qPrintable(r.describe()));
        QCOMPARE(snapshot(), m_before);
    }

    void restoreRefusesTamperedDump()
    {
        const QString dir = copyBackup(QStringLiteral("tampered"));
        QFile dump(QDir(dir).filePath(QStringLiteral("flowviz.dump")));
        QVERIFY(dump.open(QIODevice::ReadWrite));
        dump.seek(dump.size() / 2);
        const QByteArray byte = dump.read(1);
        dump.seek(dump.size() / 2);
        dump.write(QByteArray(1, char(byte.at(0) ^ 0x5a)));
        dump.close();
        const Run r = run({QStringLiteral("restore"), dir, QStringLiteral("--replace")});
        QCOMPARE(r.code, 6);
        QVERIFY2(r.lastErrorLine().contains(u"does not match its manifest"),
                 qPrintable(r.describe()));
        QCOMPARE(snapshot(), m_before);
    }

    void failedRestoreChangesNothing()
    {
        // A dump cut short whose manifest was made to agree with it: pg_restore fails part way,
        // and the one transaction leaves the database exactly as it was.
        const QString dir = copyBackup(QStringLiteral("truncated"));
        QFile dump(QDir(dir).filePath(QStringLiteral("flowviz.dump")));
        QVERIFY(dump.resize(dump.size() * 9 / 10));
        QVERIFY(dump.open(QIODevice::ReadOnly));
        QCryptographicHash sha(QCryptographicHash::Sha256);
        QVERIFY(sha.addData(&dump));
        QFile f(QDir(dir).filePath(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject d = m.value(QStringLiteral("dump")).toObject();
        d.insert(QStringLiteral("sha256"), QString::fromLatin1(sha.result().toHex()));
        d.insert(QStringLiteral("bytes"), dump.size());
        m.insert(QStringLiteral("dump"), d);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(m).toJson());
        f.close();

        m_server->db().exec(QStringLiteral(
            "INSERT INTO lots (lot_code, lot_type) VALUES ('MUST-SURVIVE-1', 'RAW')"));
        const Snapshot before = snapshot();
        const Run r = run({QStringLiteral("restore"), dir, QStringLiteral("--replace")});
        QVERIFY2(r.code == 1 || r.code == 6, qPrintable(r.describe()));
        QCOMPARE(snapshot(), before);
        QVERIFY(
            !m_server->db()
                 .scalar(QStringLiteral("SELECT id FROM lots WHERE lot_code = 'MUST-SURVIVE-1'"))
                 .isEmpty());
    }

    void startRefusesUnreachableDatabase()
    {
        for (const QString &command : {QStringLiteral("serve"), QStringLiteral("migrate")}) {
            QElapsedTimer timer;
            timer.start();
            const Run r =
                run({command}, {{QStringLiteral("FLOWVIZ_DATABASE_URL"),
                                 QStringLiteral("postgresql://flowviz:x@127.0.0.1:1/flowviz")},
                                {QStringLiteral("FLOWVIZ_DATABASE_WAIT"), QStringLiteral("2")},
                                {QStringLiteral("FLOWVIZ_LISTEN"), QStringLiteral("127.0.0.1:0")}});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.lastErrorLine().startsWith(
                         u"flowviz-server: cannot connect to the database at "
                         "postgresql://flowviz:***@127.0.0.1:1/flowviz (tried for 2 s)"),
                     qPrintable(r.describe()));
            QVERIFY2(timer.elapsed() < 20000, qPrintable(command));
        }
    }

    void startRefusesInvalidConfiguration()
    {
        // systemd does not retry exit code 7 (RestartPreventExitStatus): only an edit helps.
        for (const QString &command : {QStringLiteral("serve"), QStringLiteral("migrate")}) {
            const Run r =
                run({command, QStringLiteral("--plant-time-zone"), QStringLiteral("Mars/Olympus")},
                    {{QStringLiteral("FLOWVIZ_LISTEN"), QStringLiteral("127.0.0.1:0")}});
            QCOMPARE(r.code, 7);
            QVERIFY2(
                r.lastErrorLine().startsWith(u"flowviz-server: plant time zone \"Mars/Olympus\""),
                qPrintable(r.describe()));
        }
    }

    void startRefusesNewerSchema()
    {
        m_server->db().exec(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES "
                                           "(%1, 'from_a_newer_server')")
                                .arg(m_latest + 1));
        const QString expected =
            QStringLiteral("flowviz-server: the database schema is at version %1, newer than "
                           "this flowviz-server knows (%2); install the newer server")
                .arg(m_latest + 1)
                .arg(m_latest);
        for (const QString &command : {QStringLiteral("serve"), QStringLiteral("migrate")}) {
            const Run r =
                run({command}, {{QStringLiteral("FLOWVIZ_LISTEN"), QStringLiteral("127.0.0.1:0")}});
            QCOMPARE(r.code, 4);
            QCOMPARE(r.lastErrorLine(), expected);
        }
        // A backup of it is possible (a newer server can restore it); this server refuses to.
        m_server->db().exec(
            QStringLiteral("DELETE FROM schema_migrations WHERE version = %1").arg(m_latest + 1));
        const Run r = run({QStringLiteral("migrate")},
                          {{QStringLiteral("FLOWVIZ_DATABASE_WAIT"), QStringLiteral("0")}});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }

    void backupPrunesOldBackups()
    {
        // Old complete backups beyond the newest ones go; a crashed one younger than a day
        // stays (it may still be running), as does anything that is not a backup.
        const QString out = QDir(m_scratch.path()).filePath(QStringLiteral("rotation"));
        for (const char *name :
             {"flowviz-20200101T020000Z", "flowviz-20200102T020000Z", "flowviz-20200103T020000Z",
              ".flowviz-20200104T020000Z.partial", "unrelated"}) {
            const QString dir = QDir(out).filePath(QString::fromLatin1(name));
            QVERIFY(QDir().mkpath(dir));
            QFile f(QDir(dir).filePath(QStringLiteral("manifest.json")));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const Run r = run({QStringLiteral("backup"), QStringLiteral("--output"), out,
                           QStringLiteral("--keep-days"), QStringLiteral("7"),
                           QStringLiteral("--keep-last"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList left =
            QDir(out).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(left.size(), 4);
        QCOMPARE(left[0], QStringLiteral(".flowviz-20200104T020000Z.partial"));
        QCOMPARE(left[1], QStringLiteral("flowviz-20200103T020000Z"));
        QVERIFY(left[2].startsWith(u"flowviz-2"));
        QCOMPARE(left[3], QStringLiteral("unrelated"));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
