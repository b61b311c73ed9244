// Rate limits: the seed's defaults, configured limits (429 problem+json with Retry-After), the
// login limit per user name and per client address, and "off".

#include "tests/backend/apitestutil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace flowviz::test;

namespace {

// A login sent from a chosen loopback address (127.0.0.N), so the server sees distinct clients.
// Returns the HTTP status, or 0 when there was no answer.
int loginFrom(const TestServer &server, const QString &sourceAddress, const QString &username,
              const QString &password, QByteArray *retryAfter = nullptr)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(sourceAddress), 0))
        return 0;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket.waitForConnected(5000))
        return 0;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    socket.write(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Connection: close\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + 20000;
    while (QDateTime::currentMSecsSinceEpoch() < deadline) {
        if (socket.waitForReadyRead(200))
            answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end >= 0) {
            qsizetype length = 0;
            for (const QByteArray &line : answer.left(end).split('\n')) {
                const QByteArray l = line.trimmed().toLower();
                if (l.startsWith("content-length:"))
                    length = l.mid(15).trimmed().toLongLong();
                if (l.startsWith("retry-after:") && retryAfter)
                    *retryAfter = l.mid(12).trimmed();
            }
            if (answer.size() >= end + 4 + length)
                break;
        }
        if (socket.state() == QAbstractSocket::UnconnectedState)
            break;
    }
    if (!answer.startsWith("HTTP/1.1 "))
        return 0;
    return answer.mid(9, 3).toInt();
}

QByteArray tokenFor(TestServer &server, const QString &username)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return signToken(TestServer::kJwtSecret, userId(server, username), username, username.toUpper(),
                     now, now + 3600);
}

QList<Reply> burst(HttpClient &client, const QByteArray &method, const QString &path,
                   const QByteArray &body, int n)
{
    QList<HttpClient::Call> calls;
    for (int i = 0; i < n; ++i)
        calls.append({method, path, body, {}});
    return client.sendAll(calls);
}

void verifyRetryAfter(const Reply &r)
{
    bool ok = false;
    const int seconds = r.header("retry-after").toInt(&ok);
    QVERIFY2(ok && seconds >= 1 && seconds <= 60, r.header("retry-after").constData());
}

} // namespace

class TestRateLimitApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_limited = std::make_unique<TestServer>(
            QStringLiteral("tst_ratelimitapi_low"),
            QStringList{QStringLiteral("--rate-limits"),
                        QStringLiteral("login=3,writes=5,lot_reads=5,traceability=2")});
        QVERIFY2(m_limited->start(), qPrintable(m_limited->serverOutput()));
        // Tokens are signed here, not fetched by logging in: logins count against the login limit.
        HttpClient setup(m_limited->baseUrl());
        setup.setToken(tokenFor(*m_limited, QStringLiteral("admin")));
        FV_VERIFY_STATUS(setup.post(QStringLiteral("/api/v1/lots"),
                                    lotBody(QStringLiteral("RL-BASE"), QStringLiteral("RAW"),
                                            QStringLiteral("300"))),
                         201);
    }
    void cleanupTestCase() { m_limited.reset(); }

    // The N+1-th call in a minute is 429 with Retry-After; the N before it are not.
    void configuredLimits_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("limit");
        QTest::newRow("writes: lots") << "operator" << QByteArray("POST") << "/api/v1/lots" << 5;
        QTest::newRow("writes: runs")
            << "manager" << QByteArray("POST") << "/api/v1/production-runs" << 5;
        QTest::newRow("lot reads: list") << "viewer" << QByteArray("GET") << "/api/v1/lots" << 5;
        QTest::newRow("lot reads: one lot")
            << "auditor" << QByteArray("GET") << "/api/v1/lots/RL-BASE" << 5;
        QTest::newRow("traceability")
            << "admin" << QByteArray("GET") << "/api/v1/traceability/RL-BASE" << 2;
    }
    void configuredLimits()
    {
        QFETCH(QString, user);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, limit);
        HttpClient client(m_limited->baseUrl());
        client.setToken(tokenFor(*m_limited, user));
        // Writes carry an invalid body: the limit counts calls, whatever their outcome.
        const QByteArray body =
            method == "POST" ? QByteArray("{\"nonsense\": true}") : QByteArray();
        for (int i = 0; i < limit; ++i) {
            const Reply r = client.send(method, path, body);
            QVERIFY2(r.status != 429 && r.status != 0,
                     qPrintable(QStringLiteral("call %1: ").arg(i + 1) + describe(r)));
        }
        const Reply over = client.send(method, path, body);
        FV_VERIFY_PROBLEM(over, 429);
        verifyRetryAfter(over);
        // Limits are per user: another user is not affected.
        HttpClient other(m_limited->baseUrl());
        other.setToken(tokenFor(*m_limited, QStringLiteral("admin")));
        if (user != u"admin")
            QVERIFY(other.send(method, path, body).status != 429);
        // Calls outside the bucket still work for the limited user.
        FV_VERIFY_STATUS(client.get(QStringLiteral("/api/v1/auth/me")), 200);
        FV_VERIFY_STATUS(client.get(QStringLiteral("/api/v1/qc-gates")), 200);
    }

    void loginLimitPerUserName()
    {
        // Three attempts for "manager", each from another address (so no client reaches its limit).
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.2"), QStringLiteral("manager"),
                           QStringLiteral("wrong-1")),
                 401);
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.3"), QStringLiteral("manager"),
                           QStringLiteral("wrong-2")),
                 401);
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.4"), QStringLiteral("MANAGER"),
                           TestServer::passwordOf(QStringLiteral("manager"))),
                 200);
        QByteArray retry;
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.5"), QStringLiteral("manager"),
                           TestServer::passwordOf(QStringLiteral("manager")), &retry),
                 429);
        QVERIFY(retry.toInt() >= 1);
        // Another user from a fresh address is not affected.
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.6"), QStringLiteral("viewer"),
                           TestServer::passwordOf(QStringLiteral("viewer"))),
                 200);
    }

    void loginLimitPerClient()
    {
        const QString client = QStringLiteral("127.0.0.20");
        QCOMPARE(loginFrom(*m_limited, client, QStringLiteral("nobody-1"), QStringLiteral("x")),
                 401);
        QCOMPARE(loginFrom(*m_limited, client, QStringLiteral("nobody-2"), QStringLiteral("x")),
                 401);
        QCOMPARE(loginFrom(*m_limited, client, QStringLiteral("nobody-3"), QStringLiteral("x")),
                 401);
        // A fourth name from the same client is refused even with a right password...
        QCOMPARE(loginFrom(*m_limited, client, QStringLiteral("auditor"),
                           TestServer::passwordOf(QStringLiteral("auditor"))),
                 429);
        // ...while the same user from another client gets in.
        QCOMPARE(loginFrom(*m_limited, QStringLiteral("127.0.0.21"), QStringLiteral("auditor"),
                           TestServer::passwordOf(QStringLiteral("auditor"))),
                 200);
        // The refused attempt was not even checked: no audit row for it.
        QCOMPARE(m_limited->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM login_audit WHERE client_addr LIKE '%127.0.0.20'")),
                 QStringLiteral("3"));
    }

    void defaultLimits()
    {
        TestServer server(QStringLiteral("tst_ratelimitapi_default"));
        QVERIFY2(server.start(), qPrintable(server.serverOutput()));
        HttpClient client(server.baseUrl());
        client.setToken(tokenFor(server, QStringLiteral("operator")));
        FV_VERIFY_STATUS(client.post(QStringLiteral("/api/v1/lots"),
                                     lotBody(QStringLiteral("RLD-1"), QStringLiteral("RAW"),
                                             QStringLiteral("300"))),
                         201);
        // Seed figures: writes 100, lot reads 200, traceability 50 per minute and user.
        for (const auto &[method, path, limit, used] :
             {std::tuple{"POST", "/api/v1/lots", 100, 1},
              std::tuple{"GET", "/api/v1/lots/RLD-1", 200, 0},
              std::tuple{"GET", "/api/v1/traceability/RLD-1", 50, 0}}) {
            const QByteArray body =
                qstrcmp(method, "POST") == 0 ? QByteArray("{\"nonsense\": true}") : QByteArray();
            const QList<Reply> replies =
                burst(client, method, QString::fromLatin1(path), body, limit - used);
            for (const Reply &r : replies)
                QVERIFY2(r.status != 429 && r.status != 0, qPrintable(describe(r)));
            const Reply over = client.send(method, QString::fromLatin1(path), body);
            FV_VERIFY_PROBLEM(over, 429);
            verifyRetryAfter(over);
        }
        // Login: 10 per minute.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(loginFrom(server, QStringLiteral("127.0.0.%1").arg(30 + i),
                               QStringLiteral("viewer"), QStringLiteral("wrong")),
                     401);
        QCOMPARE(loginFrom(server, QStringLiteral("127.0.0.41"), QStringLiteral("viewer"),
                           TestServer::passwordOf(QStringLiteral("viewer"))),
                 429);
    }

    void offMeansNoLimit()
    {
        TestServer server(QStringLiteral("tst_ratelimitapi_off"), noRateLimits());
        QVERIFY2(server.start(), qPrintable(server.serverOutput()));
        HttpClient client(server.baseUrl());
        client.setToken(tokenFor(server, QStringLiteral("operator")));
        FV_VERIFY_STATUS(client.post(QStringLiteral("/api/v1/lots"),
                                     lotBody(QStringLiteral("RLO-1"), QStringLiteral("RAW"),
                                             QStringLiteral("300"))),
                         201);
        for (const auto &[method, path, n] :
             {std::tuple{"POST", "/api/v1/lots", 150}, std::tuple{"GET", "/api/v1/lots/RLO-1", 300},
              std::tuple{"GET", "/api/v1/traceability/RLO-1", 100}}) {
            const QByteArray body =
                qstrcmp(method, "POST") == 0 ? QByteArray("{\"nonsense\": true}") : QByteArray();
            for (const Reply &r : burst(client, method, QString::fromLatin1(path), body, n))
                QVERIFY2(r.status != 429 && r.status != 0, qPrintable(describe(r)));
        }
        for (int i = 0; i < 15; ++i)
            QCOMPARE(loginFrom(server, QStringLiteral("127.0.0.50"), QStringLiteral("viewer"),
                               QStringLiteral("wrong")),
                     401);
        QCOMPARE(loginFrom(server, QStringLiteral("127.0.0.50"), QStringLiteral("viewer"),
                           TestServer::passwordOf(QStringLiteral("viewer"))),
                 200);
    }

private:
    std::unique_ptr<TestServer> m_limited;
};

QTEST_GUILESS_MAIN(TestRateLimitApi)
#include "tst_ratelimitapi.moc"
