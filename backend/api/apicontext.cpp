#include "backend/api/apicontext.h"

#include "backend/api/jsontext.h"
#include "backend/api/routing.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

namespace flowviz::api {

Q_LOGGING_CATEGORY(lcApi, "flowviz.api")

using http::Request;
using http::Responder;
using http::Response;

ApiContext::ApiContext(const ServerConfig &config, db::DbPool &pool, const Events &events)
    : m_config(config), m_pool(pool), m_jwt(config.jwtSecret), m_events(events),
      m_rateLimits(config.rateLimits)
{}

auth::Claims ApiContext::authenticate(const Request &request) const
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        throw ApiError::unauthorized(
            QStringLiteral("Log in and send the token as 'Authorization: Bearer <token>'."));
    auth::Jwt::Error error{};
    const auto claims =
        m_jwt.verify(header.mid(7).trimmed(), QDateTime::currentSecsSinceEpoch(), &error);
    if (!claims) {
        throw ApiError::unauthorized(error == auth::Jwt::Error::Expired
                                         ? QStringLiteral("The session has expired; log in again.")
                                         : QStringLiteral("The token is not valid; log in again."));
    }
    return *claims;
}

auth::Claims ApiContext::authorize(const Request &request, std::initializer_list<Role> allowed,
                                   RateBucket bucket)
{
    const auth::Claims claims = authenticate(request);
    AccessGuard::requireRole(claims, allowed);
    m_rateLimits.check(bucket, claims.userId, QDateTime::currentMSecsSinceEpoch());
    return claims;
}

int listLimit(const Request &request, FieldErrors &errors)
{
    bool ok = true;
    const QString text = request.queryValue(QStringLiteral("limit"));
    const int limit = text.isEmpty() ? 100 : text.toInt(&ok);
    if (ok && limit >= 1 && limit <= 500)
        return limit;
    errors.append({QStringLiteral("limit"), QStringLiteral("limit.range"),
                   QStringLiteral("limit must be from 1 to 500.")});
    return 100;
}

void checkPathParameters(const Request &request)
{
    FieldErrors errors;
    for (auto it = request.pathParams.begin(); it != request.pathParams.end(); ++it) {
        const QString &v = it.value();
        bool lone = false;
        for (qsizetype i = 0; i < v.size(); ++i) {
            if (v[i].isHighSurrogate() && i + 1 < v.size() && v[i + 1].isLowSurrogate())
                ++i;
            else if (v[i].isSurrogate())
                lone = true;
        }
        if (v.contains(QChar(u'\0')))
            errors.append({it.key(), QStringLiteral("text.nul"),
                           QStringLiteral("The path parameter %1 contains a NUL character (%2).")
                               .arg(it.key(), QStringLiteral("%00"))});
        else if (lone || v.contains(QChar::ReplacementCharacter))
            errors.append(
                {it.key(), QStringLiteral("text.surrogate"),
                 QStringLiteral("The path parameter %1 is not valid UTF-8 text.").arg(it.key())});
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
}

QJsonObject ApiContext::jsonBody(const Request &request)
{
    // The media type itself, without parameters such as "; charset=utf-8".
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/json")
        throw ApiError(wire::Problem{wire::Problem::Kind::UnsupportedMediaType,
                                     wire::problemtype::kUnsupportedMediaType,
                                     QStringLiteral("JSON expected"),
                                     QStringLiteral("Send the body as application/json."),
                                     {}});
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    // What parsing would have changed silently (a NUL, a lone surrogate, a rounded number) is
    // refused rather than stored changed.
    if (const FieldErrors changed = checkJsonText(request.body); !changed.isEmpty())
        throw ApiError::validation(changed);
    if (!doc.isObject())
        throw ApiError::badRequest(QStringLiteral("The body must be a JSON object."));
    return doc.object();
}

Response ApiContext::unavailable(db::DbFailure failure)
{
    Response r = http::problem(
        503, QStringLiteral("unavailable"), QStringLiteral("Service unavailable"),
        failure == db::DbFailure::Timeout
            ? QStringLiteral(
                  "The server is busy; no database connection became free in time. Retry shortly.")
            : QStringLiteral("The database cannot be reached. Retry shortly; work kept at the "
                             "workstation is not lost."));
    r.withHeader("Retry-After", "5");
    return r;
}

Response ApiContext::answer(const QString &requestId, const std::function<Response()> &work)
{
    try {
        return work();
    } catch (const ApiError &e) {
        return e.response();
    } catch (const db::DbError &e) {
        if (e.connectionLost())
            throw; // the worker reconnects and answers 503
        qCWarning(lcApi).noquote()
            << "request" << requestId << "failed in SQL:" << e.sqlState() << e.what();
    } catch (const std::exception &e) {
        qCWarning(lcApi).noquote() << "request" << requestId << "failed:" << e.what();
    }
    return http::problem(
        500, QStringLiteral("internal"), QStringLiteral("Internal error"),
        QStringLiteral("The request failed; quote request id %1 to IT.").arg(requestId));
}

void ApiContext::run(const Request &request, Responder respond,
                     std::function<Response(db::PgSession &)> work)
{
    const QString requestId = request.requestId;
    m_pool.submit(db::DbJob{[respond, work = std::move(work), requestId](db::PgSession &session) {
                                respond(answer(requestId, [&] { return work(session); }));
                            },
                            [respond](db::DbFailure f) { respond(unavailable(f)); }});
}

void ApiContext::checkUserActive(db::PgSession &db, const auth::Claims &user)
{
    AccessGuard::requireActive(db, user);
}

void ApiContext::read(const Request &request, Responder respond, const auth::Claims &user,
                      std::function<Response(Tx &)> work)
{
    run(request, std::move(respond), [user, work = std::move(work)](db::PgSession &session) {
        return session.transaction([&] {
            checkUserActive(session, user);
            Tx tx{session, user, {}};
            return work(tx);
        });
    });
}

void ApiContext::mutate(const Request &request, Responder respond, const auth::Claims &user,
                        std::function<Response(Tx &)> work)
{
    IdempotentRequest call{request.header("idempotency-key"), request.method, request.path,
                           request.body};
    run(request, std::move(respond),
        [this, user, call = std::move(call), work = std::move(work)](db::PgSession &session) {
            return mutation(session, user, call, work);
        });
}

Response ApiContext::mutation(db::PgSession &session, const auth::Claims &user,
                              const IdempotentRequest &call,
                              const std::function<Response(Tx &)> &work)
{
    Tx tx{session, user, {}};
    Response r = session.transaction([&] {
        checkUserActive(session, user);
        return idempotent(tx, call.key, call.method, call.path, call.body, work);
    });
    for (const auto &f : tx.afterCommit)
        f();
    return r;
}

Response ApiContext::idempotent(Tx &tx, const QByteArray &key, const QByteArray &method,
                                const QString &path, const QByteArray &body,
                                const std::function<Response(Tx &)> &work)
{
    return Idempotency(m_events).run(tx, {key, method, path, body}, work);
}

} // namespace flowviz::api
