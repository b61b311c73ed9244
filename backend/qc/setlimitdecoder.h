#pragma once

#include "backend/qc/qcrepository.h"

#include "domain/criticallimit.h"

#include <QJsonObject>

namespace flowviz::qc {

// A new critical limit for a CCP gate, with the reason the audit keeps.
struct SetLimit
{
    CriticalLimit limit;
    QString reason; // trimmed
};

// The strict decoder of a PUT /api/v1/qc-gates/{gate_number}/limits body for `gate`: problems
// with the body, and a gate that is not a CCP, become one 422 ApiError listing every problem.
SetLimit decodeSetLimit(const QJsonObject &body, const Gate &gate);

} // namespace flowviz::qc
