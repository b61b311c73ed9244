#include "backend/api/idempotencystore.h"

#include <stdexcept>

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

db::PgDeferred<QList<bool>> IdempotencyStore::tryLockAll(const QUuid &userId,
                                                         const QStringList &keys)
{
    return {m_db.queue("SELECT pg_try_advisory_xact_lock(hashtextextended($1::text || '/' || k, "
                       "0)) AS ok FROM unnest($2::text[]) WITH ORDINALITY AS u (k, n) ORDER BY n",
                       {userId, db::SqlValue::textArray(keys)}),
            [](const db::PgResult &r) {
                QList<bool> out;
                for (int i = 0; i < r.rows(); ++i)
                    out.append(r.toBool(i, "ok"));
                return out;
            }};
}

db::PgDeferred<QHash<qsizetype, StoredAnswer>> IdempotencyStore::findAll(const QUuid &userId,
                                                                         const QStringList &keys)
{
    return {m_db.queue("SELECT u.n - 1 AS i, encode(k.request_hash, 'hex') AS h, "
                       "k.response_status, k.response_body "
                       "FROM unnest($2::text[]) WITH ORDINALITY AS u (key, n) "
                       "JOIN idempotency_keys k ON k.user_id = $1::uuid "
                       "AND k.idempotency_key = u.key",
                       {userId, db::SqlValue::textArray(keys)}),
            [](const db::PgResult &r) {
                QHash<qsizetype, StoredAnswer> out;
                for (int i = 0; i < r.rows(); ++i)
                    out.insert(r.toInt(i, "i"), StoredAnswer{r.text(i, "h").toLatin1(),
                                                             int(r.toInt(i, "response_status")),
                                                             r.text(i, "response_body").toUtf8()});
                return out;
            }};
}

void IdempotencyStore::rememberAll(const QList<AnswerToStore> &answers)
{
    if (answers.isEmpty())
        return;
    QStringList keys, hashes, methods, paths, statuses, bodies;
    for (const AnswerToStore &a : answers) {
        if (a.userId != answers.first().userId)
            throw std::invalid_argument("IdempotencyStore::rememberAll: one user per call");
        keys << a.key;
        hashes << QString::fromLatin1(a.requestHash.toHex());
        methods << QString::fromLatin1(a.method);
        paths << a.path;
        statuses << QString::number(a.status);
        bodies << QString::fromUtf8(a.body);
    }
    m_db.queue("INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, method, "
               "path, response_status, response_body) "
               "SELECT $1::uuid, k, decode(h, 'hex'), m, p, s, b "
               "FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], "
               "$7::text[]) AS u (k, h, m, p, s, b)",
               {answers.first().userId, db::SqlValue::textArray(keys),
                db::SqlValue::textArray(hashes), db::SqlValue::textArray(methods),
                db::SqlValue::textArray(paths), db::SqlValue::textArray(statuses),
                db::SqlValue::textArray(bodies)});
}

} // namespace flowviz::api
