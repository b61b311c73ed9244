#include "app/models/serverlotsmodel.h"

#include "app/api/apiclient.h"
#include "app/cache/localcache.h"
#include "app/core/domainlabels.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using flowviz::app::ApiClient;
using flowviz::app::ApiError;
using flowviz::app::ApiResult;
using flowviz::app::DomainLabels;
using flowviz::app::LocalCache;
using flowviz::app::ServerLotsModel;
using flowviz::test::HttpClient;
using flowviz::test::Reply;
using flowviz::test::TestServer;

namespace {

QString describe(const Reply &r)
{
    return QStringLiteral("HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

QStringList codes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(ServerLotsModel::CodeRole).toString();
    return out;
}

QString slm(int i)
{
    return QStringLiteral("SLM-%1").arg(i, 3, 10, QChar(u'0'));
}

// SLM-001 … SLM-023 are created one minute apart from this time on.
const QDateTime kSeedBase(QDate(2025, 12, 1), QTime(10, 0), Qt::UTC);

ApiError errorOf(ApiError::Kind kind)
{
    ApiError e;
    e.kind = kind;
    return e;
}

} // namespace

// ServerLotsModel against a real flowviz-server: keyset pages, the filter sent to the server,
// the roles the lot list uses, the cache when the server cannot be reached, and errors.
class TestServerLotsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("app_serverlotsmodel"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_http->login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        Reply r = m_http->post(QStringLiteral("/api/v1/production-runs"),
                               {{QStringLiteral("run_code"), QStringLiteral("RUN-SLM-1")},
                                {QStringLiteral("daily_target_kg"), 900}});
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        // Three lots registered through the API, in the run.
        for (int i = 1; i <= 3; ++i) {
            r = m_http->post(QStringLiteral("/api/v1/lots"),
                             {{QStringLiteral("lot_code"), QStringLiteral("RAW-SLMAPI-%1").arg(i)},
                              {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                              {QStringLiteral("weight_kg"), 50.5 + i},
                              {QStringLiteral("temperature_c"), 3},
                              {QStringLiteral("run_code"), QStringLiteral("RUN-SLM-1")}});
            QVERIFY2(r.status == 201, qPrintable(describe(r)));
        }
        // 23 older lots with known times: types and statuses in turn, every fifth without a
        // weight, every third in the run.
        m_server->db().exec(QStringLiteral(
            "INSERT INTO lots (lot_code, lot_type, status, weight_kg, production_run_id, "
            "created_at) "
            "SELECT 'SLM-' || lpad(i::text, 3, '0'), "
            "       (ARRAY['RAW','DEB','BULK','MIX','SKW','FRZ','FG'])[1 + i % 7], "
            "       (ARRAY['CREATED','RELEASED','HOLD','QUARANTINE'])[1 + i % 4], "
            "       CASE WHEN i % 5 = 0 THEN NULL ELSE i + 0.25 END, "
            "       CASE WHEN i % 3 = 0 THEN (SELECT id FROM production_runs "
            "                                 WHERE run_code = 'RUN-SLM-1') END, "
            "       timestamptz '2025-12-01 10:00:00+00' + make_interval(mins => i) "
            "FROM generate_series(1, 23) AS i"));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->baseUrl());
        m_api->setTimeout(10000);
        m_api->setToken(m_http->token());
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_server.reset();
    }

    void fetchesKeysetPagesOnDemand()
    {
        // No tester at first: it calls fetchMore() on every change and would load all pages.
        ServerLotsModel model(m_api.get(), nullptr);
        model.setPageSize(10);
        QCOMPARE(model.pageSize(), 10);
        QSignalSpy pages(&model, &ServerLotsModel::pageLoaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy loading(&model, &ServerLotsModel::loadingChanged);
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral("SLM-");
        model.setFilter(f);
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({})); // not while a page is on its way
        QTRY_COMPARE(pages.size(), 1);
        QCOMPARE(pages[0][0].toInt(), 10);
        QCOMPARE(loading.size(), 2); // true, then false
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.pagesLoaded(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), slm(23)); // newest first
        QCOMPARE(model.index(9, 0).data().toString(), slm(14));
        QVERIFY(model.canFetchMore({}));

        model.fetchMore({});
        QTRY_COMPARE(pages.size(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted[1][1].toInt(), 10);
        QCOMPARE(inserted[1][2].toInt(), 19);
        QCOMPARE(model.index(10, 0).data().toString(), slm(13)); // where the last page stopped

        model.fetchMore({});
        QTRY_COMPARE(pages.size(), 3);
        QCOMPARE(pages[2][0].toInt(), 3);
        QCOMPARE(model.rowCount(), 23);
        QCOMPARE(model.index(22, 0).data().toString(), slm(1));
        QCOMPARE(model.pagesLoaded(), 3);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isOffline());
        QCOMPARE(model.errorString(), QString());

