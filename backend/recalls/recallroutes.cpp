#include "backend/recalls/recallroutes.h"

#include "backend/recalls/recalldecoder.h"
#include "backend/recalls/recallexport.h"
#include "backend/recalls/recallservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/validation.h"

#include <QJsonArray>
#include <QUrl>

#include <stdexcept>

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

// The longest window one KDE export covers: FSMA 204 asks for records by product and date
// range; a year bounds what one request may read.
constexpr qint64 kMaxKdeDays = 366;

struct KdeQuery
{
    LotType product = LotType::FG;
    QDate from;
    QDate to;
};

// ?product=<lot type>&from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, both included), or a 400 problem.
KdeQuery kdeQuery(const Request &req)
{
    KdeQuery q;
    FieldErrors errors;
    const QString product = req.queryValue(QStringLiteral("product"));
    if (const auto type = lotTypeFromString(product))
        q.product = *type;
    else
        errors.append(
            {QStringLiteral("product"),
             QString::fromLatin1(product.isEmpty() ? "field.required" : "field.enum"),
             QStringLiteral("product is a lot type: RAW, DEB, BULK, MIX, SKW, FRZ or FG.")});
    for (const auto &[name, day] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
        const QString text = req.queryValue(QString::fromLatin1(name));
        *day = QDate::fromString(text, Qt::ISODate);
        if (text.size() != 10 || !day->isValid())
            errors.append(
                {QString::fromLatin1(name),
                 QString::fromLatin1(text.isEmpty() ? "field.required" : "field.type"),
                 QStringLiteral("%1 is a day as YYYY-MM-DD.").arg(QString::fromLatin1(name))});
    }
    if (errors.isEmpty() && q.from > q.to)
        errors.append({QStringLiteral("to"), QStringLiteral("range.order"),
                       QStringLiteral("to must not be before from.")});
    else if (errors.isEmpty() && q.from.daysTo(q.to) >= kMaxKdeDays)
        errors.append({QStringLiteral("to"), QStringLiteral("range.too_long"),
                       QStringLiteral("One export covers at most %1 days.").arg(kMaxKdeDays)});
    if (!errors.isEmpty())
        throw ApiError::invalidParameters(errors);
    return q;
}

QString reference(const Request &req)
{
    return rules::normalizeLotCode(req.pathParams.value(QStringLiteral("reference")));
}

constexpr const char *kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `name` is the file's name without "flowviz-" and the suffix.
Response attachment(const QByteArray &contentType, const QString &name, const char *suffix,
                    const QByteArray &body)
{
    Response r;
    r.contentType = contentType;
    r.body = body;
    r.withHeader("Content-Disposition",
                 "attachment; filename=\"flowviz-" + QUrl::toPercentEncoding(name) + suffix + '"');
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
    server.route("GET", QStringLiteral("/api/v1/recalls/{reference}"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanReadRecalls, RateBucket::LotReads);
                     const QString ref = reference(req);
                     const Format format = formatQuery(req);
                     api.read(req, std::move(respond), user, [ref, format](Tx &tx) {
                         switch (format) {
                         case Format::Csv:
                             return attachment("text/csv; charset=utf-8",
                                               QStringLiteral("recall-") + ref, ".csv",
                                               recallCsv(service::recall(tx, ref)));
                         case Format::Xlsx:
                             return attachment(kXlsxType, QStringLiteral("recall-") + ref, ".xlsx",
                                               service::recallWorkbook(tx, ref));
                         case Format::Json:
                             break;
                         }
                         return Response::json(200, service::recall(tx, ref).toJson());
                     });
                 }));
    server.route(
        "GET", QStringLiteral("/api/v1/kde-events"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kCanReadRecalls, RateBucket::LotReads);
            const KdeQuery q = kdeQuery(req);
            const Format format = formatQuery(req);
            api.read(req, std::move(respond), user, [q, format](Tx &tx) {
                const QList<KdeEvent> events = service::kdeEvents(tx, q.product, q.from, q.to);
                const QString name = QStringLiteral("kde-%1-%2-%3")
                                         .arg(toString(q.product), q.from.toString(Qt::ISODate),
                                              q.to.toString(Qt::ISODate));
                switch (format) {
                case Format::Csv:
                    return attachment("text/csv; charset=utf-8", name, ".csv", kdeCsv(events));
                case Format::Xlsx: {
                    const QByteArray book = kdeXlsx(toString(q.product), q.from, q.to, events);
                    if (book.isEmpty())
                        throw std::runtime_error("the KDE workbook could not be written");
                    return attachment(kXlsxType, name, ".xlsx", book);
                }
                case Format::Json:
                    break;
                }
                QJsonArray items;
                for (const KdeEvent &e : events)
                    items.append(kdeJson(e));
                return Response::json(
                    200, QJsonObject{{QStringLiteral("product"), toString(q.product)},
                                     {QStringLiteral("from"), q.from.toString(Qt::ISODate)},
                                     {QStringLiteral("to"), q.to.toString(Qt::ISODate)},
                                     {QStringLiteral("events"), items}});
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
