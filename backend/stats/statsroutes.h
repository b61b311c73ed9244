#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::stats {

// GET /api/v1/stats/lots, /stats/qc, /stats/qc/decisions, /stats/holds, /stats/workstations:
// the supervisor dashboard.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::stats
