#pragma once

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace flowviz::test {

// Arguments for a server whose rate limits must not interfere with the suite.
QStringList noRateLimits();

// A client logged in as one of the TestServer users ("admin", "operator", ...); null when the
// login failed (the caller's QVERIFY reports it).
std::unique_ptr<HttpClient> clientFor(const TestServer &server, const QString &username);

// Body of POST /api/v1/lots. An empty weight/temperature leaves the field out; the text is
// sent as a JSON number.
QJsonObject lotBody(const QString &code, const QString &type, const QString &weightKg = {},
                    const QString &temperatureC = {}, const QJsonArray &parents = {});
QJsonObject parentRef(const QString &code, const QString &quantityKg);
// A JSON number parsed from text, so "12.3" is sent as 12.3.
QJsonValue number(const QString &text);

// Body of POST /api/v1/qc-decisions, by lot code and gate number.
QJsonObject decisionBody(const QString &lotCode, const QString &decision, int gateNumber = 1,
                         const QString &notes = {});

// One line naming the reply for failure messages.
QString describe(const Reply &r);

// Empty when `r` is an RFC 9457 problem with `status`; else what is wrong with it.
QString problemMismatch(const Reply &r, int status);
// Whether a 422 problem lists `field` with `code` in errors[].
bool hasFieldError(const Reply &r, const QString &field, const QString &code);

// An HS256 JWT as the server signs them (backend/auth/jwt.cpp), signed with `secret`.
QByteArray signToken(const QByteArray &secret, const QString &userId, const QString &username,
                     const QString &role, qint64 issuedAt, qint64 expiresAt);

// The user's id in the server's database.
QString userId(TestServer &server, const QString &username);
// Runs `sql` in the server's database and returns "ok", or the SQLSTATE and message of the
// error it raised: for statements that are expected to fail (TestDb::query fails the test).
QString trySql(TestServer &server, const QString &sql);
// count(*) of a table.
int rowCount(TestServer &server, const QString &table);
// The sum of a counter's series on the server's /metrics (those whose labels include `label`).
long long metricSum(const TestServer &server, const char *name, const char *label = "");

} // namespace flowviz::test

// Fails the test unless `reply` is a problem+json answer with `code`.
#define FV_VERIFY_PROBLEM(reply, code)                                                             \
    do {                                                                                           \
        const QString fvWhy_ = flowviz::test::problemMismatch((reply), (code));                    \
        QVERIFY2(fvWhy_.isEmpty(), qPrintable(fvWhy_));                                            \
    } while (false)

// Fails the test unless `reply` has HTTP status `code` (printing the reply when not).
#define FV_VERIFY_STATUS(reply, code)                                                              \
    do {                                                                                           \
        const flowviz::test::Reply &fvR_ = (reply);                                                \
        QVERIFY2(fvR_.status == (code), qPrintable(QStringLiteral("expected %1, got ").arg(code) + \
                                                   flowviz::test::describe(fvR_)));                \
    } while (false)
