#include "backend/lots/lotroutes.h"

#include "backend/lots/lotcommands.h"
#include "backend/lots/lotintake.h"
#include "backend/lots/lotservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::lots {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

Response profilesAnswer(const QList<TemperatureProfile> &profiles)
{
    QJsonArray items;
    for (const TemperatureProfile &p : profiles)
        items.append(p.toJson());
    return Response::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

} // namespace

http::Response registeredAnswer(const wire::Lot &lot)
{
    Response r = Response::json(201, lot.toJson());
    r.withHeader("Location", "/api/v1/lots/" + QUrl::toPercentEncoding(lot.lotCode));
    return r;
}

namespace {

void registerLotRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/lots"),
                 guarded([&api, intake = std::make_shared<LotIntake>(api)](const Request &req,
                                                                           Responder respond) {
                     const auto user = api.authorize(req, kCanCreateLots, RateBucket::Writes);
                     const wire::RegisterLot command = decodeRegisterLot(ApiContext::jsonBody(req));
                     // A replay must see the first answer, and a lot drawing from parents
                     // waits for their locks: such requests keep a transaction of their own.
                     if (!req.header("idempotency-key").isEmpty() || !command.parents.isEmpty()) {
                         api.mutate(req, std::move(respond), user, [&api, command](Tx &tx) {
                             return registeredAnswer(service::create(tx, command, api.events()));
                         });
                         return;
                     }
                     intake->submit(req, std::move(respond), user, command);
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QUrlQuery query = req.query;
                     api.read(req, std::move(respond), user, [query](Tx &tx) {
                         return Response::json(200,
                                               service::list(tx, decodeLotQuery(query)).toJson());
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots/{lot_code}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString code = req.pathParams.value(QStringLiteral("lot_code"));
                     api.read(req, std::move(respond), user, [code](Tx &tx) {
                         return Response::json(200, service::get(tx, code).toJson());
                     });
                 }));
}

void registerProfileRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("GET", QStringLiteral("/api/v1/lot-profiles"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     api.read(req, std::move(respond), user,
                              [](Tx &tx) { return profilesAnswer(service::profiles(tx)); });
                 }));
    server.route("PUT", QStringLiteral("/api/v1/lot-profiles/{lot_type}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, {Role::ADMIN}, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString type = req.pathParams.value(QStringLiteral("lot_type"));
                     api.mutate(req, std::move(respond), user, [body, type](Tx &tx) {
                         const TemperatureProfile profile = decodeProfileUpdate(type, body);
                         return Response::json(200, service::updateProfile(tx, profile).toJson());
                     });
                 }));
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    registerLotRoutes(server, api);
    registerProfileRoutes(server, api);
}

} // namespace flowviz::lots
