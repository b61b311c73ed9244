#include "syncroutes.h"

#include "syncservice.h"

#include "api/routing.h"
#include "http/httpserver.h"

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
            for (const QJsonValue &op : operations) {
                if (!op.isObject())
                    throw ApiError::validation(QStringLiteral("operations"),
                                               QStringLiteral("field.type"),
                                               QStringLiteral("Each operation is a JSON object."));
            }
            api.run(req, std::move(respond), [&api, user, operations](db::PgSession &db) {
                return Response::json(200, QJsonObject{{QStringLiteral("results"),
                                                        sync::run(db, api, user, operations)}});
            });
        }));
}

} // namespace flowviz::sync
