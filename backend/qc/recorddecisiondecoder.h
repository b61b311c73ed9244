#pragma once

#include "domain/wire/decision.h"

#include <QJsonObject>

namespace flowviz::qc {

// The strict decoder of a POST /api/v1/qc-decisions body (also one operation of a sync batch):
// unknown members, wrong types and broken rules become one 422 ApiError listing every problem.
wire::RecordDecision decodeRecordDecision(const QJsonObject &body);

} // namespace flowviz::qc
