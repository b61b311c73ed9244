#include "app/core/domainlabels.h"

namespace flowviz::app {

QString DomainLabels::lotStatus(LotStatus status)
{
    switch (status) {
    case LotStatus::CREATED:
        return tr("Created");
    case LotStatus::QUARANTINE:
        return tr("In quarantine");
    case LotStatus::RELEASED:
        return tr("Released");
    case LotStatus::HOLD:
        return tr("On hold");
    case LotStatus::REJECTED:
        return tr("Rejected");
    case LotStatus::CONSUMED:
        return tr("Consumed");
    case LotStatus::FINISHED:
        return tr("Finished");
    }
    return toString(status);
}

QString DomainLabels::lotType(LotType type)
{
    switch (type) {
    case LotType::RAW:
        return tr("Raw material");
    case LotType::DEB:
        return tr("Deboned");
    case LotType::BULK:
        return tr("Bulk");
    case LotType::MIX:
        return tr("Mix");
    case LotType::SKW:
        return tr("Skewer");
    case LotType::FRZ:
        return tr("Frozen");
    case LotType::FG:
        return tr("Finished goods");
    }
    return toString(type);
}

QString DomainLabels::decision(Decision decision)
{
    switch (decision) {
    case Decision::PASS:
        return tr("PASS");
    case Decision::HOLD:
        return tr("HOLD");
    case Decision::FAIL:
        return tr("FAIL");
    }
    return toString(decision);
}

QString DomainLabels::gateType(GateType type)
{
    switch (type) {
    case GateType::CHECKPOINT:
        return tr("Checkpoint");
    case GateType::BLOCKING:
        return tr("Blocking gate");
    case GateType::INFO:
        return tr("Information only");
    }
    return toString(type);
}

QString DomainLabels::gate(int number, const QString &name, bool isCcp)
{
    return isCcp ? tr("%1. %2 (CCP)").arg(number).arg(name) : tr("%1. %2").arg(number).arg(name);
}

} // namespace flowviz::app
