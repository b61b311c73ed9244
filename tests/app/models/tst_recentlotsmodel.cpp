#include "app/models/recentlotsfiltermodel.h"
#include "app/models/recentlotsmodel.h"

#include "app/cache/localcache.h"
#include "app/core/domainlabels.h"

#include "tests/app/enumcompare.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using flowviz::app::CachedLot;
using flowviz::app::DomainLabels;
using flowviz::app::LocalCache;
using flowviz::app::RecentLotsFilterModel;
using flowviz::app::RecentLotsModel;

namespace {

const QDateTime kBase(QDate(2026, 1, 14), QTime(6, 0), Qt::UTC);

QJsonObject lotJson(const QString &code, int minute, const QString &status)
{
    return {{QStringLiteral("id"), QStringLiteral("id-") + code},
            {QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), QStringLiteral("RAW")},
            {QStringLiteral("status"), status},
            {QStringLiteral("weight_kg"), 10.5},
            {QStringLiteral("temperature_c"), 3},
            {QStringLiteral("created_at"), kBase.addSecs(60 * minute).toString(Qt::ISODateWithMs)}};
}

QStringList codes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, 0).data(RecentLotsModel::CodeRole).toString());
    return out;
}

} // namespace

class TestRecentLotsModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral(".db"));
    }

    void showsTheCacheWithRoles()
    {
        LocalCache cache(m_path);
        QVERIFY(cache.applyLots({lotJson(QStringLiteral("A"), 1, QStringLiteral("CREATED")),
                                 lotJson(QStringLiteral("B"), 2, QStringLiteral("HOLD"))}));
        RecentLotsModel model(&cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RecentLotsModel::ColumnCount));
        const QModelIndex b = model.index(0, RecentLotsModel::StatusColumn);
        QCOMPARE(b.data(RecentLotsModel::CodeRole).toString(), QStringLiteral("B"));
        QCOMPARE(b.data(RecentLotsModel::StatusRole).toString(), QStringLiteral("HOLD"));
        QCOMPARE(b.data().toString(), DomainLabels::lotStatus(LotStatus::HOLD));
        QCOMPARE(b.data(RecentLotsModel::WeightRole).toString(), QStringLiteral("10.5"));
        QCOMPARE(b.data(RecentLotsModel::TemperatureRole).toString(), QStringLiteral("3"));
        QCOMPARE(b.data(RecentLotsModel::TypeRole).toString(), QStringLiteral("RAW"));
        QCOMPARE(b.data(RecentLotsModel::PendingRole).toBool(), false);
        QVERIFY(model.roleNames().value(RecentLotsModel::PendingRole) == "pending");
        QVERIFY(
            !model.headerData(RecentLotsModel::CodeColumn, Qt::Horizontal).toString().isEmpty());
    }

    void followsTheCacheWithFineGrainedSignals()
    {
        LocalCache cache(m_path);
        QVERIFY(cache.applyLots({lotJson(QStringLiteral("A"), 1, QStringLiteral("CREATED")),
                                 lotJson(QStringLiteral("B"), 2, QStringLiteral("CREATED")),
                                 lotJson(QStringLiteral("C"), 3, QStringLiteral("CREATED"))}));
        RecentLotsModel model(&cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(codes(model),
                 (QStringList{QStringLiteral("C"), QStringLiteral("B"), QStringLiteral("A")}));

        // A pending registration of our own appears on top, marked pending.
        CachedLot mine;
        mine.code = QStringLiteral("MINE");
        mine.id = QStringLiteral("id-mine");
        mine.createdAt = kBase.addSecs(60 * 10);
        QVERIFY(cache.addPendingLot(mine));
        QCOMPARE(codes(model), (QStringList{QStringLiteral("MINE"), QStringLiteral("C"),
                                            QStringLiteral("B"), QStringLiteral("A")}));
        QCOMPARE(inserted.size(), 1);
        QVERIFY(model.index(0, 0).data(RecentLotsModel::PendingRole).toBool());
        QCOMPARE(model.index(0, RecentLotsModel::PendingColumn).data().toString().isEmpty(), false);

        // A status change is one dataChanged on that row, nothing else.
        changed.clear();
        QVERIFY(cache.markLotStatus(QStringLiteral("B"), LotStatus::HOLD, true));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 2);
        QCOMPARE(model.index(2, 0).data(RecentLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
        QVERIFY(model.index(2, 0).data(RecentLotsModel::PendingRole).toBool());

        // Synced: the pending flag goes.
        QVERIFY(cache.markLotSynced(QStringLiteral("MINE")));
        QVERIFY(!model.index(0, 0).data(RecentLotsModel::PendingRole).toBool());

        // Discarded: one row removed.
        QVERIFY(cache.removeLot(QStringLiteral("MINE")));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(codes(model),
                 (QStringList{QStringLiteral("C"), QStringLiteral("B"), QStringLiteral("A")}));
        QCOMPARE(resets.size(), 0);
    }

    void staysConsistentUnderRandomChanges()
    {
        // Inserts, removals, reorders (a lot's creation time moves it) and status changes in
        // random mixes; the tester checks every signal against the model's state.
        LocalCache cache(m_path);
        RecentLotsModel model(&cache);
        model.setLimit(15);
        RecentLotsFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStatus(LotStatus::HOLD);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator rng(20260114);
        const QStringList statuses{QStringLiteral("CREATED"), QStringLiteral("HOLD"),
                                   QStringLiteral("RELEASED")};
        for (int round = 0; round < 60; ++round) {
            QJsonArray batch;
            const int n = rng.bounded(1, 6);
            for (int i = 0; i < n; ++i)
                batch.append(lotJson(QStringLiteral("L%1").arg(rng.bounded(25)), rng.bounded(40),
                                     statuses[rng.bounded(statuses.size())]));
            QVERIFY(cache.applyLots(batch));
            if (rng.bounded(4) == 0)
                QVERIFY(cache.removeLot(QStringLiteral("L%1").arg(rng.bounded(25))));
            if (rng.bounded(5) == 0) {
                CachedLot p;
                p.code = QStringLiteral("P%1").arg(round);
                p.id = p.code;
                p.status = LotStatus::HOLD;
                p.createdAt = kBase.addSecs(60 * rng.bounded(40));
                QVERIFY(cache.addPendingLot(p));
            }
            if (round == 30)
                model.setLimit(8);
            if (round % 10 == 0)
                filter.setText(round % 20 == 0 ? QStringLiteral("l1") : QString());

            QList<CachedLot> expected = cache.recentLots(model.limit());
            QCOMPARE(model.rowCount(), int(expected.size()));
            for (int r = 0; r < expected.size(); ++r) {
                QCOMPARE(model.lotAt(r), expected[r]);
                QCOMPARE(model.rowOf(expected[r].code), r);
            }
            for (int r = 0; r < filter.rowCount(); ++r) {
                const QModelIndex i = filter.index(r, 0);
                QCOMPARE(i.data(RecentLotsModel::StatusRole).toString(), QStringLiteral("HOLD"));
                if (!filter.text().isEmpty())
                    QVERIFY(i.data(RecentLotsModel::CodeRole)
                                .toString()
                                .contains(QStringLiteral("L1")));
            }
        }
    }

    void filtersByTextStatusAndPending()
    {
        LocalCache cache(m_path);
        QVERIFY(cache.applyLots({lotJson(QStringLiteral("RAW-1"), 1, QStringLiteral("CREATED")),
                                 lotJson(QStringLiteral("RAW-2"), 2, QStringLiteral("HOLD")),
                                 lotJson(QStringLiteral("MIX-3"), 3, QStringLiteral("HOLD"))}));
        RecentLotsModel model(&cache);
        RecentLotsFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 3);
        filter.setText(QStringLiteral("raw"));
        QCOMPARE(codes(filter), (QStringList{QStringLiteral("RAW-2"), QStringLiteral("RAW-1")}));
        filter.setStatus(LotStatus::HOLD);
        QCOMPARE(codes(filter), (QStringList{QStringLiteral("RAW-2")}));
        filter.setText({});
        QCOMPARE(codes(filter), (QStringList{QStringLiteral("MIX-3"), QStringLiteral("RAW-2")}));
        filter.setStatus(std::nullopt);
        filter.setPendingOnly(true);
        QCOMPARE(filter.rowCount(), 0);
        QVERIFY(cache.markLotStatus(QStringLiteral("RAW-1"), LotStatus::RELEASED, true));
        QCOMPARE(codes(filter), (QStringList{QStringLiteral("RAW-1")}));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestRecentLotsModel)
#include "tst_recentlotsmodel.moc"
