// SIGTERM ends flowviz-server cleanly, also in the middle of write load: requests in flight
// are finished and answered, new ones (and /ready, so a load balancer drops the replica) are
// refused with 503 and Retry-After, the DB workers are joined before anything they call is torn
// down, and the exit code is 0. It used to crash now and then (SIGSEGV, exit 139): a DB worker
// raised a metrics counter after main() had destroyed the metrics registry, or was still in its
// thread-exit handlers when the process exited.
//
// What was answered is what the database holds: a lot answered 201 is stored exactly once, a
// lot answered with an error (or whose connection was refused) is not stored. A request whose
// connection closed without an answer may or may not have committed; nothing is asserted
// about it.

#include "tests/backend/robustnessutil.h"
#include "tests/support/httpclient.h"
#include "tests/support/testenv.h"
#include "tests/support/testserver.h"

#include <QHash>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

using namespace flowviz::test;

namespace {

constexpr int kWriters = 32;
constexpr int kNoAnswer = AsyncConnection::kNoAnswer;
constexpr int kRefused = AsyncConnection::kRefused;
constexpr int kPending = -2; // no outcome yet
constexpr int kRounds = 20;

QByteArray lotBody(const QString &code, int writer)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("lot_code"), code},
                                     {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                                     {QStringLiteral("weight_kg"), QStringLiteral("300.25")},
                                     {QStringLiteral("temperature_c"), QStringLiteral("3.5")},
                                     {QStringLiteral("workstation_id"),
                                      QStringLiteral("SHUT%1").arg(writer)}})
        .toJson(QJsonDocument::Compact);
}

// With an Idempotency-Key, or without one (then the server may store it together with other
// registrations waiting at the same time).
QByteArray lotPost(const QByteArray &token, const QString &code, int writer, bool keyed = true)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token},
                                                 {"Content-Type", "application/json"}};
    if (keyed)
        headers.append({"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return rawRequest("POST", "/api/v1/lots", headers, lotBody(code, writer));
}

// Each writer's connection (robustnessutil.h): the status of each answer, or none.
class Connection : public AsyncConnection
{
public:
    using AsyncConnection::AsyncConnection;
    void send(const QByteArray &request, std::function<void(int)> done)
    {
        AsyncConnection::send(
            request, [done = std::move(done)](int status, const QByteArray &) { done(status); });
    }
};

} // namespace

