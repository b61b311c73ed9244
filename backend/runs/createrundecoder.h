#pragma once

#include "domain/wire/run.h"

#include <QJsonObject>

namespace flowviz::runs {

// The strict decoder of a POST /api/v1/production-runs body: unknown members, wrong types and
// broken rules become one 422 ApiError listing every problem. The run code comes out
// normalised.
wire::CreateRun decodeCreateRun(const QJsonObject &body);

} // namespace flowviz::runs
