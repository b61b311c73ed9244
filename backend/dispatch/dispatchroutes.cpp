#include "backend/dispatch/dispatchroutes.h"

#include "backend/dispatch/dispatchdecoder.h"
#include "backend/dispatch/dispatchservice.h"

#include "backend/api/partyfields.h"
#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/validation.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::dispatch {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

struct ShipmentQuery
{
    std::optional<ShipmentStatus> status;
    QString customerCode;
    int limit = 100;
};

// ?status=OPEN|DISPATCHED|CANCELLED&customer_code=…&limit=1..500, or a 400 problem.
ShipmentQuery shipmentQuery(const Request &req)
{
    ShipmentQuery q;
    FieldErrors errors;
    const QString status = req.queryValue(QStringLiteral("status"));
    if (!status.isEmpty()) {
        q.status = shipmentStatusFromString(status);
        if (!q.status)
            errors.append({QStringLiteral("status"), QStringLiteral("field.enum"),
                           QStringLiteral("status is OPEN, DISPATCHED or CANCELLED.")});
    }
    q.customerCode = rules::normalizeLotCode(req.queryValue(QStringLiteral("customer_code")));
    q.limit = listLimit(req, errors);
    if (!errors.isEmpty())
        throw ApiError::invalidParameters(errors);
    return q;
}

QString pathCode(const Request &req, const char *name)
{
    return rules::normalizeLotCode(req.pathParams.value(QString::fromLatin1(name)));
}

Response created(const QJsonObject &body, const QByteArray &location)
{
    Response r = Response::json(201, body);
    r.withHeader("Location", location);
    return r;
}

// A POST on a shipment that changes its state (dispatch, cancel), answered with the shipment;
// `committed` names the event raised once the change is committed, if any.
void shipmentAction(http::HttpServer &server, ApiContext &api, const QString &action,
                    wire::Shipment (*work)(Tx &, const QString &),
                    std::function<void()> Events::*committed = nullptr)
{
    server.route("POST", QStringLiteral("/api/v1/shipments/{reference}/") + action,
                 guarded([&api, work, committed](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanShip, RateBucket::Writes);
                     const QString reference = pathCode(req, "reference");
                     api.mutate(req, std::move(respond), user,
                                [&api, reference, work, committed](Tx &tx) {
                                    const wire::Shipment shipment = work(tx, reference);
                                    if (committed && api.events().*committed)
                                        tx.afterCommit.append(api.events().*committed);
                                    return Response::json(200, shipment.toJson());
                                });
                 }));
}

void registerCustomerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/customers"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageCustomers, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [body](Tx &tx) {
                         const wire::Customer c =
                             service::createCustomer(tx, decodeCreateCustomer(body));
                         return created(c.toJson(), "/api/v1/customers/" +
                                                        QUrl::toPercentEncoding(c.customerCode));
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/customers"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const auto active = activeQuery(req);
                     api.read(req, std::move(respond), user, [active](Tx &tx) {
                         QJsonArray items;
                         for (const wire::Customer &c : service::customers(tx, active))
                             items.append(c.toJson());
                         return Response::json(200, QJsonObject{{QStringLiteral("items"), items}});
                     });
                 }));
    server.route(
        "PATCH", QStringLiteral("/api/v1/customers/{customer_code}"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kCanManageCustomers, RateBucket::Writes);
            const QJsonObject body = ApiContext::jsonBody(req);
            const QString code = pathCode(req, "customer_code");
            api.mutate(req, std::move(respond), user, [body, code](Tx &tx) {
                return Response::json(
                    200, service::updateCustomer(tx, code, decodeCustomerChange(body)).toJson());
            });
        }));
    server.route("POST", QStringLiteral("/api/v1/customers/{customer_code}/ship-to"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageCustomers, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString code = pathCode(req, "customer_code");
                     api.mutate(req, std::move(respond), user, [body, code](Tx &tx) {
                         return Response::json(
                             201, service::addShipTo(tx, code, decodeShipTo(body)).toJson());
                     });
                 }));
}

void registerReviewRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("GET", QStringLiteral("/api/v1/lots/{lot_code}/ccp-review"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString code = pathCode(req, "lot_code");
                     api.read(req, std::move(respond), user, [code](Tx &tx) {
                         return Response::json(200, service::ccpReview(tx, code));
                     });
                 }));
    server.route("POST", QStringLiteral("/api/v1/lots/{lot_code}/ccp-review"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanReviewCcp, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString code = pathCode(req, "lot_code");
                     api.mutate(req, std::move(respond), user, [body, code](Tx &tx) {
                         return Response::json(
                             201, service::reviewCcpRecords(tx, code, decodeReview(body)).toJson());
                     });
                 }));
}

void registerShipmentRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/shipments"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanShip, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [body](Tx &tx) {
                         const wire::Shipment s =
                             service::createShipment(tx, decodeCreateShipment(body));
                         return created(s.toJson(), "/api/v1/shipments/" +
                                                        QUrl::toPercentEncoding(s.reference));
                     });
                 }));
    server.route(
        "GET", QStringLiteral("/api/v1/shipments"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
            const ShipmentQuery q = shipmentQuery(req);
            api.read(req, std::move(respond), user, [q](Tx &tx) {
                return Response::json(
                    200, QJsonObject{{QStringLiteral("items"),
                                      service::shipments(tx, q.status, q.customerCode, q.limit)}});
            });
        }));
    server.route("GET", QStringLiteral("/api/v1/shipments/{reference}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const QString reference = pathCode(req, "reference");
                     api.read(req, std::move(respond), user, [reference](Tx &tx) {
                         return Response::json(200, service::shipment(tx, reference).toJson());
                     });
                 }));
    server.route("POST", QStringLiteral("/api/v1/shipments/{reference}/lines"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanShip, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString reference = pathCode(req, "reference");
                     api.mutate(req, std::move(respond), user, [body, reference](Tx &tx) {
                         return Response::json(
                             201, service::addLine(tx, reference, decodeAddLine(body)).toJson());
                     });
                 }));
    server.route("DELETE", QStringLiteral("/api/v1/shipments/{reference}/lines/{lot_code}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanShip, RateBucket::Writes);
                     const QString reference = pathCode(req, "reference");
                     const QString lot = pathCode(req, "lot_code");
                     api.mutate(req, std::move(respond), user, [reference, lot](Tx &tx) {
                         service::removeLine(tx, reference, lot);
                         return Response::noContent();
                     });
                 }));
    shipmentAction(server, api, QStringLiteral("dispatch"), &service::dispatchShipment,
                   &Events::shipmentDispatched);
    shipmentAction(server, api, QStringLiteral("cancel"), &service::cancelShipment);
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    registerCustomerRoutes(server, api);
    registerReviewRoutes(server, api);
    registerShipmentRoutes(server, api);
}

} // namespace flowviz::dispatch
