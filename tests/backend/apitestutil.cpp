#include "tests/backend/apitestutil.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QUuid>

namespace flowviz::test {

QStringList noRateLimits()
{
    return {QStringLiteral("--rate-limits"), QStringLiteral("off")};
}

std::unique_ptr<HttpClient> clientFor(const TestServer &server, const QString &username)
{
    auto c = std::make_unique<HttpClient>(server.baseUrl());
    if (!c->login(username, TestServer::passwordOf(username)))
        return nullptr;
    return c;
}

QJsonValue number(const QString &text)
{
    return QJsonDocument::fromJson("[" + text.toUtf8() + "]").array().at(0);
}

QJsonObject lotBody(const QString &code, const QString &type, const QString &weightKg,
                    const QString &temperatureC, const QJsonArray &parents)
{
    QJsonObject o{{QStringLiteral("lot_code"), code}, {QStringLiteral("lot_type"), type}};
    if (!weightKg.isEmpty())
        o.insert(QStringLiteral("weight_kg"), number(weightKg));
    if (!temperatureC.isEmpty())
        o.insert(QStringLiteral("temperature_c"), number(temperatureC));
    if (!parents.isEmpty())
        o.insert(QStringLiteral("parents"), parents);
    return o;
}

QJsonObject parentRef(const QString &code, const QString &quantityKg)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("quantity_used_kg"), number(quantityKg)}};
}

QJsonObject decisionBody(const QString &lotCode, const QString &decision, int gateNumber,
                         const QString &notes)
{
    QJsonObject o{{QStringLiteral("lot_code"), lotCode},
                  {QStringLiteral("decision"), decision},
                  {QStringLiteral("gate_number"), gateNumber}};
    if (!notes.isEmpty())
        o.insert(QStringLiteral("notes"), notes);
    return o;
}

QString describe(const Reply &r)
{
    return QStringLiteral("HTTP %1 %2%3")
        .arg(r.status)
        .arg(QString::fromUtf8(r.body.left(2000)))
        .arg(r.networkError.isEmpty() ? QString() : QStringLiteral(" (") + r.networkError + u')');
}

QString problemMismatch(const Reply &r, int status)
{
    if (r.status != status)
        return QStringLiteral("expected a %1 problem, got ").arg(status) + describe(r);
    if (r.header("content-type") != "application/problem+json")
        return QStringLiteral("content type is %1, not application/problem+json")
            .arg(QString::fromLatin1(r.header("content-type")));
    const QJsonObject o = r.json();
    if (o.value(QStringLiteral("status")).toInt() != status)
        return QStringLiteral("problem status field is not %1: ").arg(status) + describe(r);
    if (o.value(QStringLiteral("title")).toString().isEmpty() ||
        o.value(QStringLiteral("type")).toString().isEmpty())
        return QStringLiteral("problem lacks type or title: ") + describe(r);
    return {};
}

bool hasFieldError(const Reply &r, const QString &field, const QString &code)
{
    const QJsonArray errors = r.json().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("field")).toString() == field &&
            e.value(QStringLiteral("code")).toString() == code)
            return true;
    }
    return false;
}

QByteArray signToken(const QByteArray &secret, const QString &userId, const QString &username,
                     const QString &role, qint64 issuedAt, qint64 expiresAt)
{
    constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray header =
        QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                  {QStringLiteral("typ"), QStringLiteral("JWT")}})
            .toJson(QJsonDocument::Compact)
            .toBase64(b64);
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("sub"), userId},
                                  {QStringLiteral("name"), username},
                                  {QStringLiteral("role"), role},
                                  {QStringLiteral("iat"), issuedAt},
                                  {QStringLiteral("exp"), expiresAt},
                                  {QStringLiteral("jti"),
                                   QUuid::createUuid().toString(QUuid::WithoutBraces)}})
            .toJson(QJsonDocument::Compact)
            .toBase64(b64);
    const QByteArray input = header + '.' + payload;
    return input + '.' +
           QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256)
               .toBase64(b64);
}

QString userId(TestServer &server, const QString &username)
{
    return server.db().scalar(QStringLiteral("SELECT id::text FROM users WHERE username = $1"),
                              {username});
}

QString trySql(TestServer &server, const QString &sql)
{
    server.db().exec(QStringLiteral(
        "CREATE OR REPLACE FUNCTION pg_temp.fv_try(q text) RETURNS text LANGUAGE plpgsql AS $f$ "
        "BEGIN EXECUTE q; RETURN 'ok'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ' ' || "
        "SQLERRM; END $f$"));
    return server.db().scalar(QStringLiteral("SELECT pg_temp.fv_try($1)"), {sql});
}

int rowCount(TestServer &server, const QString &table)
{
    return server.db().scalar(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
}

long long metricSum(const TestServer &server, const char *name, const char *label)
{
    HttpClient c(server.baseUrl());
    const Reply r = c.get(QStringLiteral("/metrics"));
    long long sum = 0;
    const QRegularExpression line(
        QStringLiteral("^%1(\\{[^}]*\\})? ([0-9.e+]+)$").arg(QString::fromLatin1(name)),
        QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(QString::fromUtf8(r.body)); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(1).contains(QString::fromLatin1(label)))
            sum += qRound64(m.captured(2).toDouble());
    }
    return sum;
}

} // namespace flowviz::test
