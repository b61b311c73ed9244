#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::qc {

// POST /api/v1/qc-decisions, GET /api/v1/lots/{lot_code}/qc-decisions, GET /api/v1/qc-gates.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::qc
