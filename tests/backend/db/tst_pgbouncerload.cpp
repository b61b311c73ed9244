// Many concurrent clients writing and reading at once. Run through PgBouncer in transaction
// mode, where PgBouncer's pool (8) is smaller than the server's workers (12), this proves that
// no database work depends on a session outliving its transaction; run direct, it is the same
// load on plain PostgreSQL. Zero errors, and the database holds exactly what was acknowledged.

#include "tests/support/httpclient.h"
#include "tests/support/testenv.h"
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace flowviz::test;

namespace {

enum class Kind
{
    Lot,
    ChildLot,
    Replay,
    Duplicate,
    Decision,
    List,
    Trace,
    Decisions,
    Get
};

struct Op
{
    Kind kind;
    QByteArray method;
    QString path;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int expected;
};

struct Tally
{
    int requests = 0;
    int lots201 = 0;
    int children201 = 0;
    int decisions201 = 0;
    int replays = 0;
    int conflicts409 = 0;
    int reads200 = 0;
    QStringList unexpected;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One client: its own connection pool, one request at a time, in order.
class LoadClient : public QObject
{
public:
    LoadClient(const QUrl &base, const QByteArray &token, QList<Op> ops, Tally &tally,
               std::function<void()> done)
        : m_base(base), m_token(token), m_ops(std::move(ops)), m_tally(tally),
          m_done(std::move(done))
    {
        m_nam.setAutoDeleteReplies(true);
        m_nam.setTransferTimeout(30000);
    }

    void next()
    {
        if (m_index >= m_ops.size()) {
            m_done();
            return;
        }
        const Op &op = m_ops[m_index];
        QNetworkRequest req(QUrl(m_base.toString() + op.path, QUrl::StrictMode));
        req.setRawHeader("Authorization", "Bearer " + m_token);
        if (!op.body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : op.headers)
            req.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, op.method, op.body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            record(m_ops[m_index], reply);
            ++m_index;
            next();
        });
    }

private:
    void record(const Op &op, QNetworkReply *reply)
    {
        ++m_tally.requests;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool replayed = reply->rawHeader("Idempotent-Replayed") == "true";
        if (status != op.expected || (op.kind == Kind::Replay) != replayed) {
            m_tally.unexpected.append(QStringLiteral("%1 %2 -> %3%4 (expected %5) %6")
                                          .arg(QString::fromLatin1(op.method), op.path)
                                          .arg(status)
                                          .arg(replayed ? QStringLiteral(" replayed") : QString())
                                          .arg(op.expected)
                                          .arg(status
                                                   ? QString::fromUtf8(reply->readAll().left(300))
                                                   : reply->errorString()));
            return;
        }
        switch (op.kind) {
        case Kind::Lot:
            ++m_tally.lots201;
            break;
        case Kind::ChildLot:
            ++m_tally.children201;
            break;
        case Kind::Decision:
            ++m_tally.decisions201;
            break;
        case Kind::Replay:
            ++m_tally.replays;
            break;
        case Kind::Duplicate:
            ++m_tally.conflicts409;
            break;
        default:
            ++m_tally.reads200;
            break;
        }
    }

    QUrl m_base;
    QByteArray m_token;
    QList<Op> m_ops;
    Tally &m_tally;
    std::function<void()> m_done;
    QNetworkAccessManager m_nam;
    qsizetype m_index = 0;
};

} // namespace

