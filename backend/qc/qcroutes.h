#pragma once

#include "backend/api/apicontext.h"

#include <QJsonObject>

namespace flowviz::http {
class HttpServer;
}

namespace flowviz::qc {

// POST /api/v1/qc-decisions, GET /api/v1/lots/{lot_code}/qc-decisions, GET /api/v1/qc-gates,
// PUT /api/v1/qc-gates/{gate_number}/limits, GET /api/v1/qc-gates/{gate_number}/limit-changes.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

// POST /api/v1/qc-decisions inside an open transaction: decodes `body`, records the decision
// and answers 201 with it, as the route does. For the sync batch, which runs the same operation.
http::Response recordFromJson(api::Tx &tx, const QJsonObject &body, const api::Events &events);

} // namespace flowviz::qc
