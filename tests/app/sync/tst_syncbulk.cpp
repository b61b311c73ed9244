// 10,000 operations (lots, and QC decisions on some of them) queued while the server is down,
// then drained when it comes back: each is in the database exactly once, and the outbox has
// nothing left to send.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include "app/api/apiclient.h"
#include "app/outbox/outbox.h"
#include "app/sync/syncengine.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz::app;
using namespace flowviz::test;
using State = OutboxItem::State;

class TestSyncBulk : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandQueuedOfflineThenDrained()
    {
        constexpr int kLots = 8000;
        constexpr int kDecisionEvery = 4; // 2,000 decisions
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TestServer server(QStringLiteral("tst_syncbulk"),
                          {QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(server.start(), qPrintable(server.serverOutput()));
        HttpClient http(server.baseUrl());
        QVERIFY(http.login(QStringLiteral("operator"),
                           TestServer::passwordOf(QStringLiteral("operator"))));
        server.stop(); // the network is down from here on

        Outbox box(dir.filePath(QStringLiteral("bulk.sqlite")));
        QVERIFY2(box.isOpen(), qPrintable(box.errorString()));
        ApiClient api;
        api.setBaseUrl(server.baseUrl());
        api.setToken(http.token());
        api.setTimeout(60000);
        SyncEngine engine(&box, &api);
        engine.setUseNetworkInformation(false);
        engine.setHeartbeatInterval(0);
        engine.setBackoff(100, 1000);
        engine.start();

        QElapsedTimer timer;
        timer.start();
        QHash<QString, QString> decisionLot; // decision id -> lot id
        QSet<QString> lotIds;
        for (int i = 1; i <= kLots; ++i) {
            const QString code =
                QStringLiteral("BULK-20260114-BULK01-%1").arg(i, 6, 10, QLatin1Char('0'));
            const QString id =
                box.enqueueLot({{QStringLiteral("lot_code"), code},
                                {QStringLiteral("lot_type"), QStringLiteral("BULK")},
                                {QStringLiteral("weight_kg"), QStringLiteral("25.00")},
                                {QStringLiteral("workstation_id"), QStringLiteral("BULK01")}});
            QVERIFY(!id.isEmpty());
            lotIds.insert(id);
            if (i % kDecisionEvery == 0) {
                const QString d = box.enqueueDecision(
                    {{QStringLiteral("lot_code"), code},
                     {QStringLiteral("decision"), QStringLiteral("PASS")},
                     {QStringLiteral("gate_number"), 1},
                     {QStringLiteral("workstation_id"), QStringLiteral("BULK01")}});
                QVERIFY(!d.isEmpty());
                decisionLot.insert(d, id);
            }
            if (i % 1000 == 0)
                QCoreApplication::processEvents(); // the engine keeps trying meanwhile
        }
        const int total = kLots + int(decisionLot.size());
        const qint64 enqueueMs = timer.elapsed();
        qInfo("enqueued %d operations (durable, one commit each) in %lld ms: %.0f ops/s", total,
              enqueueMs, total * 1000.0 / std::max<qint64>(1, enqueueMs));

        QTRY_VERIFY(engine.consecutiveFailures() >= 2);
        QCOMPARE(engine.state(), SyncEngine::State::Offline);
        QTRY_COMPARE(engine.pendingCount(), total);
        QCOMPARE(server.db().scalar(QStringLiteral("SELECT count(*) FROM lots")),
                 QStringLiteral("0"));

        // The server comes back: the engine notices on its own and drains.
        QSignalSpy batches(&engine, &SyncEngine::batchFinished);
        QVERIFY2(server.start(), qPrintable(server.serverOutput()));
        timer.restart();
        QTRY_VERIFY_WITH_TIMEOUT(!batches.isEmpty(), 10000);
        const qint64 firstMs = timer.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(box.pendingCount(), 0, 180000);
        const qint64 drainMs = timer.elapsed();
        qInfo("server back: first batch answered after %lld ms; %d operations drained in %lld ms "
              "(%lld batches): "
              "%.0f ops/s",
              firstMs, total, drainMs, qint64(batches.size()),
              total * 1000.0 / std::max<qint64>(1, drainMs));

        QCOMPARE(box.count(State::Done), total);
        QCOMPARE(box.needsAttentionCount(), 0);
        QTRY_COMPARE(engine.pendingCount(), 0);
        QTRY_COMPARE(engine.oldestPendingAge(), 0);

        // Exactly once: every id is there, and nothing else is.
        QSet<QString> stored;
        for (const QStringList &row : server.db().query(QStringLiteral("SELECT id FROM lots")))
            stored.insert(row.at(0));
        QCOMPARE(server.db().scalar(QStringLiteral("SELECT count(*) FROM lots")),
                 QString::number(kLots));
        QCOMPARE(stored, lotIds);
        QHash<QString, QString> storedDecisions;
        for (const QStringList &row :
             server.db().query(QStringLiteral("SELECT id, lot_id FROM qc_decisions")))
            storedDecisions.insert(row.at(0), row.at(1));
        QCOMPARE(server.db().scalar(QStringLiteral("SELECT count(*) FROM qc_decisions")),
                 QString::number(decisionLot.size()));
        QCOMPARE(storedDecisions, decisionLot);
        QCOMPARE(server.db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE status = 'RELEASED'")),
                 QString::number(decisionLot.size()));
    }
};

QTEST_GUILESS_MAIN(TestSyncBulk)
#include "tst_syncbulk.moc"
