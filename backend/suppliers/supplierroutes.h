#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::suppliers {

// GET/POST /api/v1/suppliers, PATCH /api/v1/suppliers/{supplier_code},
// GET /api/v1/suppliers/{supplier_code}/receipts.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::suppliers
