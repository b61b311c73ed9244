#include "backend/sync/syncbatch.h"

#include "backend/api/apierror.h"

#include <QJsonArray>

namespace flowviz::sync {

using api::ApiError;

namespace {

// Every operation is an object with only the documented members.
void checkOperationMembers(const QJsonArray &operations)
{
    static const QStringList known{QStringLiteral("idempotency_key"), QStringLiteral("method"),
                                   QStringLiteral("path"), QStringLiteral("body")};
    FieldErrors unknown;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QJsonValue &op = operations.at(i);
        if (!op.isObject())
            throw ApiError::validation(QStringLiteral("operations"), QStringLiteral("field.type"),
                                       QStringLiteral("Each operation is a JSON object."));
        const QJsonObject o = op.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key()))
                unknown.append({QStringLiteral("operations[%1].%2").arg(i).arg(it.key()),
                                QStringLiteral("field.unknown"),
                                QStringLiteral("Unknown field \"%1\".").arg(it.key())});
        }
    }
    if (!unknown.isEmpty())
        throw ApiError::validation(unknown);
}

SyncCall callOf(const QJsonObject &op)
{
    SyncCall call;
    call.key = op.value(QStringLiteral("idempotency_key")).toString();
    call.method = op.value(QStringLiteral("method")).toString();
    call.path = op.value(QStringLiteral("path")).toString();
    if (const QJsonValue body = op.value(QStringLiteral("body")); body.isObject())
        call.body = body.toObject();
    return call;
}

} // namespace

QJsonObject SyncResult::toJson() const
{
    QJsonObject out{{QStringLiteral("idempotency_key"), key},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("body"), body}};
    if (replayed)
        out.insert(QStringLiteral("replayed"), true);
    return out;
}

QList<SyncCall> decodeBatch(const QJsonObject &body)
{
    // Unknown members are refused here as everywhere: at the top and in each operation.
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"operations")
            throw ApiError::validation(it.key(), QStringLiteral("field.unknown"),
                                       QStringLiteral("Unknown field \"%1\".").arg(it.key()));
    }
    if (!body.value(QStringLiteral("operations")).isArray())
        throw ApiError::validation(
            QStringLiteral("operations"), QStringLiteral("field.required"),
            QStringLiteral("\"operations\" must be an array of operations."));
    const QJsonArray operations = body.value(QStringLiteral("operations")).toArray();
    if (operations.isEmpty() || operations.size() > kMaxOperations)
        throw ApiError::validation(QStringLiteral("operations"), QStringLiteral("sync.batch_size"),
                                   QStringLiteral("A batch holds 1 to %1 operations; this one "
                                                  "has %2.")
                                       .arg(kMaxOperations)
                                       .arg(operations.size()));
    checkOperationMembers(operations);
    QList<SyncCall> calls;
    calls.reserve(operations.size());
    for (const QJsonValue &op : operations)
        calls.append(callOf(op.toObject()));
    return calls;
}

QJsonObject resultsJson(const QList<SyncResult> &results)
{
    QJsonArray array;
    for (const SyncResult &r : results)
        array.append(r.toJson());
    return QJsonObject{{QStringLiteral("results"), array}};
}

} // namespace flowviz::sync
