#include "backend/api/idempotency.h"

#include "backend/api/apicontext.h"
#include "backend/api/idempotencystore.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace flowviz::api {

QByteArray Idempotency::requestHash(const QByteArray &method, const QString &path,
                                    const QByteArray &body)
{
    const QJsonDocument parsed = QJsonDocument::fromJson(body);
    const QByteArray canonical = parsed.isNull() ? body : parsed.toJson(QJsonDocument::Compact);
    return QCryptographicHash::hash(method + ' ' + path.toUtf8() + '\n' + canonical,
                                    QCryptographicHash::Sha256);
}

void Idempotency::checkKey(const QByteArray &key)
{
    if (key.size() > kMaxKeyLength)
        throw ApiError::validation(
            QStringLiteral("Idempotency-Key"), QStringLiteral("idempotency_key.too_long"),
            QStringLiteral("An Idempotency-Key has at most 200 characters."));
}

http::Response Idempotency::run(Tx &tx, const IdempotentRequest &request,
                                const std::function<http::Response(Tx &)> &work) const
{
    if (request.key.isEmpty())
        return work(tx);
    checkKey(request.key);
    const QByteArray hash = requestHash(request.method, request.path, request.body);
    const QString key = QString::fromUtf8(request.key);
    IdempotencyStore store(tx.db);
    // A transaction-scoped lock on the key: a second request with the same key while the first
    // is still running sees it taken and gets 409 instead of doing the work twice.
    // Both go in one round trip; the read runs after the lock is taken, so it sees what the
    // key's previous holder committed.
    const auto locked = store.tryLock(tx.user.userId, key);
    const auto found = store.find(tx.user.userId, key);
    if (auto answered = settle(tx, hash, locked.get(), found.get()))
        return *answered;
    http::Response r = work(tx);
    // Only effects are remembered: a refused request changed nothing and may be corrected and
    // sent again under the same key.
    if (r.status >= 200 && r.status < 300)
        store.remember({tx.user.userId, key, hash, request.method, request.path, r.status, r.body});
    return r;
}

std::optional<http::Response> Idempotency::settle(Tx &tx, const QByteArray &hash, bool locked,
                                                  const std::optional<StoredAnswer> &stored) const
{
    if (!locked)
        throw ApiError::conflict(
            wire::problemtype::kIdempotencyInProgress,
            QStringLiteral("Request already in progress"),
            QStringLiteral("A request with this Idempotency-Key is still being "
                           "processed; retry when it has finished."));
    if (!stored)
        return std::nullopt;
    if (stored->requestHashHex != hash.toHex())
        throw ApiError(wire::Problem{
            wire::Problem::Kind::Validation,
            wire::problemtype::kIdempotencyKeyReused,
            QStringLiteral("Idempotency-Key reused"),
            QStringLiteral("This Idempotency-Key was already used for a different request; "
                           "use a new key for new work."),
            {}});
    return replay(tx, stored->status, stored->body);
}

http::Response Idempotency::replay(Tx &tx, int status, const QByteArray &body) const
{
    http::Response r;
    r.status = status;
    r.body = body;
    r.withHeader("Idempotent-Replayed", "true");
    const Events &events = m_events;
    tx.afterCommit.append([&events] {
        if (events.idempotentReplay)
            events.idempotentReplay();
    });
    return r;
}

} // namespace flowviz::api
