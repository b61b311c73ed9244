#pragma once

#include "backend/http/httptypes.h"

#include "domain/wire/lot.h"

namespace flowviz::http {
class HttpServer;
}
namespace flowviz::api {
class ApiContext;
}

namespace flowviz::lots {

// POST/GET /api/v1/lots, GET /api/v1/lots/{lot_code}, lot profiles.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

// The answer to a registration: 201 with the lot and its Location. The sync batch answers a
// queued registration with the same.
http::Response registeredAnswer(const wire::Lot &lot);

} // namespace flowviz::lots
