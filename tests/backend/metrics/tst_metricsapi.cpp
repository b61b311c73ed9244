// GET /metrics of a real flowviz-server: exposition format, the metric catalogue, and counters
// that move by exactly the number of committed lots and decisions.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace flowviz::test;

namespace {

// Parsed exposition: TYPE per family and the value of each sample line.
struct Exposition
{
    QHash<QString, QString> types;
    QHash<QString, double> samples; // "name{labels}" as written
    double value(const QString &series) const { return samples.value(series, -1); }
};

Exposition parse(const QByteArray &text)
{
    Exposition e;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(u"# TYPE ")) {
            const QStringList parts = line.split(u' ');
            e.types.insert(parts.value(2), parts.value(3));
        } else if (!line.isEmpty() && !line.startsWith(u'#')) {
            const qsizetype space = line.lastIndexOf(u' ');
            e.samples.insert(line.left(space), line.mid(space + 1).toDouble());
        }
    }
    return e;
}

QJsonObject lot(const QString &code, const QString &type)
{
    return {{QStringLiteral("lot_code"), code}, {QStringLiteral("lot_type"), type}};
}

} // namespace

class TestMetricsApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_metricsapi"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_client->login(QStringLiteral("operator"),
                                TestServer::passwordOf(QStringLiteral("operator"))));
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void formatAndPromtool()
    {
        const Reply r = m_client->get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(),
                 "promtool is part of the test set-up (Debian package prometheus)");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        p.write(r.body);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAll());
        // promtool exits non-zero on lint problems as well; only parse errors matter here,
        // and lint findings are printed for the reader.
        QVERIFY2(!out.contains(u"error while linting") && !out.contains(u"parse error"),
                 qPrintable(out));
        if (!out.trimmed().isEmpty())
            qInfo("promtool check metrics: %s", qPrintable(out.trimmed()));
    }

    void catalogueMatchesTheDocs()
    {
        // docs/observability.md has one table row per metric: | `name` | type | ... |
        QFile docs(QStringLiteral(FLOWVIZ_SOURCE_DIR "/docs/observability.md"));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        static const QRegularExpression row(
            QStringLiteral("^\\| `([a-z_:]+)` \\| (counter|gauge|histogram|summary) \\|"));
        QHash<QString, QString> documented;
        for (const QByteArray &line : docs.readAll().split('\n')) {
            const auto m = row.match(QString::fromUtf8(line));
            if (m.hasMatch())
                documented.insert(m.captured(1), m.captured(2));
        }
        QVERIFY(documented.size() >= 20);

        // Make sure every family has at least one sample (labelled families appear on use).
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/heartbeat"),
                            {{QStringLiteral("workstation_id"), QStringLiteral("WS-CAT")},
                             {QStringLiteral("pending_sync"), 0}})
                     .status,
                 204);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/qc-gates")).status, 200);
        const Exposition e = parse(m_client->get(QStringLiteral("/metrics")).body);
        QHash<QString, QString> exported = e.types;
        QCOMPARE(QSet<QString>(exported.keyBegin(), exported.keyEnd()),
                 QSet<QString>(documented.keyBegin(), documented.keyEnd()));
        for (auto it = documented.cbegin(); it != documented.cend(); ++it)
            QCOMPARE(exported.value(it.key()) + u' ' + it.key(), it.value() + u' ' + it.key());
    }

    void everyLabelValuePresentFromStartUp()
    {
        const Exposition e = parse(m_client->get(QStringLiteral("/metrics")).body);
        for (const char *type : {"RAW", "DEB", "BULK", "MIX", "SKW", "FRZ", "FG"})
            QVERIFY2(
                e.samples.contains(QStringLiteral("flowviz_lots_registered_total{lot_type=\"%1\"}")
                                       .arg(QLatin1String(type))),
                type);
        for (const char *d : {"PASS", "HOLD", "FAIL"})
            QVERIFY2(
                e.samples.contains(QStringLiteral("flowviz_qc_decisions_total{decision=\"%1\"}")
                                       .arg(QLatin1String(d))),
                d);
        for (const char *gate : {"1", "3", "4", "5", "6", "7", "8"})
            QVERIFY2(
                e.samples.contains(
                    QStringLiteral("flowviz_qc_gate_decisions_total{decision=\"FAIL\",gate=\"%1\"}")
                        .arg(QLatin1String(gate))),
                gate);
        QVERIFY(e.value(QStringLiteral("flowviz_build_info{version=\"" FLOWVIZ_VERSION "\"}")) ==
                1);
        QVERIFY(e.value(QStringLiteral("flowviz_db_pool_size")) > 0);
        QVERIFY(e.value(QStringLiteral("process_resident_memory_bytes")) > 1e6);
        QVERIFY(e.value(QStringLiteral("process_open_fds")) > 3);
        QVERIFY(e.value(QStringLiteral("process_start_time_seconds")) > 1.7e9);
    }

    void countersMoveByCommittedWorkOnly()
    {
        const Exposition before = parse(m_client->get(QStringLiteral("/metrics")).body);
        const QString raw = QStringLiteral("flowviz_lots_registered_total{lot_type=\"RAW\"}");
        const QString mix = QStringLiteral("flowviz_lots_registered_total{lot_type=\"MIX\"}");
        const QString hold = QStringLiteral("flowviz_qc_decisions_total{decision=\"HOLD\"}");
        const QString pass = QStringLiteral("flowviz_qc_decisions_total{decision=\"PASS\"}");
        const QString gate5hold =
            QStringLiteral("flowviz_qc_gate_decisions_total{decision=\"HOLD\",gate=\"5\"}");
        const QString replays = QStringLiteral("flowviz_idempotent_replays_total");

        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_client
                         ->post(QStringLiteral("/api/v1/lots"),
                                lot(QStringLiteral("M-RAW-%1").arg(i), QStringLiteral("RAW")))
                         .status,
                     201);
        // Refused work is not counted: a duplicate, a validation error.
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/lots"),
                            lot(QStringLiteral("M-RAW-0"), QStringLiteral("RAW")))
                     .status,
                 409);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/lots"),
                            lot(QStringLiteral("bad code!"), QStringLiteral("RAW")))
                     .status,
                 422);
        // A replay is counted as a replay, not as a second lot.
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "metrics-key-1"}};
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/lots"),
                            lot(QStringLiteral("M-MIX-1"), QStringLiteral("MIX")), key)
                     .status,
                 201);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/lots"),
                            lot(QStringLiteral("M-MIX-1"), QStringLiteral("MIX")), key)
                     .status,
                 201);
        // Decisions: two HOLDs at gate 5, one PASS, one refused (HOLD without notes).
        const auto decide = [&](const QString &decision, const QString &notes) {
            return m_client
                ->post(QStringLiteral("/api/v1/qc-decisions"),
                       {{QStringLiteral("lot_code"), QStringLiteral("M-RAW-1")},
                        {QStringLiteral("gate_number"), 5},
                        {QStringLiteral("decision"), decision},
                        {QStringLiteral("notes"), notes}})
                .status;
        };
        QCOMPARE(decide(QStringLiteral("HOLD"), QStringLiteral("temperature drifting")), 201);
        QCOMPARE(decide(QStringLiteral("HOLD"), QStringLiteral("still drifting, wait")), 201);
        QCOMPARE(decide(QStringLiteral("PASS"), QString()), 201);
        QCOMPARE(decide(QStringLiteral("HOLD"), QString()), 422);

        const Exposition after = parse(m_client->get(QStringLiteral("/metrics")).body);
        QCOMPARE(after.value(raw) - before.value(raw), 3.0);
        QCOMPARE(after.value(mix) - before.value(mix), 1.0);
        QCOMPARE(after.value(hold) - before.value(hold), 2.0);
        QCOMPARE(after.value(pass) - before.value(pass), 1.0);
        QCOMPARE(after.value(gate5hold) - before.value(gate5hold), 2.0);
        QCOMPARE(after.value(replays) - before.value(replays), 1.0);
        // The database agrees with the counters.
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE 'M-%'")),
                 QStringLiteral("4"));
    }

    void httpMetricsUseRouteTemplates()
    {
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/lots/M-RAW-1")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/lots/NO-SUCH-LOT")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/definitely/not/here")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/ready")).status, 200);
        const QByteArray text = m_client->get(QStringLiteral("/metrics")).body;
        const Exposition e = parse(text);
        QVERIFY(e.value(QStringLiteral("http_requests_total{handler=\"/api/v1/lots/"
                                       "{lot_code}\",method=\"GET\",status=\"2xx\"}")) >= 1);
        QVERIFY(e.value(QStringLiteral("http_requests_total{handler=\"/api/v1/lots/"
                                       "{lot_code}\",method=\"GET\",status=\"4xx\"}")) >= 1);
        QVERIFY(e.value(QStringLiteral(
                    "http_requests_total{handler=\"none\",method=\"GET\",status=\"4xx\"}")) >= 1);
        QVERIFY(!text.contains("M-RAW-1"));
        QVERIFY(!text.contains("handler=\"/health\""));
        QVERIFY(!text.contains("handler=\"/ready\""));
        QVERIFY(!text.contains("handler=\"/metrics\""));
        QVERIFY(text.contains("http_request_duration_seconds_bucket{handler=\"/api/v1/lots/"
                              "{lot_code}\",method=\"GET\",le=\"0.001\"}"));
        QCOMPARE(e.value(QStringLiteral("flowviz_http_requests_inprogress{handler=\"/api/v1/lots/"
                                        "{lot_code}\",method=\"GET\"}")),
                 0.0);
    }

    void plantGaugesComeFromTheDatabase()
    {
        for (const auto &[ws, pending] : {std::pair{"WS-A", 7}, std::pair{"WS-B", 5}}) {
            QCOMPARE(m_client
                         ->post(QStringLiteral("/api/v1/heartbeat"),
                                {{QStringLiteral("workstation_id"), QLatin1String(ws)},
                                 {QStringLiteral("pending_sync"), pending},
                                 {QStringLiteral("app_version"), QStringLiteral("1.0")}})
                         .status,
                     204);
        }
        // A report older than 15 minutes no longer counts.
        m_server->db().exec(QStringLiteral(
            "INSERT INTO workstation_heartbeats (workstation_id, pending_sync, reported_at) "
            "VALUES ('WS-OLD', 100, now() - interval '16 minutes')"));
        Exposition e = parse(m_client->get(QStringLiteral("/metrics")).body);
        // WS-CAT reported 0 earlier in this run.
        QCOMPARE(e.value(QStringLiteral("flowviz_pending_sync_lots")), 12.0);
        QCOMPARE(
            e.value(QStringLiteral("flowviz_workstation_pending_sync{workstation_id=\"WS-A\"}")),
            7.0);
        QCOMPARE(
            e.value(QStringLiteral("flowviz_workstation_pending_sync{workstation_id=\"WS-OLD\"}")),
            -1.0);
        QVERIFY(e.value(QStringLiteral("flowviz_active_operators")) >= 1);
        // The gauges are read from the database at scrape time, not kept in this process.
        m_server->db().exec(QStringLiteral(
            "UPDATE workstation_heartbeats SET pending_sync = 1 WHERE workstation_id = 'WS-A'"));
        e = parse(m_client->get(QStringLiteral("/metrics")).body);
        QCOMPARE(e.value(QStringLiteral("flowviz_pending_sync_lots")), 6.0);
    }

    // Who counts as active: whoever registered a lot, recorded a decision, reported from a
    // workstation or logged in during the last 15 minutes, once however many of these they did;
    // older activity and failed logins do not count. Only "operator" has done anything so far.
    void activeOperatorsOfTheLast15Minutes()
    {
        TestDb &db = m_server->db();
        const auto active = [&] {
            return parse(m_client->get(QStringLiteral("/metrics")).body)
                .value(QStringLiteral("flowviz_active_operators"));
        };
        const auto change = [&](const char *sql, const char *username) {
            db.query(QString::fromLatin1(sql), {db.scalar(QStringLiteral("SELECT id FROM users "
                                                                         "WHERE username = $1"),
                                                          {QString::fromLatin1(username)})});
        };
        QCOMPARE(active(), 1.0);
        change("INSERT INTO lots (lot_code, lot_type, operator_id, created_at) VALUES "
               "('ACTIVE-OLD', 'RAW', $1::uuid, now() - interval '16 minutes') RETURNING id",
               "viewer");
        change("INSERT INTO login_audit (username, user_id, client_addr, succeeded, at) VALUES "
               "('manager', $1::uuid, '127.0.0.1', true, now() - interval '16 minutes') "
               "RETURNING id",
               "manager");
        change("INSERT INTO login_audit (username, user_id, client_addr, succeeded) VALUES "
               "('auditor', $1::uuid, '127.0.0.1', false) RETURNING id",
               "auditor");
        QCOMPARE(active(), 1.0);
        change("INSERT INTO lots (lot_code, lot_type, operator_id) VALUES ('ACTIVE-1', 'RAW', "
               "$1::uuid), ('ACTIVE-2', 'RAW', $1::uuid) RETURNING id",
               "viewer");
        QCOMPARE(active(), 2.0);
        change("INSERT INTO login_audit (username, user_id, client_addr, succeeded) VALUES "
               "('manager', $1::uuid, '127.0.0.1', true) RETURNING id",
               "manager");
        QCOMPARE(active(), 3.0);
        change("INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, decided_at) "
               "SELECT l.id, g.id, $1::uuid, 'PASS', now() FROM lots l, qc_gates g "
               "WHERE l.lot_code = 'ACTIVE-OLD' AND g.gate_number = 1 RETURNING id",
               "admin");
        QCOMPARE(active(), 4.0);
        change("INSERT INTO workstation_heartbeats (workstation_id, user_id, pending_sync) "
               "VALUES ('WS-ACTIVE', $1::uuid, 0) RETURNING workstation_id",
               "auditor");
        QCOMPARE(active(), 5.0);
        // The viewer again, another way: still five people.
        change("INSERT INTO login_audit (username, user_id, client_addr, succeeded) VALUES "
               "('viewer', $1::uuid, '127.0.0.1', true) RETURNING id",
               "viewer");
        QCOMPARE(active(), 5.0);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_GUILESS_MAIN(TestMetricsApi)
#include "tst_metricsapi.moc"
