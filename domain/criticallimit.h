#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/validation.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace flowviz {

// A critical limit of a critical control point (HACCP): the measured core temperature must lie
// within [min, max] (either bound may be open). A limit names its lot type, or none when it
// holds for every lot type that has no limit of its own at that gate.
struct CriticalLimit
{
    std::optional<LotType> lotType;
    std::optional<Decimal> minC;
    std::optional<Decimal> maxC;

    bool contains(const Decimal &celsius) const;
    // "≤ -18.0 °C", "between 0.0 °C and 4.0 °C", "≥ 72.0 °C".
    QString describe() const;

    QJsonObject toJson() const;
    static std::optional<CriticalLimit> fromJson(const QJsonObject &o);
    bool operator==(const CriticalLimit &) const = default;
};

namespace rules {

inline constexpr int kCorrectiveActionMin = 10;
inline constexpr int kCorrectiveActionMax = 1000;

// The limit that applies to a lot of `type`: its own, else the gate-wide one.
std::optional<CriticalLimit> limitFor(const QList<CriticalLimit> &limits, LotType type);

// A PASS whose measured value lies outside the critical limit is refused.
std::optional<FieldError>
checkCriticalLimit(Decision decision, const CriticalLimit &limit, const Decimal &celsius,
                   const QString &gateName, const QString &field = QStringLiteral("temperature_c"));

// A HOLD or FAIL at a critical control point records what was done about the deviation.
std::optional<FieldError>
checkCorrectiveAction(bool gateIsCcp, Decision decision, const QString &text,
                      const QString &field = QStringLiteral("corrective_action"));

// At a critical control point HOLD and FAIL are signed, PASS where the gate says so.
bool signatureRequired(bool gateIsCcp, bool passRequiresSignature, Decision decision);

} // namespace rules
} // namespace flowviz
