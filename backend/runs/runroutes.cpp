#include "backend/runs/runroutes.h"

#include "backend/runs/runrepository.h"

#include "backend/api/bodyreader.h"
#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/validation.h"

namespace flowviz::runs {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

Response create(Tx &tx, const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("run_code"),
                         QStringLiteral("daily_target_kg")});
    const QUuid id = in.uuid(QStringLiteral("id"), false).value_or(QUuid::createUuid());
    QString code;
    if (const auto raw = in.string(QStringLiteral("run_code"), true, 1000)) {
        code = rules::normalizeLotCode(*raw);
        in.add(rules::checkLotCode(code, QStringLiteral("run_code")));
    }
    const auto target = in.decimal(QStringLiteral("daily_target_kg"), false);
    if (target)
        in.add(rules::checkWeight(*target, QStringLiteral("daily_target_kg")));
    in.throwIfErrors();
    RunRepository repo(tx.db);
    try {
        tx.db.savepoint("run_insert", [&] { repo.insert(id, code, target, tx.user.userId); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        throw ApiError::conflict(QStringLiteral("duplicate-run-code"),
                                 QStringLiteral("Run code already used"),
                                 QStringLiteral("Production run %1 already exists.").arg(code));
    }
    Response r = Response::json(201, *repo.find(code));
    r.withHeader("Location", "/api/v1/production-runs/" + QUrl::toPercentEncoding(code));
    return r;
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("POST", QStringLiteral("/api/v1/production-runs"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageRuns, RateBucket::Writes);
                     const QJsonObject body = ApiContext::jsonBody(req);
                     api.mutate(req, std::move(respond), user,
                                [body](Tx &tx) { return create(tx, body); });
                 }));
    server.route(
        "GET", QStringLiteral("/api/v1/production-runs"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kAnyRole, RateBucket::LotReads);
            const QString status = req.queryValue(QStringLiteral("status")).trimmed().toUpper();
            if (!status.isEmpty() && !runStatusFromString(status))
                throw ApiError::validation(
                    QStringLiteral("status"), QStringLiteral("status.unknown"),
                    QStringLiteral("status must be ACTIVE, COMPLETED or CANCELLED."));
            bool ok = true;
            const QString limitText = req.queryValue(QStringLiteral("limit"));
            const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
            if (!ok || limit < 1 || limit > 500)
                throw ApiError::validation(QStringLiteral("limit"), QStringLiteral("limit.range"),
                                           QStringLiteral("limit must be from 1 to 500."));
            api.read(req, std::move(respond), user, [status, limit](Tx &tx) {
                RunRepository repo(tx.db);
                return Response::json(
                    200, QJsonObject{{QStringLiteral("items"), repo.list(status, limit)}});
            });
        }));
    server.route("POST", QStringLiteral("/api/v1/production-runs/{run_code}/complete"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanManageRuns, RateBucket::Writes);
                     const QString code =
                         rules::normalizeLotCode(req.pathParams.value(QStringLiteral("run_code")));
                     api.mutate(req, std::move(respond), user, [code](Tx &tx) {
                         RunRepository repo(tx.db);
                         const auto run = repo.find(code);
                         if (!run)
                             throw ApiError::notFound(
                                 QStringLiteral("No production run %1.").arg(code));
                         if (!repo.complete(code))
                             throw ApiError::conflict(
                                 QStringLiteral("run-not-active"), QStringLiteral("Run not active"),
                                 QStringLiteral("Production run %1 is %2; only an ACTIVE run can "
                                                "be completed.")
                                     .arg(code, run->value(QStringLiteral("status")).toString()));
                         return Response::json(200, *repo.find(code));
                     });
                 }));
}

} // namespace flowviz::runs
