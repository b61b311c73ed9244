// The sync batch's envelope (backend/sync/syncbatch.*): the bytes of a POST /api/v1/sync body,
// decoded as the route decodes them before anything touches the database. Either the whole
// batch is refused with a 422 that says why, or every operation comes out in its place, with
// its members read exactly as sent.
#include "backend/api/apierror.h"
#include "backend/sync/syncbatch.h"

#include "tests/fuzz/fuzzassert.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstddef>
#include <cstdint>

using namespace flowviz;

namespace {

QString textOf(const QJsonObject &op, const char *member)
{
    const QJsonValue v = op.value(QLatin1String(member));
    return v.isString() ? v.toString() : QString();
}

void checkDecoded(const QJsonObject &batch, const QList<sync::SyncCall> &calls)
{
    FUZZ_ASSERT(batch.size() == 1 && batch.contains(QStringLiteral("operations")));
    const QJsonArray operations = batch.value(QStringLiteral("operations")).toArray();
    FUZZ_ASSERT(!calls.isEmpty() && calls.size() <= sync::kMaxOperations);
    FUZZ_ASSERT(calls.size() == operations.size());
    static const QStringList known{QStringLiteral("idempotency_key"), QStringLiteral("method"),
                                   QStringLiteral("path"), QStringLiteral("body")};
    for (qsizetype i = 0; i < calls.size(); ++i) {
        FUZZ_ASSERT(operations.at(i).isObject());
        const QJsonObject op = operations.at(i).toObject();
        for (const QString &member : op.keys())
            FUZZ_ASSERT(known.contains(member));
        const sync::SyncCall &call = calls.at(i);
        // Nothing is rewritten: not the key, not the method's case, not the path.
        FUZZ_ASSERT(call.key == textOf(op, "idempotency_key"));
        FUZZ_ASSERT(call.method == textOf(op, "method"));
        FUZZ_ASSERT(call.path == textOf(op, "path"));
        const QJsonValue body = op.value(QStringLiteral("body"));
        FUZZ_ASSERT(call.body.has_value() == body.isObject());
        if (call.body)
            FUZZ_ASSERT(*call.body == body.toObject());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const QJsonObject batch = doc.object();
    try {
        checkDecoded(batch, sync::decodeBatch(batch));
    } catch (const api::ApiError &e) {
        const QJsonDocument answer = QJsonDocument::fromJson(e.response().body);
        FUZZ_ASSERT(e.response().status == 422);
        FUZZ_ASSERT(!answer.object().value(QStringLiteral("errors")).toArray().isEmpty());
    }
    return 0;
}
