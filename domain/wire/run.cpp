#include "domain/wire/run.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

namespace {} // namespace

QJsonObject Run::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("run_code"), runCode},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("operator_id"), uuidJson(operatorId)},
                       {QStringLiteral("operator"), operatorUsername
                                                        ? QJsonValue(*operatorUsername)
                                                        : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("daily_target_kg"), decimalJson(dailyTargetKg)},
                       {QStringLiteral("started_at"), timeJson(startedAt)},
                       {QStringLiteral("ended_at"), timeJson(endedAt)},
                       {QStringLiteral("lot_count"), lotCount},
                       {QStringLiteral("total_kg"), totalKg.toJson()}};
}

Run Run::fromJson(const QJsonObject &json)
{
    Run r;
    r.id = QUuid(json.value(QStringLiteral("id")).toString());
    r.runCode = json.value(QStringLiteral("run_code")).toString();
    r.status =
        runStatusFromString(json.value(QStringLiteral("status")).toString()).value_or(r.status);
    r.operatorId = uuidFrom(json.value(QStringLiteral("operator_id")));
    if (const QJsonValue v = json.value(QStringLiteral("operator")); v.isString())
        r.operatorUsername = v.toString();
    r.dailyTargetKg = Decimal::fromJson(json.value(QStringLiteral("daily_target_kg")));
    r.startedAt = timeFrom(json.value(QStringLiteral("started_at")));
    r.endedAt = timeFrom(json.value(QStringLiteral("ended_at")));
    r.lotCount = json.value(QStringLiteral("lot_count")).toInt();
    r.totalKg = Decimal::fromJson(json.value(QStringLiteral("total_kg"))).value_or(Decimal());
    return r;
}

QJsonObject CreateRun::toJson() const
{
    QJsonObject out{{QStringLiteral("run_code"), runCode}};
    if (id)
        out.insert(QStringLiteral("id"), id->toString(QUuid::WithoutBraces));
    if (dailyTargetKg)
        out.insert(QStringLiteral("daily_target_kg"), dailyTargetKg->toJson());
    return out;
}

CreateRun CreateRun::fromJson(const QJsonObject &json)
{
    CreateRun c;
    c.id = uuidFrom(json.value(QStringLiteral("id")));
    c.runCode = json.value(QStringLiteral("run_code")).toString();
    c.dailyTargetKg = Decimal::fromJson(json.value(QStringLiteral("daily_target_kg")));
    return c;
}

} // namespace flowviz::wire