class TestPgBouncerLoad : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_pgbouncerload"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        for (const char *name : {"operator", "manager", "admin"}) {
            HttpClient c(m_server->baseUrl());
            QVERIFY(c.login(QString::fromLatin1(name),
                            TestServer::passwordOf(QString::fromLatin1(name))));
            m_tokens.append(c.token());
        }
        qInfo("via %s", TestEnv::get().viaPgBouncer ? "PgBouncer (transaction pooling, pool 8; "
                                                      "server pool 12)"
                                                    : "PostgreSQL directly (server pool 12)");
    }
    void cleanupTestCase() { m_server.reset(); }

    void concurrentMixedLoad_data()
    {
        QTest::addColumn<int>("round");
        QTest::newRow("round 1") << 1;
        QTest::newRow("round 2") << 2;
        QTest::newRow("round 3") << 3;
    }

    void concurrentMixedLoad()
    {
        QFETCH(int, round);
        constexpr int kClients = 48;
        constexpr int kIterations = 5;
        const QString prefix =
            QStringLiteral("LOAD%1-%2")
                .arg(round)
                .arg(QUuid::createUuid().toString(QUuid::Id128).left(6).toUpper());

        QList<QList<Op>> plans;
        int expectedLots = 0, expectedChildren = 0, expectedDecisions = 0;
        for (int c = 0; c < kClients; ++c) {
            QList<Op> ops;
            QString previous;
            for (int k = 0; k < kIterations; ++k) {
                const QString code = QStringLiteral("%1-C%2-%3").arg(prefix).arg(c).arg(k);
                const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
                const QByteArray lot =
                    json({{QStringLiteral("lot_code"), code},
                          {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                          {QStringLiteral("weight_kg"), QStringLiteral("300.25")},
                          {QStringLiteral("temperature_c"), QStringLiteral("3.5")},
                          {QStringLiteral("workstation_id"), QStringLiteral("LOAD%1").arg(c)}});
                ops.append({Kind::Lot,
                            "POST",
                            QStringLiteral("/api/v1/lots"),
                            lot,
                            {{"Idempotency-Key", key}},
                            201});
                ++expectedLots;
                ops.append(
                    {Kind::Decision,
                     "POST",
                     QStringLiteral("/api/v1/qc-decisions"),
                     json({{QStringLiteral("lot_code"), code},
                           {QStringLiteral("decision"), QStringLiteral("PASS")},
                           {QStringLiteral("gate_number"), 1},
                           {QStringLiteral("temperature_c"), QStringLiteral("3.5")}}),
                     {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}},
                     201});
                ++expectedDecisions;
                ops.append(
                    {Kind::List, "GET", QStringLiteral("/api/v1/lots?limit=20"), {}, {}, 200});
                ops.append({Kind::Trace,
                            "GET",
                            QStringLiteral("/api/v1/traceability/") + code,
                            {},
                            {},
                            200});
                if (k % 2 == 1) {
                    // A child of the previous (released) lot: parents locked, quantities summed.
                    const QString child = code + QStringLiteral("-MIX");
                    ops.append(
                        {Kind::ChildLot,
                         "POST",
                         QStringLiteral("/api/v1/lots"),
                         json({{QStringLiteral("lot_code"), child},
                               {QStringLiteral("lot_type"), QStringLiteral("MIX")},
                               {QStringLiteral("weight_kg"), QStringLiteral("20.5")},
                               {QStringLiteral("parents"),
                                QJsonArray{QJsonObject{{QStringLiteral("lot_code"), previous},
                                                       {QStringLiteral("quantity_used_kg"),
                                                        QStringLiteral("10.25")}},
                                           QJsonObject{{QStringLiteral("lot_code"), code},
                                                       {QStringLiteral("quantity_used_kg"),
                                                        QStringLiteral("10.25")}}}}}),
                         {},
                         201});
                    ++expectedChildren;
                    ops.append({Kind::Trace,
                                "GET",
                                QStringLiteral("/api/v1/traceability/%1?direction=both&depth=5")
                                    .arg(child),
                                {},
                                {},
                                200});
                }
                if (k == 2) {
                    // A retry of an acknowledged registration is replayed, not done again...
                    ops.append({Kind::Replay,
                                "POST",
                                QStringLiteral("/api/v1/lots"),
                                lot,
                                {{"Idempotency-Key", key}},
                                201});
                    // ...and the same code without the key is the conflict it should be.
                    ops.append(
                        {Kind::Duplicate, "POST", QStringLiteral("/api/v1/lots"), lot, {}, 409});
                }
                ops.append({Kind::Decisions,
                            "GET",
                            QStringLiteral("/api/v1/lots/%1/qc-decisions").arg(code),
                            {},
                            {},
                            200});
                ops.append({Kind::Get, "GET", QStringLiteral("/api/v1/lots/") + code, {}, {}, 200});
                previous = code;
            }
            plans.append(ops);
        }

        Tally tally;
        QEventLoop loop;
        int finished = 0;
        std::vector<std::unique_ptr<LoadClient>> clients;
        for (int c = 0; c < kClients; ++c) {
            clients.push_back(std::make_unique<LoadClient>(
                m_server->baseUrl(), m_tokens[c % m_tokens.size()], plans[c], tally, [&] {
                    if (++finished == kClients)
                        loop.quit();
                }));
        }
        QElapsedTimer timer;
        timer.start();
        for (auto &client : clients)
            client->next();
        QTimer::singleShot(180000, &loop, &QEventLoop::quit);
        loop.exec();
        const qint64 elapsed = timer.elapsed();
        qInfo("round %d: %d clients, %d requests in %lld ms (%.0f requests/s): %d lots, %d child "
              "lots, "
              "%d QC decisions, %d replays, %d intended 409s, %d reads",
              round, kClients, tally.requests, elapsed,
              tally.requests * 1000.0 / std::max<qint64>(1, elapsed), tally.lots201,
              tally.children201, tally.decisions201, tally.replays, tally.conflicts409,
              tally.reads200);
        QCOMPARE(finished, kClients);
        QVERIFY2(tally.unexpected.isEmpty(),
                 qPrintable(QStringLiteral("%1 unexpected answers, first: %2")
                                .arg(tally.unexpected.size())
                                .arg(tally.unexpected.mid(0, 5).join(u'\n'))));

        // Every 201 is one row; nothing acknowledged is missing, nothing is doubled.
        QCOMPARE(tally.lots201, expectedLots);
        QCOMPARE(tally.children201, expectedChildren);
        QCOMPARE(tally.decisions201, expectedDecisions);
        TestDb &db = m_server->db();
        const QString like = prefix + u'%';
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE $1"), {like}),
            QString::number(tally.lots201 + tally.children201));
        QCOMPARE(db.scalar(QStringLiteral(
                               "SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                               "WHERE l.lot_code LIKE $1"),
                           {like}),
                 QString::number(tally.decisions201));
        QCOMPARE(
            db.scalar(
                QStringLiteral(
                    "SELECT count(*) FROM lot_genealogy g JOIN lots l ON l.id = g.child_lot_id "
                    "WHERE l.lot_code LIKE $1"),
                {like}),
            QString::number(2 * tally.children201));
        QCOMPARE(
            db.scalar(QStringLiteral(
                          "SELECT count(*) FROM lots WHERE lot_code LIKE $1 AND lot_type = 'RAW' "
                          "AND status <> 'RELEASED'"),
                      {like}),
            QStringLiteral("0"));
        QVERIFY(m_server->isRunning());
    }

    void noSqlFailuresLogged()
    {
        // Under transaction pooling a session-scoped statement fails in SQL (e.g. "prepared
        // statement does not exist"); the server logs each such failure.
        QFile file(m_server->logPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString log = QString::fromUtf8(file.readAll());
        QVERIFY2(!log.contains(QStringLiteral("failed in SQL")) &&
                     !log.contains(QStringLiteral("connection lost")),
                 qPrintable(log.right(3000)));
    }

private:
    std::unique_ptr<TestServer> m_server;
    QList<QByteArray> m_tokens;
};

QTEST_GUILESS_MAIN(TestPgBouncerLoad)
#include "tst_pgbouncerload.moc"
