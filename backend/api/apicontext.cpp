#include "backend/api/apicontext.h"

#include "backend/api/jsontext.h"
#include "backend/api/routing.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

namespace flowviz::api {

Q_LOGGING_CATEGORY(lcApi, "flowviz.api")

using http::Request;
using http::Responder;
using http::Response;

QString roleList(std::initializer_list<Role> roles)
{
    QStringList names;
    for (Role r : roles)
        names << toString(r);
    return names.join(QStringLiteral(", "));
}

ApiContext::ApiContext(const ServerConfig &config, db::DbPool &pool, const Events &events)
    : m_config(config), m_pool(pool), m_jwt(config.jwtSecret), m_events(events)
{}

auth::Claims ApiContext::authorize(const Request &request, std::initializer_list<Role> allowed,
                                   RateBucket bucket)
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
    if (allowed.size() > 0 &&
        std::find(allowed.begin(), allowed.end(), claims->role) == allowed.end()) {
        Response r = http::problem(403, QStringLiteral("forbidden"), QStringLiteral("Not allowed"),
                                   QStringLiteral("Requires one of: %1; you are %2.")
                                       .arg(roleList(allowed), toString(claims->role)));
        r.withHeader("X-Required-Roles", roleList(allowed).toLatin1());
        throw ApiError(std::move(r));
    }
    if (m_config.rateLimits.enabled && bucket != RateBucket::None) {
        const RateLimits &l = m_config.rateLimits;
        const auto [name, limit] =
            bucket == RateBucket::Writes ? std::pair{QStringLiteral("writes"), l.writesPerMinute}
            : bucket == RateBucket::LotReads
                ? std::pair{QStringLiteral("lot_reads"), l.lotReadsPerMinute}
                : std::pair{QStringLiteral("traceability"), l.traceabilityPerMinute};
        const int retry = m_limiter.hit(name, claims->userId.toString(), limit,
                                        QDateTime::currentMSecsSinceEpoch());
        if (retry > 0) {
            Response r = http::problem(
                429, QStringLiteral("rate-limited"), QStringLiteral("Too many requests"),
                QStringLiteral("At most %1 %2 requests per minute; retry in %3 s.")
                    .arg(limit)
                    .arg(name)
                    .arg(retry));
            r.withHeader("Retry-After", QByteArray::number(retry));
            throw ApiError(std::move(r));
        }
    }
    return *claims;
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
                           QStringLiteral("The path parameter %1 contains a NUL character (%00).")
                               .arg(it.key())});
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
        throw ApiError(http::problem(415, QStringLiteral("unsupported-media-type"),
                                     QStringLiteral("JSON expected"),
                                     QStringLiteral("Send the body as application/json.")));
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

void ApiContext::run(const Request &request, Responder respond,
                     std::function<Response(db::PgSession &)> work)
{
    const QString requestId = request.requestId;
    m_pool.submit(db::DbJob{
        [respond, work = std::move(work), requestId](db::PgSession &session) {
            try {
                respond(work(session));
            } catch (const ApiError &e) {
                respond(e.response());
            } catch (const db::DbError &e) {
                if (e.connectionLost())
                    throw; // the worker reconnects and answers 503
                qCWarning(lcApi).noquote()
                    << "request" << requestId << "failed in SQL:" << e.sqlState() << e.what();
                respond(
                    http::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                  QStringLiteral("The request failed; quote request id %1 to IT.")
                                      .arg(requestId)));
            } catch (const std::exception &e) {
                qCWarning(lcApi).noquote() << "request" << requestId << "failed:" << e.what();
                respond(
                    http::problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                  QStringLiteral("The request failed; quote request id %1 to IT.")
                                      .arg(requestId)));
            }
        },
        [respond](db::DbFailure f) { respond(unavailable(f)); }});
}

