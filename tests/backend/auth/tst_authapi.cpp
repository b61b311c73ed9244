// Login, tokens and the account rules around them, against a real flowviz-server.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QTest>

using namespace flowviz::test;

class TestAuthApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_authapi"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void loginReturnsBearerTokenAndUser()
    {
        HttpClient c(m_server->baseUrl());
        const Reply r = c.post(
            QStringLiteral("/api/v1/auth/login"),
            {{QStringLiteral("username"), QStringLiteral("operator")},
             {QStringLiteral("password"), TestServer::passwordOf(QStringLiteral("operator"))}});
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 12 * 3600);
        QVERIFY(!o.value(QStringLiteral("access_token")).toString().isEmpty());
        const QJsonObject user = o.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("operator"));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("OPERATOR"));
        QCOMPARE(user.value(QStringLiteral("full_name")).toString(),
                 QStringLiteral("Test operator"));
    }

    void wrongPasswordIs401Problem()
    {
        HttpClient c(m_server->baseUrl());
        const Reply r = c.post(QStringLiteral("/api/v1/auth/login"),
                               {{QStringLiteral("username"), QStringLiteral("operator")},
                                {QStringLiteral("password"), QStringLiteral("not-the-password")}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM login_audit WHERE NOT succeeded "
                                    "AND reason = 'wrong password'")),
                 QStringLiteral("1"));
    }

    void meNeedsToken()
    {
        HttpClient c(m_server->baseUrl());
        QCOMPARE(c.get(QStringLiteral("/api/v1/auth/me")).status, 401);
        QVERIFY(
            c.login(QStringLiteral("viewer"), TestServer::passwordOf(QStringLiteral("viewer"))));
        const Reply r = c.get(QStringLiteral("/api/v1/auth/me"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("VIEWER"));
    }

    void disabledUserLosesAccessAtOnce()
    {
        HttpClient c(m_server->baseUrl());
        QVERIFY(
            c.login(QStringLiteral("auditor"), TestServer::passwordOf(QStringLiteral("auditor"))));
        QCOMPARE(c.get(QStringLiteral("/api/v1/auth/me")).status, 200);
        QCOMPARE(m_server->runCommand({QStringLiteral("user"), QStringLiteral("disable"),
                                       QStringLiteral("auditor")}),
                 0);
        QCOMPARE(c.get(QStringLiteral("/api/v1/auth/me")).status, 401);
        QVERIFY(
            !c.login(QStringLiteral("auditor"), TestServer::passwordOf(QStringLiteral("auditor"))));
        QCOMPARE(m_server->runCommand(
                     {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("auditor")}),
                 0);
        QVERIFY(
            c.login(QStringLiteral("auditor"), TestServer::passwordOf(QStringLiteral("auditor"))));
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
