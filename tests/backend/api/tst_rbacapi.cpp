// The RBAC matrix (one case per role and endpoint) and the 401 answers for missing, malformed,
// foreign and expired tokens, against a real flowviz-server.

#include "tests/backend/apitestutil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

#include <map>

using namespace flowviz::test;

namespace {

const QStringList kRoles = {QStringLiteral("ADMIN"), QStringLiteral("MANAGER"),
                            QStringLiteral("AUDITOR"), QStringLiteral("OPERATOR"),
                            QStringLiteral("VIEWER")};

struct Endpoint
{
    const char *name;
    QByteArray method;
    const char *allowedRoles; // "" for every role
    int successStatus;
    // A query whose answer changes when the call had an effect (nullptr for reads).
    const char *stateSql;

    QString required() const { return QString::fromLatin1(allowedRoles); }
    bool allows(const QString &role) const
    {
        return required().isEmpty() || required().split(QStringLiteral(", ")).contains(role);
    }
    QString state(TestServer &server) const
    {
        return stateSql ? server.db().scalar(QString::fromLatin1(stateSql)) : QString();
    }
};

const QList<Endpoint> &endpoints()
{
    static const QList<Endpoint> list = {
        {"POST lots", "POST", "ADMIN, MANAGER, OPERATOR", 201, "SELECT count(*) FROM lots"},
        {"POST qc-decisions", "POST", "ADMIN, MANAGER, AUDITOR, OPERATOR", 201,
         "SELECT count(*) FROM qc_decisions"},
        {"POST production-runs", "POST", "ADMIN, MANAGER", 201,
         "SELECT count(*) FROM production_runs"},
        {"POST production-runs/{code}/complete", "POST", "ADMIN, MANAGER", 200,
         "SELECT count(*) FROM production_runs WHERE status = 'COMPLETED'"},
        {"PUT lot-profiles/{type}", "PUT", "ADMIN", 200,
         "SELECT count(*) FROM lot_profiles WHERE updated_by IS NOT NULL"},
        {"GET lots", "GET", "", 200, nullptr},
        {"GET lots/{code}", "GET", "", 200, nullptr},
        {"GET lots/{code}/qc-decisions", "GET", "", 200, nullptr},
        {"GET qc-gates", "GET", "", 200, nullptr},
        {"GET production-runs", "GET", "", 200, nullptr},
        {"GET traceability/{code}", "GET", "", 200, nullptr},
        {"GET lot-profiles", "GET", "", 200, nullptr},
        {"GET auth/me", "GET", "", 200, nullptr},
    };
    return list;
}

const Endpoint *endpoint(const QString &name)
{
    for (const Endpoint &e : endpoints()) {
        if (name == QLatin1String(e.name))
            return &e;
    }
    return nullptr;
}

// The call a role makes for one endpoint; mutations get their own codes per role.
HttpClient::Call callFor(const QString &endpointName, const QString &role)
{
    const QString r = role.toUpper();
    const auto json = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    if (endpointName == u"POST lots")
        return {"POST",
                QStringLiteral("/api/v1/lots"),
                json(lotBody(QStringLiteral("RBAC-LOT-") + r, QStringLiteral("RAW"),
                             QStringLiteral("250"))),
                {}};
    if (endpointName == u"POST qc-decisions")
        return {"POST",
                QStringLiteral("/api/v1/qc-decisions"),
                json(decisionBody(QStringLiteral("RBAC-BASE"), QStringLiteral("PASS"))),
                {}};
    if (endpointName == u"POST production-runs")
        return {"POST",
                QStringLiteral("/api/v1/production-runs"),
                json({{QStringLiteral("run_code"), QStringLiteral("RBAC-RUN-") + r}}),
                {}};
    if (endpointName == u"POST production-runs/{code}/complete")
        return {
            "POST", QStringLiteral("/api/v1/production-runs/RBAC-DONE-%1/complete").arg(r), {}, {}};
    if (endpointName == u"PUT lot-profiles/{type}")
        return {"PUT",
                QStringLiteral("/api/v1/lot-profiles/RAW"),
                json({{QStringLiteral("temp_min_c"), 2},
                      {QStringLiteral("temp_max_c"), 6},
                      {QStringLiteral("temp_margin_c"), 2},
                      {QStringLiteral("weight_min_kg"), 200},
                      {QStringLiteral("weight_max_kg"), 500},
                      {QStringLiteral("weight_margin_kg"), 50}}),
                {}};
    if (endpointName == u"GET lots")
        return {"GET", QStringLiteral("/api/v1/lots"), {}, {}};
    if (endpointName == u"GET lots/{code}")
        return {"GET", QStringLiteral("/api/v1/lots/RBAC-BASE"), {}, {}};
    if (endpointName == u"GET lots/{code}/qc-decisions")
        return {"GET", QStringLiteral("/api/v1/lots/RBAC-BASE/qc-decisions"), {}, {}};
    if (endpointName == u"GET qc-gates")
        return {"GET", QStringLiteral("/api/v1/qc-gates"), {}, {}};
    if (endpointName == u"GET production-runs")
        return {"GET", QStringLiteral("/api/v1/production-runs"), {}, {}};
    if (endpointName == u"GET traceability/{code}")
        return {"GET", QStringLiteral("/api/v1/traceability/RBAC-BASE"), {}, {}};
    if (endpointName == u"GET lot-profiles")
        return {"GET", QStringLiteral("/api/v1/lot-profiles"), {}, {}};
    return {"GET", QStringLiteral("/api/v1/auth/me"), {}, {}};
}

} // namespace

class TestRbacApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_rbacapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        for (const QString &role : kRoles) {
            auto c = clientFor(*m_server, role.toLower());
            QVERIFY(c);
            m_clients[role] = std::move(c);
        }
        HttpClient &admin = *m_clients.at(QStringLiteral("ADMIN"));
        FV_VERIFY_STATUS(admin.post(QStringLiteral("/api/v1/lots"),
                                    lotBody(QStringLiteral("RBAC-BASE"), QStringLiteral("RAW"),
                                            QStringLiteral("300"))),
                         201);
        for (const QString &role : kRoles) {
            FV_VERIFY_STATUS(
                admin.post(QStringLiteral("/api/v1/production-runs"),
                           {{QStringLiteral("run_code"), QStringLiteral("RBAC-DONE-") + role}}),
                201);
        }
    }
    void cleanupTestCase()
    {
        m_clients.clear();
        m_server.reset();
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        for (const Endpoint &e : endpoints()) {
            for (const QString &role : kRoles) {
                const bool allowed = e.allows(role);
                QTest::addRow("%s as %s", e.name, qPrintable(role))
                    << QString::fromLatin1(e.name) << role << allowed;
            }
        }
    }
    void roleMatrix()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        const Endpoint *e = ::endpoint(endpoint);
        QVERIFY(e);
        HttpClient &client = *m_clients.at(role);
        const HttpClient::Call call = callFor(endpoint, role);
        const QString before = e->state(*m_server);
        const Reply r = client.send(call.method, call.path, call.body);
        const QString after = e->state(*m_server);
        if (allowed) {
            FV_VERIFY_STATUS(r, e->successStatus);
            if (e->stateSql)
                QVERIFY2(before != after, "an allowed mutation left no trace in the database");
            return;
        }
        FV_VERIFY_PROBLEM(r, 403);
        const QString required = e->required();
        QCOMPARE(QString::fromLatin1(r.header("x-required-roles")), required);
        QVERIFY2(r.problemDetail().contains(required), qPrintable(r.problemDetail()));
        QCOMPARE(after, before); // a refused call changes nothing
    }

    void unauthenticated_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("token");
        const QString id = userId(*m_server, QStringLiteral("admin"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray secret = TestServer::kJwtSecret;
        const QByteArray valid =
            signToken(secret, id, QStringLiteral("admin"), QStringLiteral("ADMIN"), now, now + 600);
        // A payload changed after signing: ADMIN's signature on a VIEWER payload.
        const QList<QByteArray> signedParts = valid.split('.');
        const QByteArray otherPayload =
            signToken(secret, id, QStringLiteral("admin"), QStringLiteral("VIEWER"), now, now + 600)
                .split('.')
                .at(1);
        const QByteArray tampered = signedParts[0] + '.' + otherPayload + '.' + signedParts[2];
        const QMap<QString, QByteArray> tokens = {
            {QStringLiteral("none"), QByteArray()},
            {QStringLiteral("malformed"), QByteArray("not-a-jwt")},
            {QStringLiteral("two parts"), valid.left(valid.lastIndexOf('.'))},
            {QStringLiteral("tampered payload"), tampered},
            {QStringLiteral("other secret"),
             signToken("another-secret-0123456789abcdef-xyz", id, QStringLiteral("admin"),
                       QStringLiteral("ADMIN"), now, now + 600)},
            {QStringLiteral("expired"), signToken(secret, id, QStringLiteral("admin"),
                                                  QStringLiteral("ADMIN"), now - 7200, now - 60)},
        };
        for (const char *name : {"GET auth/me", "GET lots", "POST lots", "POST production-runs",
                                 "GET traceability/{code}"}) {
            for (auto it = tokens.begin(); it != tokens.end(); ++it)
                QTest::addRow("%s, %s", name, qPrintable(it.key()))
                    << QString::fromLatin1(name) << QString::fromLatin1(it.value());
        }
    }
    void unauthenticated()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, token);
        HttpClient client(m_server->baseUrl());
        client.setToken(token.toLatin1());
        const HttpClient::Call call = callFor(endpoint, QStringLiteral("ANON"));
        const Reply r = client.send(call.method, call.path, call.body);
        FV_VERIFY_PROBLEM(r, 401);
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'RBAC-LOT-ANON'")),
                 QStringLiteral("0"));
    }

    // The control for the cases above: a token crafted the same way but valid is accepted.
    void craftedValidTokenIsAccepted()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        HttpClient client(m_server->baseUrl());
        client.setToken(
            signToken(TestServer::kJwtSecret, userId(*m_server, QStringLiteral("viewer")),
                      QStringLiteral("viewer"), QStringLiteral("VIEWER"), now, now + 600));
        const Reply r = client.get(QStringLiteral("/api/v1/auth/me"));
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("VIEWER"));
    }

    void expiredTokenSaysSessionExpired()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        HttpClient client(m_server->baseUrl());
        client.setToken(
            signToken(TestServer::kJwtSecret, userId(*m_server, QStringLiteral("admin")),
                      QStringLiteral("admin"), QStringLiteral("ADMIN"), now - 100, now - 1));
        const Reply r = client.get(QStringLiteral("/api/v1/auth/me"));
        FV_VERIFY_PROBLEM(r, 401);
        QVERIFY2(r.problemDetail().contains(QStringLiteral("expired")),
                 qPrintable(r.problemDetail()));
    }

    // A token whose role claim no longer matches the account is refused, so an old token cannot
    // keep rights that were taken away.
    void staleRoleClaimIsRefused()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        HttpClient client(m_server->baseUrl());
        client.setToken(
            signToken(TestServer::kJwtSecret, userId(*m_server, QStringLiteral("viewer")),
                      QStringLiteral("viewer"), QStringLiteral("ADMIN"), now, now + 600));
        const Reply r = client.post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("RBAC-STALE"), QStringLiteral("RAW"), QStringLiteral("250")));
        FV_VERIFY_PROBLEM(r, 401);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'RBAC-STALE'")),
                 QStringLiteral("0"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::map<QString, std::unique_ptr<HttpClient>> m_clients;
};

QTEST_GUILESS_MAIN(TestRbacApi)
#include "tst_rbacapi.moc"