        // Refreshed under a tester: a reset, then every page again.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QCOMPARE(resets.size(), 1);
        QTRY_COMPARE(model.rowCount(), 23);
        QTRY_VERIFY(!model.isLoading() && !model.canFetchMore({}));
        QCOMPARE(model.lotAt(22).code, slm(1));
    }

    void columnsAndRolesOfALot()
    {
        ServerLotsModel model(m_api.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral("SLM-00");
        model.setFilter(f);
        QTRY_VERIFY(model.pagesLoaded() >= 1 && !model.isLoading());
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.columnCount(), int(ServerLotsModel::ColumnCount));

        // SLM-006: 6 % 7 = 6 → FG, 6 % 4 = 2 → HOLD, 6.25 kg, in the run (6 % 3 = 0).
        const int row = int(codes(model).indexOf(slm(6)));
        QVERIFY(row >= 0);
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(ServerLotsModel::CodeColumn).toString(), slm(6));
        QCOMPARE(cell(ServerLotsModel::TypeColumn, ServerLotsModel::TypeRole).toString(),
                 QStringLiteral("FG"));
        QCOMPARE(cell(ServerLotsModel::TypeColumn).toString(), DomainLabels::lotType(LotType::FG));
        QCOMPARE(cell(ServerLotsModel::StatusColumn, ServerLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
        QCOMPARE(cell(ServerLotsModel::StatusColumn).toString(),
                 DomainLabels::lotStatus(LotStatus::HOLD));
        QCOMPARE(cell(ServerLotsModel::WeightColumn).toString(), QStringLiteral("6.25"));
        QCOMPARE(cell(ServerLotsModel::WeightColumn, ServerLotsModel::WeightRole).toString(),
                 QStringLiteral("6.25"));
        QCOMPARE(cell(ServerLotsModel::WeightColumn, Qt::TextAlignmentRole)
                     .value<Qt::Alignment>()
                     .testFlag(Qt::AlignRight),
                 true);
        QVERIFY(!cell(ServerLotsModel::CodeColumn, Qt::TextAlignmentRole).isValid());
        QCOMPARE(cell(ServerLotsModel::RunColumn).toString(), QStringLiteral("RUN-SLM-1"));
        QCOMPARE(cell(ServerLotsModel::RunColumn, ServerLotsModel::RunCodeRole).toString(),
                 QStringLiteral("RUN-SLM-1"));
        const QDateTime created = kSeedBase.addSecs(6 * 60);
        QCOMPARE(cell(ServerLotsModel::CreatedColumn, ServerLotsModel::CreatedAtRole).toDateTime(),
                 created);
        QCOMPARE(cell(ServerLotsModel::CreatedColumn).toString(),
                 QLocale().toString(created.toLocalTime(), QLocale::ShortFormat));
        // Every role answers on every column.
        QCOMPARE(model.index(row, ServerLotsModel::WeightColumn)
                     .data(ServerLotsModel::CodeRole)
                     .toString(),
                 slm(6));

        // SLM-005: no weight (an empty cell, not "0"), not in a run; QUARANTINE reads
        // differently from HOLD.
        const int five = int(codes(model).indexOf(slm(5)));
        QCOMPARE(model.index(five, ServerLotsModel::WeightColumn).data().toString(), QString());
        QCOMPARE(model.lotAt(five).weightKg.has_value(), false);
        QCOMPARE(model.index(five, ServerLotsModel::RunColumn).data().toString(), QString());
        const int seven = int(codes(model).indexOf(slm(7)));
        QCOMPARE(model.index(seven, 0).data(ServerLotsModel::StatusRole).toString(),
                 QStringLiteral("QUARANTINE"));
        QVERIFY(model.index(seven, ServerLotsModel::StatusColumn).data() !=
                cell(ServerLotsModel::StatusColumn));

        for (int c = 0; c < ServerLotsModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(),
                     qPrintable(QString::number(c)));
        QCOMPARE(model.roleNames().value(ServerLotsModel::WeightRole), QByteArray("weightKg"));
    }

    void theFilterIsAppliedByTheServer()
    {
        ServerLotsModel model(m_api.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const auto settled = [&model] {
            return model.pagesLoaded() >= 1 && !model.isLoading() && !model.canFetchMore({});
        };

        // A lower-case prefix, as typed.
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral(" slm-01");
        model.setFilter(f);
        QCOMPARE(model.filter(), f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 10);

        // And HOLD: 10, 14, 18.
        f.status = LotStatus::HOLD;
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(codes(model), (QStringList{slm(18), slm(14), slm(10)}));

        // A type: 2, 9, 16, 23 are BULK.
        f = {};
        f.codePrefix = QStringLiteral("SLM-");
        f.type = LotType::BULK;
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(codes(model), (QStringList{slm(23), slm(16), slm(9), slm(2)}));

        // A run, lower case: the three API lots (newest) and every third seeded lot.
        f = {};
        f.runCode = QStringLiteral("run-slm-1");
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(codes(model),
                 (QStringList{QStringLiteral("RAW-SLMAPI-3"), QStringLiteral("RAW-SLMAPI-2"),
                              QStringLiteral("RAW-SLMAPI-1"), slm(21), slm(18), slm(15), slm(12),
                              slm(9), slm(6), slm(3)}));
        QCOMPARE(model.index(0, 0).data(ServerLotsModel::WeightRole).toString(),
                 QStringLiteral("53.5"));

        // [from, to), given in another zone than UTC.
        f = {};
        f.createdFrom = kSeedBase.addSecs(5 * 60).toOffsetFromUtc(3600);
        f.createdTo = kSeedBase.addSecs(8 * 60);
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(codes(model), (QStringList{slm(7), slm(6), slm(5)}));

        // Nothing matches: empty, no error.
        f = {};
        f.codePrefix = QStringLiteral("NOTHING-");
        model.setFilter(f);
        QTRY_VERIFY(settled());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.errorString(), QString());
        QCOMPARE(resets.size(), 6);
    }

    void queryFor()
    {
        QCOMPARE(ServerLotsModel::queryFor({}, 200, {}), QStringLiteral("limit=200"));
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral(" raw-2026 ");
        f.type = LotType::RAW;
        f.status = LotStatus::QUARANTINE;
        f.runCode = QStringLiteral("run+1");
        f.createdFrom = QDateTime(QDate(2026, 1, 14), QTime(8, 30), Qt::OffsetFromUTC, 3600);
        f.createdTo = QDateTime(QDate(2026, 1, 15), QTime(0, 0), Qt::UTC);
        QCOMPARE(ServerLotsModel::queryFor(f, 50, QStringLiteral("abc+/=")),
                 QStringLiteral("limit=50&code_prefix=RAW-2026&type=RAW&status=QUARANTINE"
                                "&run=RUN%2B1&created_from=2026-01-14T07%3A30%3A00.000Z"
                                "&created_to=2026-01-15T00%3A00%3A00.000Z&cursor=abc%2B%2F%3D"));
    }

    void anErrorKeepsTheRowsAndSaysWhatToDo()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        api.setToken(m_http->token());
        ServerLotsModel model(&api, nullptr);
        model.setPageSize(10);
        QSignalSpy pages(&model, &ServerLotsModel::pageLoaded);
        QSignalSpy errors(&model, &ServerLotsModel::errorOccurred);
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral("SLM-");
        model.setFilter(f);
        QTRY_COMPARE(pages.size(), 1);

        // The session ends between two pages: the rows stay, the operator is told to log in.
        api.setToken("expired");
        model.fetchMore({});
        QTRY_COMPARE(errors.size(), 1);
        const QString unauthorized =
            ServerLotsModel::errorMessage(errorOf(ApiError::Kind::Unauthorized));
        QCOMPARE(errors[0][0].toString(), unauthorized);
        QCOMPARE(model.errorString(), unauthorized);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(!model.canFetchMore({})); // no retry loop from a view scrolling down
        QVERIFY(!model.isOffline());
        QVERIFY(!model.isLoading());

        // The network goes between two pages: an error, not the cache mixed into the list.
        api.setToken(m_http->token());
        model.refresh();
        QCOMPARE(model.errorString(), QString());
        QTRY_COMPARE(pages.size(), 2);
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        model.fetchMore({});
        QTRY_COMPARE(errors.size(), 2);
        const QString unreachable = ServerLotsModel::errorMessage(errorOf(ApiError::Kind::Network));
        QCOMPARE(model.errorString(), unreachable);
        QVERIFY(unreachable != unauthorized);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(!model.isOffline());
    }

    void aRefusedFirstPageIsAnEmptyListWithAnError()
    {
        ApiClient anonymous;
        anonymous.setBaseUrl(m_server->baseUrl());
        ServerLotsModel model(&anonymous, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &ServerLotsModel::errorOccurred);
        model.refresh();
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.errorString(),
                 ServerLotsModel::errorMessage(errorOf(ApiError::Kind::Unauthorized)));
        QVERIFY(!model.isOffline());
        QVERIFY(!model.canFetchMore({}));
    }

    void offlineShowsTheFilteredCacheUntilTheServerAnswers()
    {
        LocalCache cache(m_dir.filePath(QStringLiteral("cache.db")));
        QVERIFY(cache.isOpen());
        const auto cached = [](const QString &code, const QString &type, const QString &status,
                               int minute) {
            return QJsonObject{
                {QStringLiteral("id"), QStringLiteral("5f0e8a2c-0000-4000-8000-0000000000%1")
                                           .arg(minute, 2, 10, QChar(u'0'))},
                {QStringLiteral("lot_code"), code},
                {QStringLiteral("lot_type"), type},
                {QStringLiteral("status"), status},
                {QStringLiteral("weight_kg"), 12.5},
                {QStringLiteral("created_at"),
                 kSeedBase.addSecs(60 * minute).toString(Qt::ISODateWithMs)}};
        };
        QVERIFY(cache.applyLots(
            {cached(QStringLiteral("SLM-001"), QStringLiteral("DEB"), QStringLiteral("HOLD"), 1),
             cached(QStringLiteral("SLM-002"), QStringLiteral("BULK"), QStringLiteral("CREATED"),
                    2),
             cached(QStringLiteral("OTHER-1"), QStringLiteral("BULK"), QStringLiteral("HOLD"),
                    3)}));

        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        api.setToken(m_http->token());
        ServerLotsModel model(&api, &cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy offline(&model, &ServerLotsModel::offlineChanged);
        QSignalSpy errors(&model, &ServerLotsModel::errorOccurred);
        ServerLotsModel::Filter f;
        f.codePrefix = QStringLiteral("slm-");
        model.setFilter(f);
        QTRY_COMPARE(offline.size(), 1);
        QVERIFY(model.isOffline());
        QCOMPARE(codes(model), (QStringList{QStringLiteral("SLM-002"), QStringLiteral("SLM-001")}));
        QCOMPARE(model.index(1, 0).data(ServerLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
        QCOMPARE(model.index(1, ServerLotsModel::WeightColumn).data().toString(),
                 QStringLiteral("12.5"));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(errors.size(), 0); // offline is a state, not an error

        // The cache is filtered like the server would: status and type.
        f.codePrefix.clear();
        f.status = LotStatus::HOLD;
        f.type = LotType::BULK;
        model.setFilter(f);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(codes(model), (QStringList{QStringLiteral("OTHER-1")}));

        // Back online: the server's rows replace the cache's.
        api.setBaseUrl(m_server->baseUrl());
        f = {};
        f.codePrefix = QStringLiteral("SLM-00");
        model.setFilter(f);
        QTRY_COMPARE(offline.size(), 2);
        QVERIFY(!model.isOffline());
        QTRY_COMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(0, 0).data().toString(), slm(9));

        // Without a cache, offline is an empty list.
        ApiClient down;
        down.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        ServerLotsModel bare(&down, nullptr);
        QAbstractItemModelTester bareTester(&bare,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy bareOffline(&bare, &ServerLotsModel::offlineChanged);
        bare.refresh();
        QTRY_COMPARE(bareOffline.size(), 1);
        QCOMPARE(bare.rowCount(), 0);
    }

    void anAnswerToAnOldFilterIsDropped()
    {
        ServerLotsModel model(m_api.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &ServerLotsModel::pageLoaded);
        ServerLotsModel::Filter everything;
        model.setFilter(everything);
        ServerLotsModel::Filter bulk;
        bulk.codePrefix = QStringLiteral("SLM-");
        bulk.type = LotType::BULK;
        model.setFilter(bulk); // before the first answer arrives
        QTRY_VERIFY(model.pagesLoaded() >= 1 && !model.isLoading());
        // A request sent after both: once it is answered, so is the first one.
        bool barrier = false;
        m_api->get(QStringLiteral("/api/v1/lots?limit=1"), this,
                   [&barrier](const ApiResult &) { barrier = true; });
        QTRY_VERIFY(barrier);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(codes(model), (QStringList{slm(23), slm(16), slm(9), slm(2)}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ApiClient> m_api;
};

QTEST_GUILESS_MAIN(TestServerLotsModel)
#include "tst_serverlotsmodel.moc"
