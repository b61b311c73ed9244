#include "domain/wire/recall.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Decimal decimal(const QJsonObject &o, const char *key)
{
    return Decimal::fromJson(o.value(QLatin1String(key))).value_or(Decimal());
}

} // namespace

QJsonObject RecallLot::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("lot_type"), toString(lotType)},
                       {QStringLiteral("level"), level},
                       {QStringLiteral("status_before"), toString(statusBefore)},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("held"), held},
                       {QStringLiteral("weight_kg"), decimalJson(weightKg)},
                       {QStringLiteral("shipped_kg"), shippedKg.toJson()}};
}

RecallLot RecallLot::fromJson(const QJsonObject &o)
{
    RecallLot l;
    l.lotCode = str(o, "lot_code");
    l.lotType = lotTypeFromString(str(o, "lot_type")).value_or(LotType::RAW);
    l.level = o.value(QStringLiteral("level")).toInt();
    l.statusBefore = lotStatusFromString(str(o, "status_before")).value_or(LotStatus::CREATED);
    l.status = lotStatusFromString(str(o, "status")).value_or(LotStatus::CREATED);
    l.held = o.value(QStringLiteral("held")).toBool();
    l.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
    l.shippedKg = decimal(o, "shipped_kg");
    return l;
}

QJsonObject RecallInput::toJson() const
{
    return QJsonObject{{QStringLiteral("parent_code"), parentCode},
                       {QStringLiteral("child_code"), childCode},
                       {QStringLiteral("quantity_kg"), quantityKg.toJson()}};
}

RecallInput RecallInput::fromJson(const QJsonObject &o)
{
    return RecallInput{str(o, "parent_code"), str(o, "child_code"), decimal(o, "quantity_kg")};
}

QJsonObject RecallLine::toJson() const
{
    return QJsonObject{{QStringLiteral("shipment_reference"), shipmentReference},
                       {QStringLiteral("ship_date"), shipDate.toString(Qt::ISODate)},
                       {QStringLiteral("shipment_status"), toString(shipmentStatus)},
                       {QStringLiteral("customer_code"), customerCode},
                       {QStringLiteral("customer_name"), customerName},
                       {QStringLiteral("ship_to_code"), textJson(shipToCode)},
                       {QStringLiteral("ship_to_address"), textJson(shipToAddress)},
                       {QStringLiteral("carrier"), textJson(carrier)},
                       {QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("quantity_kg"), quantityKg.toJson()}};
}

RecallLine RecallLine::fromJson(const QJsonObject &o)
{
    RecallLine l;
    l.shipmentReference = str(o, "shipment_reference");
    l.shipDate = QDate::fromString(str(o, "ship_date"), Qt::ISODate);
    l.shipmentStatus =
        shipmentStatusFromString(str(o, "shipment_status")).value_or(ShipmentStatus::OPEN);
    l.customerCode = str(o, "customer_code");
    l.customerName = str(o, "customer_name");
    l.shipToCode = textFrom(o.value(QStringLiteral("ship_to_code")));
    l.shipToAddress = textFrom(o.value(QStringLiteral("ship_to_address")));
    l.carrier = textFrom(o.value(QStringLiteral("carrier")));
    l.lotCode = str(o, "lot_code");
    l.quantityKg = decimal(o, "quantity_kg");
    return l;
}

QJsonObject RecallCustomer::toJson() const
{
    return QJsonObject{{QStringLiteral("customer_code"), customerCode},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("contact"), textJson(contact)},
                       {QStringLiteral("address"), textJson(address)},
                       {QStringLiteral("shipments"), shipments},
                       {QStringLiteral("lots"), lots},
                       {QStringLiteral("quantity_kg"), quantityKg.toJson()},
                       {QStringLiteral("dispatched"), dispatched}};
}

RecallCustomer RecallCustomer::fromJson(const QJsonObject &o)
{
    RecallCustomer c;
    c.customerCode = str(o, "customer_code");
    c.name = str(o, "name");
    c.contact = textFrom(o.value(QStringLiteral("contact")));
    c.address = textFrom(o.value(QStringLiteral("address")));
    c.shipments = o.value(QStringLiteral("shipments")).toInt();
    c.lots = o.value(QStringLiteral("lots")).toInt();
    c.quantityKg = decimal(o, "quantity_kg");
    c.dispatched = o.value(QStringLiteral("dispatched")).toBool();
    return c;
}

QJsonObject Recall::summaryJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("reference"), reference},
                       {QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("lot_type"), toString(lotType)},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("opened_by"), openedBy},
                       {QStringLiteral("opened_at"), timeJson(openedAt)},
                       {QStringLiteral("trace_ms"), traceMs.toJson()},
                       {QStringLiteral("drill"), drill},
                       {QStringLiteral("closed_by"), textJson(closedBy)},
                       {QStringLiteral("closed_at"), closedAt ? timeJson(*closedAt) : QJsonValue()},
                       {QStringLiteral("close_note"), textJson(closeNote)},
                       {QStringLiteral("lot_count"), lotCount},
                       {QStringLiteral("held_count"), heldCount},
                       {QStringLiteral("customer_count"), customerCount},
                       {QStringLiteral("dispatched_kg"), dispatchedKg.toJson()}};
}

QJsonObject Recall::toJson() const
{
    QJsonObject o = summaryJson();
    o.insert(QStringLiteral("customers"), arrayOf(customers));
    o.insert(QStringLiteral("shipments"), arrayOf(shipments));
    o.insert(QStringLiteral("lots"), arrayOf(lots));
    o.insert(QStringLiteral("inputs"), arrayOf(inputs));
    return o;
}

Recall Recall::fromJson(const QJsonObject &o)
{
    Recall r;
    r.id = QUuid::fromString(str(o, "id"));
    r.reference = str(o, "reference");
    r.lotCode = str(o, "lot_code");
    r.lotType = lotTypeFromString(str(o, "lot_type")).value_or(LotType::RAW);
    r.reason = str(o, "reason");
    r.status = recallStatusFromString(str(o, "status")).value_or(RecallStatus::OPEN);
    r.openedBy = str(o, "opened_by");
    r.openedAt = timeFrom(o.value(QStringLiteral("opened_at")));
    r.traceMs = decimal(o, "trace_ms");
    r.drill = o.value(QStringLiteral("drill")).toBool();
    r.closedBy = textFrom(o.value(QStringLiteral("closed_by")));
    if (const QDateTime t = timeFrom(o.value(QStringLiteral("closed_at"))); t.isValid())
        r.closedAt = t;
    r.closeNote = textFrom(o.value(QStringLiteral("close_note")));
    r.lotCount = o.value(QStringLiteral("lot_count")).toInt();
    r.heldCount = o.value(QStringLiteral("held_count")).toInt();
    r.customerCount = o.value(QStringLiteral("customer_count")).toInt();
    r.dispatchedKg = decimal(o, "dispatched_kg");
    r.customers = listFrom<RecallCustomer>(o.value(QStringLiteral("customers")));
    r.shipments = listFrom<RecallLine>(o.value(QStringLiteral("shipments")));
    r.lots = listFrom<RecallLot>(o.value(QStringLiteral("lots")));
    r.inputs = listFrom<RecallInput>(o.value(QStringLiteral("inputs")));
    return r;
}

QJsonObject OpenRecall::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), uuidJson(id)},
                       {QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("drill"), drill}};
}

} // namespace flowviz::wire
