// The lots list over a real flowviz-server: ServerLotsModel fetches page by page through the
// keyset cursor, filters reset and refetch, the offline fallback shows the cache, and the
// lots page renders offscreen.
#include "app/models/lotdetailloader.h"
#include "app/models/serverlotsmodel.h"
#include "ui/lots/lotdetailpage.h"
#include "ui/lots/lotspage.h"

#include "app/api/apiclient.h"
#include "app/cache/localcache.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using namespace Qt::StringLiterals;
using flowviz::app::ApiClient;
using flowviz::app::ServerLotsModel;
using flowviz::test::HttpClient;
using flowviz::test::TestServer;

class TestLotsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ApiClient> m_api;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_lotspage"),
                                                QStringList{u"--rate-limits"_s, u"off"_s});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_http->login(QStringLiteral("admin"), TestServer::passwordOf(u"admin"_s)));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->baseUrl());
        m_api->setToken(m_http->token());
        // 1,000 lots, one second apart, newest P-00001: types and statuses in turn.
        m_server->db().exec(
            QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, weight_kg, created_at) "
                           "SELECT 'P-' || lpad(i::text, 5, '0'), "
                           "       (ARRAY['RAW','DEB','BULK','MIX','SKW','FRZ','FG'])[1 + i % 7], "
                           "       (ARRAY['CREATED','RELEASED','HOLD','REJECTED'])[1 + i % 4], "
                           "       (i % 1000) + 0.25, now() - make_interval(secs => i) "
                           "FROM generate_series(1, 1000) AS i"));
    }

    void fetchesPageByPage()
    {
        // No tester yet: QAbstractItemModelTester calls fetchMore() on every change, which
        // would load all pages at once.
        ServerLotsModel model(m_api.get(), nullptr);
        QSignalSpy pages(&model, &ServerLotsModel::pageLoaded);
        model.refresh();
        QTRY_COMPARE(pages.count(), 1);
        QCOMPARE(model.rowCount(), ServerLotsModel::kDefaultPageSize);
        QCOMPARE(model.pagesLoaded(), 1);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.index(0, ServerLotsModel::CodeColumn).data().toString(),
                 QStringLiteral("P-00001"));

        model.fetchMore({});
        QTRY_COMPARE(pages.count(), 2);
        QCOMPARE(model.rowCount(), 2 * ServerLotsModel::kDefaultPageSize);
        // Keyset pages continue exactly where the last one stopped.
        QCOMPARE(model.index(200, ServerLotsModel::CodeColumn).data().toString(),
                 QStringLiteral("P-00201"));

        while (model.canFetchMore({}) || model.isLoading()) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.pagesLoaded(), 5);
        QCOMPARE(model.index(999, 0).data().toString(), QStringLiteral("P-01000"));
        QVERIFY(!model.isOffline());

        // The model stays consistent through a reset and a refetch of every page.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QTRY_COMPARE(model.rowCount(), 1000);
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(!model.canFetchMore({}));
    }

    void filtersResetAndRefetch()
    {
        ServerLotsModel model(m_api.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto settled = [&model] {
            return model.pagesLoaded() >= 1 && !model.isLoading() && !model.canFetchMore({});
        };
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral("p-000");
        model.setFilter(f); // P-00001 … P-00099
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 99);

        f.type = LotType::BULK; // i % 7 == 2: 2, 9, …, 93 → 14 lots
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 14);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(ServerLotsModel::TypeRole).toString(),
                     QStringLiteral("BULK"));

        f = {};
        f.status = LotStatus::HOLD; // i % 4 == 2: 250 lots, two pages
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.pagesLoaded(), 2);
        const QModelIndex status = model.index(0, ServerLotsModel::StatusColumn);
        QCOMPARE(status.data(ServerLotsModel::StatusRole).toString(), QStringLiteral("HOLD"));
        QCOMPARE(status.data().toString(), ServerLotsModel::statusLabel(LotStatus::HOLD));

        // A date range: the lots created 11.5 to 21.5 seconds before the statement's now().
        f = {};
        const QDateTime p1 = QDateTime::fromString(
            m_server->db().scalar(QStringLiteral(
                "SELECT to_char(created_at AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM lots WHERE lot_code = 'P-00001'")),
            Qt::ISODateWithMs);
        QVERIFY(p1.isValid());
        f.createdFrom = p1.addMSecs(-20500);
        f.createdTo = p1.addMSecs(-10500);
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("P-00012"));

        f = {};
        f.codePrefix = QStringLiteral("NOTHING-");
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 0);
    }

    void offlineShowsTheCache()
    {
        QTemporaryDir dir;
        app::LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache.isOpen());
        QVERIFY(cache.applyLots(
            QJsonArray{QJsonObject{{u"id"_s, u"6c1d3c3e-0000-4000-8000-000000000001"_s},
                                   {u"lot_code"_s, u"C-CACHED-1"_s},
                                   {u"lot_type"_s, u"RAW"_s},
                                   {u"status"_s, u"HOLD"_s},
                                   {u"weight_kg"_s, u"12.5"_s},
                                   {u"created_at"_s, u"2026-01-14T08:00:00.000Z"_s}}}));
        ApiClient down;
        down.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        ServerLotsModel model(&down, &cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy offline(&model, &ServerLotsModel::offlineChanged);
        model.refresh();
        QTRY_COMPARE(offline.count(), 1);
        QVERIFY(model.isOffline());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("C-CACHED-1"));
        QCOMPARE(model.index(0, 0).data(ServerLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
    }

    void lotsPageRendersAndOpensALot()
    {
        ui::LotsPage page(m_api.get(), nullptr);
        QSignalSpy pages(page.model(), &ServerLotsModel::pageLoaded);
        page.resize(1200, 800);
        page.show();
        QTRY_VERIFY(pages.count() >= 1);
        QVERIFY(page.view()->model()->rowCount() >= ServerLotsModel::kDefaultPageSize);
        const QPixmap shot = page.grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), QSize(1200, 800));

        QSignalSpy loaded(page.detailPage()->loader(), &app::LotDetailLoader::loaded);
        page.view()->setFocus();
        page.view()->setCurrentIndex(page.view()->model()->index(0, 0));
        QTest::keyClick(page.view(), Qt::Key_Return);
        QVERIFY(page.isShowingDetail());
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(page.detailPage()->code(), QStringLiteral("P-00001"));
        QVERIFY(!page.grab().isNull());
    }

    // Issue 16: a RAW lot's detail names its supplier and the supplier's lot as printed;
    // a lot without a receipt shows a dash.
    void detailShowsTheReceipt()
    {
        test::Reply r =
            m_http->post(QStringLiteral("/api/v1/suppliers"),
                         {{QStringLiteral("supplier_code"), QStringLiteral("DETAIL-SUP")},
                          {QStringLiteral("name"), QStringLiteral("<b>Détail</b> Kft.")}});
        QVERIFY2(r.status == 201, r.body.constData());
        r = m_http->post(
            QStringLiteral("/api/v1/lots"),
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-DETAIL-1")},
             {QStringLiteral("lot_type"), QStringLiteral("RAW")},
             {QStringLiteral("weight_kg"), QStringLiteral("120.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("2.0")},
             {QStringLiteral("receipt"),
              QJsonObject{{QStringLiteral("supplier_code"), QStringLiteral("DETAIL-SUP")},
                          {QStringLiteral("supplier_lot_code"), QStringLiteral("sl-77a")},
                          {QStringLiteral("received_on"), QStringLiteral("2026-11-30")},
                          {QStringLiteral("units"), 24}}}});
        QVERIFY2(r.status == 201, r.body.constData());
        ui::LotDetailPage page(m_api.get());
        QSignalSpy loaded(page.loader(), &app::LotDetailLoader::loaded);
        page.showLot(QStringLiteral("RAW-DETAIL-1"));
        QTRY_COMPARE(loaded.count(), 1);
        const QString text = page.fieldText(QStringLiteral("receipt"));
        for (const QString &part :
             {QStringLiteral("DETAIL-SUP (<b>Détail</b> Kft.)"), QStringLiteral("sl-77a"),
              QLocale().toString(QDate(2026, 11, 30), QLocale::ShortFormat),
              QStringLiteral("24 trade units")})
            QVERIFY2(text.contains(part), qPrintable(text));
        page.showLot(QStringLiteral("P-00001"));
        QTRY_COMPARE(loaded.count(), 2);
        QCOMPARE(page.fieldText(QStringLiteral("receipt")), QStringLiteral("\u2014"));
    }

    // Finding 6: built before anyone logs in (as the console builds its pages), the page loads
    // the list when it is first shown, with the session of the user who logged in meanwhile;
    // and "Scroll down for more" only while there is more.
    void firstVisitAfterTheLoginLoadsTheList()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        ui::LotsPage page(&api, nullptr);
        QTest::qWait(200); // anything sent without a session would have been answered by now
        api.setToken(m_http->token());
        QSignalSpy pages(page.model(), &ServerLotsModel::pageLoaded);
        page.resize(1200, 800);
        page.show();
        QTRY_VERIFY(pages.count() >= 1);
        QVERIFY2(page.model()->errorString().isEmpty(), qPrintable(page.model()->errorString()));
        QVERIFY(page.model()->rowCount() >= ServerLotsModel::kDefaultPageSize);
        QVERIFY2(page.stateText().contains(QStringLiteral("Scroll down")),
                 qPrintable(page.stateText()));

        // Three lots: all are shown, nothing more to scroll to.
        ServerLotsModel::Filter filter;
        filter.codePrefix = QStringLiteral("P-0000");
        filter.type = LotType::RAW;
        page.model()->setFilter(filter);
        QTRY_VERIFY(!page.model()->isLoading() && page.model()->pagesLoaded() >= 1);
        QTRY_VERIFY2(page.stateText().contains(QStringLiteral("(all)")),
                     qPrintable(page.stateText()));
        QVERIFY(!page.stateText().contains(QStringLiteral("Scroll down")));
        QVERIFY(page.model()->rowCount() > 0 && page.model()->rowCount() < 10);
    }

    // A figure, not an assertion: 100,000 lots, the first page and the next pages as a view
    // scrolling down would fetch them.
    void figureFor100kLots()
    {
        QElapsedTimer seed;
        seed.start();
        m_server->db().exec(
            QStringLiteral("INSERT INTO lots (lot_code, lot_type, weight_kg, created_at) "
                           "SELECT 'BIG-' || lpad(i::text, 6, '0'), 'FG', 1.5, "
                           "       now() + make_interval(secs => i) "
                           "FROM generate_series(1, 100000) AS i"));
        const qint64 seedMs = seed.elapsed();
        ServerLotsModel model(m_api.get(), nullptr);
        QSignalSpy pages(&model, &ServerLotsModel::pageLoaded);
        QElapsedTimer t;
        t.start();
        model.refresh();
        QTRY_COMPARE(pages.count(), 1);
        const qint64 firstMs = t.elapsed();
        for (int i = 0; i < 49; ++i) {
            model.fetchMore({});
            QTRY_COMPARE(pages.count(), i + 2);
        }
        const qint64 fiftyMs = t.elapsed();
        QTableView view;
        view.setModel(&model);
        view.resize(1000, 700);
        view.show();
        t.restart();
        for (int i = 0; i < 100; ++i)
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() * i / 100);
        QCoreApplication::processEvents();
        qInfo("100,000 lots seeded in %lld ms; first page (200 of them) in %lld ms; 50 pages "
              "(10,000 rows) in %lld ms; 100 scroll steps over 10,000 rows in %lld ms",
              seedMs, firstMs, fiftyMs, t.elapsed());
        QVERIFY(model.rowCount() >= 10000);
    }
};

QTEST_MAIN(TestLotsPage)
#include "tst_lotspage.moc"
