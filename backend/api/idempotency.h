#pragma once

#include "backend/api/idempotencystore.h"
#include "backend/http/httptypes.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace flowviz::api {

struct Events;
struct Tx;

// What identifies one idempotent request: the client's key and what the request asked.
struct IdempotentRequest
{
    QByteArray key;
    QByteArray method;
    QString path;
    QByteArray body;
};

// Runs a mutation at most once per (user, Idempotency-Key): a repeated request gets the
// remembered answer, a different request under a used key a 422, a concurrent one a 409.
class Idempotency
{
public:
    explicit Idempotency(const Events &events) : m_events(events) {}

    static constexpr qsizetype kMaxKeyLength = 200;

    http::Response run(Tx &tx, const IdempotentRequest &request,
                       const std::function<http::Response(Tx &)> &work) const;

    // SHA-256 over method, path and the canonical JSON body (compact, keys sorted), so the same
    // operation sent alone or inside a sync batch counts as the same request.
    static QByteArray requestHash(const QByteArray &method, const QString &path,
                                  const QByteArray &body);
    // Throws a 422 ApiError when the key is longer than kMaxKeyLength.
    static void checkKey(const QByteArray &key);

    // What a claimed key allows, given its lock and the answer stored under it: nothing when
    // the work is to be done, the stored answer replayed, or a 409 (ApiError) when another
    // transaction holds the key, a 422 when it was used for a different request (`hash`).
    std::optional<http::Response> settle(Tx &tx, const QByteArray &hash, bool locked,
                                         const std::optional<StoredAnswer> &stored) const;

private:
    http::Response replay(Tx &tx, int status, const QByteArray &body) const;

    const Events &m_events;
};

} // namespace flowviz::api
