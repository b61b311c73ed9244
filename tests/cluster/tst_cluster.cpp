// The scale-out topology (deploy/cluster/cluster.sh: a 3-member etcd, Patroni with PostgreSQL
// 15 on two nodes in synchronous mode, HAProxy, PgBouncer, three flowviz-server replicas,
// Prometheus) under mixed load from simulated workstations, while pieces of it are killed:
//
// 1. kill -9 one replica: the clients' retries (same Idempotency-Key) lose and duplicate
//    nothing; HAProxy stops routing to it within seconds; "fewer servers ready" is raised.
// 2. a rolling restart of every replica (SIGTERM, graceful drain): no client sees a failure.
// 3. kill -9 the PostgreSQL leader's node (Patroni and PostgreSQL): the synchronous standby is
//    promoted, the service answers again, and every write a client saw acknowledged is there.
// 4. the leader's node frozen (SIGSTOP: cut off, as by a partition) until the other node took
//    over, then thawed: it comes back as a replica of the new leader, nothing acknowledged is
//    lost.
//
// The load: workstations registering lots, recording a QC decision on each and reading its
// trace, and two workstation outboxes sending sync batches. A request is retried with the same
// Idempotency-Key when it got no answer, 502, 503 or 504 (what a console's outbox does), so
// every operation ends acknowledged exactly once. The outage each client saw (the longest time
// without an acknowledged write) is printed as the scenario's RTO; the acknowledged writes
// missing afterwards (the RPO) must be none.

#include "tests/backend/robustnessutil.h"
#include "tests/support/testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <libpq-fe.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace flowviz::test;

