#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace flowviz {

enum class LotType
{
    RAW,
    DEB,
    BULK,
    MIX,
    SKW,
    FRZ,
    FG
};
enum class LotStatus
{
    CREATED,
    QUARANTINE,
    RELEASED,
    HOLD,
    REJECTED,
    CONSUMED,
    FINISHED
};
enum class Decision
{
    PASS,
    HOLD,
    FAIL
};
enum class GateType
{
    CHECKPOINT,
    BLOCKING,
    INFO
};
enum class Role
{
    ADMIN,
    MANAGER,
    AUDITOR,
    OPERATOR,
    VIEWER
};
enum class RunStatus
{
    ACTIVE,
    COMPLETED,
    CANCELLED
};
enum class ShipmentStatus
{
    OPEN,
    DISPATCHED,
    CANCELLED
};
enum class RecallStatus
{
    OPEN,
    CLOSED
};

// Wire names are the enumerator names ("RAW", "PASS", ...). Parsing is exact and
// case-sensitive except where noted by the caller.
QString toString(LotType v);
QString toString(LotStatus v);
QString toString(Decision v);
QString toString(GateType v);
QString toString(Role v);
QString toString(RunStatus v);
QString toString(ShipmentStatus v);
QString toString(RecallStatus v);

std::optional<LotType> lotTypeFromString(QStringView s);
std::optional<LotStatus> lotStatusFromString(QStringView s);
std::optional<Decision> decisionFromString(QStringView s);
std::optional<GateType> gateTypeFromString(QStringView s);
std::optional<Role> roleFromString(QStringView s);
std::optional<RunStatus> runStatusFromString(QStringView s);
std::optional<ShipmentStatus> shipmentStatusFromString(QStringView s);
std::optional<RecallStatus> recallStatusFromString(QStringView s);

QList<LotType> allLotTypes();
QList<LotStatus> allLotStatuses();
QList<Decision> allDecisions();
QList<Role> allRoles();

} // namespace flowviz
