#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::dispatch {

// Customers (GET/POST /api/v1/customers, PATCH /api/v1/customers/{customer_code},
// POST /api/v1/customers/{customer_code}/ship-to), the CCP review of a lot
// (GET/POST /api/v1/lots/{lot_code}/ccp-review) and shipments (GET/POST /api/v1/shipments,
// GET /api/v1/shipments/{reference}, POST .../lines, DELETE .../lines/{lot_code},
// POST .../dispatch, POST .../cancel).
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::dispatch
