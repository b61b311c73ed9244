#include "domain/wire/supplier.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

namespace {

QJsonValue dateJson(const std::optional<QDate> &d)
{
    return d && d->isValid() ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

std::optional<QDate> dateFrom(const QJsonValue &v)
{
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? std::optional(d) : std::nullopt;
}

} // namespace

QJsonObject Supplier::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("supplier_code"), supplierCode},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("address"), textJson(address)},
                       {QStringLiteral("contact"), textJson(contact)},
                       {QStringLiteral("active"), active},
                       {QStringLiteral("created_at"), timeJson(createdAt)}};
}

Supplier Supplier::fromJson(const QJsonObject &o)
{
    Supplier s;
    s.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    s.supplierCode = o.value(QStringLiteral("supplier_code")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.address = textFrom(o.value(QStringLiteral("address")));
    s.contact = textFrom(o.value(QStringLiteral("contact")));
    s.active = o.value(QStringLiteral("active")).toBool(true);
    s.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    return s;
}

QJsonObject CreateSupplier::toJson() const
{
    QJsonObject o{{QStringLiteral("supplier_code"), supplierCode}, {QStringLiteral("name"), name}};
    if (id)
        o.insert(QStringLiteral("id"), id->toString(QUuid::WithoutBraces));
    if (address)
        o.insert(QStringLiteral("address"), *address);
    if (contact)
        o.insert(QStringLiteral("contact"), *contact);
    return o;
}

QJsonObject LotReceipt::toJson() const
{
    return QJsonObject{{QStringLiteral("supplier_code"), supplierCode},
                       {QStringLiteral("supplier_name"), textJson(supplierName)},
                       {QStringLiteral("supplier_lot_code"), supplierLotCode},
                       {QStringLiteral("gtin"), textJson(gtin)},
                       {QStringLiteral("delivery_note"), textJson(deliveryNote)},
                       {QStringLiteral("received_on"), dateJson(receivedOn)},
                       {QStringLiteral("expires_on"), dateJson(expiresOn)},
                       {QStringLiteral("units"), units ? QJsonValue(*units) : QJsonValue()}};
}

QJsonObject LotReceipt::toCommandJson() const
{
    QJsonObject o = toJson();
    o.remove(QStringLiteral("supplier_name"));
    for (auto it = o.begin(); it != o.end();)
        it = it->isNull() ? o.erase(it) : std::next(it);
    return o;
}

LotReceipt LotReceipt::fromJson(const QJsonObject &o)
{
    LotReceipt r;
    r.supplierCode = o.value(QStringLiteral("supplier_code")).toString();
    r.supplierName = textFrom(o.value(QStringLiteral("supplier_name")));
    r.supplierLotCode = o.value(QStringLiteral("supplier_lot_code")).toString();
    r.gtin = textFrom(o.value(QStringLiteral("gtin")));
    r.deliveryNote = textFrom(o.value(QStringLiteral("delivery_note")));
    r.receivedOn = dateFrom(o.value(QStringLiteral("received_on"))).value_or(QDate());
    r.expiresOn = dateFrom(o.value(QStringLiteral("expires_on")));
    if (o.value(QStringLiteral("units")).isDouble())
        r.units = o.value(QStringLiteral("units")).toInt();
    return r;
}

QJsonObject ReceivedLot::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("weight_kg"), decimalJson(weightKg)},
                       {QStringLiteral("receipt"), receipt.toJson()}};
}

} // namespace flowviz::wire