// Waits for `condition` (spinning the event loop, so the load goes on); on timeout fails with
// what the runner and Patroni say. QVERIFY2 in Qt 6.4 evaluates its message even when the
// check passes, which would ask the runner and Patroni after every successful wait.
#define CLUSTER_WAIT(condition, timeoutMs)                                                         \
    do {                                                                                           \
        if (!QTest::qWaitFor([&] { return bool(condition); }, timeoutMs))                          \
            QFAIL(qPrintable(QStringLiteral("not within %1 ms: %2\n")                              \
                                 .arg(timeoutMs)                                                   \
                                 .arg(QStringLiteral(#condition)) +                                \
                             diagnostics()));                                                      \
    } while (false)

namespace {

constexpr int kServers = 3;
constexpr int kWriters = 6;        // workstations online: lot, decision, trace, next lot
constexpr int kSyncClients = 2;    // workstations draining their outboxes
constexpr int kBatch = 10;         // operations per sync batch
constexpr int kRetryDelayMs = 100; // between attempts of one operation
constexpr qint64 kGiveUpMs = 120000;

const QString kRunner = QStringLiteral(FLOWVIZ_SOURCE_DIR "/deploy/cluster/cluster.sh");

// Runs the cluster runner while the event loop goes on (the load keeps running meanwhile).
int runner(const QString &dir, const QStringList &args, QString *output = nullptr,
           int timeoutMs = 300000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The replicas: the release build ctest names, or this tree's.
    env.insert(QStringLiteral("FLOWVIZ_SERVER_BIN"),
               qEnvironmentVariable("FLOWVIZ_CLUSTER_SERVER_BIN", TestServer::serverBinary()));
    env.insert(QStringLiteral("FLOWVIZ_CLUSTER_SERVERS"), QString::number(kServers));
    // The load is the point here, not the per-user limits (they are shared by the replicas
    // through the database; tst_ratelimitapi tests them).
    env.insert(QStringLiteral("FLOWVIZ_SERVER_ARGS"), QStringLiteral("--rate-limits off"));
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(QStringLiteral("bash"), QStringList{kRunner, args.value(0), dir} + args.mid(1));
    if (p.waitForStarted(10000))
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        if (output)
            *output = QString::fromUtf8(p.readAll()) + QStringLiteral("\n(timed out)");
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QHash<QString, QString> readEnv(const QString &path)
{
    QHash<QString, QString> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith('#'))
            out.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return out;
}

// A GET answered within 5 s, or an empty QByteArray; spins the event loop meanwhile.
QByteArray httpGet(const QUrl &url, int *status = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// One operation a workstation sends until it is acknowledged.
struct Op
{
    QByteArray request;
    QString kind;          // lot, decision, trace, sync
    QStringList lotCodes;  // the lots a lot or sync operation stores
    QString decisionOn;    // the lot a decision is recorded on
    QElapsedTimer started; // since the first attempt
};

// The simulated workstations: every operation is retried (same request, same key) until it is
// acknowledged; what was acknowledged is kept for the comparison with the database.
class Load : public QObject
{
public:
    Load(quint16 port, const QByteArray &token, const QString &prefix)
        : m_port(port), m_token(token), m_prefix(prefix)
    {
        m_clock.start();
    }

    void start()
    {
        m_stopping = false;
        m_scenarioStart = m_lastWriteMs = m_clock.elapsed();
        m_longestGapMs = 0;
        m_retries.clear();
        m_written = 0;
        for (int w = 0; w < kWriters + kSyncClients; ++w) {
            m_connections.push_back(std::make_unique<AsyncConnection>(m_port));
            ++m_running;
            next(w, w < kWriters ? lotOp(w) : syncOp(w));
        }
    }
    // No new operations; the ones under way go on until acknowledged (or given up).
    void stop() { m_stopping = true; }
    bool idle() const { return m_running == 0; }
    int written() const { return m_written; }
    qint64 longestGapMs() const { return m_longestGapMs; }
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 lastWriteMs() const { return m_lastWriteMs; }
    const QHash<int, int> &retries() const { return m_retries; }
    int retryCount() const
    {
        int n = 0;
        for (int v : m_retries)
            n += v;
        return n;
    }
    const QStringList &errors() const { return m_errors; }
    const QSet<QString> &ackedLots() const { return m_ackedLots; }
    const QSet<QString> &ackedDecisions() const { return m_ackedDecisions; }
    QString retrySummary() const
    {
        QStringList parts;
        for (auto it = m_retries.cbegin(); it != m_retries.cend(); ++it)
            parts << QStringLiteral("%1 x%2")
                         .arg(it.key() == AsyncConnection::kNoAnswer  ? QStringLiteral("no answer")
                              : it.key() == AsyncConnection::kRefused ? QStringLiteral("refused")
                                                                      : QString::number(it.key()))
                         .arg(it.value());
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
    }

private:
    QByteArray request(const QByteArray &method, const QByteArray &path, const QJsonObject &body)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + m_token}};
        if (method == "POST") {
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            headers.append(qMakePair(QByteArray("Idempotency-Key"),
                                     QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
        }
        return rawRequest(method, path, headers,
                          method == "POST" ? QJsonDocument(body).toJson(QJsonDocument::Compact)
                                           : QByteArray());
    }

    QJsonObject lotBody(const QString &code, int w) const
    {
        return {{QStringLiteral("lot_code"), code},
                {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                {QStringLiteral("weight_kg"), QStringLiteral("250.5")},
                {QStringLiteral("temperature_c"), QStringLiteral("3.5")},
                {QStringLiteral("workstation_id"), QStringLiteral("CL-WS%1").arg(w)}};
    }

    Op lotOp(int w)
    {
        const QString code = QStringLiteral("%1-W%2-%3").arg(m_prefix).arg(w).arg(++m_serial);
        return {request("POST", "/api/v1/lots", lotBody(code, w)),
                QStringLiteral("lot"),
                {code},
                {},
                {}};
    }

    Op syncOp(int w)
    {
        QJsonArray operations;
        QStringList codes;
        for (int i = 0; i < kBatch; ++i) {
            const QString code = QStringLiteral("%1-S%2-%3").arg(m_prefix).arg(w).arg(++m_serial);
            codes << code;
            operations.append(QJsonObject{{QStringLiteral("idempotency_key"),
                                           QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                          {QStringLiteral("method"), QStringLiteral("POST")},
                                          {QStringLiteral("path"), QStringLiteral("/api/v1/lots")},
                                          {QStringLiteral("body"), lotBody(code, w)}});
        }
        return {request("POST", "/api/v1/sync", {{QStringLiteral("operations"), operations}}),
                QStringLiteral("sync"),
                codes,
                {},
                {}};
    }

    // What follows an acknowledged operation of workstation w.
    std::optional<Op> after(int w, const Op &done)
    {
        if (m_stopping)
            return std::nullopt;
        if (done.kind == u"lot")
            return Op{request("POST", "/api/v1/qc-decisions",
                              {{QStringLiteral("lot_code"), done.lotCodes.first()},
                               {QStringLiteral("decision"), QStringLiteral("PASS")},
                               {QStringLiteral("gate_number"), 1}}),
                      QStringLiteral("decision"),
                      {},
                      done.lotCodes.first(),
                      {}};
        if (done.kind == u"decision")
            return Op{
                request("GET",
                        "/api/v1/traceability/" + done.decisionOn.toUtf8() + "?direction=backward",
                        {}),
                QStringLiteral("trace"),
                {},
                done.decisionOn,
                {}};
        return w < kWriters ? lotOp(w) : syncOp(w);
    }

    // No answer, the load balancer's or a server's "not now", and a request with this key
    // still running elsewhere (its first attempt, on a replica that died, until PostgreSQL
    // ends that session): what the console's outbox sends again, with the same key.
    static bool retryable(int status, const QByteArray &body)
    {
        return status == AsyncConnection::kNoAnswer || status == AsyncConnection::kRefused ||
               status == 502 || status == 503 || status == 504 ||
               (status == 409 && QJsonDocument::fromJson(body)
                                     .object()
                                     .value(QStringLiteral("type"))
                                     .toString()
                                     .endsWith(QStringLiteral("/idempotency-in-progress")));
    }

    // Whether the answer acknowledges the operation; a sync batch needs every result 201.
    static bool acknowledged(const Op &op, int status, const QByteArray &body, QString *why)
    {
        if (op.kind == u"trace")
            return status == 200;
        if (op.kind != u"sync")
            return status == 201;
        if (status != 200)
            return false;
        const QJsonArray results =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("results")).toArray();
        if (results.size() != op.lotCodes.size()) {
            *why = QStringLiteral("%1 results for %2 operations")
                       .arg(results.size())
                       .arg(op.lotCodes.size());
            return false;
        }
        for (const QJsonValue &r : results) {
            const int s = r.toObject().value(QStringLiteral("status")).toInt();
            if (s != 201) {
                const QByteArray inner =
                    QJsonDocument(r.toObject().value(QStringLiteral("body")).toObject()).toJson();
                *why = QStringLiteral("%1an operation answered %2")
                           .arg(retryable(s, inner) ? QStringLiteral("(again) ") : QString())
                           .arg(s);
                return false;
            }
        }
        return true;
    }

    void next(int w, Op op)
    {
        if (!op.started.isValid())
            op.started.start();
        m_connections[w]->send(op.request, [this, w, op](int status, const QByteArray &body) {
            QString why;
            if (acknowledged(op, status, body, &why)) {
                if (op.kind != u"trace") {
                    const qint64 now = m_clock.elapsed();
                    m_longestGapMs = std::max(m_longestGapMs, now - m_lastWriteMs);
                    m_lastWriteMs = now;
                    ++m_written;
                }
                if (op.kind == u"decision")
                    m_ackedDecisions.insert(op.decisionOn);
                for (const QString &code : op.lotCodes)
                    m_ackedLots.insert(code);
                if (auto following = after(w, op))
                    next(w, *following);
                else
                    --m_running;
                return;
            }
            // A sync batch answered 200 with a retryable status inside is sent again too.
            const bool retry = retryable(status, body) || why.startsWith(u"(again)");
            if (retry && op.started.elapsed() < kGiveUpMs) {
                ++m_retries[status];
                QTimer::singleShot(kRetryDelayMs, this, [this, w, op] { next(w, op); });
                return;
            }
            m_errors << QStringLiteral("%1 %2: %3 %4 %5")
                            .arg(op.kind, op.lotCodes.value(0, op.decisionOn))
                            .arg(status)
                            .arg(why, QString::fromUtf8(body.left(300)));
            --m_running;
        });
    }

    quint16 m_port;
    QByteArray m_token;
    QString m_prefix;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<AsyncConnection>> m_connections;
    int m_running = 0;
    int m_serial = 0;
    int m_written = 0;
    bool m_stopping = false;
    qint64 m_scenarioStart = 0;
    qint64 m_lastWriteMs = 0;
    qint64 m_longestGapMs = 0;
    QHash<int, int> m_retries;
    QStringList m_errors;
    QSet<QString> m_ackedLots;
    QSet<QString> m_ackedDecisions;
};

// Rows of one query on the leader (through HAProxy's PostgreSQL port), as text.
QList<QStringList> leaderQuery(const QString &url, const QString &sql, const QString &param,
                               QString *error)
{
    QList<QStringList> rows;
    PGconn *conn = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(conn));
        PQfinish(conn);
        return rows;
    }
    const QByteArray p = param.toUtf8();
    const char *values[] = {p.constData()};
    PGresult *res =
        PQexecParams(conn, sql.toUtf8().constData(), 1, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        *error = QString::fromUtf8(PQresultErrorMessage(res));
    for (int r = 0; r < PQntuples(res); ++r) {
        QStringList row;
        for (int c = 0; c < PQnfields(res); ++c)
            row << QString::fromUtf8(PQgetvalue(res, r, c));
        rows << row;
    }
    PQclear(res);
    PQfinish(conn);
    return rows;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Under /tmp: as root the daemons run as 'postgres', which must reach the directory.
        // ctest names it (its cleanup test stops the cluster whatever happens here).
        const QString fixed = qEnvironmentVariable("FLOWVIZ_CLUSTER_DIR");
        if (!fixed.isEmpty()) {
            QString out;
            QVERIFY2(runner(fixed, {QStringLiteral("stop")}, &out) == 0, qPrintable(out));
            QDir(fixed).removeRecursively();
            QVERIFY(QDir().mkpath(fixed));
            m_path = fixed;
        } else {
            m_temp = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/flowviz-cluster-XXXXXX"));
            QVERIFY(m_temp->isValid());
            m_path = m_temp->path();
        }
        QFile::setPermissions(m_path, QFile::permissions(m_path) | QFileDevice::ExeOther |
                                          QFileDevice::ReadOther | QFileDevice::ExeGroup |
                                          QFileDevice::ReadGroup);
        QElapsedTimer t;
        t.start();
        QString out;
        const int rc = runner(m_path, {QStringLiteral("start")}, &out);
        QVERIFY2(rc == 0, qPrintable(out));
        qInfo("cluster up in %.1f s", double(t.elapsed()) / 1000.0);
        m_env = readEnv(m_path + QStringLiteral("/cluster.env"));
        QVERIFY(m_env.contains(QStringLiteral("API_URL")));

        // One operator account, added straight to the database as IT would.
        QProcess add;
        add.setProcessChannelMode(QProcess::MergedChannels);
        add.start(TestServer::serverBinary(),
                  {QStringLiteral("--database-url"),
                   m_env.value(QStringLiteral("FLOWVIZ_DATABASE_URL")), QStringLiteral("user"),
                   QStringLiteral("add"), QStringLiteral("cl-operator"), QStringLiteral("--role"),
                   QStringLiteral("OPERATOR")});
        add.write("cl-operator-password-1\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(60000));
        QVERIFY2(add.exitCode() == 0, add.readAll().constData());

        QNetworkAccessManager nam;
        QNetworkRequest login(apiUrl().resolved(QUrl(QStringLiteral("/api/v1/auth/login"))));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply =
            nam.post(login, R"({"username":"cl-operator","password":"cl-operator-password-1"})");
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        m_token = QJsonDocument::fromJson(reply->readAll())
                      .object()
                      .value(QStringLiteral("access_token"))
                      .toString()
                      .toUtf8();
        reply->deleteLater();
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_path.isEmpty())
            return;
        QString out;
        if (runner(m_path, {QStringLiteral("stop")}, &out) != 0)
            qWarning("stopping the cluster: %s", qPrintable(out));
        else if (!m_temp)
            QDir(m_path).removeRecursively();
    }

    // Every replica is scraped with its own instance label, Patroni and etcd too, and the
    // cluster's leader is visible in Prometheus.
    void prometheusSeesEveryMember()
    {
        const QUrl prometheus(m_env.value(QStringLiteral("PROMETHEUS_URL")));
        QVERIFY(prometheus.isValid());
        const auto upCount = [&](const QString &job) {
            QUrl url = prometheus.resolved(QUrl(QStringLiteral("/api/v1/query")));
            url.setQuery(QStringLiteral("query=count(up{job=\"%1\"} == 1)").arg(job));
            const QJsonArray result = QJsonDocument::fromJson(httpGet(url))
                                          .object()
                                          .value(QStringLiteral("data"))
                                          .toObject()
                                          .value(QStringLiteral("result"))
                                          .toArray();
            return result.isEmpty() ? 0
                                    : result.first()
                                          .toObject()
                                          .value(QStringLiteral("value"))
                                          .toArray()
                                          .at(1)
                                          .toString()
                                          .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(upCount(QStringLiteral("flowviz-backend")), kServers, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(upCount(QStringLiteral("patroni")), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(upCount(QStringLiteral("etcd")), 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(upCount(QStringLiteral("haproxy")), 1, 30000);
    }

    // kill -9 one of three replicas under load.
    void replicaKilled()
    {
        Load load(apiUrl().port(), m_token, prefix(QStringLiteral("K")));
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.written() >= 60, 60000);
        QVERIFY2(runner(m_path, {QStringLiteral("kill"), QStringLiteral("server2")}) == 0,
                 "kill server2");
        QElapsedTimer sinceKill;
        sinceKill.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            haproxyState(QStringLiteral("flowviz_api"), QStringLiteral("server2")) == u"DOWN",
            30000);
        const qint64 dropped = sinceKill.elapsed();
        // Raised while the pool is short (pending: its `for` is longer than this test waits).
        QTRY_VERIFY_WITH_TIMEOUT(alertActive(QStringLiteral("FlowvizServersNotReady")), 30000);
        const int before = load.written();
        CLUSTER_WAIT(load.written() >= before + 60, 60000);
        load.stop();
        CLUSTER_WAIT(load.idle(), kGiveUpMs + 30000);
        qInfo("replica killed: out of HAProxy's pool after %lld ms; %d writes acknowledged; "
              "client retries: %s; longest time without an acknowledged write %lld ms",
              dropped, load.written(), qPrintable(load.retrySummary()), load.longestGapMs());
        QVERIFY2(dropped < 10000, "HAProxy kept routing to a dead replica for 10 s");
        verify(load);

        QString out;
        QVERIFY2(runner(m_path, {QStringLiteral("start")}, &out) == 0, qPrintable(out));
        QCOMPARE(haproxyState(QStringLiteral("flowviz_api"), QStringLiteral("server2")),
                 QStringLiteral("UP"));
    }

    // Every replica in turn: SIGTERM, drained, started again; the clients see no failure.
    void rollingRestart()
    {
        Load load(apiUrl().port(), m_token, prefix(QStringLiteral("R")));
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.written() >= 30, 60000);
        QElapsedTimer t;
        t.start();
        for (int i = 1; i <= kServers; ++i) {
            QString out;
            const QString name = QStringLiteral("server%1").arg(i);
            QVERIFY2(runner(m_path, {QStringLiteral("restart"), name}, &out) == 0, qPrintable(out));
            const int before = load.written();
            QTRY_VERIFY_WITH_TIMEOUT(load.written() >= before + 20, 60000);
        }
        const qint64 rolled = t.elapsed();
        load.stop();
        QTRY_VERIFY_WITH_TIMEOUT(load.idle(), kGiveUpMs + 30000);
        qInfo("rolling restart of %d replicas in %lld ms: %d writes acknowledged; client "
              "retries: %s; longest time without an acknowledged write %lld ms",
              kServers, rolled, load.written(), qPrintable(load.retrySummary()),
              load.longestGapMs());
        verify(load);
        QVERIFY2(load.retryCount() == 0,
                 qPrintable(QStringLiteral("clients saw failures during a graceful rolling "
                                           "restart: ") +
                            load.retrySummary()));
    }

    // kill -9 the leader's Patroni and PostgreSQL (the machine dies) under load.
    void leaderKilled()
    {
        // Whole again, whatever an earlier scenario left (a failed one must not cascade).
        QString whole;
        QVERIFY2(runner(m_path, {QStringLiteral("start")}, &whole) == 0, qPrintable(whole));
        const QString leader = currentLeader();
        QVERIFY(!leader.isEmpty());
        Load load(apiUrl().port(), m_token, prefix(QStringLiteral("L")));
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.written() >= 60, 60000);
        QVERIFY(runner(m_path, {QStringLiteral("kill"), leader}) == 0);
        const qint64 killedAt = load.nowMs();
        CLUSTER_WAIT(!currentLeader().isEmpty() && currentLeader() != leader, 90000);
        const qint64 promotedAt = load.nowMs();
        CLUSTER_WAIT(load.lastWriteMs() > promotedAt, 90000);
        // What the clients saw: the longest time without an acknowledged write.
        const qint64 rto = load.longestGapMs();
        const int before = load.written();
        CLUSTER_WAIT(load.written() >= before + 60, 60000);
        load.stop();
        CLUSTER_WAIT(load.idle(), kGiveUpMs + 30000);
        qInfo("leader %s killed: new leader seen after %lld ms; no write acknowledged for %lld "
              "ms (RTO); %d writes acknowledged, none lost (RPO 0); client retries: %s",
              qPrintable(leader), promotedAt - killedAt, rto, load.written(),
              qPrintable(load.retrySummary()));
        verify(load);
        QVERIFY2(rto < 30000, qPrintable(QStringLiteral("the service was back after %1 ms, "
                                                        "not within 30 s")
                                             .arg(rto)));

        // The failed node comes back as the new leader's synchronous standby.
        QString out;
        QElapsedTimer rejoin;
        rejoin.start();
        QVERIFY2(runner(m_path, {QStringLiteral("start")}, &out) == 0, qPrintable(out));
        QCOMPARE(memberRole(leader), QStringLiteral("sync_standby"));
        qInfo("%s back as the synchronous standby after %lld ms", qPrintable(leader),
              rejoin.elapsed());
    }

    // The leader's node cut off (frozen) until the other one took over, then back: it must
    // not stay a leader, and nothing acknowledged is lost.
    void leaderPartitioned()
    {
        // Whole again, whatever an earlier scenario left (a failed one must not cascade).
        QString whole;
        QVERIFY2(runner(m_path, {QStringLiteral("start")}, &whole) == 0, qPrintable(whole));
        const QString leader = currentLeader();
        QVERIFY(!leader.isEmpty());
        Load load(apiUrl().port(), m_token, prefix(QStringLiteral("P")));
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.written() >= 60, 60000);
        QVERIFY(runner(m_path, {QStringLiteral("kill"), leader, QStringLiteral("STOP")}) == 0);
        const qint64 cutAt = load.nowMs();
        CLUSTER_WAIT(!currentLeader().isEmpty() && currentLeader() != leader, 90000);
        const qint64 promotedAt = load.nowMs();
        qInfo("%s cut off; new leader %s after %lld ms", qPrintable(leader),
              qPrintable(currentLeader()), promotedAt - cutAt);
        CLUSTER_WAIT(load.lastWriteMs() > promotedAt, 90000);
        const qint64 rto = load.longestGapMs();
        QVERIFY(runner(m_path, {QStringLiteral("kill"), leader, QStringLiteral("CONT")}) == 0);
        QElapsedTimer back;
        back.start();
        CLUSTER_WAIT(memberRole(leader) == u"sync_standby", 120000);
        const qint64 demoted = back.elapsed();
        const int before = load.written();
        CLUSTER_WAIT(load.written() >= before + 60, 60000);
        load.stop();
        CLUSTER_WAIT(load.idle(), kGiveUpMs + 30000);
        qInfo("leader %s cut off: new leader seen after %lld ms; no write acknowledged for %lld "
              "ms (RTO); back, it was a synchronous standby after %lld ms; %d writes "
              "acknowledged, none lost; client retries: %s",
              qPrintable(leader), promotedAt - cutAt, rto, demoted, load.written(),
              qPrintable(load.retrySummary()));
        verify(load);
        QCOMPARE(haproxyState(QStringLiteral("postgres_leader"), leader), QStringLiteral("DOWN"));
    }

    // The cluster dashboard's every query, evaluated by the cluster's Prometheus after the
    // scenarios above, answers with data (leader, lag, failovers, replicas, etcd).
    void dashboardQueriesAnswer()
    {
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(
            QStringLiteral("bash"),
            {QStringLiteral(FLOWVIZ_SOURCE_DIR "/deploy/grafana/check-dashboards.sh"),
             QStringLiteral("--require-data"), m_env.value(QStringLiteral("PROMETHEUS_URL")),
             QStringLiteral(FLOWVIZ_SOURCE_DIR "/deploy/cluster/grafana/flowviz-cluster.json")});
        QVERIFY(check.waitForFinished(120000));
        const QByteArray out = check.readAll();
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
                 out.constData());
    }

private:
    // What the runner and Patroni say, and the end of each node's log: for failure messages.
    QString diagnostics() const
    {
        QString status;
        runner(m_path, {QStringLiteral("status")}, &status, 30000);
        for (const QString &node : {QStringLiteral("pg1"), QStringLiteral("pg2")}) {
            status += QStringLiteral("%1 role: %2\n").arg(node, memberRole(node));
            QFile log(m_path + QStringLiteral("/log/%1.log").arg(node));
            if (log.open(QIODevice::ReadOnly)) {
                const QList<QByteArray> lines = log.readAll().split('\n');
                status += QStringLiteral("--- log/%1.log\n").arg(node) +
                          QString::fromUtf8(
                              lines.mid(std::max<qsizetype>(0, lines.size() - 15)).join('\n'));
            }
        }
        return status;
    }

    QUrl apiUrl() const { return QUrl(m_env.value(QStringLiteral("API_URL"))); }

    QString prefix(const QString &scenario) const
    {
        return QStringLiteral("CL%1-%2").arg(scenario, m_run);
    }

    QString currentLeader() const
    {
        QString out;
        return runner(m_path, {QStringLiteral("leader")}, &out, 20000) == 0 ? out.trimmed()
                                                                            : QString();
    }

    // The member's role as Patroni lists it (leader, sync_standby, replica), or empty.
    QString memberRole(const QString &name) const
    {
        for (const QString &base : m_env.value(QStringLiteral("PATRONI_URLS")).split(u',')) {
            const QJsonArray members =
                QJsonDocument::fromJson(httpGet(QUrl(base + QStringLiteral("/cluster"))))
                    .object()
                    .value(QStringLiteral("members"))
                    .toArray();
            for (const QJsonValue &m : members) {
                if (m.toObject().value(QStringLiteral("name")).toString() == name &&
                    m.toObject().value(QStringLiteral("state")).toString() ==
                        QStringLiteral("running"))
                    return m.toObject().value(QStringLiteral("role")).toString();
            }
        }
        return {};
    }

    // UP, DOWN, ... of a server in HAProxy's stats.
    QString haproxyState(const QString &proxy, const QString &server) const
    {
        const QByteArray csv = httpGet(
            QUrl(m_env.value(QStringLiteral("HAPROXY_STATS_URL")) + QStringLiteral(";csv")));
        for (const QByteArray &line : csv.split('\n')) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() > 17 && f[0] == proxy.toUtf8() && f[1] == server.toUtf8())
                return QString::fromUtf8(f[17]).section(u' ', 0, 0);
        }
        return {};
    }

    bool alertActive(const QString &name) const
    {
        const QJsonArray alerts =
            QJsonDocument::fromJson(httpGet(QUrl(m_env.value(QStringLiteral("PROMETHEUS_URL")) +
                                                 QStringLiteral("/api/v1/alerts"))))
                .object()
                .value(QStringLiteral("data"))
                .toObject()
                .value(QStringLiteral("alerts"))
                .toArray();
        for (const QJsonValue &a : alerts) {
            if (a.toObject()
                    .value(QStringLiteral("labels"))
                    .toObject()
                    .value(QStringLiteral("alertname")) == name)
                return true;
        }
        return false;
    }

    // Every acknowledged write is stored exactly once, and nothing else of the scenario is.
    void verify(const Load &load)
    {
        QVERIFY2(load.errors().isEmpty(), qPrintable(load.errors().mid(0, 10).join(u'\n')));
        const QString url = m_env.value(QStringLiteral("FLOWVIZ_LEADER_DATABASE_URL"));
        const QString like = load.ackedLots().isEmpty()
                                 ? QString()
                                 : load.ackedLots().begin()->section(u'-', 0, 1) + u'%';
        QString error;
        QHash<QString, int> lots;
        for (const QStringList &row :
             leaderQuery(url,
                         QStringLiteral("SELECT lot_code, count(*) FROM lots WHERE lot_code LIKE "
                                        "$1 GROUP BY lot_code"),
                         like, &error))
            lots.insert(row[0], row[1].toInt());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<QString, int> decisions;
        for (const QStringList &row :
             leaderQuery(url,
                         QStringLiteral("SELECT l.lot_code, count(*) FROM qc_decisions d JOIN "
                                        "lots l ON l.id = d.lot_id WHERE l.lot_code LIKE $1 "
                                        "GROUP BY l.lot_code"),
                         like, &error))
            decisions.insert(row[0], row[1].toInt());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList wrong;
        for (const QString &code : load.ackedLots()) {
            if (lots.value(code) != 1)
                wrong << QStringLiteral("lot %1 acknowledged, stored %2 times")
                             .arg(code)
                             .arg(lots.value(code));
        }
        for (auto it = lots.cbegin(); it != lots.cend(); ++it) {
            if (!load.ackedLots().contains(it.key()))
                wrong << QStringLiteral("lot %1 stored, never acknowledged").arg(it.key());
        }
        for (const QString &code : load.ackedDecisions()) {
            if (decisions.value(code) != 1)
                wrong << QStringLiteral("decision on %1 acknowledged, stored %2 times")
                             .arg(code)
                             .arg(decisions.value(code));
        }
        for (auto it = decisions.cbegin(); it != decisions.cend(); ++it) {
            if (!load.ackedDecisions().contains(it.key()))
                wrong << QStringLiteral("decision on %1 stored, never acknowledged").arg(it.key());
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 10).join(u'\n')));
        QVERIFY(!load.ackedLots().isEmpty());
    }

    std::unique_ptr<QTemporaryDir> m_temp; // when ctest named no directory
    QString m_path;
    QHash<QString, QString> m_env;
    QByteArray m_token;
    const QString m_run = QUuid::createUuid().toString(QUuid::Id128).left(6).toUpper();
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
