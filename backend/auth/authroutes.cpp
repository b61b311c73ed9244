#include "backend/auth/authroutes.h"

#include "backend/auth/passwordhasher.h"

#include "backend/api/bodyreader.h"
#include "backend/api/routing.h"
#include "backend/http/httpserver.h"
#include "backend/users/signingkeyrepository.h"
#include "backend/users/userrepository.h"

#include "domain/wire/problem.h"

namespace flowviz::auth {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

// The user as login and GET /api/v1/auth/me answer it.
QJsonObject userJson(const users::UserRecord &u)
{
    return QJsonObject{{QStringLiteral("id"), u.id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("username"), u.username},
                       {QStringLiteral("full_name"), u.fullName},
                       {QStringLiteral("role"), toString(u.role)}};
}

Response tooManyAttempts()
{
    Response r = http::problem(
        429, wire::problemtype::kRateLimited, QStringLiteral("Too many login attempts"),
        QStringLiteral("Too many login attempts in the last minute; wait a minute and "
                       "try again."));
    r.withHeader("Retry-After", "60");
    return r;
}

// Users created before signatures existed get their key at their first login: sealed outside any
// transaction (argon2id must not hold a PgBouncer server connection), then registered; a login
// that raced us to it wins and its key is used.
std::optional<signing::SealedKey> enrolOnFirstLogin(db::PgSession &db,
                                                    users::SigningKeyRepository &keys,
                                                    const QUuid &userId, const QString &password)
{
    signing::KeyPair pair = signing::generateKeyPair();
    const auto sealed = [&] {
        const auth::passwords::Slot slot; // sealing derives the key with argon2id
        return signing::seal(pair, password, QUuid::createUuid());
    }();
    signing::wipe(pair.seed);
    if (!sealed)
        return std::nullopt;
    try {
        db.transaction([&] { keys.add(userId, *sealed); });
        return sealed;
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        return db.transaction([&] { return keys.current(userId); });
    }
}

Response login(db::PgSession &db, ApiContext &api, const QString &username, const QString &password,
               const QString &client)
{
    users::UserRepository repo(db);
    const RateLimits &limits = api.config().rateLimits;
    // Read, then verify outside any transaction (argon2id takes tens of milliseconds and must
    // not hold a PgBouncer server connection), then record the attempt.
    const auto [limited, user] = db.transaction([&] {
        if (limits.enabled) {
            const auto [byClient, byUser] = repo.recentAttempts(client, username);
            if (byClient >= limits.loginPerMinute || byUser >= limits.loginPerMinute)
                return std::pair{true, std::optional<users::UserRecord>()};
        }
        return std::pair{false, repo.findByName(username)};
    });
    if (limited)
        return tooManyAttempts();
    // Verify against a dummy hash for unknown names so timing does not reveal them.
    const bool ok = passwords::verify(user ? user->passwordHash : passwords::dummyHash(), password);
    if (!user || !ok || !user->active) {
        db.transaction([&] {
            repo.recordAttempt(username, user ? std::optional(user->id) : std::nullopt, client,
                               false,
                               !user ? QStringLiteral("unknown user")
                               : !ok ? QStringLiteral("wrong password")
                                     : QStringLiteral("disabled"));
        });
        Response r = http::problem(
            401, wire::problemtype::kInvalidCredentials, QStringLiteral("Login failed"),
            user && ok ? QStringLiteral("This account is disabled; ask an administrator.")
                       : QStringLiteral("The user name or password is wrong."));
        r.withHeader("WWW-Authenticate", "Bearer");
        return r;
    }
    users::SigningKeyRepository keys(db);
    std::optional<signing::SealedKey> key = db.transaction([&] {
        repo.recordAttempt(user->username, user->id, client, true, QString());
        return keys.current(user->id);
    });
    if (!key)
        key = enrolOnFirstLogin(db, keys, user->id, password);
    Claims c;
    c.userId = user->id;
    c.username = user->username;
    c.role = user->role;
    c.issuedAt = QDateTime::currentSecsSinceEpoch();
    c.expiresAt = c.issuedAt + api.config().tokenLifetimeSeconds;
    return Response::json(
        200, QJsonObject{
                 {QStringLiteral("access_token"), QString::fromLatin1(api.jwt().sign(c))},
                 {QStringLiteral("token_type"), QStringLiteral("bearer")},
                 {QStringLiteral("expires_in"), api.config().tokenLifetimeSeconds},
                 {QStringLiteral("expires_at"),
                  QDateTime::fromSecsSinceEpoch(c.expiresAt, Qt::UTC).toString(Qt::ISODate)},
                 {QStringLiteral("user"), userJson(*user)},
                 {QStringLiteral("signing_key"), key ? QJsonValue(key->toJson()) : QJsonValue()}});
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/auth/login"),
                 guarded([&api](const Request &req, Responder respond) {
                     const QJsonObject body = ApiContext::jsonBody(req);
                     BodyReader in(body, {QStringLiteral("username"), QStringLiteral("password")});
                     const auto username = in.string(QStringLiteral("username"), true, 64);
                     const auto password =
                         in.string(QStringLiteral("password"), true, passwords::kMaxLength);
                     in.throwIfErrors();
                     const QString name = username->trimmed();
                     const QString pass = *password;
                     const QString client = req.remoteAddress;
                     api.run(req, std::move(respond),
                             [&api, name, pass, client](db::PgSession &db) {
                                 return login(db, api, name, pass, client);
                             });
                 }));
    server.route("GET", QStringLiteral("/api/v1/auth/me"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::None);
                     api.read(req, std::move(respond), user, [](Tx &tx) {
                         users::UserRepository repo(tx.db);
                         const auto u = repo.findById(tx.user.userId);
                         QJsonObject out = userJson(*u);
                         out.insert(QStringLiteral("expires_at"),
                                    QDateTime::fromSecsSinceEpoch(tx.user.expiresAt, Qt::UTC)
                                        .toString(Qt::ISODate));
                         return Response::json(200, out);
                     });
                 }));
}

} // namespace flowviz::auth
