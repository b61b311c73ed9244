#include "backend/qc/qcroutes.h"

#include "backend/qc/qcservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

namespace flowviz::qc {

using namespace flowviz::api;
using http::Request;
using http::Responder;

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/qc-decisions"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanDecideQc, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [&api, body](Tx &tx) {
                         return service::record(tx, body, api.events());
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots/{lot_code}/qc-decisions"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString code = req.pathParams.value(QStringLiteral("lot_code"));
                     api.read(req, std::move(respond), user,
                              [code](Tx &tx) { return service::decisionsForLot(tx, code); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/qc-gates"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::None);
                     api.read(req, std::move(respond), user,
                              [](Tx &tx) { return service::gates(tx); });
                 }));
    server.route("PUT", QStringLiteral("/api/v1/qc-gates/{gate_number}/limits"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, {Role::ADMIN}, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString gate = req.pathParams.value(QStringLiteral("gate_number"));
                     api.mutate(req, std::move(respond), user,
                                [body, gate](Tx &tx) { return service::setLimit(tx, gate, body); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/qc-gates/{gate_number}/limit-changes"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(
                         req, {Role::ADMIN, Role::MANAGER, Role::AUDITOR}, RateBucket::None);
                     const QString gate = req.pathParams.value(QStringLiteral("gate_number"));
                     api.read(req, std::move(respond), user,
                              [gate](Tx &tx) { return service::limitChanges(tx, gate); });
                 }));
}

} // namespace flowviz::qc
