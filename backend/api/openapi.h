#pragma once

#include <QJsonObject>

namespace flowviz::http {
class HttpServer;
}

namespace flowviz::openapi {

// The OpenAPI 3.1 description of API v1 (compiled in from backend/api/openapi.json).
QJsonObject document();
// GET /openapi.json.
void registerRoutes(http::HttpServer &server);

} // namespace flowviz::openapi
