#include "backend/api/idempotencystore.h"

namespace flowviz::api {

db::PgDeferred<bool> IdempotencyStore::tryLock(const QUuid &userId, const QString &key)
{
    return {m_db.queue("SELECT pg_try_advisory_xact_lock(hashtextextended($1::text || '/' || "
                       "$2::text, 0)) AS ok",
                       {userId, key}),
            [](const db::PgResult &r) { return r.toBool(0, "ok"); }};
}

db::PgDeferred<std::optional<StoredAnswer>> IdempotencyStore::find(const QUuid &userId,
                                                                   const QString &key)
{
    return {m_db.queue("SELECT encode(request_hash, 'hex') AS h, response_status, response_body "
                       "FROM idempotency_keys WHERE user_id = $1::uuid AND idempotency_key = $2",
                       {userId, key}),
            [](const db::PgResult &r) -> std::optional<StoredAnswer> {
                if (r.rows() == 0)
                    return std::nullopt;
                return StoredAnswer{r.text(0, "h").toLatin1(), int(r.toInt(0, "response_status")),
                                    r.text(0, "response_body").toUtf8()};
            }};
}

void IdempotencyStore::remember(const AnswerToStore &a)
{
    m_db.queue("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, method, "
               "path, response_status, response_body) "
               "VALUES ($1::uuid, $2, decode($3, 'hex'), $4, $5, $6::int, $7)",
               {a.userId, a.key, a.requestHash.toHex(), a.method, a.path, a.status,
                QString::fromUtf8(a.body)});
}

} // namespace flowviz::api
