#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::runs {

// POST/GET /api/v1/production-runs, POST /api/v1/production-runs/{run_code}/complete.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::runs
