#include "backend/sync/syncroutes.h"

#include "backend/sync/syncbatch.h"
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
    server.route("POST", QStringLiteral("/api/v1/sync"),
                 guarded([&api](const Request &req, Responder respond) {
                     // One batch counts as one write against the per-user limit.
                     const auto user = api.authorize(req, kCanWrite, RateBucket::Writes);
                     const QList<SyncCall> calls = decodeBatch(ApiContext::jsonBody(req));
                     api.run(req, std::move(respond), [&api, user, calls](db::PgSession &db) {
                         return Response::json(200, resultsJson(sync::run(db, api, user, calls)));
                     });
                 }));
}

} // namespace flowviz::sync
