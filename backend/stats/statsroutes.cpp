#include "backend/stats/statsroutes.h"

#include "backend/stats/statsparams.h"
#include "backend/stats/statsservice.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"

#include "domain/wire/problem.h"

#include <QLoggingCategory>
#include <QTimeZone>

namespace flowviz::stats {

Q_LOGGING_CATEGORY(lcStats, "flowviz.stats")

using namespace flowviz::api;
using http::Request;
using http::Responder;

namespace {

// Supervisors and those who look over their shoulder; operators work at the line and get the
// figures they need on their own pages.
constexpr std::initializer_list<Role> kCanViewStats = {Role::ADMIN, Role::MANAGER, Role::AUDITOR,
                                                       Role::VIEWER};

// The plant's zone, or a 500 problem naming the setting to fix.
QTimeZone plantZone(const QTimeZone &zone, const QString &configured)
{
    if (!zone.isValid())
        throw ApiError(wire::Problem{
            wire::Problem::Kind::Internal,
            wire::problemtype::kPlantTimeZone,
            QStringLiteral("Plant time zone unknown"),
            QStringLiteral("The server's plant time zone \"%1\" is not a known IANA time zone; "
                           "ask IT to correct --plant-time-zone (FLOWVIZ_PLANT_TIME_ZONE).")
                .arg(configured),
            {}});
    return zone;
}

// A 200 answer with a statistics record.
template <typename Stats> http::Response ok(const Stats &stats)
{
    return http::Response::json(200, stats.toJson());
}

} // namespace

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    const QString configured = api.config().plantTimeZone;
    const QTimeZone zone(configured.toUtf8());
    if (!zone.isValid())
        qCWarning(lcStats).noquote()
            << QStringLiteral("plant time zone \"%1\" is unknown; the stats API will answer 500")
                   .arg(configured);

    server.route("GET", QStringLiteral("/api/v1/stats/lots"),
                 guarded([&api, zone, configured](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanViewStats, RateBucket::LotReads);
                     const QTimeZone z = plantZone(zone, configured);
                     const SeriesParams params = parseSeriesParams(req.query, z);
                     api.read(req, std::move(respond), user,
                              [params, z](Tx &tx) { return ok(service::lots(tx, params, z)); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/stats/qc"),
                 guarded([&api, zone, configured](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanViewStats, RateBucket::LotReads);
                     const QTimeZone z = plantZone(zone, configured);
                     const SeriesParams params = parseSeriesParams(req.query, z);
                     api.read(req, std::move(respond), user,
                              [params, z](Tx &tx) { return ok(service::qc(tx, params, z)); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/stats/qc/decisions"),
                 guarded([&api, zone, configured](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanViewStats, RateBucket::LotReads);
                     const QTimeZone z = plantZone(zone, configured);
                     const DecisionListParams params = parseDecisionListParams(req.query);
                     api.read(req, std::move(respond), user, [params, z](Tx &tx) {
                         return ok(service::qcDecisions(tx, params, z));
                     });
                 }));
    server.route("GET", QStringLiteral("/api/v1/stats/holds"),
                 guarded([&api, zone, configured](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanViewStats, RateBucket::LotReads);
                     const QTimeZone z = plantZone(zone, configured);
                     api.read(req, std::move(respond), user,
                              [z](Tx &tx) { return ok(service::holds(tx, z)); });
                 }));
    server.route("GET", QStringLiteral("/api/v1/stats/workstations"),
                 guarded([&api, zone, configured](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanViewStats, RateBucket::LotReads);
                     const QTimeZone z = plantZone(zone, configured);
                     api.read(req, std::move(respond), user,
                              [z](Tx &tx) { return ok(service::workstations(tx, z)); });
                 }));
}

} // namespace flowviz::stats
