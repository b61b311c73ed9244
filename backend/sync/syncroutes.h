#pragma once

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::sync {

// POST /api/v1/sync: a workstation's outbox in batches of up to 500 operations.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

} // namespace flowviz::sync
