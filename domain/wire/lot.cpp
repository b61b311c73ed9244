#include "domain/wire/lot.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

QJsonValue orNull(const std::optional<Reading> &r)
{
    return r ? QJsonValue(toString(*r)) : QJsonValue(QJsonValue::Null);
}

QJsonArray linksJson(const QList<LotLink> &links)
{
    QJsonArray out;
    for (const LotLink &l : links)
        out.append(l.toJson());
    return out;
}

std::optional<Reading> reading(const QJsonObject &o, const QString &key)
{
    const QString text = o.value(key).toString();
    for (const Reading r : {Reading::Ok, Reading::Warning, Reading::Critical}) {
        if (!text.isEmpty() && toString(r) == text)
            return r;
    }
    return std::nullopt;
}

std::optional<QList<LotLink>> links(const QJsonObject &o, const QString &key)
{
    if (!o.value(key).isArray())
        return std::nullopt;
    QList<LotLink> out;
    const QJsonArray array = o.value(key).toArray();
    for (const QJsonValue &v : array)
        out.append(LotLink::fromJson(v.toObject()));
    return out;
}

} // namespace

QJsonObject LotLink::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("lot_type"), toString(type)},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("quantity_used_kg"), quantityUsedKg.toJson()}};
}

LotLink LotLink::fromJson(const QJsonObject &o)
{
    LotLink l;
    l.lotCode = o.value(QStringLiteral("lot_code")).toString();
    l.type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()).value_or(l.type);
    l.status = lotStatusFromString(o.value(QStringLiteral("status")).toString()).value_or(l.status);
    l.quantityUsedKg =
        Decimal::fromJson(o.value(QStringLiteral("quantity_used_kg"))).value_or(Decimal());
    return l;
}

QJsonObject Lot::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("lot_code"), lotCode},
        {QStringLiteral("lot_type"), toString(type)},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("production_run_id"), uuidJson(productionRunId)},
        {QStringLiteral("run_code"), textJson(runCode)},
        {QStringLiteral("operator_id"), uuidJson(operatorId)},
        {QStringLiteral("operator"), textJson(operatorName)},
        {QStringLiteral("workstation_id"), textJson(workstationId)},
        {QStringLiteral("weight_kg"), decimalJson(weightKg)},
        {QStringLiteral("temperature_c"), decimalJson(temperatureC)},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("client_created_at"), timeJson(clientCreatedAt)},
        {QStringLiteral("client_time_flagged"), clientTimeFlagged},
        {QStringLiteral("created_at"), timeJson(createdAt)},
        {QStringLiteral("updated_at"), timeJson(updatedAt)},
        {QStringLiteral("temperature_status"), orNull(temperatureStatus)},
        {QStringLiteral("weight_status"), orNull(weightStatus)},
    };
    if (parents)
        o.insert(QStringLiteral("parents"), linksJson(*parents));
    if (children)
        o.insert(QStringLiteral("children"), linksJson(*children));
    if (parents)
        o.insert(QStringLiteral("receipt"), receipt ? QJsonValue(receipt->toJson()) : QJsonValue());
    return o;
}

Lot Lot::fromJson(const QJsonObject &o)
{
    Lot l;
    l.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    l.lotCode = o.value(QStringLiteral("lot_code")).toString();
    l.type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()).value_or(l.type);
    l.status = lotStatusFromString(o.value(QStringLiteral("status")).toString()).value_or(l.status);
    l.productionRunId = uuidFrom(o.value(QStringLiteral("production_run_id")));
    l.runCode = textFrom(o.value(QStringLiteral("run_code")));
    l.operatorId = uuidFrom(o.value(QStringLiteral("operator_id")));
    l.operatorName = textFrom(o.value(QStringLiteral("operator")));
    l.workstationId = textFrom(o.value(QStringLiteral("workstation_id")));
    l.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
    l.temperatureC = Decimal::fromJson(o.value(QStringLiteral("temperature_c")));
    l.metadata = o.value(QStringLiteral("metadata")).toObject();
    l.clientCreatedAt = timeFrom(o.value(QStringLiteral("client_created_at")));
    l.clientTimeFlagged = o.value(QStringLiteral("client_time_flagged")).toBool();
    l.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    l.updatedAt = timeFrom(o.value(QStringLiteral("updated_at")));
    l.temperatureStatus = reading(o, QStringLiteral("temperature_status"));
    l.weightStatus = reading(o, QStringLiteral("weight_status"));
    l.parents = links(o, QStringLiteral("parents"));
    l.children = links(o, QStringLiteral("children"));
    if (o.value(QStringLiteral("receipt")).isObject())
        l.receipt = LotReceipt::fromJson(o.value(QStringLiteral("receipt")).toObject());
    return l;
}

