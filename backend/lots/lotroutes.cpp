#include "backend/lots/lotroutes.h"

#include "backend/lots/lotservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

namespace flowviz::lots {

using namespace flowviz::api;
using http::Request;
using http::Responder;

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/lots"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanCreateLots, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [&api, body](Tx &tx) {
                         return service::create(tx, body, api.events());
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QUrlQuery query = req.query;
                     api.read(req, std::move(respond), user,
                              [query](Tx &tx) { return service::list(tx, query); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots/{lot_code}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString code = req.pathParams.value(QStringLiteral("lot_code"));
                     api.read(req, std::move(respond), user,
                              [code](Tx &tx) { return service::get(tx, code); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lot-profiles"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     api.read(req, std::move(respond), user,
                              [](Tx &tx) { return service::profiles(tx); });
                 }));
    server.route("PUT", QStringLiteral("/api/v1/lot-profiles/{lot_type}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, {Role::ADMIN}, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString type = req.pathParams.value(QStringLiteral("lot_type"));
                     api.mutate(req, std::move(respond), user, [body, type](Tx &tx) {
                         return service::updateProfile(tx, type, body);
                     });
                 }));
}

} // namespace flowviz::lots
