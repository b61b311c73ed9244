#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::auth {

// POST /api/v1/auth/login, GET /api/v1/auth/me.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::auth
