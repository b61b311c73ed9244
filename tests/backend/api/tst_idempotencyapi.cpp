// Idempotency-Key on mutations: replays, reuse with another body, refused requests that do not
// burn the key, keys per user, concurrent retries and replays across a restart.

#include "tests/backend/apitestutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace flowviz::test;

namespace {

QList<QPair<QByteArray, QByteArray>> key(const QByteArray &k)
{
    return {{"Idempotency-Key", k}};
}

} // namespace

class TestIdempotencyApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server =
            std::make_unique<TestServer>(QStringLiteral("tst_idempotencyapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_manager = clientFor(*m_server, QStringLiteral("manager"));
        QVERIFY(m_operator && m_manager);
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_manager.reset();
        m_server.reset();
    }

    void replayReturnsStoredResponse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("status");
        QTest::newRow("lot") << "/api/v1/lots"
                             << lotBody(QStringLiteral("IDEM-LOT-1"), QStringLiteral("RAW"),
                                        QStringLiteral("300"))
                             << "lots" << 201;
        QTest::newRow("decision") << "/api/v1/qc-decisions"
                                  << decisionBody(QStringLiteral("IDEM-BASE"),
                                                  QStringLiteral("HOLD"), 1,
                                                  QStringLiteral("Hold for the lab result."))
                                  << "qc_decisions" << 201;
        QTest::newRow("run") << "/api/v1/production-runs"
                             << QJsonObject{{QStringLiteral("run_code"),
                                             QStringLiteral("IDEM-RUN")}}
                             << "production_runs" << 201;
    }
    void replayReturnsStoredResponse()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(QString, table);
        QFETCH(int, status);
        ensureBaseLot();
        HttpClient &client = path.contains(QStringLiteral("runs")) ? *m_manager : *m_operator;
        const QByteArray k = "replay-" + path.toLatin1();
        const int before = rowCount(*m_server, table);
        const Reply first = client.post(path, body, key(k));
        FV_VERIFY_STATUS(first, status);
        QVERIFY(first.header("idempotent-replayed").isEmpty());
        const Reply second = client.post(path, body, key(k));
        FV_VERIFY_STATUS(second, status);
        QCOMPARE(second.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(second.json(), first.json());
        QCOMPARE(rowCount(*m_server, table), before + 1);
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = $1"),
                {QString::fromLatin1(k)}),
            QStringLiteral("1"));
    }

    void sameKeyOtherBodyIs422()
    {
        const Reply first = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-LOT-2"), QStringLiteral("RAW"), QStringLiteral("300")),
            key("k-other-body"));
        FV_VERIFY_STATUS(first, 201);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const Reply r = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-LOT-3"), QStringLiteral("RAW"), QStringLiteral("300")),
            key("k-other-body"));
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(r.header("idempotent-replayed").isEmpty());
        // Another endpoint under the same key is another request too.
        const Reply other =
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                             decisionBody(QStringLiteral("IDEM-LOT-2"), QStringLiteral("PASS")),
                             key("k-other-body"));
        FV_VERIFY_PROBLEM(other, 422);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'IDEM-LOT-3'")),
                 QStringLiteral("0"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'IDEM-LOT-2'")),
                 QStringLiteral("CREATED"));
    }

    void refusedRequestDoesNotBurnKey()
    {
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const Reply bad = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-FIX"), QStringLiteral("RAW"), QStringLiteral("12.345")),
            key("k-fix-me"));
        FV_VERIFY_PROBLEM(bad, 422);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = 'k-fix-me'")),
                 QStringLiteral("0"));
        const Reply fixed = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-FIX"), QStringLiteral("RAW"), QStringLiteral("12.34")),
            key("k-fix-me"));
        FV_VERIFY_STATUS(fixed, 201);
        QVERIFY(fixed.header("idempotent-replayed").isEmpty());
        const Reply replay = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-FIX"), QStringLiteral("RAW"), QStringLiteral("12.34")),
            key("k-fix-me"));
        FV_VERIFY_STATUS(replay, 201);
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots + 1);

        // A conflict is not remembered either: once the cause is gone the same key works.
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/lots"),
                                          lotBody(QStringLiteral("IDEM-P"), QStringLiteral("RAW"),
                                                  QStringLiteral("300"))),
                         201);
        FV_VERIFY_STATUS(
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                             decisionBody(QStringLiteral("IDEM-P"), QStringLiteral("HOLD"), 1,
                                          QStringLiteral("Wait for the lab."))),
            201);
        const QJsonObject child =
            lotBody(QStringLiteral("IDEM-C"), QStringLiteral("DEB"), QStringLiteral("100"), {},
                    {parentRef(QStringLiteral("IDEM-P"), QStringLiteral("100"))});
        FV_VERIFY_PROBLEM(
            m_operator->post(QStringLiteral("/api/v1/lots"), child, key("k-after-hold")), 409);
        FV_VERIFY_STATUS(
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                             decisionBody(QStringLiteral("IDEM-P"), QStringLiteral("PASS"))),
            201);
        FV_VERIFY_STATUS(
            m_operator->post(QStringLiteral("/api/v1/lots"), child, key("k-after-hold")), 201);
    }

    void keysArePerUser()
    {
        const Reply a = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-USER-A"), QStringLiteral("RAW"), QStringLiteral("300")),
            key("k-shared"));
        FV_VERIFY_STATUS(a, 201);
        // The same key from another user is that user's own, new request.
        const Reply b = m_manager->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-USER-B"), QStringLiteral("RAW"), QStringLiteral("300")),
            key("k-shared"));
        FV_VERIFY_STATUS(b, 201);
        QVERIFY(b.header("idempotent-replayed").isEmpty());
        QCOMPARE(b.json().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("IDEM-USER-B"));
        // And the same body under the same key from another user is not a replay of the first.
        const Reply c = m_manager->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-USER-A"), QStringLiteral("RAW"), QStringLiteral("300")),
            key("k-shared-2"));
        FV_VERIFY_PROBLEM(c, 409);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = 'k-shared'")),
                 QStringLiteral("2"));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM lots WHERE lot_code IN ('IDEM-USER-A', 'IDEM-USER-B')")),
                 QStringLiteral("2"));
    }

    void concurrentRetriesDoTheWorkOnce()
    {
        const QByteArray body = QJsonDocument(lotBody(QStringLiteral("IDEM-RACE"),
                                                      QStringLiteral("RAW"), QStringLiteral("300")))
                                    .toJson(QJsonDocument::Compact);
        QList<HttpClient::Call> calls;
        for (int i = 0; i < 16; ++i)
            calls.append({"POST", QStringLiteral("/api/v1/lots"), body, key("k-race")});
        const QList<Reply> replies = m_operator->sendAll(calls);
        int fresh = 0;
        for (const Reply &r : replies) {
            if (r.status == 201 && r.header("idempotent-replayed").isEmpty())
                ++fresh;
            else if (r.status == 201)
                QCOMPARE(r.header("idempotent-replayed"), QByteArray("true"));
            else
                FV_VERIFY_PROBLEM(r, 409); // still in progress: retry later
        }
        QCOMPARE(fresh, 1);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'IDEM-RACE'")),
                 QStringLiteral("1"));
        const Reply after =
            m_operator->send("POST", QStringLiteral("/api/v1/lots"), body, key("k-race"));
        FV_VERIFY_STATUS(after, 201);
        QCOMPARE(after.header("idempotent-replayed"), QByteArray("true"));
    }

    void tooLongKeyIs422()
    {
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const Reply r = m_operator->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("IDEM-LONG"), QStringLiteral("RAW"), QStringLiteral("300")),
            key(QByteArray(201, 'k')));
        FV_VERIFY_PROBLEM(r, 422);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/lots"),
                                          lotBody(QStringLiteral("IDEM-LONG"),
                                                  QStringLiteral("RAW"), QStringLiteral("300")),
                                          key(QByteArray(200, 'k'))),
                         201);
    }

    void replaySurvivesRestart()
    {
        const QJsonObject body =
            lotBody(QStringLiteral("IDEM-RESTART"), QStringLiteral("RAW"), QStringLiteral("300"));
        const Reply first =
            m_operator->post(QStringLiteral("/api/v1/lots"), body, key("k-restart"));
        FV_VERIFY_STATUS(first, 201);
        m_server->stop();
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        const Reply again =
            m_operator->post(QStringLiteral("/api/v1/lots"), body, key("k-restart"));
        FV_VERIFY_STATUS(again, 201);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(again.json().value(QStringLiteral("id")),
                 first.json().value(QStringLiteral("id")));
    }

private:
    void ensureBaseLot()
    {
        if (m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'IDEM-BASE'")) == u"0")
            FV_VERIFY_STATUS(
                m_operator->post(QStringLiteral("/api/v1/lots"),
                                 lotBody(QStringLiteral("IDEM-BASE"), QStringLiteral("RAW"),
                                         QStringLiteral("300"))),
                201);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_manager;
};

QTEST_GUILESS_MAIN(TestIdempotencyApi)
#include "tst_idempotencyapi.moc"
