#include "domain/enums.h"

#include <array>
#include <utility>

namespace flowviz {

namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E v)
{
    for (const auto &[e, name] : table) {
        if (e == v)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t *>, N> &table, QStringView s)
{
    for (const auto &[e, name] : table) {
        if (s == QStringView(name))
            return e;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QList<E> valuesOf(const std::array<std::pair<E, const char16_t *>, N> &table)
{
    QList<E> out;
    for (const auto &entry : table)
        out.append(entry.first);
    return out;
}

constexpr std::array<std::pair<LotType, const char16_t *>, 7> kLotTypes{{
    {LotType::RAW, u"RAW"},
    {LotType::DEB, u"DEB"},
    {LotType::BULK, u"BULK"},
    {LotType::MIX, u"MIX"},
    {LotType::SKW, u"SKW"},
    {LotType::FRZ, u"FRZ"},
    {LotType::FG, u"FG"},
}};

constexpr std::array<std::pair<LotStatus, const char16_t *>, 7> kLotStatuses{{
    {LotStatus::CREATED, u"CREATED"},
    {LotStatus::QUARANTINE, u"QUARANTINE"},
    {LotStatus::RELEASED, u"RELEASED"},
    {LotStatus::HOLD, u"HOLD"},
    {LotStatus::REJECTED, u"REJECTED"},
    {LotStatus::CONSUMED, u"CONSUMED"},
    {LotStatus::FINISHED, u"FINISHED"},
}};

constexpr std::array<std::pair<Decision, const char16_t *>, 3> kDecisions{{
    {Decision::PASS, u"PASS"},
    {Decision::HOLD, u"HOLD"},
    {Decision::FAIL, u"FAIL"},
}};

constexpr std::array<std::pair<GateType, const char16_t *>, 3> kGateTypes{{
    {GateType::CHECKPOINT, u"CHECKPOINT"},
    {GateType::BLOCKING, u"BLOCKING"},
    {GateType::INFO, u"INFO"},
}};

constexpr std::array<std::pair<Role, const char16_t *>, 5> kRoles{{
    {Role::ADMIN, u"ADMIN"},
    {Role::MANAGER, u"MANAGER"},
    {Role::AUDITOR, u"AUDITOR"},
    {Role::OPERATOR, u"OPERATOR"},
    {Role::VIEWER, u"VIEWER"},
}};

constexpr std::array<std::pair<RunStatus, const char16_t *>, 3> kRunStatuses{{
    {RunStatus::ACTIVE, u"ACTIVE"},
    {RunStatus::COMPLETED, u"COMPLETED"},
    {RunStatus::CANCELLED, u"CANCELLED"},
}};

constexpr std::array<std::pair<ShipmentStatus, const char16_t *>, 3> kShipmentStatuses{{
    {ShipmentStatus::OPEN, u"OPEN"},
    {ShipmentStatus::DISPATCHED, u"DISPATCHED"},
    {ShipmentStatus::CANCELLED, u"CANCELLED"},
}};

constexpr std::array<std::pair<RecallStatus, const char16_t *>, 2> kRecallStatuses{{
    {RecallStatus::OPEN, u"OPEN"},
    {RecallStatus::CLOSED, u"CLOSED"},
}};

} // namespace

QString toString(LotType v)
{
    return nameOf(kLotTypes, v);
}
QString toString(LotStatus v)
{
    return nameOf(kLotStatuses, v);
}
QString toString(Decision v)
{
    return nameOf(kDecisions, v);
}
QString toString(GateType v)
{
    return nameOf(kGateTypes, v);
}
QString toString(Role v)
{
    return nameOf(kRoles, v);
}
QString toString(RunStatus v)
{
    return nameOf(kRunStatuses, v);
}

std::optional<LotType> lotTypeFromString(QStringView s)
{
    return valueOf(kLotTypes, s);
}
std::optional<LotStatus> lotStatusFromString(QStringView s)
{
    return valueOf(kLotStatuses, s);
}
std::optional<Decision> decisionFromString(QStringView s)
{
    return valueOf(kDecisions, s);
}
std::optional<GateType> gateTypeFromString(QStringView s)
{
    return valueOf(kGateTypes, s);
}
std::optional<Role> roleFromString(QStringView s)
{
    return valueOf(kRoles, s);
}
std::optional<RunStatus> runStatusFromString(QStringView s)
{
    return valueOf(kRunStatuses, s);
}

QString toString(ShipmentStatus v)
{
    return nameOf(kShipmentStatuses, v);
}

std::optional<ShipmentStatus> shipmentStatusFromString(QStringView s)
{
    return valueOf(kShipmentStatuses, s);
}

QString toString(RecallStatus v)
{
    return nameOf(kRecallStatuses, v);
}

std::optional<RecallStatus> recallStatusFromString(QStringView s)
{
    return valueOf(kRecallStatuses, s);
}

QList<LotType> allLotTypes()
{
    return valuesOf(kLotTypes);
}
QList<LotStatus> allLotStatuses()
{
    return valuesOf(kLotStatuses);
}
QList<Decision> allDecisions()
{
    return valuesOf(kDecisions);
}
QList<Role> allRoles()
{
    return valuesOf(kRoles);
}

} // namespace flowviz
