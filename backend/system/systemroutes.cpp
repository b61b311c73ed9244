#include "backend/system/systemroutes.h"

#include "backend/system/systemrepository.h"

#include "backend/api/bodyreader.h"
#include "backend/api/routing.h"
#include "backend/db/migrator.h"
#include "backend/http/httpserver.h"

#include "domain/wire/problem.h"

#include <QDateTime>

namespace flowviz::system {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

void registerRoutes(http::HttpServer &server, ApiContext &api, int expectedSchemaVersion)
{
    server.route("GET", QStringLiteral("/health"), [](const Request &, Responder respond) {
        respond(Response::json(
            200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                             {QStringLiteral("version"), QStringLiteral(FLOWVIZ_VERSION)},
                             {QStringLiteral("timestamp"),
                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}));
    });
    server.route("GET", QStringLiteral("/ready"),
                 [&api, expectedSchemaVersion](const Request &req, Responder respond) {
                     api.run(req, std::move(respond), [expectedSchemaVersion](db::PgSession &db) {
                         const int version = db::Migrator::currentVersion(db);
                         if (version != expectedSchemaVersion) {
                             Response r = http::problem(
                                 503, wire::problemtype::kNotReady, QStringLiteral("Not ready"),
                                 QStringLiteral(
                                     "The database schema is at version %1; this server needs %2.")
                                     .arg(version)
                                     .arg(expectedSchemaVersion));
                             r.withHeader("Retry-After", "5");
                             return r;
                         }
                         return Response::json(
                             200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")},
                                              {QStringLiteral("schema_version"), version}});
                     });
                 });
    server.route(
        "POST", QStringLiteral("/api/v1/heartbeat"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kCanWrite, RateBucket::None);
            BodyReader in(ApiContext::jsonBody(req),
                          {QStringLiteral("workstation_id"), QStringLiteral("pending_sync"),
                           QStringLiteral("app_version")});
            const auto ws = in.string(QStringLiteral("workstation_id"), true, 64);
            if (ws && ws->trimmed().isEmpty())
                in.add({QStringLiteral("workstation_id"), QStringLiteral("field.required"),
                        QStringLiteral("\"workstation_id\" is required.")});
            const auto pending = in.integer(QStringLiteral("pending_sync"), true);
            if (pending && *pending < 0)
                in.add({QStringLiteral("pending_sync"), QStringLiteral("pending_sync.range"),
                        QStringLiteral("pending_sync cannot be negative.")});
            const QString version =
                in.string(QStringLiteral("app_version"), false, 64).value_or(QString());
            in.throwIfErrors();
            const QString id = ws->trimmed();
            const int count = *pending;
            api.mutate(req, std::move(respond), user, [id, count, version](Tx &tx) {
                SystemRepository(tx.db).recordHeartbeat(id, tx.user.userId, count, version);
                return Response::noContent();
            });
        }));
}

} // namespace flowviz::system
