#include "backend/trace/traceroutes.h"

#include "backend/trace/traceservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include <QElapsedTimer>

namespace flowviz::trace {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("GET", QStringLiteral("/api/v1/traceability/{lot_code}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::Traceability);
                     const TraceQuery query = decodeTraceQuery(
                         req.pathParams.value(QStringLiteral("lot_code")),
                         req.queryValue(QStringLiteral("direction")),
                         req.queryValue(QStringLiteral("depth")), api.config().traceMaxDepth,
                         api.config().traceMaxNodes, req.queryValue(QStringLiteral("form")));
                     const Events &events = api.events();
                     api.read(req, std::move(respond), user, [query, &events](Tx &tx) {
                         QElapsedTimer timer;
                         timer.start();
                         Response out;
                         if (query.compact)
                             out.body = service::compactGraph(tx, query);
                         else
                             out = Response::json(
                                 200, query.graph
                                          ? service::graph(tx, query).toJson()
                                          : service::neighbours(tx, query.lotCode).toJson());
                         if (events.traceabilityQuery)
                             events.traceabilityQuery(double(timer.nsecsElapsed()) / 1e9);
                         return out;
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/traceability/{lot_code}/mass-balance"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::Traceability);
                     const QString direction = req.queryValue(QStringLiteral("direction"));
                     const TraceQuery query =
                         decodeTraceQuery(req.pathParams.value(QStringLiteral("lot_code")),
                                          direction.isEmpty() ? QStringLiteral("both") : direction,
                                          req.queryValue(QStringLiteral("depth")),
                                          api.config().traceMaxDepth, api.config().traceMaxNodes);
                     api.read(req, std::move(respond), user, [query](Tx &tx) {
                         return Response::json(200, service::massBalance(tx, query).toJson());
                     });
                 }));
}

} // namespace flowviz::trace
