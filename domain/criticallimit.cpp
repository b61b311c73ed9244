#include "domain/criticallimit.h"

namespace flowviz {

namespace {

QString celsius(const Decimal &d)
{
    // At least one decimal, as the limits are kept (numeric(4,1)): "-18.0".
    QString text = d.toString();
    if (!text.contains(u'.'))
        text += QStringLiteral(".0");
    return text + QStringLiteral(" °C");
}

} // namespace

bool CriticalLimit::contains(const Decimal &value) const
{
    if (minC && value < *minC)
        return false;
    if (maxC && value > *maxC)
        return false;
    return true;
}

QString CriticalLimit::describe() const
{
    if (minC && maxC)
        return QStringLiteral("between %1 and %2").arg(celsius(*minC), celsius(*maxC));
    if (maxC)
        return QStringLiteral("≤ %1").arg(celsius(*maxC));
    if (minC)
        return QStringLiteral("≥ %1").arg(celsius(*minC));
    return QStringLiteral("any value");
}

QJsonObject CriticalLimit::toJson() const
{
    return QJsonObject{
        {QStringLiteral("lot_type"), lotType ? QJsonValue(toString(*lotType)) : QJsonValue()},
        {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
        {QStringLiteral("min"), minC ? minC->toJson() : QJsonValue()},
        {QStringLiteral("max"), maxC ? maxC->toJson() : QJsonValue()},
    };
}

std::optional<CriticalLimit> CriticalLimit::fromJson(const QJsonObject &o)
{
    CriticalLimit l;
    const QJsonValue type = o.value(QStringLiteral("lot_type"));
    if (type.isString()) {
        l.lotType = lotTypeFromString(type.toString());
        if (!l.lotType)
            return std::nullopt;
    } else if (!type.isNull() && !type.isUndefined()) {
        return std::nullopt;
    }
    const QJsonValue min = o.value(QStringLiteral("min"));
    const QJsonValue max = o.value(QStringLiteral("max"));
    if (!min.isNull() && !min.isUndefined() && !(l.minC = Decimal::fromJson(min)))
        return std::nullopt;
    if (!max.isNull() && !max.isUndefined() && !(l.maxC = Decimal::fromJson(max)))
        return std::nullopt;
    if (!l.minC && !l.maxC)
        return std::nullopt;
    return l;
}

namespace rules {

std::optional<CriticalLimit> limitFor(const QList<CriticalLimit> &limits, LotType type)
{
    std::optional<CriticalLimit> gateWide;
    for (const CriticalLimit &l : limits) {
        if (l.lotType == type)
            return l;
        if (!l.lotType)
            gateWide = l;
    }
    return gateWide;
}

std::optional<FieldError> checkCriticalLimit(Decision decision, const CriticalLimit &limit,
                                             const Decimal &value, const QString &gateName,
                                             const QString &field)
{
    if (decision != Decision::PASS || limit.contains(value))
        return std::nullopt;
    return FieldError{field, QStringLiteral("ccp.limit_exceeded"),
                      QStringLiteral("%1 is outside the critical limit at %2 (%3): this lot "
                                     "cannot PASS. Record HOLD or FAIL with the corrective "
                                     "action taken.")
                          .arg(celsius(value), gateName, limit.describe())};
}

std::optional<FieldError> checkCorrectiveAction(bool gateIsCcp, Decision decision,
                                                const QString &text, const QString &field)
{
    if (characterCount(text) > kCorrectiveActionMax)
        return FieldError{field, QStringLiteral("corrective_action.too_long"),
                          QStringLiteral("The corrective action has at most %1 characters.")
                              .arg(kCorrectiveActionMax)};
    if (gateIsCcp && decision != Decision::PASS && nonBlankLength(text) < kCorrectiveActionMin)
        return FieldError{field, QStringLiteral("corrective_action.required"),
                          QStringLiteral("A %1 at a critical control point needs the corrective "
                                         "action taken (at least %2 characters): what was done "
                                         "with the product and the process.")
                              .arg(toString(decision))
                              .arg(kCorrectiveActionMin)};
    return std::nullopt;
}

bool signatureRequired(bool gateIsCcp, bool passRequiresSignature, Decision decision)
{
    if (!gateIsCcp)
        return false;
    return decision != Decision::PASS || passRequiresSignature;
}

} // namespace rules
} // namespace flowviz
