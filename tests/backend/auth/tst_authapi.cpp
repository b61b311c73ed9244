// Login, tokens and the account rules around them, against a real flowviz-server.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonArray>
#include <QScopeGuard>
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

    // The account check rides with a sync batch's first round trip; its refusal is the whole
    // batch's, not only the first operation's: nothing a disabled account sends is stored.
    void disabledUserCannotSync()
    {
        HttpClient c(m_server->baseUrl());
        QVERIFY(c.login(QStringLiteral("operator"),
                        TestServer::passwordOf(QStringLiteral("operator"))));
        auto enable = qScopeGuard([this] {
            m_server->runCommand(
                {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("operator")});
        });
        QCOMPARE(m_server->runCommand({QStringLiteral("user"), QStringLiteral("disable"),
                                       QStringLiteral("operator")}),
                 0);
        QJsonArray operations;
        for (int i = 1; i <= 3; ++i)
            operations.append(QJsonObject{
                {QStringLiteral("idempotency_key"), QStringLiteral("disabled-sync-%1").arg(i)},
                {QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("path"), QStringLiteral("/api/v1/lots")},
                {QStringLiteral("body"),
                 QJsonObject{
                     {QStringLiteral("lot_code"), QStringLiteral("DISABLED-SYNC-%1").arg(i)},
                     {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                     {QStringLiteral("weight_kg"), 10}}}});
        const Reply r = c.post(QStringLiteral("/api/v1/sync"),
                               QJsonObject{{QStringLiteral("operations"), operations}});
        QVERIFY2(r.status == 401, r.body.constData());
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM lots WHERE lot_code LIKE 'DISABLED-SYNC-%'")),
                 QStringLiteral("0"));
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
