#include "app/cache/cacherefresher.h"
#include "app/cache/localcache.h"
#include "app/models/gatesmodel.h"
#include "app/models/recentlotsmodel.h"

#include "app/api/apiclient.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include "tests/app/enumcompare.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using flowviz::app::ApiClient;
using flowviz::app::ApiError;
using flowviz::app::CacheRefresher;
using flowviz::app::LocalCache;
using flowviz::app::RecentLotsModel;
using flowviz::test::HttpClient;
using flowviz::test::Reply;
using flowviz::test::TestServer;

namespace {

QString describe(const Reply &r)
{
    return QStringLiteral("HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

} // namespace

// CacheRefresher against a real flowviz-server: it fills gates, profiles, recent lots and
// active runs; models follow; with the server gone the cache still answers and the refresher
// reports a transient error.
class TestCacheRefresherApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("app_cache"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_manager = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_manager->login(QStringLiteral("manager"),
                                 TestServer::passwordOf(QStringLiteral("manager"))));
        Reply r = m_manager->post(QStringLiteral("/api/v1/production-runs"),
                                  {{QStringLiteral("run_code"), QStringLiteral("RUN-CACHE-1")},
                                   {QStringLiteral("daily_target_kg"), 1500}});
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        for (const auto &[code, active] : {std::pair{"ACME", true}, std::pair{"GONE", false}}) {
            r = m_manager->post(
                QStringLiteral("/api/v1/suppliers"),
                {{QStringLiteral("supplier_code"), QLatin1String(code)},
                 {QStringLiteral("name"), QStringLiteral("Supplier %1").arg(QLatin1String(code))}});
            QVERIFY2(r.status == 201, qPrintable(describe(r)));
            if (!active) {
                r = m_manager->send("PATCH",
                                    QStringLiteral("/api/v1/suppliers/%1").arg(QLatin1String(code)),
                                    R"({"active": false})");
                QVERIFY2(r.status == 200, qPrintable(describe(r)));
            }
        }
        for (int i = 1; i <= 3; ++i) {
            r = m_manager->post(
                QStringLiteral("/api/v1/lots"),
                {{QStringLiteral("lot_code"), QStringLiteral("RAW-CACHE-%1").arg(i)},
                 {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                 {QStringLiteral("weight_kg"), 100.25 + i},
                 {QStringLiteral("temperature_c"), 2.5},
                 {QStringLiteral("run_code"), QStringLiteral("RUN-CACHE-1")}});
            QVERIFY2(r.status == 201, qPrintable(describe(r)));
        }
    }
    void cleanupTestCase() { m_server.reset(); }

    void fillsTheCacheThenServesItOffline()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        api.setTimeout(5000);
        api.setToken(m_manager->token());
        LocalCache cache(m_dir.filePath(QStringLiteral("cache.db")));
        QVERIFY(cache.isOpen());
        RecentLotsModel lots(&cache);
        app::GatesModel gates(&cache);
        QAbstractItemModelTester lotsTester(&lots,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester gatesTester(
            &gates, QAbstractItemModelTester::FailureReportingMode::QtTest);

        CacheRefresher refresher(&api, &cache);
        QSignalSpy refreshed(&refresher, &CacheRefresher::refreshed);
        QSignalSpy failed(&refresher, &CacheRefresher::failed);
        refresher.refresh();
        QVERIFY(refresher.isRefreshing());
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size() + failed.size(), 1, 20000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed[0][0].value<ApiError>().summary()));

