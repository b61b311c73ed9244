#include "domain/wire/gate.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

namespace {

std::optional<Decimal> decimalFrom(const QJsonValue &v)
{
    return Decimal::fromJson(v);
}

} // namespace

QJsonObject QcGate::toJson() const
{
    QJsonObject names;
    for (auto it = name.cbegin(); it != name.cend(); ++it)
        names.insert(it.key(), it.value());
    QJsonArray limits;
    for (const CriticalLimit &l : criticalLimits)
        limits.append(l.toJson());
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("gate_number"), gateNumber},
                       {QStringLiteral("name"), names},
                       {QStringLiteral("gate_type"), toString(gateType)},
                       {QStringLiteral("is_ccp"), isCcp},
                       {QStringLiteral("pass_requires_signature"), passRequiresSignature},
                       {QStringLiteral("critical_limits"), limits},
                       {QStringLiteral("checklist"), checklist}};
}

std::optional<QList<CriticalLimit>> criticalLimitsFrom(const QJsonValue &value)
{
    QList<CriticalLimit> out;
    if (value.isNull() || value.isUndefined())
        return out;
    if (!value.isArray())
        return std::nullopt;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonValue parameter = o.value(QLatin1StringView("parameter"));
        if (!parameter.isUndefined() && parameter.toString() != u"temperature_c")
            return std::nullopt;
        const auto limit = CriticalLimit::fromJson(o);
        if (!limit)
            return std::nullopt;
        out.append(*limit);
    }
    return out;
}

std::optional<QcGate> QcGate::fromJson(const QJsonObject &o)
{
    const QJsonValue id = o.value(QLatin1StringView("id"));
    const auto type = gateTypeFromString(o.value(QLatin1StringView("gate_type")).toString());
    const auto limits = criticalLimitsFrom(o.value(QLatin1StringView("critical_limits")));
    if (!id.isDouble() || !type || !limits)
        return std::nullopt;
    QcGate g;
    g.id = id.toInt();
    g.gateNumber = o.value(QLatin1StringView("gate_number")).toInt();
    const QJsonObject names = o.value(QLatin1StringView("name")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
        if (it.value().isString())
            g.name.insert(it.key(), it.value().toString());
    g.gateType = *type;
    g.isCcp = o.value(QLatin1StringView("is_ccp")).toBool();
    g.passRequiresSignature = o.value(QLatin1StringView("pass_requires_signature")).toBool();
    g.criticalLimits = *limits;
    g.checklist = o.value(QLatin1StringView("checklist")).toArray();
    return g;
}

QJsonObject LimitChange::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("lot_type"),
                        lotType ? QJsonValue(toString(*lotType)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("parameter"), parameter},
                       {QStringLiteral("old_min"), decimalJson(oldMin)},
                       {QStringLiteral("old_max"), decimalJson(oldMax)},
                       {QStringLiteral("new_min"), decimalJson(newMin)},
                       {QStringLiteral("new_max"), decimalJson(newMax)},
                       {QStringLiteral("changed_by"), textJson(changedBy)},
                       {QStringLiteral("db_user"), dbUser},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("changed_at"), timeJson(changedAt)}};
}

LimitChange LimitChange::fromJson(const QJsonObject &o)
{
    LimitChange c;
    c.id = o.value(QLatin1StringView("id")).toInteger();
    c.lotType = lotTypeFromString(o.value(QLatin1StringView("lot_type")).toString());
    c.parameter = o.value(QLatin1StringView("parameter")).toString();
    c.oldMin = decimalFrom(o.value(QLatin1StringView("old_min")));
    c.oldMax = decimalFrom(o.value(QLatin1StringView("old_max")));
    c.newMin = decimalFrom(o.value(QLatin1StringView("new_min")));
    c.newMax = decimalFrom(o.value(QLatin1StringView("new_max")));
    c.changedBy = textFrom(o.value(QLatin1StringView("changed_by")));
    c.dbUser = o.value(QLatin1StringView("db_user")).toString();
    c.reason = o.value(QLatin1StringView("reason")).toString();
    c.changedAt = timeFrom(o.value(QLatin1StringView("changed_at")));
    return c;
}

} // namespace flowviz::wire
