#include "backend/qc/qcroutes.h"

#include "backend/qc/qcservice.h"
#include "backend/qc/recorddecisiondecoder.h"
#include "backend/qc/setlimitdecoder.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include <QJsonArray>

namespace flowviz::qc {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

template <typename T> Response items(const QList<T> &records)
{
    QJsonArray out;
    for (const T &r : records)
        out.append(r.toJson());
    return Response::json(200, QJsonObject{{QStringLiteral("items"), out}});
}

Response setLimit(Tx &tx, const QString &gateNumber, const QJsonObject &body)
{
    const Gate gate = service::gateByNumber(tx, gateNumber);
    return Response::json(200, service::setLimit(tx, gate, decodeSetLimit(body, gate)).toJson());
}

} // namespace

Response recordFromJson(Tx &tx, const QJsonObject &body, const Events &events)
{
    return Response::json(201, service::record(tx, decodeRecordDecision(body), events).toJson());
}

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/qc-decisions"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanDecideQc, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [&api, body](Tx &tx) {
                         return recordFromJson(tx, body, api.events());
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/lots/{lot_code}/qc-decisions"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString code = req.pathParams.value(QStringLiteral("lot_code"));
                     api.read(req, std::move(respond), user,
                              [code](Tx &tx) { return items(service::decisionsForLot(tx, code)); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/qc-gates"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::None);
                     api.read(req, std::move(respond), user,
                              [](Tx &tx) { return items(service::gates(tx)); });
                 }));
    server.route("PUT", QStringLiteral("/api/v1/qc-gates/{gate_number}/limits"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, {Role::ADMIN}, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString gate = req.pathParams.value(QStringLiteral("gate_number"));
                     api.mutate(req, std::move(respond), user,
                                [body, gate](Tx &tx) { return setLimit(tx, gate, body); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/qc-gates/{gate_number}/limit-changes"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(
                         req, {Role::ADMIN, Role::MANAGER, Role::AUDITOR}, RateBucket::None);
                     const QString gate = req.pathParams.value(QStringLiteral("gate_number"));
                     api.read(req, std::move(respond), user,
                              [gate](Tx &tx) { return items(service::limitChanges(tx, gate)); });
                 }));
}

} // namespace flowviz::qc
