#include "domain/lotstatusrules.h"

namespace flowviz::statusrules {

LotStatus statusAfter(Decision latestDecision)
{
    switch (latestDecision) {
    case Decision::PASS:
        return LotStatus::RELEASED;
    case Decision::HOLD:
        return LotStatus::HOLD;
    case Decision::FAIL:
        return LotStatus::REJECTED;
    }
    return LotStatus::CREATED;
}

std::optional<QString> parentRefusalReason(LotStatus status)
{
    switch (status) {
    case LotStatus::HOLD:
        return QStringLiteral("it is on HOLD; ask QC to release it");
    case LotStatus::QUARANTINE:
        return QStringLiteral("it is in QUARANTINE; ask QC to release it");
    case LotStatus::REJECTED:
        return QStringLiteral("it was REJECTED by QC and must not be used");
    case LotStatus::CREATED:
    case LotStatus::RELEASED:
    case LotStatus::CONSUMED:
    case LotStatus::FINISHED:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace flowviz::statusrules
