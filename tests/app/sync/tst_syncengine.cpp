// The sync engine against a real flowviz-server: a lot code typed on two workstations, a QC
// decision made offline for a lot rejected meanwhile, the end of a session, the heartbeat,
// and the outbox model while all of that happens.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include "app/api/apiclient.h"
#include "app/models/outboxmodel.h"
#include "app/outbox/outbox.h"
#include "app/sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz::app;
using namespace flowviz::test;
using State = OutboxItem::State;

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject lot(const QString &code, const QString &workstation)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), QStringLiteral("RAW")},
            {QStringLiteral("weight_kg"), QStringLiteral("20.00")},
            {QStringLiteral("workstation_id"), workstation}};
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_syncengine"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operatorToken = login(QStringLiteral("operator"));
        m_managerToken = login(QStringLiteral("manager"));
        QVERIFY(!m_operatorToken.isEmpty() && !m_managerToken.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    // Two workstations type the same label while offline: the first to sync gets the code, the
    // other's lot needs attention with a message naming it, and its queue keeps flowing. The
    // decision on the refused lot waits for it (never lands on the other workstation's lot)
    // and follows it once the operator corrects the code.
    void sameHandTypedCodeOnTwoWorkstations()
    {
        const QString code = QStringLiteral("RAW-HAND-00417");
        Outbox a(m_dir.filePath(QStringLiteral("ws-a.sqlite")));
        Outbox b(m_dir.filePath(QStringLiteral("ws-b.sqlite")));
        OutboxModel modelB(&b);
        QAbstractItemModelTester tester(&modelB,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        OutboxModel attentionB(&b);
        attentionB.setNeedsAttentionOnly(true);
        QAbstractItemModelTester attentionTester(
            &attentionB, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QString lotA = a.enqueueLot(lot(code, QStringLiteral("DUNA01")));
        const QString lotB = b.enqueueLot(lot(code.toLower(), QStringLiteral("DUNA02")));
        const QString decB =
            b.enqueueDecision({{QStringLiteral("lot_code"), code},
                               {QStringLiteral("decision"), QStringLiteral("PASS")},
                               {QStringLiteral("gate_number"), 1},
                               {QStringLiteral("workstation_id"), QStringLiteral("DUNA02")}});
        QStringList afterB;
        for (int i = 1; i <= 5; ++i)
            afterB << b.enqueueLot(
                lot(QStringLiteral("RAW-20260114-DUNA02-%1").arg(i, 4, 10, QLatin1Char('0')),
                    QStringLiteral("DUNA02")));
        QTRY_COMPARE(modelB.rowCount(), 7);

        ApiClient apiA;
        ApiClient apiB;
        SyncEngine engineA(&a, client(apiA, m_operatorToken));
        SyncEngine engineB(&b, client(apiB, m_managerToken));
        quiet(engineA);
        quiet(engineB);
        engineA.start();
        QTRY_COMPARE(a.count(State::Done), 1);
        QSignalSpy attention(&engineB, &SyncEngine::needsAttentionCountChanged);
        engineB.start();
        QTRY_COMPARE(b.count(State::Done), 5);
        QTRY_COMPARE(engineB.needsAttentionCount(), 1);
        QVERIFY(!attention.isEmpty());

        const auto refused = b.item(lotB);
        QCOMPARE(refused->state, State::NeedsAttention);
        QCOMPARE(refused->lastStatus, 409);
        QVERIFY2(refused->lastError.contains(code), qPrintable(refused->lastError));
        QCOMPARE(b.item(decB)->state, State::Pending); // held, not failed
        QCOMPARE(engineB.pendingCount(), 1);
        for (const QString &id : afterB)
            QCOMPARE(b.item(id)->state, State::Done);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT id FROM lots WHERE lot_code = $1"),
                                       {code}),
                 lotA);
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM qc_decisions WHERE id = $1::uuid"), {decB}),
            QStringLiteral("0"));

        // The operator's to-do list shows it with the server's sentence.
        QTRY_COMPARE(attentionB.rowCount(), 1);
        QCOMPARE(attentionB.idAt(0), lotB);
        QVERIFY(attentionB.data(attentionB.index(0, OutboxModel::LastErrorColumn))
                    .toString()
                    .contains(code));
        QTRY_COMPARE(modelB.rowCount(), 2);

        // Corrected and sent again under the same key: the lot and then its decision arrive.
        QJsonObject fixed = refused->payload;
        fixed.insert(QStringLiteral("lot_code"), code + QStringLiteral("-B"));
        QVERIFY(b.resend(lotB, fixed));
        engineB.syncNow();
        QTRY_COMPARE(b.item(decB)->state, State::Done);
        QCOMPARE(b.item(lotB)->state, State::Done);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT lot_id FROM qc_decisions WHERE id = $1::uuid"), {decB}),
                 lotB);
        QTRY_COMPARE(modelB.rowCount(), 0);
        QTRY_COMPARE(attentionB.rowCount(), 0);
        QTRY_COMPARE(engineB.needsAttentionCount(), 0);
        QTRY_COMPARE(engineB.pendingCount(), 0);
    }

    // A rejection that a correction cannot fix is discarded with a reason that is kept.
    void discardKeepsReason()
    {
        Outbox box(m_dir.filePath(QStringLiteral("discard.sqlite")));
        OutboxModel model(&box);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonObject bad = lot(QStringLiteral("RAW-20260114-DUNA03-0001"), QStringLiteral("DUNA03"));
        bad.insert(QStringLiteral("weight_kg"), QStringLiteral("20000"));
        const QString badId = box.enqueueLot(bad);
        const QString good = box.enqueueLot(
            lot(QStringLiteral("RAW-20260114-DUNA03-0002"), QStringLiteral("DUNA03")));
        ApiClient api;
        SyncEngine engine(&box, client(api, m_operatorToken));
        quiet(engine);
        engine.start();
        QTRY_COMPARE(box.item(good)->state, State::Done);
        QCOMPARE(box.item(badId)->state, State::NeedsAttention);
        QCOMPARE(box.item(badId)->lastStatus, 422);
        QVERIFY2(box.item(badId)->lastError.contains(QStringLiteral("10000")),
                 qPrintable(box.item(badId)->lastError));
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(box.discard(badId, QStringLiteral("scale misread; weighed again as a new lot")));
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(box.item(badId)->discardReason,
                 QStringLiteral("scale misread; weighed again as a new lot"));
        QTRY_COMPARE(engine.needsAttentionCount(), 0);
    }

    // The operator decides offline (PASS at t1); meanwhile a manager online FAILs the lot (t2).
    // When the workstation syncs, the PASS is still recorded (it happened), and the lot's status
    // follows decision time: REJECTED stays, since the FAIL came later. A HOLD decided offline
    // after the FAIL, synced late too, moves the lot to HOLD.
    void offlineDecisionOnLotRejectedMeanwhile()
    {
        HttpClient online(m_server->baseUrl());
        online.setToken(m_managerToken);
        const QString code = QStringLiteral("RAW-20260114-DUNA04-0001");
        QCOMPARE(
            online.post(QStringLiteral("/api/v1/lots"), lot(code, QStringLiteral("DUNA04"))).status,
            201);

        const QDateTime t1 = QDateTime::currentDateTimeUtc().addSecs(-600);
        const QDateTime t2 = t1.addSecs(120);
        const QDateTime t3 = t2.addSecs(120);
        Outbox box(m_dir.filePath(QStringLiteral("late.sqlite")));
        const QString pass =
            box.enqueueDecision({{QStringLiteral("lot_code"), code},
                                 {QStringLiteral("decision"), QStringLiteral("PASS")},
                                 {QStringLiteral("gate_number"), 1},
                                 {QStringLiteral("decided_at"), isoUtc(t1)},
                                 {QStringLiteral("workstation_id"), QStringLiteral("DUNA04")}});

        const Reply fail = online.post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), code},
             {QStringLiteral("decision"), QStringLiteral("FAIL")},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("notes"), QStringLiteral("Foreign body found at receipt.")},
             {QStringLiteral("decided_at"), isoUtc(t2)}});
        QCOMPARE(fail.status, 201);
        QCOMPARE(lotStatus(code), QStringLiteral("REJECTED"));

        ApiClient api;
        SyncEngine engine(&box, client(api, m_operatorToken));
        quiet(engine);
        engine.start();
        QTRY_COMPARE(box.item(pass)->state, State::Done);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral(
                         "SELECT decision || ' ' || to_char(decided_at AT TIME ZONE 'UTC', "
                         "'YYYY-MM-DD\"T\"HH24:MI:SS') FROM qc_decisions WHERE id = $1::uuid"),
                     {pass}),
                 QStringLiteral("PASS ") + t1.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        QCOMPARE(lotStatus(code), QStringLiteral("REJECTED"));

        const QString hold = box.enqueueDecision(
            {{QStringLiteral("lot_code"), code},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("notes"), QStringLiteral("Re-inspection requested.")},
             {QStringLiteral("decided_at"), isoUtc(t3)}});
        QTRY_COMPARE(box.item(hold)->state, State::Done);
        QCOMPARE(lotStatus(code), QStringLiteral("HOLD"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = "
                                    "d.lot_id WHERE l.lot_code = $1"),
                     {code}),
                 QStringLiteral("3"));
    }

    // 401: the engine stops and asks for a login; the items stay queued and go once a new
    // token is set.
    void loginRequiredKeepsItems()
    {
        Outbox box(m_dir.filePath(QStringLiteral("login.sqlite")));
        const QString id = box.enqueueLot(
            lot(QStringLiteral("RAW-20260114-DUNA05-0001"), QStringLiteral("DUNA05")));
        ApiClient api;
        SyncEngine engine(&box, client(api, "not-a-valid-token"));
        quiet(engine);
        QSignalSpy login(&engine, &SyncEngine::loginRequired);
        engine.start();
        QTRY_COMPARE(login.size(), 1);
        QCOMPARE(box.item(id)->state, State::Pending);
        QVERIFY(engine.isLoginRequired());
        box.enqueueLot(lot(QStringLiteral("RAW-20260114-DUNA05-0002"), QStringLiteral("DUNA05")));
        QTest::qWait(200);
        QCOMPARE(login.size(), 1); // no new attempt with the refused token
        QCOMPARE(box.pendingCount(), 2);
        api.setToken(m_operatorToken);
        engine.syncNow();
        QTRY_COMPARE(box.pendingCount(), 0);
        QVERIFY(!engine.isLoginRequired());
    }

    // An item that reached the server under another session (whose idempotency record this
    // session cannot see) is recognised by its id and counted as done, not as a conflict.
    void storedUnderAnotherSessionCountsAsDone()
    {
        Outbox box(m_dir.filePath(QStringLiteral("other-session.sqlite")));
        const QString id = box.enqueueLot(
            lot(QStringLiteral("RAW-20260114-DUNA07-0001"), QStringLiteral("DUNA07")));
        HttpClient online(m_server->baseUrl());
        online.setToken(m_managerToken);
        QCOMPARE(online.post(QStringLiteral("/api/v1/lots"), box.item(id)->payload).status, 201);
        ApiClient api;
        SyncEngine engine(&box, client(api, m_operatorToken));
        quiet(engine);
        engine.start();
        QTRY_COMPARE(box.item(id)->state, State::Done);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE id = $1::uuid"), {id}),
                 QStringLiteral("1"));
    }

    // The heartbeat reports the workstation's pending count to the server.
    void heartbeatReportsPending()
    {
        Outbox box(m_dir.filePath(QStringLiteral("heartbeat.sqlite")));
        ApiClient api;
        SyncEngine engine(&box, client(api, m_operatorToken));
        engine.setUseNetworkInformation(false);
        engine.setWorkstationId(QStringLiteral("DUNA06"));
        engine.setAppVersion(QStringLiteral("9.9.9-test"));
        engine.setHeartbeatInterval(100);
        QSignalSpy beats(&engine, &SyncEngine::heartbeatSent);
        engine.start();
        QTRY_VERIFY(!beats.isEmpty());
        QVERIFY(beats.first().at(0).toBool());
        QTRY_COMPARE(m_server->db().scalar(
                         QStringLiteral("SELECT pending_sync || ' ' || app_version FROM "
                                        "workstation_heartbeats WHERE workstation_id = 'DUNA06'")),
                     QStringLiteral("0 9.9.9-test"));
        QCOMPARE(engine.state(), SyncEngine::State::Online);
    }

    // Finding 6: with nothing queued, a heartbeat that cannot reach the server turns the state
    // Offline (it used to stay "Online"), and the next answer turns it Online again.
    void failedHeartbeatMeansOffline()
    {
        Outbox box(m_dir.filePath(QStringLiteral("heartbeat-offline.sqlite")));
        ApiClient api;
        SyncEngine engine(&box, client(api, m_operatorToken));
        engine.setUseNetworkInformation(false);
        engine.setWorkstationId(QStringLiteral("DUNA07"));
        engine.setHeartbeatInterval(100);
        engine.setBackoff(50, 200);
        engine.start();
        QTRY_COMPARE(engine.state(), SyncEngine::State::Online);
        QCOMPARE(box.pendingCount(), 0);

        // The server is gone: nothing is listening on its address any more.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QUrl gone = m_server->baseUrl();
        gone.setPort(port);
        api.setBaseUrl(gone);
        QSignalSpy failed(&engine, &SyncEngine::heartbeatSent);
        QTRY_VERIFY(failed.contains(QVariantList{false}));
        QTRY_COMPARE(engine.state(), SyncEngine::State::Offline);

        api.setBaseUrl(m_server->baseUrl());
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::Online, 10000);
    }

private:
    QByteArray login(const QString &user)
    {
        HttpClient http(m_server->baseUrl());
        if (!http.login(user, TestServer::passwordOf(user)))
            return {};
        return http.token();
    }
    ApiClient *client(ApiClient &api, const QByteArray &token)
    {
        api.setBaseUrl(m_server->baseUrl());
        api.setToken(token);
        return &api;
    }
    static void quiet(SyncEngine &engine)
    {
        engine.setUseNetworkInformation(false);
        engine.setHeartbeatInterval(0);
        engine.setBackoff(50, 500);
    }
    QString lotStatus(const QString &code)
    {
        return m_server->db().scalar(QStringLiteral("SELECT status FROM lots WHERE lot_code = $1"),
                                     {code});
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_operatorToken;
    QByteArray m_managerToken;
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
