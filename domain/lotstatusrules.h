#pragma once

#include "domain/enums.h"

#include <QString>

#include <optional>

namespace flowviz::statusrules {

// The lot status a QC decision puts a lot in: PASS releases (also after a HOLD), HOLD holds,
// FAIL rejects. The decision with the latest decision time wins, whatever its arrival order.
LotStatus statusAfter(Decision latestDecision);

// Why a lot in this status may not be drawn from as a parent, or nullopt when it may.
std::optional<QString> parentRefusalReason(LotStatus status);

} // namespace flowviz::statusrules
