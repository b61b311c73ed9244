#include "backend/recalls/recallroutes.h"

#include "backend/recalls/recalldecoder.h"
#include "backend/recalls/recallexport.h"
#include "backend/recalls/recallservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/validation.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::recalls {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

enum class Format
{
    Json,
    Csv,
    Xlsx
};

// ?format=json|csv|xlsx, or a 400 problem.
Format formatQuery(const Request &req)
{
    const QString format = req.queryValue(QStringLiteral("format"));
    if (format.isEmpty() || format == u"json")
        return Format::Json;
    if (format == u"csv")
        return Format::Csv;
    if (format == u"xlsx")
        return Format::Xlsx;
    throw ApiError::invalidParameters({{QStringLiteral("format"), QStringLiteral("format.unknown"),
                                        QStringLiteral("format must be json, csv or xlsx.")}});
}

struct ListQuery
{
    std::optional<RecallStatus> status;
    std::optional<bool> drill;
    int limit = 100;
};

// ?status=OPEN|CLOSED&drill=true|false&limit=1..500, or a 400 problem.
ListQuery listQuery(const Request &req)
{
    ListQuery q;
    FieldErrors errors;
    const QString status = req.queryValue(QStringLiteral("status"));
    if (!status.isEmpty()) {
        q.status = recallStatusFromString(status);
        if (!q.status)
            errors.append({QStringLiteral("status"), QStringLiteral("field.enum"),
                           QStringLiteral("status is OPEN or CLOSED.")});
    }
    const QString drill = req.queryValue(QStringLiteral("drill"));
    if (drill == u"true" || drill == u"false")
        q.drill = drill == u"true";
    else if (!drill.isEmpty())
        errors.append({QStringLiteral("drill"), QStringLiteral("field.type"),
                       QStringLiteral("drill must be true or false.")});
    q.limit = listLimit(req, errors);
    if (!errors.isEmpty())
        throw ApiError::invalidParameters(errors);
    return q;
}

QString reference(const Request &req)
{
    return rules::normalizeLotCode(req.pathParams.value(QStringLiteral("reference")));
}

Response attachment(const QByteArray &contentType, const QString &reference, const char *suffix,
                    const QByteArray &body)
{
    Response r;
    r.contentType = contentType;
    r.body = body;
    r.withHeader("Content-Disposition", "attachment; filename=\"flowviz-recall-" +
                                            QUrl::toPercentEncoding(reference) + suffix + '"');
    return r;
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/recalls"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanRecall, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [&api, body](Tx &tx) {
                         const wire::Recall r = service::openRecall(tx, decodeOpenRecall(body));
                         if (api.events().recallOpened)
                             tx.afterCommit.append(
                                 [&api, drill = r.drill] { api.events().recallOpened(drill); });
                         Response out = Response::json(201, r.toJson());
                         out.withHeader("Location",
                                        "/api/v1/recalls/" + QUrl::toPercentEncoding(r.reference));
                         return out;
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/recalls"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanReadRecalls, RateBucket::LotReads);
                     const ListQuery q = listQuery(req);
                     api.read(req, std::move(respond), user, [q](Tx &tx) {
                         QJsonArray items;
                         for (const wire::Recall &r :
                              service::recalls(tx, q.status, q.drill, q.limit))
                             items.append(r.summaryJson());
                         return Response::json(200, QJsonObject{{QStringLiteral("items"), items}});
                     });
                 }));
    server.route(
        "GET", QStringLiteral("/api/v1/recalls/{reference}"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kCanReadRecalls, RateBucket::LotReads);
            const QString ref = reference(req);
            const Format format = formatQuery(req);
            api.read(req, std::move(respond), user, [ref, format](Tx &tx) {
                switch (format) {
                case Format::Csv:
                    return attachment("text/csv; charset=utf-8", ref, ".csv",
                                      recallCsv(service::recall(tx, ref)));
                case Format::Xlsx:
                    return attachment(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ref,
                        ".xlsx", service::recallWorkbook(tx, ref));
                case Format::Json:
                    break;
                }
                return Response::json(200, service::recall(tx, ref).toJson());
            });
        }));
    server.route("POST", QStringLiteral("/api/v1/recalls/{reference}/close"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanRecall, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     const QString ref = reference(req);
                     api.mutate(req, std::move(respond), user, [body, ref](Tx &tx) {
                         return Response::json(
                             200, service::closeRecall(tx, ref, decodeCloseNote(body)).toJson());
                     });
                 }));
}

} // namespace flowviz::recalls
