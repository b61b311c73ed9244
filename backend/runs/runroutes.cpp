#include "backend/runs/runroutes.h"

#include "backend/runs/createrundecoder.h"
#include "backend/runs/runservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/validation.h"

#include <QJsonArray>
#include <QUrl>

namespace flowviz::runs {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

struct ListQuery
{
    std::optional<RunStatus> status;
    int limit = 100;
};

// ?status=ACTIVE|COMPLETED|CANCELLED&limit=1..500, or a 422 problem.
ListQuery listQuery(const Request &req)
{
    ListQuery q;
    const QString status = req.queryValue(QStringLiteral("status")).trimmed().toUpper();
    if (!status.isEmpty()) {
        q.status = runStatusFromString(status);
        if (!q.status)
            throw ApiError::validation(
                QStringLiteral("status"), QStringLiteral("status.unknown"),
                QStringLiteral("status must be ACTIVE, COMPLETED or CANCELLED."));
    }
    bool ok = true;
    const QString limitText = req.queryValue(QStringLiteral("limit"));
    q.limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
    if (!ok || q.limit < 1 || q.limit > 500)
        throw ApiError::validation(QStringLiteral("limit"), QStringLiteral("limit.range"),
                                   QStringLiteral("limit must be from 1 to 500."));
    return q;
}

Response created(const wire::Run &run)
{
    Response r = Response::json(201, run.toJson());
    r.withHeader("Location", "/api/v1/production-runs/" + QUrl::toPercentEncoding(run.runCode));
    return r;
}

QJsonObject items(const QList<wire::Run> &runs)
{
    QJsonArray out;
    for (const wire::Run &run : runs)
        out.append(run.toJson());
    return QJsonObject{{QStringLiteral("items"), out}};
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/production-runs"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageRuns, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user, [body](Tx &tx) {
                         return created(service::create(tx, decodeCreateRun(body)));
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/production-runs"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
                     const ListQuery q = listQuery(req);
                     api.read(req, std::move(respond), user, [q](Tx &tx) {
                         return Response::json(200, items(service::list(tx, q.status, q.limit)));
                     });
                 }));
    server.route("POST", QStringLiteral("/api/v1/production-runs/{run_code}/complete"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageRuns, RateBucket::Writes);
                     const QString code =
                         rules::normalizeLotCode(req.pathParams.value(QStringLiteral("run_code")));
                     api.mutate(req, std::move(respond), user, [code](Tx &tx) {
                         return Response::json(200, service::complete(tx, code).toJson());
                     });
                 }));
}

} // namespace flowviz::runs