        // Gates and profiles as the server seeds them.
        QVERIFY(!cache.gates().isEmpty());
        QCOMPARE(gates.rowCount(), int(cache.gates().size()));
        QVERIFY(!cache.gates().first().nameHu.isEmpty());
        QVERIFY(!cache.gates().first().nameEn.isEmpty());
        for (LotType t : allLotTypes())
            QVERIFY2(cache.profile(t), qPrintable(toString(t)));
        // The lots, with exact decimals.
        const auto lot = cache.lot(QStringLiteral("RAW-CACHE-2"));
        QVERIFY(lot);
        FV_COMPARE_ENUM(lot->status, LotStatus::CREATED);
        QCOMPARE(lot->weightKg->toString(), QStringLiteral("102.25"));
        QCOMPARE(lot->temperatureC->toString(), QStringLiteral("2.5"));
        QCOMPARE(lot->runCode, QStringLiteral("RUN-CACHE-1"));
        QCOMPARE(lots.rowCount(), 3);
        QCOMPARE(lots.index(0, 0).data(RecentLotsModel::CodeRole).toString(),
                 QStringLiteral("RAW-CACHE-3"));
        // The active run.
        const auto run = cache.run(QStringLiteral("RUN-CACHE-1"));
        QVERIFY(run);
        FV_COMPARE_ENUM(run->status, RunStatus::ACTIVE);
        QCOMPARE(run->dailyTargetKg->toString(), QStringLiteral("1500"));
        // The active suppliers only.
        QCOMPARE(cache.suppliers().size(), 1);
        QCOMPARE(cache.suppliers().first().code, QStringLiteral("ACME"));
        const QDateTime refreshedAt = cache.lastRefreshed();
        QVERIFY(refreshedAt.isValid());

        // A decision on the server shows up at the next refresh, as one changed row.
        int gateNumber = 0;
        for (const auto &g : cache.gates()) {
            if (!g.isCcp) {
                gateNumber = g.number;
                break;
            }
        }
        QVERIFY(gateNumber > 0);
        const Reply d = m_manager->post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-CACHE-2")},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("gate_number"), gateNumber},
             {QStringLiteral("notes"), QStringLiteral("Packaging damaged, check it.")}});
        QVERIFY2(d.status == 201, qPrintable(describe(d)));
        QSignalSpy changed(&lots, &QAbstractItemModel::dataChanged);
        refresher.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 20000);
        FV_COMPARE_ENUM(cache.lot(QStringLiteral("RAW-CACHE-2"))->status, LotStatus::HOLD);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(lots.index(1, 0).data(RecentLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));

        // The server goes away: the refresher says so, the cache keeps answering with its age.
        const QDateTime lastGood = cache.lastRefreshed();
        m_server->stop();
        refresher.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        const auto error = failed[0][0].value<ApiError>();
        QVERIFY2(error.isTransient(), qPrintable(error.summary()));
        QCOMPARE(refreshed.size(), 2);
        QCOMPARE(cache.lastRefreshed(), lastGood);
        QVERIFY(!cache.gates().isEmpty());
        QVERIFY(cache.profile(LotType::RAW));
        FV_COMPARE_ENUM(cache.lot(QStringLiteral("RAW-CACHE-2"))->status, LotStatus::HOLD);
        QCOMPARE(cache.activeRuns().size(), 1);
        QCOMPARE(lots.rowCount(), 3);

        // And the console can still register offline, shown as pending.
        app::CachedLot mine;
        mine.code = QStringLiteral("RAW-20260114-DUNA01-0001");
        mine.id = QStringLiteral("b2c5d7e9-0000-4000-8000-000000000001");
        QVERIFY(cache.addPendingLot(mine));
        QCOMPARE(lots.rowCount(), 4);
        QVERIFY(lots.index(0, 0).data(RecentLotsModel::PendingRole).toBool());
        QVERIFY(m_server->start());
    }

    void aRefreshWithoutATokenFailsAsUnauthorized()
    {
        if (!m_server->isRunning())
            QVERIFY(m_server->start());
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        LocalCache cache(m_dir.filePath(QStringLiteral("cache-2.db")));
        CacheRefresher refresher(&api, &cache);
        QSignalSpy failed(&refresher, &CacheRefresher::failed);
        refresher.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QCOMPARE(failed[0][0].value<ApiError>().kind, ApiError::Kind::Unauthorized);
        QVERIFY(!cache.lastRefreshed().isValid());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_manager;
};

QTEST_GUILESS_MAIN(TestCacheRefresherApi)
#include "tst_cacherefresherapi.moc"
