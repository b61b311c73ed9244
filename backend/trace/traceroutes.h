#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::trace {

// GET /api/v1/traceability/{lot_code}[?direction=backward|forward|both&depth=N]
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::trace
