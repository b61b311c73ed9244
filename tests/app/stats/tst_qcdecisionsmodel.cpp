#include "app/stats/qcdecisionsmodel.h"

#include "app/api/apiclient.h"
#include "app/models/serverlotsmodel.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using flowviz::app::ApiClient;
using flowviz::app::ApiError;
using flowviz::app::QcDecisionsModel;
using flowviz::app::ServerLotsModel;
using flowviz::test::HttpClient;
using flowviz::test::Reply;
using flowviz::test::TestServer;

namespace {

// 08:00 to 10:00 in the plant's zone (UTC+1 in November).
const QDateTime kFrom(QDate(2025, 11, 20), QTime(7, 0), Qt::UTC);
const QDateTime kTo(QDate(2025, 11, 20), QTime(9, 0), Qt::UTC);

QStringList codes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(QcDecisionsModel::CodeRole).toString();
    return out;
}

ApiError errorOf(ApiError::Kind kind, const QString &detail = {})
{
    ApiError e;
    e.kind = kind;
    e.detail = detail;
    return e;
}

} // namespace

// QcDecisionsModel against a real flowviz-server: the decisions behind one bar of the QC
// chart, with the columns the drill-down shows, and what the supervisor is told on failure.
class TestQcDecisionsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("app_qcdecisionsmodel"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_http->login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        auto &db = m_server->db();
        const QString operatorId =
            db.scalar(QStringLiteral("SELECT id FROM users WHERE username = 'operator'"));
        QVERIFY(!operatorId.isEmpty());
        const QList<QPair<QString, QString>> lots{
            {QStringLiteral("QCD-RAW-1"), QStringLiteral("RAW")},
            {QStringLiteral("QCD-RAW-2"), QStringLiteral("RAW")},
            {QStringLiteral("QCD-BULK-3"), QStringLiteral("BULK")},
            {QStringLiteral("QCD-BULK-4"), QStringLiteral("BULK")},
            {QStringLiteral("QCD-DEB-5"), QStringLiteral("DEB")}};
        for (const auto &[code, type] : lots)
            db.query(QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, created_at) "
                                    "VALUES ($1, $2, 'RELEASED', '2025-11-20T06:00:00Z')"),
                     {code, type});
        const auto decide = [&](const QString &lot, int gate, const char *decision, const char *at,
                                const char *workstation) {
            db.query(
                QStringLiteral(
                    "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                    "notes, workstation_id, decided_at, recorded_at) "
                    "SELECT l.id, g.id, $3::uuid, $4, 'seeded', NULLIF($5, ''), "
                    "$6::timestamptz, $6::timestamptz + interval '1 minute' "
                    "FROM lots l, qc_gates g WHERE l.lot_code = $1 AND g.gate_number = $2::int"),
                {lot, QString::number(gate), operatorId, QString::fromLatin1(decision),
                 QString::fromLatin1(workstation), QString::fromLatin1(at)});
        };
        decide(QStringLiteral("QCD-RAW-1"), 1, "PASS", "2025-11-20T08:00:00+01:00", "WS01");
        decide(QStringLiteral("QCD-RAW-2"), 1, "HOLD", "2025-11-20T08:30:00+01:00", "WS02");
        decide(QStringLiteral("QCD-BULK-3"), 1, "PASS", "2025-11-20T08:45:00+01:00", "");
        decide(QStringLiteral("QCD-BULK-4"), 1, "PASS", "2025-11-20T09:15:00+01:00", "WS01");
        decide(QStringLiteral("QCD-RAW-2"), 1, "PASS", "2025-11-20T09:40:00+01:00", "WS02");
        decide(QStringLiteral("QCD-DEB-5"), 3, "HOLD", "2025-11-20T09:00:00+01:00", "WS03");
        // Outside [from, to): 10:00 is `to` itself, 07:59 before `from`.
        decide(QStringLiteral("QCD-RAW-1"), 1, "PASS", "2025-11-20T10:00:00+01:00", "WS01");
        decide(QStringLiteral("QCD-DEB-5"), 1, "PASS", "2025-11-20T07:59:00+01:00", "WS01");

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

    void emptyBeforeALoad()
    {
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(QcDecisionsModel::ColumnCount));
        QCOMPARE(model.total(), 0);
        QVERIFY(!model.isLoading());
        for (int c = 0; c < QcDecisionsModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(),
                     qPrintable(QString::number(c)));
    }

    void listsTheDecisionsOfOneBar()
    {
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QcDecisionsModel::loaded);
        QSignalSpy failed(&model, &QcDecisionsModel::failed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.load(kFrom, kTo, 1, QStringLiteral("PASS"));
        QVERIFY(model.isLoading());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!model.isLoading());
        QCOMPARE(resets.size(), 2); // cleared at once, filled on the answer
        // By effective time; the 10:00 and 07:59 passes are outside the range.
        QCOMPARE(codes(model),
                 (QStringList{QStringLiteral("QCD-RAW-1"), QStringLiteral("QCD-BULK-3"),
                              QStringLiteral("QCD-BULK-4"), QStringLiteral("QCD-RAW-2")}));
        QCOMPARE(model.total(), 4);

        const auto cell = [&](int r, int c, int role = Qt::DisplayRole) {
            return model.index(r, c).data(role);
        };
        QCOMPARE(cell(1, QcDecisionsModel::CodeColumn).toString(), QStringLiteral("QCD-BULK-3"));
        QCOMPARE(model.rowAt(1).lotType, QStringLiteral("BULK"));
        QVERIFY(!cell(1, QcDecisionsModel::TypeColumn).toString().isEmpty());
        QCOMPARE(cell(1, QcDecisionsModel::GateColumn).toInt(), 1);
        QCOMPARE(
            cell(1, QcDecisionsModel::DecisionColumn, QcDecisionsModel::DecisionRole).toString(),
            QStringLiteral("PASS"));
        QCOMPARE(cell(1, QcDecisionsModel::DecisionColumn).toString(),
                 QcDecisionsModel::outcomeLabel(QStringLiteral("PASS")));
        // In the plant's time, as the chart's bars are.
        QCOMPARE(cell(1, QcDecisionsModel::DecidedAtColumn).toString(),
                 QStringLiteral("2025-11-20 08:45:00"));
        QCOMPARE(model.rowAt(1).decidedAt, QDateTime(QDate(2025, 11, 20), QTime(7, 45), Qt::UTC));
        QCOMPARE(cell(1, QcDecisionsModel::OperatorColumn).toString(), QStringLiteral("operator"));
        QCOMPARE(cell(1, QcDecisionsModel::WorkstationColumn).toString(), QString()); // null
        QCOMPARE(cell(2, QcDecisionsModel::WorkstationColumn).toString(), QStringLiteral("WS01"));
        // CodeRole answers on every column (a double-click opens the lot).
        QCOMPARE(cell(3, QcDecisionsModel::OperatorColumn, QcDecisionsModel::CodeRole).toString(),
                 QStringLiteral("QCD-RAW-2"));
        QVERIFY(!cell(0, QcDecisionsModel::CodeColumn, Qt::ToolTipRole).isValid());
    }

    void anotherGateAndOutcome()
    {
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QcDecisionsModel::loaded);
        model.load(kFrom, kTo, 3, QStringLiteral("HOLD"));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(codes(model), (QStringList{QStringLiteral("QCD-DEB-5")}));
        QCOMPARE(model.index(0, QcDecisionsModel::GateColumn).data().toInt(), 3);
        QCOMPARE(model.index(0, 0).data(QcDecisionsModel::DecisionRole).toString(),
                 QStringLiteral("HOLD"));
        QVERIFY(model.index(0, QcDecisionsModel::DecisionColumn).data() !=
                QVariant(QcDecisionsModel::outcomeLabel(QStringLiteral("PASS"))));

        // No failures in the range: an empty list, still "loaded".
        model.load(kFrom, kTo, 1, QStringLiteral("FAIL"));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.total(), 0);
    }

    void theLimitKeepsTheTotal()
    {
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QcDecisionsModel::loaded);
        model.load(kFrom, kTo, 1, QStringLiteral("PASS"), 2);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(codes(model),
                 (QStringList{QStringLiteral("QCD-RAW-1"), QStringLiteral("QCD-BULK-3")}));
        QCOMPARE(model.total(), 4); // "2 of 4 shown"
    }

    void aNewerLoadWins()
    {
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QcDecisionsModel::loaded);
        model.load(kFrom, kTo, 1, QStringLiteral("PASS"));
        model.load(kFrom, kTo, 3, QStringLiteral("HOLD")); // the supervisor clicked another bar
        QTRY_COMPARE(loaded.size(), 1);
        // A request sent after both: once it is answered, so is the first one.
        bool barrier = false;
        m_api->get(QStringLiteral("/health"), this,
                   [&barrier](const flowviz::app::ApiResult &) { barrier = true; });
        QTRY_VERIFY(barrier);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(codes(model), (QStringList{QStringLiteral("QCD-DEB-5")}));
    }

    void failuresSayWhatToDo()
    {
        // A gate the plant does not have: the server refuses the query.
        QcDecisionsModel model(m_api.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QcDecisionsModel::loaded);
        QSignalSpy failed(&model, &QcDecisionsModel::failed);
        model.load(kFrom, kTo, 2, QStringLiteral("PASS"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(loaded.size(), 0);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        // The server's own sentence for the same query, as the model passes it on.
        const Reply refused =
            m_http->get(QStringLiteral("/api/v1/stats/qc/decisions?from=2025-11-20T07%3A00%3A00Z"
                                       "&to=2025-11-20T09%3A00%3A00Z&gate=2&outcome=PASS"));
        QCOMPARE(refused.status, 400);
        QVERIFY(!refused.problemDetail().isEmpty());
        QCOMPARE(failed[0][0].toString(),
                 ServerLotsModel::errorMessage(
                     errorOf(ApiError::Kind::Validation, refused.problemDetail())));

        // No session: log in again.
        ApiClient anonymous;
        anonymous.setBaseUrl(m_server->baseUrl());
        QcDecisionsModel noSession(&anonymous);
        QSignalSpy noSessionFailed(&noSession, &QcDecisionsModel::failed);
        noSession.load(kFrom, kTo, 1, QStringLiteral("PASS"));
        QTRY_COMPARE(noSessionFailed.size(), 1);
        const QString unauthorized =
            ServerLotsModel::errorMessage(errorOf(ApiError::Kind::Unauthorized));
        QCOMPARE(noSessionFailed[0][0].toString(), unauthorized);

        // Offline: its own message (the rows cannot be listed now), not the generic one.
        ApiClient down;
        down.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        QcDecisionsModel offline(&down);
        QSignalSpy offlineFailed(&offline, &QcDecisionsModel::failed);
        offline.load(kFrom, kTo, 1, QStringLiteral("PASS"));
        QTRY_COMPARE(offlineFailed.size(), 1);
        const QString message = offlineFailed[0][0].toString();
        QVERIFY(!message.isEmpty());
        QVERIFY(message != ServerLotsModel::errorMessage(errorOf(ApiError::Kind::Network)));
        QVERIFY(message != unauthorized);
        QCOMPARE(offline.rowCount(), 0);

        // Without a client: cleared, nothing pending.
        QcDecisionsModel none(nullptr);
        QSignalSpy noneLoaded(&none, &QcDecisionsModel::loaded);
        none.load(kFrom, kTo, 1, QStringLiteral("PASS"));
        QVERIFY(!none.isLoading());
        QCOMPARE(none.rowCount(), 0);
        QCOMPARE(noneLoaded.size(), 0);
    }

    void outcomeLabels()
    {
        const QSet<QString> labels{QcDecisionsModel::outcomeLabel(QStringLiteral("PASS")),
                                   QcDecisionsModel::outcomeLabel(QStringLiteral("HOLD")),
                                   QcDecisionsModel::outcomeLabel(QStringLiteral("FAIL"))};
        QCOMPARE(labels.size(), 3);
        for (const QString &l : labels)
            QVERIFY(!l.isEmpty());
        // Never colour alone: each label carries more than the bare word's colour.
        QVERIFY(QcDecisionsModel::outcomeLabel(QStringLiteral("HOLD")) != QStringLiteral("HOLD"));
        // Something a newer server might send is shown as it is.
        QCOMPARE(QcDecisionsModel::outcomeLabel(QStringLiteral("RECHECK")),
                 QStringLiteral("RECHECK"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ApiClient> m_api;
};

QTEST_GUILESS_MAIN(TestQcDecisionsModel)
#include "tst_qcdecisionsmodel.moc"