QJsonObject LotPage::toJson() const
{
    QJsonArray array;
    for (const Lot &l : items)
        array.append(l.toJson());
    return QJsonObject{{QStringLiteral("items"), array},
                       {QStringLiteral("next_cursor"), nextCursor.isEmpty()
                                                           ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(nextCursor)}};
}

LotPage LotPage::fromJson(const QJsonObject &o)
{
    LotPage page;
    const QJsonArray array = o.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : array)
        page.items.append(Lot::fromJson(v.toObject()));
    page.nextCursor = o.value(QStringLiteral("next_cursor")).toString();
    return page;
}

QJsonObject RegisterLot::toJson() const
{
    QJsonObject o{{QStringLiteral("lot_code"), lotCode},
                  {QStringLiteral("lot_type"), toString(type)}};
    const auto put = [&o](const char *key, const QJsonValue &v) {
        if (!v.isNull())
            o.insert(QLatin1String(key), v);
    };
    put("id", uuidJson(id));
    put("weight_kg", decimalJson(weightKg));
    put("temperature_c", decimalJson(temperatureC));
    put("production_run_id", uuidJson(productionRunId));
    put("run_code", textJson(runCode));
    put("metadata", metadata ? QJsonValue(*metadata) : QJsonValue());
    put("workstation_id", textJson(workstationId));
    put("client_created_at",
        clientCreatedAt ? QJsonValue(clientCreatedAt->toString(Qt::ISODateWithMs)) : QJsonValue());
    if (!parents.isEmpty()) {
        QJsonArray array;
        for (const ParentUse &p : parents)
            array.append(
                QJsonObject{{QStringLiteral("lot_code"), p.lotCode},
                            {QStringLiteral("quantity_used_kg"), p.quantityUsedKg.toJson()}});
        o.insert(QStringLiteral("parents"), array);
    }
    if (receipt)
        o.insert(QStringLiteral("receipt"), receipt->toCommandJson());
    return o;
}

RegisterLot RegisterLot::fromJson(const QJsonObject &o)
{
    RegisterLot c;
    c.id = uuidFrom(o.value(QStringLiteral("id")));
    c.lotCode = o.value(QStringLiteral("lot_code")).toString();
    c.type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()).value_or(c.type);
    c.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
    c.temperatureC = Decimal::fromJson(o.value(QStringLiteral("temperature_c")));
    c.productionRunId = uuidFrom(o.value(QStringLiteral("production_run_id")));
    c.runCode = textFrom(o.value(QStringLiteral("run_code")));
    if (o.value(QStringLiteral("metadata")).isObject())
        c.metadata = o.value(QStringLiteral("metadata")).toObject();
    c.workstationId = textFrom(o.value(QStringLiteral("workstation_id")));
    if (const QDateTime t = timeFrom(o.value(QStringLiteral("client_created_at"))); t.isValid())
        c.clientCreatedAt = t;
    const QJsonArray parents = o.value(QStringLiteral("parents")).toArray();
    for (const QJsonValue &v : parents) {
        const QJsonObject p = v.toObject();
        c.parents.append(
            {p.value(QStringLiteral("lot_code")).toString(),
             Decimal::fromJson(p.value(QStringLiteral("quantity_used_kg"))).value_or(Decimal())});
    }
    if (o.value(QStringLiteral("receipt")).isObject())
        c.receipt = LotReceipt::fromJson(o.value(QStringLiteral("receipt")).toObject());
    return c;
}

} // namespace flowviz::wire
