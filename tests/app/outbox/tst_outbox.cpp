// The outbox on its own (no server): durability across reopen, crash recovery of items in
// flight, dependency holding, resend/discard rules, purge; the engine's backoff bounds and
// jitter and its behaviour with no server; the outbox model under QAbstractItemModelTester.

#include "app/api/apiclient.h"
#include "app/models/outboxmodel.h"
#include "app/outbox/outbox.h"
#include "app/sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz::app;
using State = OutboxItem::State;

namespace {

QJsonObject lot(const QString &code, const QJsonArray &parents = {})
{
    QJsonObject o{{QStringLiteral("lot_code"), code},
                  {QStringLiteral("lot_type"), QStringLiteral("BULK")},
                  {QStringLiteral("weight_kg"), QStringLiteral("10.00")}};
    if (!parents.isEmpty())
        o.insert(QStringLiteral("parents"), parents);
    return o;
}

QJsonObject decision(const QString &code)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("decision"), QStringLiteral("PASS")},
            {QStringLiteral("gate_number"), 1}};
}

QStringList ids(const QList<OutboxItem> &items)
{
    QStringList out;
    for (const OutboxItem &it : items)
        out << it.id;
    return out;
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void walAndFullSync()
    {
        Outbox outbox(path(QStringLiteral("pragma")));
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.errorString()));
        QVERIFY(!outbox.enqueueLot(lot(QStringLiteral("A-1"))).isEmpty());
        QSqlDatabase d =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        d.setDatabaseName(path(QStringLiteral("pragma")));
        QVERIFY(d.open());
        {
            QSqlQuery q(d);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            // A second connection sees the committed item at once: the enqueue was committed.
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox_items")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        d.close();
        d = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void durableAcrossReopen()
    {
        const QString file = path(QStringLiteral("reopen"));
        QStringList order;
        QHash<QString, QJsonObject> payloads;
        QStringList inFlight;
        QStringList done;
        {
            Outbox outbox(file);
            QVERIFY(outbox.isOpen());
            for (int i = 0; i < 40; ++i) {
                const QString code =
                    QStringLiteral("BULK-20260114-TST01-%1").arg(i, 4, 10, QLatin1Char('0'));
                order << outbox.enqueueLot(lot(code));
                if (i % 4 == 3)
                    order << outbox.enqueueDecision(decision(code));
            }
            QVERIFY(!order.contains(QString()));
            QCOMPARE(outbox.pendingCount(), 50);
            for (const OutboxItem &it : outbox.items())
                payloads.insert(it.id, it.payload);
            const QList<OutboxItem> batch = outbox.nextBatch(12);
            QCOMPARE(batch.size(), 12);
            QCOMPARE(ids(batch), order.mid(0, 12));
            for (int i = 0; i < 5; ++i) {
                QVERIFY(outbox.markDone(batch.at(i).id));
                done << batch.at(i).id;
            }
            for (int i = 5; i < 12; ++i)
                inFlight << batch.at(i).id;
            QCOMPARE(outbox.count(State::InFlight), 7);
            // The object goes away with items in flight, as in a crash.
        }
        Outbox reopened(file);
        QVERIFY2(reopened.isOpen(), qPrintable(reopened.errorString()));
        QCOMPARE(reopened.recoveredInFlight(), 7);
        const QList<OutboxItem> all = reopened.items();
        QCOMPARE(ids(all), order);
        for (const OutboxItem &it : all) {
            QCOMPARE(it.payload, payloads.value(it.id));
            QCOMPARE(it.state, done.contains(it.id) ? State::Done : State::Pending);
            if (inFlight.contains(it.id))
                QCOMPARE(it.attempts, 1);
        }
        QCOMPARE(reopened.pendingCount(), 45);
        // They go out again first, in their original order, under their original keys.
        QCOMPARE(ids(reopened.nextBatch(7)), inFlight);
    }

    void lotIdIsTheKey()
    {
        Outbox outbox(path(QStringLiteral("key")));
        const QString given = QStringLiteral("0b0c5c4e-8a4a-4c1e-9d43-2b3f7c2a9e11");
        QJsonObject body = lot(QStringLiteral("K-1"));
        body.insert(QStringLiteral("id"), given);
        QCOMPARE(outbox.enqueueLot(body), given);
        const QString made = outbox.enqueueLot(lot(QStringLiteral("K-2")));
        const auto item = outbox.item(made);
        QVERIFY(item);
        QCOMPARE(item->payload.value(QStringLiteral("id")).toString(), made);
        QVERIFY(item->payload.contains(QStringLiteral("client_created_at")));
        QCOMPARE(item->lotCode, QStringLiteral("K-2"));
        QCOMPARE(item->kind, OutboxItem::Kind::Lot);
        QCOMPARE(item->path, QStringLiteral("/api/v1/lots"));
        body.insert(QStringLiteral("id"), QStringLiteral("not-a-uuid"));
        QVERIFY(outbox.enqueueLot(body).isEmpty());
    }

    void decisionWaitsForItsLot()
    {
        Outbox outbox(path(QStringLiteral("deps")));
        const QString lotId = outbox.enqueueLot(lot(QStringLiteral("dep-1")));
        const QString other = outbox.enqueueLot(lot(QStringLiteral("DEP-2")));
        const QString decId = outbox.enqueueDecision(decision(QStringLiteral(" dep-1 ")));
        const auto dec = outbox.item(decId);
        QCOMPARE(dec->dependsOn, lotId);
        QCOMPARE(dec->lotCode, QStringLiteral("DEP-1"));
        // Bound by id: a corrected code cannot send it to another workstation's lot.
        QCOMPARE(dec->payload.value(QStringLiteral("lot_id")).toString(), lotId);
        QVERIFY(!dec->payload.contains(QStringLiteral("lot_code")));
        QVERIFY(dec->payload.contains(QStringLiteral("decided_at")));

        // In one batch the decision follows its lot.
        QCOMPARE(ids(outbox.nextBatch(10)), (QStringList{lotId, other, decId}));
        QVERIFY(outbox.markRetry(lotId, QStringLiteral("no answer"),
                                 QDateTime::currentDateTimeUtc().addSecs(60)));
        QVERIFY(outbox.markDone(other));
        QVERIFY(
            outbox.markRetry(decId, QStringLiteral("no answer"), QDateTime::currentDateTimeUtc()));
        // The lot is not due yet, so neither is the decision.
        QVERIFY(outbox.nextBatch(10).isEmpty());
        // Refused lot: the decision is held (still pending), not failed.
        QCOMPARE(ids(outbox.nextBatch(10, QDateTime::currentDateTimeUtc().addSecs(120))),
                 (QStringList{lotId, decId}));
        QVERIFY(outbox.markNeedsAttention(lotId, 409,
                                          QStringLiteral("Lot code DEP-1 is already registered.")));
        QVERIFY(
            outbox.apply({{decId, Outbox::Outcome::Kind::Held, 422, QStringLiteral("waits"), {}}}));
        QVERIFY(outbox.nextBatch(10).isEmpty());
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(outbox.needsAttentionCount(), 1);
        QCOMPARE(outbox.item(decId)->state, State::Pending);
        QVERIFY(!outbox.nextDueAt().isValid());

        // Corrected and sent again under the same key; the decision shows the new code.
        QJsonObject fixed = outbox.item(lotId)->payload;
        fixed.insert(QStringLiteral("lot_code"), QStringLiteral("DEP-1B"));
        QVERIFY(outbox.resend(lotId, fixed));
        QCOMPARE(outbox.item(lotId)->payload.value(QStringLiteral("id")).toString(), lotId);
        QCOMPARE(outbox.item(decId)->lotCode, QStringLiteral("DEP-1B"));
        const QList<OutboxItem> again = outbox.nextBatch(1);
        QCOMPARE(ids(again), QStringList{lotId});
        QVERIFY(outbox.nextBatch(10).isEmpty()); // lot in flight: decision waits
        QVERIFY(outbox.markDone(lotId));
        QCOMPARE(ids(outbox.nextBatch(10)), QStringList{decId});
        QVERIFY(outbox.markDone(decId));
        QCOMPARE(outbox.pendingCount(), 0);

        // A decision on a lot already on the server names it by code and waits for nothing.
        const QString late = outbox.enqueueDecision(decision(QStringLiteral("DEP-1B")));
        QVERIFY(outbox.item(late)->dependsOn.isEmpty());
        QCOMPARE(outbox.item(late)->payload.value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("DEP-1B"));
    }

    void childLotFollowsParent()
    {
        Outbox outbox(path(QStringLiteral("parents")));
        const QString parent = outbox.enqueueLot(lot(QStringLiteral("P-1")));
        const QString child = outbox.enqueueLot(
            lot(QStringLiteral("C-1"),
                {QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("P-1")},
                             {QStringLiteral("quantity_used_kg"), QStringLiteral("1.00")}}}));
        QCOMPARE(outbox.item(child)->dependsOn, parent);
        outbox.nextBatch(1);
        QVERIFY(outbox.markNeedsAttention(parent, 409, QStringLiteral("duplicate")));
        QJsonObject fixed = outbox.item(parent)->payload;
        fixed.insert(QStringLiteral("lot_code"), QStringLiteral("P-2"));
        QVERIFY(outbox.resend(parent, fixed));
        const QJsonArray parents =
            outbox.item(child)->payload.value(QStringLiteral("parents")).toArray();
        QCOMPARE(parents.at(0).toObject().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("P-2"));
    }

    void discardedLotReleasesDecision()
    {
        Outbox outbox(path(QStringLiteral("discard")));
        const QString lotId = outbox.enqueueLot(lot(QStringLiteral("D-1")));
        const QString decId = outbox.enqueueDecision(decision(QStringLiteral("D-1")));
        QVERIFY(outbox.discard(lotId, QStringLiteral("typed twice"))); // never sent: allowed
        QCOMPARE(outbox.item(lotId)->discardReason, QStringLiteral("typed twice"));
        QCOMPARE(outbox.item(lotId)->state, State::Discarded);
        // The decision goes (and will be refused visibly) rather than waiting forever.
        QCOMPARE(ids(outbox.nextBatch(10)), QStringList{decId});
        // Sent without an answer: it may be on the server, so it cannot be discarded.
        QVERIFY(
            outbox.markRetry(decId, QStringLiteral("timeout"), QDateTime::currentDateTimeUtc()));
        QVERIFY(!outbox.discard(decId, QStringLiteral("no")));
        QCOMPARE(outbox.item(decId)->state, State::Pending);
        outbox.nextBatch(10);
        QVERIFY(outbox.markNeedsAttention(decId, 422, QStringLiteral("No lot D-1 is registered.")));
        QVERIFY(outbox.discard(decId, QStringLiteral("lot was discarded")));
        QCOMPARE(outbox.needsAttentionCount(), 0);
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void purgeAndAge()
    {
        Outbox outbox(path(QStringLiteral("purge")));
        QCOMPARE(outbox.oldestPendingAge(), 0);
        const QString a = outbox.enqueueLot(lot(QStringLiteral("G-1")));
        const QString b = outbox.enqueueLot(lot(QStringLiteral("G-2")));
        QVERIFY(outbox.oldestPendingAge(QDateTime::currentDateTimeUtc().addSecs(90)) >= 89);
        outbox.nextBatch(1);
        QVERIFY(outbox.markDone(a));
        QCOMPARE(outbox.purgeDone(7), 0);
        QCOMPARE(outbox.purgeDone(7, QDateTime::currentDateTimeUtc().addDays(8)), 1);
        QVERIFY(!outbox.item(a));
        QVERIFY(outbox.item(b));
    }

    void backoffBounds_data()
    {
        QTest::addColumn<int>("minMs");
        QTest::addColumn<int>("maxMs");
        QTest::newRow("1s-60s") << 1000 << 60000;
        QTest::newRow("50ms-2s") << 50 << 2000;
        QTest::newRow("equal") << 500 << 500;
    }
    void backoffBounds()
    {
        QFETCH(int, minMs);
        QFETCH(int, maxMs);
        int previousCeiling = 0;
        for (int failures = 0; failures < 40; ++failures) {
            const int low = SyncEngine::backoffDelay(failures, minMs, maxMs, 0.0);
            const int high = SyncEngine::backoffDelay(failures, minMs, maxMs, 0.999999);
            QVERIFY(low >= minMs && high <= maxMs);
            QVERIFY(low <= high);
            QVERIFY(high >= previousCeiling); // grows, never shrinks
            previousCeiling = high;
            for (double r : {0.1, 0.3, 0.5, 0.7, 0.9}) {
                const int d = SyncEngine::backoffDelay(failures, minMs, maxMs, r);
                QVERIFY(d >= low && d <= high);
            }
        }
        QCOMPARE(SyncEngine::backoffDelay(0, minMs, maxMs, 0.999999), minMs);
        QCOMPARE(SyncEngine::backoffDelay(39, minMs, maxMs, 0.999999), maxMs);
        if (maxMs >= 4 * minMs) {
            // Jitter: the same failure count spreads over half the ceiling.
            const int a = SyncEngine::backoffDelay(3, minMs, maxMs, 0.0);
            const int b = SyncEngine::backoffDelay(3, minMs, maxMs, 0.999999);
            QCOMPARE(a, 4 * minMs);
            QCOMPARE(b, 8 * minMs);
            // Doubling per failure until the cap.
            QVERIFY(SyncEngine::backoffDelay(2, minMs, maxMs, 0.999999) == 4 * minMs);
        }
    }

    void engineWithoutServerBacksOff()
    {
        Outbox outbox(path(QStringLiteral("offline")));
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        api.setToken("token");
        SyncEngine engine(&outbox, &api);
        engine.setUseNetworkInformation(false);
        engine.setHeartbeatInterval(0);
        engine.setBackoff(20, 160);
        engine.setRandomSource([] { return 0.5; });
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        QSignalSpy pending(&engine, &SyncEngine::pendingCountChanged);
        const QString id = outbox.enqueueLot(lot(QStringLiteral("OFF-1")));
        engine.start();
        QTRY_VERIFY(engine.consecutiveFailures() >= 6);
        QCOMPARE(engine.state(), SyncEngine::State::Offline);
        // The delay has reached its cap and stays within the bounds.
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(engine.nextRetryAt());
        QVERIFY2(wait <= 160 && wait >= -50, qPrintable(QString::number(wait)));
        const auto item = outbox.item(id);
        QCOMPARE(item->state, State::Pending);
        QVERIFY(item->attempts >= 1);
        QVERIFY(!item->lastError.isEmpty());
        QCOMPARE(engine.pendingCount(), 1);
        QVERIFY(!pending.isEmpty());
        QCOMPARE(pending.last().at(0).toInt(), 1);

        // A new item is tried at once, without waiting out the backoff.
        engine.setBackoff(60000, 60000);
        QTRY_VERIFY(engine.nextRetryAt().isValid() &&
                    QDateTime::currentDateTimeUtc().msecsTo(engine.nextRetryAt()) > 30000);
        const int attemptsBefore = outbox.item(id)->attempts;
        outbox.enqueueLot(lot(QStringLiteral("OFF-2")));
        QTRY_VERIFY_WITH_TIMEOUT(outbox.item(id)->attempts > attemptsBefore, 3000);
        engine.stop();
    }

    void modelFollowsOutbox()
    {
        Outbox outbox(path(QStringLiteral("model")));
        const QString a = outbox.enqueueLot(lot(QStringLiteral("M-1")));
        OutboxModel model(&outbox);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, OutboxModel::LotCodeColumn)).toString(),
                 QStringLiteral("M-1"));
        QCOMPARE(model.data(model.index(0, 0), OutboxModel::IdRole).toString(), a);
        QCOMPARE(model.headerData(OutboxModel::StateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("State"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QStringList more;
        for (int i = 2; i <= 6; ++i)
            more << outbox.enqueueLot(lot(QStringLiteral("M-%1").arg(i)));
        const QString d = outbox.enqueueDecision(decision(QStringLiteral("M-3")));
        QTRY_COMPARE(model.rowCount(), 7);
        QCOMPARE(model.data(model.index(6, OutboxModel::LotCodeColumn)).toString(),
                 QStringLiteral("M-3"));
        QCOMPARE(model.data(model.index(6, 0), OutboxModel::KindRole).toInt(),
                 int(OutboxItem::Kind::QcDecision));
        QVERIFY(!inserted.isEmpty());

        const QList<OutboxItem> batch = outbox.nextBatch(4);
        QTRY_COMPARE(model.data(model.index(0, 0), OutboxModel::StateRole).toInt(),
                     int(State::InFlight));
        QVERIFY(!changed.isEmpty());
        QVERIFY(outbox.apply({{batch.at(0).id, Outbox::Outcome::Kind::Done, 201, {}, {}},
                              {batch.at(1).id,
                               Outbox::Outcome::Kind::NeedsAttention,
                               409,
                               QStringLiteral("Lot code M-2 is already registered."),
                               {}},
                              {batch.at(2).id, Outbox::Outcome::Kind::Done, 201, {}, {}},
                              {batch.at(3).id, Outbox::Outcome::Kind::Retry, 503,
                               QStringLiteral("down"), QDateTime::currentDateTimeUtc()}}));
        QTRY_COMPARE(model.rowCount(), 5);
        QVERIFY(!removed.isEmpty());
        QCOMPARE(model.rowOf(a), -1);
        const int needs = model.rowOf(more.at(0));
        QCOMPARE(model.data(model.index(needs, OutboxModel::StateColumn)).toString(),
                 QStringLiteral("Needs attention"));
        QCOMPARE(model.data(model.index(needs, OutboxModel::LastErrorColumn)).toString(),
                 QStringLiteral("Lot code M-2 is already registered."));

        model.setNeedsAttentionOnly(true);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), more.at(0));
        QVERIFY(outbox.discard(more.at(0), QStringLiteral("duplicate label")));
        QTRY_COMPARE(model.rowCount(), 0);
        model.setNeedsAttentionOnly(false);
        QCOMPARE(model.rowCount(), 4);
        outbox.nextBatch(100);
        for (const OutboxItem &it : outbox.items({State::InFlight}))
            outbox.markDone(it.id);
        QTRY_COMPARE(model.rowCount(), 0);
        QVERIFY(outbox.item(d)->state == State::Done);
    }

private:
    QString path(const QString &name) const
    {
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