class TestShutdown : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qunsetenv("FLOWVIZ_SHUTDOWN_GRACE");
        qunsetenv("FLOWVIZ_DRAIN_DELAY");
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_shutdown"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient c(m_server->baseUrl());
        QVERIFY(c.login(QStringLiteral("operator"),
                        TestServer::passwordOf(QStringLiteral("operator"))));
        m_token = c.token();
        m_prefix = QStringLiteral("SHUT-%1").arg(
            QUuid::createUuid().toString(QUuid::Id128).left(6).toUpper());
        qInfo("via %s", TestEnv::get().viaPgBouncer ? "PgBouncer" : "PostgreSQL directly");
    }

    void cleanup()
    {
        qunsetenv("FLOWVIZ_SHUTDOWN_GRACE");
        qunsetenv("FLOWVIZ_DRAIN_DELAY");
        m_server->db().exec(QStringLiteral("ROLLBACK")); // a lock a failed test left behind
    }

    void cleanupTestCase() { m_server.reset(); }

    // A request that is still running when SIGTERM arrives is finished and answered; while it
    // runs, /ready and new requests are refused with 503.
    void inFlightRequestIsAnsweredNewOnesRefused()
    {
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        TestDb &db = m_server->db();
        const QString held = m_prefix + QStringLiteral("-HELD");
        const QString refused = m_prefix + QStringLiteral("-REFUSED");

        // The registration waits for this lock inside the server: in flight, deterministically.
        db.exec(QStringLiteral("BEGIN"));
        db.exec(QStringLiteral("LOCK TABLE lots IN EXCLUSIVE MODE"));
        Connection connection(m_server->port());
        int heldStatus = kPending;
        connection.send(lotPost(m_token, held, 0), [&](int status) { heldStatus = status; });
        QTRY_COMPARE_WITH_TIMEOUT(waitingForLocks(), 1, 15000);

        m_server->terminate();
        HttpClient client(m_server->baseUrl());
        client.setToken(m_token);
        // The signal is handled by the server's event loop, a moment after it was sent.
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/ready")).status, 503, 15000);
        const Reply ready = client.get(QStringLiteral("/ready"));
        QCOMPARE(ready.status, 503);
        QVERIFY(!ready.header("retry-after").isEmpty());
        QCOMPARE(ready.header("content-type"), QByteArray("application/problem+json"));
        const Reply post = client.send(
            "POST", QStringLiteral("/api/v1/lots"), lotBody(refused, 1),
            {{"Content-Type", "application/json"}, {"Idempotency-Key", "shutdown-refused"}});
        QCOMPARE(post.status, 503);
        QVERIFY(!post.header("retry-after").isEmpty());
        QCOMPARE(post.header("connection").toLower(), QByteArray("close"));
        QVERIFY(m_server->isRunning());
        QCOMPARE(heldStatus, kPending);

        db.exec(QStringLiteral("COMMIT"));
        QTRY_COMPARE_WITH_TIMEOUT(heldStatus, 201, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->isRunning(), 15000);
        QVERIFY2(m_server->exitCode() == 0, qPrintable(m_server->serverOutput()));
        QCOMPARE(countLots(held), 1);
        QCOMPARE(countLots(refused), 0);
    }

    // With a drain delay, SIGTERM first takes the server out of a load balancer's pool: /ready
    // answers 503 while every other request is still served; then it drains and exits 0.
    void drainDelayServesWhileReadyRefuses()
    {
        qputenv("FLOWVIZ_DRAIN_DELAY", "3");
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        const QString served = m_prefix + QStringLiteral("-LEAVING");
        HttpClient client(m_server->baseUrl());
        client.setToken(m_token);
        QCOMPARE(client.get(QStringLiteral("/ready")).status, 200);

        m_server->terminate();
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/ready")).status, 503, 15000);
        const Reply post = client.send(
            "POST", QStringLiteral("/api/v1/lots"), lotBody(served, 1),
            {{"Content-Type", "application/json"}, {"Idempotency-Key", "shutdown-leaving"}});
        QVERIFY2(post.status == 201, post.body.constData());
        QVERIFY(m_server->isRunning());

        QTRY_VERIFY_WITH_TIMEOUT(!m_server->isRunning(), 20000);
        QVERIFY2(m_server->exitCode() == 0, qPrintable(m_server->serverOutput()));
        QCOMPARE(countLots(served), 1);
        QVERIFY(m_server->serverOutput().contains(QStringLiteral("load balancers stop sending")));
    }

    // The grace period bounds the wait: a request still running when it ends is cancelled and
    // not answered, and the server exits 0 all the same.
    void gracePeriodBoundsTheWait()
    {
        qputenv("FLOWVIZ_SHUTDOWN_GRACE", "1");
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        TestDb &db = m_server->db();
        const QString stuck = m_prefix + QStringLiteral("-STUCK");

        db.exec(QStringLiteral("BEGIN"));
        db.exec(QStringLiteral("LOCK TABLE lots IN EXCLUSIVE MODE"));
        Connection connection(m_server->port());
        int stuckStatus = kPending;
        connection.send(lotPost(m_token, stuck, 0), [&](int status) { stuckStatus = status; });
        QTRY_COMPARE_WITH_TIMEOUT(waitingForLocks(), 1, 15000);

        m_server->terminate();
        // Still holding the lock (the statement would wait 20 s for it): the server gives up
        // on the request after its grace period and cancels the statement.
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->isRunning(), 15000);
        QVERIFY2(m_server->exitCode() == 0, qPrintable(m_server->serverOutput()));
        QTRY_COMPARE_WITH_TIMEOUT(stuckStatus, kNoAnswer, 5000);
        QCOMPARE(waitingForLocks(), 0);
        db.exec(QStringLiteral("COMMIT"));
        QCOMPARE(countLots(stuck), 0);
        QVERIFY(m_server->serverOutput().contains(QStringLiteral("grace period")));
    }

    // Registrations waiting to be stored together when the grace period ends are answered 503
    // at once: none of them starts a statement that would wait for a lock the shutdown gave up
    // on (20 s each, one after the other).
    void graceEndsRegistrationsWaitingTogether()
    {
        qputenv("FLOWVIZ_SHUTDOWN_GRACE", "1");
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        TestDb &db = m_server->db();
        db.exec(QStringLiteral("BEGIN"));
        db.exec(QStringLiteral("LOCK TABLE lots IN EXCLUSIVE MODE"));
        constexpr int kStuck = 6;
        std::vector<std::unique_ptr<Connection>> connections;
        QList<int> statuses(kStuck, kPending);
        for (int i = 0; i < kStuck; ++i) {
            connections.push_back(std::make_unique<Connection>(m_server->port()));
            connections.back()->send(
                lotPost(m_token, m_prefix + QStringLiteral("-WAITING-%1").arg(i), i, false),
                [&statuses, i](int status) { statuses[i] = status; });
        }
        // The registrations wait for the lock, in one or two transactions; those that came
        // later wait for them.
        QTRY_VERIFY_WITH_TIMEOUT(waitingForLocks() >= 1 || !statuses.contains(kPending), 15000);
        QTest::qWait(200);
        QVERIFY2(waitingForLocks() >= 1,
                 qPrintable(QStringLiteral("waiting %1, answers %2; the server's log ends:\n%3")
                                .arg(waitingForLocks())
                                .arg(describeStatuses(statuses))
                                .arg(m_server->serverOutput().right(3000))));

        m_server->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->isRunning(), 15000);
        QVERIFY2(m_server->exitCode() == 0, qPrintable(m_server->serverOutput()));
        QTRY_VERIFY_WITH_TIMEOUT(!statuses.contains(kPending), 5000);
        for (int status : statuses)
            QVERIFY2(status == kNoAnswer || status == 503, qPrintable(QString::number(status)));
        db.exec(QStringLiteral("COMMIT"));
        QCOMPARE(m_server->db()
                     .scalar(QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE $1"),
                             {m_prefix + QStringLiteral("-WAITING-%")})
                     .toInt(),
                 0);
    }

    // SIGTERM in the middle of 32 connections registering lots, kRounds times over; half of
    // the writers send an Idempotency-Key.
    void sigtermUnderWriteLoad()
    {
        struct Round
        {
            int acknowledged = 0; // 201 answers
            int sigtermAfter = 0; // acknowledgements before SIGTERM is sent
            bool signalled = false;
            int running = 0;   // writers still sending
            QStringList early; // answers other than 201 before SIGTERM was sent
        };
        QHash<QString, int> outcomes; // lot code -> status, kNoAnswer or kRefused
        QHash<int, int> afterSignal;  // status -> count, for answers after SIGTERM was sent

        for (int r = 0; r < kRounds; ++r) {
            QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
            Round round;
            // A different point in the load each round; counted, not timed.
            round.sigtermAfter = kWriters + r * 7;
            round.running = kWriters;
            std::vector<std::unique_ptr<Connection>> connections;
            std::vector<std::function<void()>> next(kWriters);
            for (int w = 0; w < kWriters; ++w) {
                connections.push_back(std::make_unique<Connection>(m_server->port()));
                next[w] = [&, w, n = 0]() mutable {
                    const QString code =
                        QStringLiteral("%1-R%2-W%3-%4").arg(m_prefix).arg(r).arg(w).arg(n++);
                    connections[w]->send(
                        lotPost(m_token, code, w, w % 2 == 1), [&, w, code](int status) {
                            const bool signalled = round.signalled;
                            outcomes.insert(code, status);
                            if (status == 201)
                                ++round.acknowledged;
                            if (signalled)
                                ++afterSignal[status];
                            else if (status != 201)
                                round.early.append(QStringLiteral("%1: %2").arg(code).arg(status));
                            if (!signalled && round.acknowledged >= round.sigtermAfter) {
                                round.signalled = true;
                                m_server->terminate();
                            }
                            // After the signal a writer goes on until its first refusal or
                            // dropped connection: some requests reach the draining server.
                            if (!signalled || status == 201)
                                next[w]();
                            else
                                --round.running;
                        });
                };
            }
            for (auto &start : next)
                start();
            QTRY_VERIFY_WITH_TIMEOUT(round.running == 0 && !m_server->isRunning(), 60000);
            QVERIFY2(m_server->exitCode() == 0,
                     qPrintable(QStringLiteral("round %1: exit code %2 (-1: ended by a signal, a "
                                               "crash); the server's log ends:\n%3")
                                    .arg(r)
                                    .arg(m_server->exitCode())
                                    .arg(m_server->serverOutput().right(4000))));
            QVERIFY2(round.early.isEmpty(), qPrintable(round.early.mid(0, 5).join(u'\n')));
        }

        QHash<QString, int> stored;
        for (const QStringList &row :
             m_server->db().query(QStringLiteral("SELECT lot_code, count(*) FROM lots WHERE "
                                                 "lot_code LIKE $1 GROUP BY lot_code"),
                                  {m_prefix + QStringLiteral("-R%")}))
            stored.insert(row[0], row[1].toInt());
        int acknowledged = 0, unansweredStored = 0;
        QStringList wrong;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
            const int count = stored.value(it.key());
            if (it.value() == 201) {
                ++acknowledged;
                if (count != 1)
                    wrong.append(QStringLiteral("%1 answered 201, stored %2 times")
                                     .arg(it.key())
                                     .arg(count));
            } else if (it.value() == kNoAnswer) {
                unansweredStored += count;
            } else if (count != 0) {
                wrong.append(QStringLiteral("%1 answered %2 (-1: connection refused), stored")
                                 .arg(it.key())
                                 .arg(it.value()));
            }
        }
        qInfo("%d rounds: %lld lot POSTs, %d answered 201. After SIGTERM: %d answered 201, %d "
              "answered 503, %d refused at connect, %d closed without an answer (%d of these "
              "stored)",
              kRounds, qlonglong(outcomes.size()), acknowledged, afterSignal.value(201),
              afterSignal.value(503), afterSignal.value(kRefused), afterSignal.value(kNoAnswer),
              unansweredStored);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 10).join(u'\n')));
        QCOMPARE(int(stored.size()), acknowledged + unansweredStored);
    }

private:
    static QString describeStatuses(const QList<int> &statuses)
    {
        QStringList out;
        for (int status : statuses)
            out.append(QString::number(status));
        return out.join(u' ');
    }

    // Lock requests of this database's sessions that are waiting.
    int waitingForLocks()
    {
        return m_server->db()
            .scalar(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_database d ON "
                                   "d.oid = l.database WHERE NOT l.granted AND "
                                   "d.datname = current_database()"))
            .toInt();
    }

    int countLots(const QString &code)
    {
        return m_server->db()
            .scalar(QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = $1"), {code})
            .toInt();
    }

    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
    QString m_prefix;
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
