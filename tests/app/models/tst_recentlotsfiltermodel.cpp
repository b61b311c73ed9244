#include "app/models/recentlotsfiltermodel.h"

#include "app/cache/localcache.h"
#include "app/models/recentlotsmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using flowviz::app::CachedLot;
using flowviz::app::LocalCache;
using flowviz::app::RecentLotsFilterModel;
using flowviz::app::RecentLotsModel;

namespace {

const QDateTime kBase(QDate(2026, 1, 14), QTime(6, 0), Qt::UTC);

// A lot as GET /api/v1/lots lists it (what the cache refresher stores).
QJsonObject lotJson(const QString &code, const QString &type, const QString &status, int minute)
{
    return {
        {QStringLiteral("id"),
         QStringLiteral("0b6d5f7a-0000-4000-8000-0000000000%1").arg(minute, 2, 10, QChar(u'0'))},
        {QStringLiteral("lot_code"), code},
        {QStringLiteral("lot_type"), type},
        {QStringLiteral("status"), status},
        {QStringLiteral("weight_kg"), 18.25},
        {QStringLiteral("temperature_c"), 3.5},
        {QStringLiteral("run_code"), QStringLiteral("RUN-20260114-A")},
        {QStringLiteral("created_at"), kBase.addSecs(60 * minute).toString(Qt::ISODateWithMs)}};
}

QStringList codes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, RecentLotsModel::CodeColumn).data(RecentLotsModel::CodeRole).toString();
    return out;
}

} // namespace

class TestRecentLotsFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = std::make_unique<LocalCache>(m_dir.filePath(
            QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".db")));
        QVERIFY(m_cache->isOpen());
        // Newest first: SKW (5), MIX (4), BULK (3), RAW-0002 (2), RAW-0001 (1).
        QVERIFY(
            m_cache->applyLots({lotJson(QStringLiteral("RAW-20260114-DUNA01-0001"),
                                        QStringLiteral("RAW"), QStringLiteral("RELEASED"), 1),
                                lotJson(QStringLiteral("RAW-20260114-DUNA01-0002"),
                                        QStringLiteral("RAW"), QStringLiteral("HOLD"), 2),
                                lotJson(QStringLiteral("BULK-20260114-0001"),
                                        QStringLiteral("BULK"), QStringLiteral("CREATED"), 3),
                                lotJson(QStringLiteral("MIX-20260114-0001"), QStringLiteral("MIX"),
                                        QStringLiteral("HOLD"), 4),
                                lotJson(QStringLiteral("SKW-20260114-0001"), QStringLiteral("SKW"),
                                        QStringLiteral("QUARANTINE"), 5)}));
        m_source = std::make_unique<RecentLotsModel>(m_cache.get());
        m_filter = std::make_unique<RecentLotsFilterModel>();
        m_filter->setSourceModel(m_source.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_filter.reset();
        m_source.reset();
        m_cache.reset();
    }

    void passesEverythingUntilFiltered()
    {
        QCOMPARE(m_filter->rowCount(), 5);
        QCOMPARE(m_filter->columnCount(), int(RecentLotsModel::ColumnCount));
        QCOMPARE(m_filter->text(), QString());
        QVERIFY(!m_filter->status());
        QVERIFY(!m_filter->pendingOnly());
        // Rows, roles and headers are the source's.
        QCOMPARE(codes(*m_filter), codes(*m_source));
        QCOMPARE(m_filter->index(0, 0).data(RecentLotsModel::StatusRole).toString(),
                 QStringLiteral("QUARANTINE"));
        QCOMPARE(m_filter->headerData(RecentLotsModel::StatusColumn, Qt::Horizontal),
                 m_source->headerData(RecentLotsModel::StatusColumn, Qt::Horizontal));
    }

    void textMatchesAnyPartOfTheCodeInAnyCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString raw1 = QStringLiteral("RAW-20260114-DUNA01-0001");
        const QString raw2 = QStringLiteral("RAW-20260114-DUNA01-0002");
        QTest::newRow("prefix, lower case") << QStringLiteral("raw") << QStringList{raw2, raw1};
        QTest::newRow("middle") << QStringLiteral("duna01-000") << QStringList{raw2, raw1};
        QTest::newRow("a scanned code, with the scanner's newline")
            << QStringLiteral("  RAW-20260114-DUNA01-0001\n") << QStringList{raw1};
        QTest::newRow("suffix shared by three")
            << QStringLiteral("20260114-0001")
            << QStringList{QStringLiteral("SKW-20260114-0001"), QStringLiteral("MIX-20260114-0001"),
                           QStringLiteral("BULK-20260114-0001")};
        QTest::newRow("no match") << QStringLiteral("FG-") << QStringList{};
        QTest::newRow("blank is no filter")
            << QStringLiteral("   ")
            << QStringList{QStringLiteral("SKW-20260114-0001"), QStringLiteral("MIX-20260114-0001"),
                           QStringLiteral("BULK-20260114-0001"), raw2, raw1};
    }
    void textMatchesAnyPartOfTheCodeInAnyCase()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        m_filter->setText(text);
        QCOMPARE(m_filter->text(), text.trimmed());
        QCOMPARE(codes(*m_filter), expected);
    }

    void statusAndTextCombine()
    {
        m_filter->setStatus(LotStatus::HOLD);
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("MIX-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0002")}));
        m_filter->setText(QStringLiteral("raw"));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("RAW-20260114-DUNA01-0002")}));
        m_filter->setStatus(LotStatus::REJECTED);
        QCOMPARE(m_filter->rowCount(), 0);
        m_filter->setText({});
        m_filter->setStatus(LotStatus::QUARANTINE);
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("SKW-20260114-0001")}));
        m_filter->setStatus(std::nullopt);
        QCOMPARE(m_filter->rowCount(), 5);
    }

    void followsTheCacheThroughTheFilter()
    {
        m_filter->setStatus(LotStatus::HOLD);
        QSignalSpy inserted(m_filter.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_filter.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(m_filter.get(), &QAbstractItemModel::modelReset);

        // QC puts the bulk lot on hold: it comes into the filtered list, in its place.
        QVERIFY(
            m_cache->markLotStatus(QStringLiteral("BULK-20260114-0001"), LotStatus::HOLD, true));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("MIX-20260114-0001"),
                                                QStringLiteral("BULK-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0002")}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 1);

        // The mix lot is released: it leaves.
        QVERIFY(m_cache->markLotStatus(QStringLiteral("MIX-20260114-0001"), LotStatus::RELEASED,
                                       false));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("BULK-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0002")}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][1].toInt(), 0);

        // A lot registered here, not on hold, stays out; one on hold comes in on top.
        CachedLot created;
        created.code = QStringLiteral("FG-20260114-0001");
        created.id = QStringLiteral("0b6d5f7a-0000-4000-8000-000000000099");
        created.type = LotType::FG;
        created.createdAt = kBase.addSecs(60 * 10);
        QVERIFY(m_cache->addPendingLot(created));
        QCOMPARE(m_filter->rowCount(), 2);
        CachedLot held = created;
        held.code = QStringLiteral("FG-20260114-0002");
        held.id = QStringLiteral("0b6d5f7a-0000-4000-8000-000000000098");
        held.status = LotStatus::HOLD;
        held.createdAt = kBase.addSecs(60 * 11);
        QVERIFY(m_cache->addPendingLot(held));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("FG-20260114-0002"),
                                                QStringLiteral("BULK-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0002")}));
        QCOMPARE(resets.size(), 0);
    }

    void pendingOnlyShowsWhatHasNotReachedTheServer()
    {
        m_filter->setPendingOnly(true);
        QVERIFY(m_filter->pendingOnly());
        QCOMPARE(m_filter->rowCount(), 0); // everything came from the server

        CachedLot mine;
        mine.code = QStringLiteral("RAW-20260114-DUNA01-0003");
        mine.id = QStringLiteral("0b6d5f7a-0000-4000-8000-000000000097");
        mine.createdAt = kBase.addSecs(60 * 20);
        QVERIFY(m_cache->addPendingLot(mine));
        // A decision made here on a server lot is pending too.
        QVERIFY(
            m_cache->markLotStatus(QStringLiteral("BULK-20260114-0001"), LotStatus::HOLD, true));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("RAW-20260114-DUNA01-0003"),
                                                QStringLiteral("BULK-20260114-0001")}));
        for (int r = 0; r < m_filter->rowCount(); ++r)
            QVERIFY(m_filter->index(r, 0).data(RecentLotsModel::PendingRole).toBool());

        // Narrowed further by text; then synced, it leaves.
        m_filter->setText(QStringLiteral("duna"));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("RAW-20260114-DUNA01-0003")}));
        QVERIFY(m_cache->markLotSynced(QStringLiteral("RAW-20260114-DUNA01-0003")));
        QCOMPARE(m_filter->rowCount(), 0);
        m_filter->setPendingOnly(false);
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("RAW-20260114-DUNA01-0003"),
                                                QStringLiteral("RAW-20260114-DUNA01-0002"),
                                                QStringLiteral("RAW-20260114-DUNA01-0001")}));
    }

    void sortsTheFilteredRowsAndKeepsThemSorted()
    {
        m_filter->setText(QStringLiteral("-0001"));
        m_filter->sort(RecentLotsModel::CodeColumn, Qt::AscendingOrder);
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("BULK-20260114-0001"),
                                                QStringLiteral("MIX-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0001"),
                                                QStringLiteral("SKW-20260114-0001")}));
        CachedLot deb;
        deb.code = QStringLiteral("DEB-20260114-0001");
        deb.id = QStringLiteral("0b6d5f7a-0000-4000-8000-000000000096");
        deb.type = LotType::DEB;
        deb.createdAt = kBase.addSecs(60 * 30);
        QVERIFY(m_cache->addPendingLot(deb));
        QCOMPARE(codes(*m_filter), (QStringList{QStringLiteral("BULK-20260114-0001"),
                                                QStringLiteral("DEB-20260114-0001"),
                                                QStringLiteral("MIX-20260114-0001"),
                                                QStringLiteral("RAW-20260114-DUNA01-0001"),
                                                QStringLiteral("SKW-20260114-0001")}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<RecentLotsModel> m_source;
    std::unique_ptr<RecentLotsFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestRecentLotsFilterModel)
#include "tst_recentlotsfiltermodel.moc"