void ApiContext::checkUserActive(db::PgSession &db, const auth::Claims &user)
{
    const db::PgResult r =
        db.exec("SELECT role, is_active FROM users WHERE id = $1::uuid", {user.userId});
    if (r.rows() == 0 || !r.toBool(0, "is_active"))
        throw ApiError::unauthorized(
            QStringLiteral("This account is disabled; ask an administrator."));
    if (r.text(0, "role") != toString(user.role))
        throw ApiError::unauthorized(QStringLiteral("Your role has changed; log in again."));
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
    const QByteArray key = request.header("idempotency-key");
    const QByteArray method = request.method;
    const QString path = request.path;
    const QByteArray body = request.body;
    run(request, std::move(respond),
        [this, user, key, method, path, body, work = std::move(work)](db::PgSession &session) {
            Tx tx{session, user, {}};
            Response r = session.transaction([&] {
                checkUserActive(session, user);
                return idempotent(tx, key, method, path, body, work);
            });
            for (const auto &f : tx.afterCommit)
                f();
            return r;
        });
}

Response ApiContext::idempotent(Tx &tx, const QByteArray &key, const QByteArray &method,
                                const QString &path, const QByteArray &body,
                                const std::function<Response(Tx &)> &work)
{
    if (key.isEmpty())
        return work(tx);
    if (key.size() > 200)
        throw ApiError::validation(
            QStringLiteral("Idempotency-Key"), QStringLiteral("idempotency_key.too_long"),
            QStringLiteral("An Idempotency-Key has at most 200 characters."));
    // The hash is over the canonical JSON (compact, keys sorted), so the same operation sent
    // alone or inside a sync batch counts as the same request.
    const QJsonDocument parsed = QJsonDocument::fromJson(body);
    const QByteArray canonical = parsed.isNull() ? body : parsed.toJson(QJsonDocument::Compact);
    const QByteArray hash = QCryptographicHash::hash(
        method + ' ' + path.toUtf8() + '\n' + canonical, QCryptographicHash::Sha256);
    const QString keyText = QString::fromUtf8(key);
    // A transaction-scoped lock on the key: a second request with the same key while the first
    // is still running sees it taken and gets 409 instead of doing the work twice.
    const db::PgResult lock = tx.db.exec(
        "SELECT pg_try_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 0)) AS ok",
        {tx.user.userId, keyText});
    if (!lock.toBool(0, "ok"))
        throw ApiError::conflict(
            QStringLiteral("idempotency-in-progress"),
            QStringLiteral("Request already in progress"),
            QStringLiteral("A request with this Idempotency-Key is still being "
                           "processed; retry when it has finished."));
    const db::PgResult stored =
        tx.db.exec("SELECT encode(request_hash, 'hex') AS h, response_status, response_body "
                   "FROM idempotency_keys WHERE user_id = $1::uuid AND idempotency_key = $2",
                   {tx.user.userId, keyText});
    if (stored.rows() > 0) {
        if (stored.text(0, "h").toLatin1() != hash.toHex())
            throw ApiError(http::problem(
                422, QStringLiteral("idempotency-key-reused"),
                QStringLiteral("Idempotency-Key reused"),
                QStringLiteral("This Idempotency-Key was already used for a different request; "
                               "use a new key for new work.")));
        Response r;
        r.status = int(stored.toInt(0, "response_status"));
        r.body = stored.text(0, "response_body").toUtf8();
        r.withHeader("Idempotent-Replayed", "true");
        tx.afterCommit.append([this] {
            if (m_events.idempotentReplay)
                m_events.idempotentReplay();
        });
        return r;
    }
    Response r = work(tx);
    // Only effects are remembered: a refused request changed nothing and may be corrected and
    // sent again under the same key.
    if (r.status >= 200 && r.status < 300) {
        tx.db.exec("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, method, "
                   "path, response_status, response_body) "
                   "VALUES ($1::uuid, $2, decode($3, 'hex'), $4, $5, $6::int, $7)",
                   {tx.user.userId, keyText, hash.toHex(), method, path, r.status,
                    QString::fromUtf8(r.body)});
    }
    return r;
}

} // namespace flowviz::api
