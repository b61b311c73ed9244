#pragma once

#include "backend/api/accessguard.h"
#include "backend/api/apierror.h"
#include "backend/api/idempotency.h"
#include "backend/api/ratelimitpolicy.h"

#include "backend/auth/jwt.h"
#include "backend/config/serverconfig.h"
#include "backend/db/dbpool.h"
#include "backend/http/httptypes.h"

#include <QJsonObject>

#include <functional>
#include <initializer_list>
#include <optional>

namespace flowviz::api {

// Business events, raised only after the transaction that made them committed. The metrics
// module subscribes; nothing else depends on who listens.
struct Events
{
    std::function<void(LotType)> lotRegistered;
    std::function<void(Decision, int gateNumber)> qcDecisionRecorded;
    std::function<void()> idempotentReplay;
    std::function<void(double seconds)> traceabilityQuery;
    std::function<void()> shipmentDispatched;
    std::function<void(bool drill)> recallOpened;
    // A sync transaction committed, set-based or one operation at a time (after a refusal).
    std::function<void(bool setBased)> syncTransaction;
    // A transaction of lot registrations (POST /api/v1/lots) committed: several requests
    // together, or one alone.
    std::function<void(bool together)> lotTransaction;
};

// One unit of work inside a transaction, with the caller's identity and what to do after the
// commit succeeded.
struct Tx
{
    db::PgSession &db;
    const auth::Claims &user;
    QList<std::function<void()>> afterCommit;
};

// What every route needs: authentication, RBAC, rate limits, JSON bodies, the DB pool and
// idempotent mutations, composed from AccessGuard, RateLimitPolicy and Idempotency. Lives on
// the server thread; jobs it submits run on DB workers.
class ApiContext
{
public:
    // `events` is read on every business event, so listeners may subscribe after construction.
    ApiContext(const ServerConfig &config, db::DbPool &pool, const Events &events);

    const ServerConfig &config() const { return m_config; }
    const auth::Jwt &jwt() const { return m_jwt; }
    const Events &events() const { return m_events; }
    db::DbPool &pool() { return m_pool; }

    // 401 without or with a bad/expired token, 403 when the role is not among `allowed`
    // (an empty list allows every role), 429 over the bucket's limit.
    auth::Claims authorize(const http::Request &request, std::initializer_list<Role> allowed,
                           RateBucket bucket);

    // The body as a JSON object, or a 400/415 problem.
    static QJsonObject jsonBody(const http::Request &request);

    // Runs `work` on a DB worker and answers with its response. ApiError becomes its problem,
    // other failures 500 (logged with the request id), an unreachable database 503.
    void run(const http::Request &request, http::Responder respond,
             std::function<http::Response(db::PgSession &)> work);

    // What `work` answers, or its failure answered as run() does: ApiError as its problem, any
    // other as a 500 logged with the request id. A lost connection is rethrown.
    static http::Response answer(const QString &requestId,
                                 const std::function<http::Response()> &work);

    // A read in one transaction, after checking the user is still active.
    void read(const http::Request &request, http::Responder respond, const auth::Claims &user,
              std::function<http::Response(Tx &)> work);

    // A mutation in one transaction, idempotent under the request's Idempotency-Key.
    void mutate(const http::Request &request, http::Responder respond, const auth::Claims &user,
                std::function<http::Response(Tx &)> work);

    // mutate()'s work on a worker's session: the transaction, the account check, the
    // idempotency under the request's key, the after-commit events.
    http::Response mutation(db::PgSession &session, const auth::Claims &user,
                            const IdempotentRequest &call,
                            const std::function<http::Response(Tx &)> &work);

    // Re-reads the user's role and active flag: a disabled user's token stops working at once.
    static void checkUserActive(db::PgSession &db, const auth::Claims &user);
    // Runs `work` as an idempotent mutation within an open transaction. Used by mutate() and
    // by the sync batch, which brackets each operation in a savepoint.
    http::Response idempotent(Tx &tx, const QByteArray &key, const QByteArray &method,
                              const QString &path, const QByteArray &body,
                              const std::function<http::Response(Tx &)> &work);

    static http::Response unavailable(db::DbFailure failure);

private:
    // The caller's identity from the bearer token, or a 401 problem.
    auth::Claims authenticate(const http::Request &request) const;

    ServerConfig m_config;
    db::DbPool &m_pool;
    auth::Jwt m_jwt;
    const Events &m_events;
    RateLimitPolicy m_rateLimits;
};

} // namespace flowviz::api
