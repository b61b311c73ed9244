#include "backend/qc/gaterecord.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::qc {

namespace {

using wire::decimalJson;

QJsonObject limitJson(const GateLimit &l)
{
    return QJsonObject{{QStringLiteral("lot_type"), l.lotType ? QJsonValue(toString(*l.lotType))
                                                              : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
                       {QStringLiteral("min"), decimalJson(l.minC)},
                       {QStringLiteral("max"), decimalJson(l.maxC)}};
}

} // namespace

QJsonObject GateRecord::toJson() const
{
    QJsonObject names;
    for (auto it = name.begin(); it != name.end(); ++it)
        names.insert(it.key(), it.value());
    QJsonArray limits;
    for (const GateLimit &l : criticalLimits)
        limits.append(limitJson(l));
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("gate_number"), gateNumber},
                       {QStringLiteral("name"), names},
                       {QStringLiteral("gate_type"), toString(gateType)},
                       {QStringLiteral("is_ccp"), isCcp},
                       {QStringLiteral("pass_requires_signature"), passRequiresSignature},
                       {QStringLiteral("critical_limits"), limits},
                       {QStringLiteral("checklist"), checklist}};
}

} // namespace flowviz::qc
