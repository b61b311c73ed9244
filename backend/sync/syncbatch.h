#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace flowviz::sync {

inline constexpr int kMaxOperations = 500;

// One operation of a POST /api/v1/sync batch as the client queued it. Its body is decoded by
// the operation's own strict decoder when it runs.
struct SyncCall
{
    QString key;    // idempotency_key; empty when missing or not a string
    QString method; // exactly as sent: "POST" is not rewritten
    QString path;
    std::optional<QJsonObject> body; // empty when missing or not a JSON object
};

// What one operation produced, reported in the batch's answer in the operation's place.
struct SyncResult
{
    QString key;
    int status = 0;
    QJsonValue body;
    bool replayed = false; // answered from the idempotency store

    QJsonObject toJson() const;
};

// The strict decoder of a batch's envelope, without any database: 422 (ApiError) for an
// unknown member at the top or in an operation, an operation that is not an object, or fewer
// than 1 or more than kMaxOperations operations. What each operation then asks for (its key,
// method, path and body) is checked when it runs, and refusing it refuses only that operation.
QList<SyncCall> decodeBatch(const QJsonObject &body);

// {"results": [...]}: the batch's answer.
QJsonObject resultsJson(const QList<SyncResult> &results);

} // namespace flowviz::sync
