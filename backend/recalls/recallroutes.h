#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::recalls {

// Recalls: POST /api/v1/recalls (open), GET /api/v1/recalls (list),
// GET /api/v1/recalls/{reference} (JSON, ?format=csv or ?format=xlsx),
// POST /api/v1/recalls/{reference}/close.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::recalls
