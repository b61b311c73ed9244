#include "backend/api/idempotencystore.h"

namespace flowviz::api {

bool IdempotencyStore::tryLock(const QUuid &userId, const QString &key)
{
    const db::PgResult lock = m_db.exec(
        "SELECT pg_try_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 0)) AS ok",
        {userId, key});
    return lock.toBool(0, "ok");
}

std::optional<StoredAnswer> IdempotencyStore::find(const QUuid &userId, const QString &key)
{
    const db::PgResult r =
        m_db.exec("SELECT encode(request_hash, 'hex') AS h, response_status, response_body "
                  "FROM idempotency_keys WHERE user_id = $1::uuid AND idempotency_key = $2",
                  {userId, key});
    if (r.rows() == 0)
        return std::nullopt;
    return StoredAnswer{r.text(0, "h").toLatin1(), int(r.toInt(0, "response_status")),
                        r.text(0, "response_body").toUtf8()};
}

void IdempotencyStore::remember(const AnswerToStore &a)
{
    m_db.exec("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, method, "
              "path, response_status, response_body) "
              "VALUES ($1::uuid, $2, decode($3, 'hex'), $4, $5, $6::int, $7)",
              {a.userId, a.key, a.requestHash.toHex(), a.method, a.path, a.status,
               QString::fromUtf8(a.body)});
}

} // namespace flowviz::api
