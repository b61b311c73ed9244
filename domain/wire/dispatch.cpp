#include "domain/wire/dispatch.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

QJsonValue dayJson(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QDate dayFrom(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

QJsonObject ShipTo::toJson() const
{
    return QJsonObject{{QStringLiteral("ship_to_code"), shipToCode},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("active"), active}};
}

ShipTo ShipTo::fromJson(const QJsonObject &o)
{
    ShipTo s;
    s.shipToCode = o.value(QStringLiteral("ship_to_code")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.address = o.value(QStringLiteral("address")).toString();
    s.active = o.value(QStringLiteral("active")).toBool(true);
    return s;
}

QJsonObject Customer::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("customer_code"), customerCode},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("address"), textJson(address)},
                       {QStringLiteral("contact"), textJson(contact)},
                       {QStringLiteral("active"), active},
                       {QStringLiteral("created_at"), timeJson(createdAt)},
                       {QStringLiteral("ship_to"), arrayOf(shipTo)}};
}

Customer Customer::fromJson(const QJsonObject &o)
{
    Customer c;
    c.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    c.customerCode = o.value(QStringLiteral("customer_code")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    c.address = textFrom(o.value(QStringLiteral("address")));
    c.contact = textFrom(o.value(QStringLiteral("contact")));
    c.active = o.value(QStringLiteral("active")).toBool(true);
    c.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    c.shipTo = listFrom<ShipTo>(o.value(QStringLiteral("ship_to")));
    return c;
}

QJsonObject CreateCustomer::toJson() const
{
    QJsonObject o{{QStringLiteral("customer_code"), customerCode}, {QStringLiteral("name"), name}};
    if (id)
        o.insert(QStringLiteral("id"), id->toString(QUuid::WithoutBraces));
    if (address)
        o.insert(QStringLiteral("address"), *address);
    if (contact)
        o.insert(QStringLiteral("contact"), *contact);
    if (!shipTo.isEmpty()) {
        QJsonArray places;
        for (const ShipTo &s : shipTo)
            places.append(QJsonObject{{QStringLiteral("ship_to_code"), s.shipToCode},
                                      {QStringLiteral("name"), s.name},
                                      {QStringLiteral("address"), s.address}});
        o.insert(QStringLiteral("ship_to"), places);
    }
    return o;
}

QJsonObject ShipmentLine::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("quantity_kg"), quantityKg.toJson()},
                       {QStringLiteral("added_at"), timeJson(addedAt)}};
}

ShipmentLine ShipmentLine::fromJson(const QJsonObject &o)
{
    ShipmentLine l;
    l.lotCode = o.value(QStringLiteral("lot_code")).toString();
    l.quantityKg = Decimal::fromJson(o.value(QStringLiteral("quantity_kg"))).value_or(Decimal());
    l.addedAt = timeFrom(o.value(QStringLiteral("added_at")));
    return l;
}

Decimal Shipment::totalKg() const
{
    Decimal total = Decimal::fromUnits(0, 2);
    for (const ShipmentLine &l : lines)
        total = total + l.quantityKg;
    return total;
}

QJsonObject Shipment::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("reference"), reference},
                       {QStringLiteral("customer_code"), customerCode},
                       {QStringLiteral("customer_name"), customerName},
                       {QStringLiteral("ship_to_code"), textJson(shipToCode)},
                       {QStringLiteral("ship_date"), dayJson(shipDate)},
                       {QStringLiteral("carrier"), textJson(carrier)},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("created_at"), timeJson(createdAt)},
                       {QStringLiteral("dispatched_at"),
                        dispatchedAt ? timeJson(*dispatchedAt) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("total_kg"), totalKg().toJson()},
                       {QStringLiteral("lines"), arrayOf(lines)}};
}

Shipment Shipment::fromJson(const QJsonObject &o)
{
    Shipment s;
    s.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    s.reference = o.value(QStringLiteral("reference")).toString();
    s.customerCode = o.value(QStringLiteral("customer_code")).toString();
    s.customerName = o.value(QStringLiteral("customer_name")).toString();
    s.shipToCode = textFrom(o.value(QStringLiteral("ship_to_code")));
    s.shipDate = dayFrom(o.value(QStringLiteral("ship_date")));
    s.carrier = textFrom(o.value(QStringLiteral("carrier")));
    s.status = shipmentStatusFromString(o.value(QStringLiteral("status")).toString())
                   .value_or(ShipmentStatus::OPEN);
    s.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    if (const QDateTime t = timeFrom(o.value(QStringLiteral("dispatched_at"))); t.isValid())
        s.dispatchedAt = t;
    s.lines = listFrom<ShipmentLine>(o.value(QStringLiteral("lines")));
    return s;
}

QJsonObject CreateShipment::toJson() const
{
    QJsonObject o{{QStringLiteral("reference"), reference},
                  {QStringLiteral("customer_code"), customerCode},
                  {QStringLiteral("ship_date"), dayJson(shipDate)}};
    if (id)
        o.insert(QStringLiteral("id"), id->toString(QUuid::WithoutBraces));
    if (shipToCode)
        o.insert(QStringLiteral("ship_to_code"), *shipToCode);
    if (carrier)
        o.insert(QStringLiteral("carrier"), *carrier);
    return o;
}

QJsonObject CcpRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("decision_id"), decisionId.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("gate_number"), gateNumber},
                       {QStringLiteral("decision"), toString(decision)},
                       {QStringLiteral("temperature_c"), decimalJson(temperatureC)},
                       {QStringLiteral("deviation"), deviation},
                       {QStringLiteral("recorded_by"), recordedBy},
                       {QStringLiteral("decided_at"), timeJson(decidedAt)}};
}

QJsonObject CcpReview::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("reviewer"), reviewer},
                       {QStringLiteral("record_count"), recordCount},
                       {QStringLiteral("records_digest"), recordsDigest},
                       {QStringLiteral("notes"), notes},
                       {QStringLiteral("signature"), signature},
                       {QStringLiteral("reviewed_at"), timeJson(reviewedAt)},
                       {QStringLiteral("current"), current}};
}

} // namespace flowviz::wire
