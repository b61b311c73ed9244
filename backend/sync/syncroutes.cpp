#include "backend/sync/syncroutes.h"

#include "backend/sync/syncservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

namespace flowviz::sync {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route(
        "POST", QStringLiteral("/api/v1/sync"),
        guarded([&api](const Request &req, Responder respond) {
            // One batch counts as one write against the per-user limit.
            const auto user = api.authorize(req, kCanWrite, RateBucket::Writes);
            const QJsonObject body = ApiContext::jsonBody(req);
            // Unknown members are refused here as everywhere: at the top and in each operation.
            for (auto it = body.begin(); it != body.end(); ++it) {
                if (it.key() != u"operations")
                    throw ApiError::validation(
                        it.key(), QStringLiteral("field.unknown"),
                        QStringLiteral("Unknown field \"%1\".").arg(it.key()));
            }
            if (!body.value(QStringLiteral("operations")).isArray())
                throw ApiError::validation(
                    QStringLiteral("operations"), QStringLiteral("field.required"),
                    QStringLiteral("\"operations\" must be an array of operations."));
            const QJsonArray operations = body.value(QStringLiteral("operations")).toArray();
            if (operations.isEmpty() || operations.size() > kMaxOperations)
                throw ApiError::validation(
                    QStringLiteral("operations"), QStringLiteral("sync.batch_size"),
                    QStringLiteral("A batch holds 1 to %1 operations; this one has %2.")
                        .arg(kMaxOperations)
                        .arg(operations.size()));
            FieldErrors unknown;
            for (qsizetype i = 0; i < operations.size(); ++i) {
                const QJsonValue &op = operations.at(i);
                if (!op.isObject())
                    throw ApiError::validation(QStringLiteral("operations"),
                                               QStringLiteral("field.type"),
                                               QStringLiteral("Each operation is a JSON object."));
                const QJsonObject o = op.toObject();
                for (auto it = o.begin(); it != o.end(); ++it) {
                    static const QStringList known{QStringLiteral("idempotency_key"),
                                                   QStringLiteral("method"), QStringLiteral("path"),
                                                   QStringLiteral("body")};
                    if (!known.contains(it.key()))
                        unknown.append({QStringLiteral("operations[%1].%2").arg(i).arg(it.key()),
                                        QStringLiteral("field.unknown"),
                                        QStringLiteral("Unknown field \"%1\".").arg(it.key())});
                }
            }
            if (!unknown.isEmpty())
                throw ApiError::validation(unknown);
            api.run(req, std::move(respond), [&api, user, operations](db::PgSession &db) {
                return Response::json(200, QJsonObject{{QStringLiteral("results"),
                                                        sync::run(db, api, user, operations)}});
            });
        }));
}

} // namespace flowviz::sync
