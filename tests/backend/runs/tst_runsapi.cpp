// Production runs: create, list, complete, and how a run's state governs lots added to it.

#include "tests/backend/apitestutil.h"

#include <QTest>

using namespace flowviz::test;

namespace {

QJsonObject runBody(const QString &code)
{
    return {{QStringLiteral("run_code"), code}};
}

QStringList runCodes(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
        out << v.toObject().value(QStringLiteral("run_code")).toString();
    return out;
}

} // namespace

class TestRunsApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_runsapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_manager = clientFor(*m_server, QStringLiteral("manager"));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_manager && m_operator);
    }
    void cleanupTestCase()
    {
        m_manager.reset();
        m_operator.reset();
        m_server.reset();
    }

    void createRun()
    {
        QJsonObject body = runBody(QStringLiteral("run-2026-01-14-a"));
        body.insert(QStringLiteral("daily_target_kg"), QStringLiteral("1500.50"));
        const Reply r = m_manager->post(QStringLiteral("/api/v1/production-runs"), body);
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.header("location"), QByteArray("/api/v1/production-runs/RUN-2026-01-14-A"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("run_code")).toString(),
                 QStringLiteral("RUN-2026-01-14-A"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(o.value(QStringLiteral("operator")).toString(), QStringLiteral("manager"));
        QVERIFY(o.value(QStringLiteral("ended_at")).isNull());
        QCOMPARE(o.value(QStringLiteral("lot_count")).toInt(), 0);
        QVERIFY2(r.body.contains("\"daily_target_kg\":1500.5"), r.body.constData());
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT daily_target_kg::text FROM production_runs WHERE "
                                    "run_code = 'RUN-2026-01-14-A'")),
                 QStringLiteral("1500.50"));
    }

    void duplicateRunIs409()
    {
        FV_VERIFY_STATUS(m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                         runBody(QStringLiteral("RUN-DUP"))),
                         201);
        const Reply r = m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                        runBody(QStringLiteral("run-dup")));
        FV_VERIFY_PROBLEM(r, 409);
        QVERIFY2(r.problemDetail().contains(QStringLiteral("RUN-DUP")),
                 qPrintable(r.problemDetail()));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM production_runs WHERE run_code = 'RUN-DUP'")),
                 QStringLiteral("1"));
    }

    void invalidRun_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("no code") << QJsonObject{} << "run_code"
                                 << "field.required";
        QTest::newRow("empty code") << runBody(QString()) << "run_code"
                                    << "lot_code.empty";
        QTest::newRow("bad character") << runBody(QStringLiteral("RUN 1")) << "run_code"
                                       << "lot_code.invalid_character";
        QTest::newRow("101 characters") << runBody(QString(101, u'R')) << "run_code"
                                        << "lot_code.too_long";
        QTest::newRow("target 3 decimals")
            << QJsonObject{{QStringLiteral("run_code"), QStringLiteral("RUN-T")},
                           {QStringLiteral("daily_target_kg"), 12.345}}
            << "daily_target_kg"
            << "weight.scale";
        QTest::newRow("target negative")
            << QJsonObject{{QStringLiteral("run_code"), QStringLiteral("RUN-T")},
                           {QStringLiteral("daily_target_kg"), -1}}
            << "daily_target_kg"
            << "weight.range";
        QTest::newRow("unknown field")
            << QJsonObject{{QStringLiteral("run_code"), QStringLiteral("RUN-T")},
                           {QStringLiteral("shift"), 1}}
            << "shift"
            << "field.unknown";
    }
    void invalidRun()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const int before = rowCount(*m_server, QStringLiteral("production_runs"));
        const Reply r = m_manager->post(QStringLiteral("/api/v1/production-runs"), body);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("production_runs")), before);
    }

    void listRuns()
    {
        FV_VERIFY_STATUS(m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                         runBody(QStringLiteral("RUN-LIST-1"))),
                         201);
        FV_VERIFY_STATUS(m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                         runBody(QStringLiteral("RUN-LIST-2"))),
                         201);
        FV_VERIFY_STATUS(
            m_manager->post(QStringLiteral("/api/v1/production-runs/RUN-LIST-1/complete"),
                            QJsonObject{}),
            200);
        const Reply all = m_operator->get(QStringLiteral("/api/v1/production-runs"));
        FV_VERIFY_STATUS(all, 200);
        QVERIFY(runCodes(all).contains(QStringLiteral("RUN-LIST-1")));
        QVERIFY(runCodes(all).contains(QStringLiteral("RUN-LIST-2")));
        const Reply active =
            m_operator->get(QStringLiteral("/api/v1/production-runs?status=active"));
        FV_VERIFY_STATUS(active, 200);
        QVERIFY(runCodes(active).contains(QStringLiteral("RUN-LIST-2")));
        QVERIFY(!runCodes(active).contains(QStringLiteral("RUN-LIST-1")));
        const Reply done =
            m_operator->get(QStringLiteral("/api/v1/production-runs?status=COMPLETED"));
        FV_VERIFY_STATUS(done, 200);
        QCOMPARE(runCodes(done), QStringList{QStringLiteral("RUN-LIST-1")});
        const Reply one = m_operator->get(QStringLiteral("/api/v1/production-runs?limit=1"));
        FV_VERIFY_STATUS(one, 200);
        QCOMPARE(runCodes(one).size(), 1);
        FV_VERIFY_PROBLEM(m_operator->get(QStringLiteral("/api/v1/production-runs?status=PAUSED")),
                          422);
        FV_VERIFY_PROBLEM(m_operator->get(QStringLiteral("/api/v1/production-runs?limit=0")), 422);
        FV_VERIFY_PROBLEM(m_operator->get(QStringLiteral("/api/v1/production-runs?limit=x")), 422);
    }

    void completeRun()
    {
        FV_VERIFY_STATUS(m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                         runBody(QStringLiteral("RUN-DONE"))),
                         201);
        const Reply r = m_manager->send(
            "POST", QStringLiteral("/api/v1/production-runs/run-done/complete"), {});
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QVERIFY(!r.json().value(QStringLiteral("ended_at")).isNull());
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status || (ended_at IS NOT NULL)::text FROM "
                                    "production_runs WHERE run_code = 'RUN-DONE'")),
                 QStringLiteral("COMPLETEDtrue"));
        const Reply again = m_manager->send(
            "POST", QStringLiteral("/api/v1/production-runs/RUN-DONE/complete"), {});
        FV_VERIFY_PROBLEM(again, 409);
        QVERIFY2(again.problemDetail().contains(QStringLiteral("RUN-DONE")),
                 qPrintable(again.problemDetail()));
        FV_VERIFY_PROBLEM(
            m_manager->send("POST", QStringLiteral("/api/v1/production-runs/RUN-NOSUCH/complete"),
                            {}),
            404);
    }

    void lotsJoinActiveRunsOnly()
    {
        const Reply run = m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                          runBody(QStringLiteral("RUN-LOTS")));
        FV_VERIFY_STATUS(run, 201);
        const QString runId = run.json().value(QStringLiteral("id")).toString();
        QJsonObject byCode =
            lotBody(QStringLiteral("RUN-LOT-1"), QStringLiteral("RAW"), QStringLiteral("300.25"));
        byCode.insert(QStringLiteral("run_code"), QStringLiteral("run-lots"));
        const Reply a = m_operator->post(QStringLiteral("/api/v1/lots"), byCode);
        FV_VERIFY_STATUS(a, 201);
        QCOMPARE(a.json().value(QStringLiteral("production_run_id")).toString(), runId);
        QCOMPARE(a.json().value(QStringLiteral("run_code")).toString(), QStringLiteral("RUN-LOTS"));
        QJsonObject byId =
            lotBody(QStringLiteral("RUN-LOT-2"), QStringLiteral("RAW"), QStringLiteral("100"));
        byId.insert(QStringLiteral("production_run_id"), runId);
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/lots"), byId), 201);
        const Reply listed =
            m_operator->get(QStringLiteral("/api/v1/production-runs?status=ACTIVE"));
        for (const QJsonValue &v : listed.json().value(QStringLiteral("items")).toArray()) {
            if (v.toObject().value(QStringLiteral("run_code")).toString() == u"RUN-LOTS") {
                QCOMPARE(v.toObject().value(QStringLiteral("lot_count")).toInt(), 2);
                QCOMPARE(v.toObject().value(QStringLiteral("total_kg")).toDouble(), 400.25);
            }
        }

        FV_VERIFY_STATUS(
            m_manager->send("POST", QStringLiteral("/api/v1/production-runs/RUN-LOTS/complete"),
                            {}),
            200);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        QJsonObject late =
            lotBody(QStringLiteral("RUN-LOT-3"), QStringLiteral("RAW"), QStringLiteral("100"));
        late.insert(QStringLiteral("run_code"), QStringLiteral("RUN-LOTS"));
        const Reply closed = m_operator->post(QStringLiteral("/api/v1/lots"), late);
        FV_VERIFY_PROBLEM(closed, 409);
        QVERIFY2(closed.problemDetail().contains(QStringLiteral("RUN-LOTS")) &&
                     closed.problemDetail().contains(QStringLiteral("COMPLETED")),
                 qPrintable(closed.problemDetail()));
        late.remove(QStringLiteral("run_code"));
        late.insert(QStringLiteral("production_run_id"), runId);
        FV_VERIFY_PROBLEM(m_operator->post(QStringLiteral("/api/v1/lots"), late), 409);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
    }

    void unknownRunIs422_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("run_code") << "run_code"
                                  << "RUN-NOSUCH";
        QTest::newRow("production_run_id") << "production_run_id"
                                           << "3f2c6a1e-0000-4000-8000-000000000001";
    }
    void unknownRunIs422()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        QJsonObject body =
            lotBody(QStringLiteral("RUN-LOT-X"), QStringLiteral("RAW"), QStringLiteral("100"));
        body.insert(field, value);
        const Reply r = m_operator->post(QStringLiteral("/api/v1/lots"), body);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, QStringLiteral("run.unknown")), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_manager;
    std::unique_ptr<HttpClient> m_operator;
};

QTEST_GUILESS_MAIN(TestRunsApi)
#include "tst_runsapi.moc"
