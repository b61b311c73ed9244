#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::lots {

// POST/GET /api/v1/lots, GET /api/v1/lots/{lot_code}, lot profiles.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::lots
