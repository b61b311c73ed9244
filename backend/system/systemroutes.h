#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::system {

// GET /health (liveness), GET /ready (database and schema), POST /api/v1/heartbeat.
void registerRoutes(http::HttpServer &server, api::ApiContext &api, int expectedSchemaVersion);

} // namespace flowviz::system
