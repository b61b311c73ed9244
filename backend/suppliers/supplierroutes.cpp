#include "backend/suppliers/supplierroutes.h"

#include "backend/suppliers/supplierdecoder.h"
#include "backend/suppliers/supplierservice.h"

#include "backend/api/partyfields.h"
#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/receiving.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::suppliers {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

struct ReceiptQuery
{
    QString supplierLotCode;
    int limit = 100;
};

// ?supplier_lot_code=…&limit=1..500, or a 422 problem.
ReceiptQuery receiptQuery(const Request &req)
{
    ReceiptQuery q;
    FieldErrors errors;
    const QString field = QStringLiteral("supplier_lot_code");
    if (req.query.hasQueryItem(field)) {
        q.supplierLotCode = req.queryValue(field);
        if (const auto e = rules::checkSupplierLotCode(q.supplierLotCode, field))
            errors.append(*e);
    }
    q.limit = listLimit(req, errors);
    if (!errors.isEmpty())
        throw ApiError::invalidParameters(errors);
    return q;
}

QString codeOf(const Request &req)
{
    return rules::normalizeLotCode(req.pathParams.value(QStringLiteral("supplier_code")));
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/suppliers"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageSuppliers, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [body](Tx &tx) {
                         const wire::Supplier s = service::create(tx, decodeCreateSupplier(body));
                         Response r = Response::json(201, s.toJson());
                         r.withHeader("Location", "/api/v1/suppliers/" +
                                                      QUrl::toPercentEncoding(s.supplierCode));
                         return r;
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/suppliers"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const auto active = activeQuery(req);
                     api.read(req, std::move(respond), user, [active](Tx &tx) {
                         QJsonArray items;
                         for (const wire::Supplier &s : service::list(tx, active))
                             items.append(s.toJson());
                         return Response::json(200, QJsonObject{{QStringLiteral("items"), items}});
                     });
                 }));
    server.route("PATCH", QStringLiteral("/api/v1/suppliers/{supplier_code}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageSuppliers, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString code = codeOf(req);
                     api.mutate(req, std::move(respond), user, [body, code](Tx &tx) {
                         return Response::json(
                             200, service::update(tx, code, decodeSupplierChange(body)).toJson());
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/suppliers/{supplier_code}/receipts"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const ReceiptQuery q = receiptQuery(req);
                     const QString code = codeOf(req);
                     api.read(req, std::move(respond), user, [q, code](Tx &tx) {
                         return Response::json(
                             200, service::receipts(tx, code, q.supplierLotCode, q.limit));
                     });
                 }));
}

} // namespace flowviz::suppliers
