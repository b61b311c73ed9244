#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

// Dispatch: the businesses finished goods go to, where they go, shipments of FG lots and the
// pre-shipment review of a lot's CCP records (/api/v1/customers, /api/v1/shipments,
// /api/v1/lots/{code}/ccp-review).
namespace flowviz::wire {

// Where a customer takes deliveries.
struct ShipTo
{
    QString shipToCode;
    QString name;
    QString address;
    bool active = true;

    QJsonObject toJson() const;
    static ShipTo fromJson(const QJsonObject &o);
    bool operator==(const ShipTo &) const = default;
};

struct Customer
{
    QUuid id;
    QString customerCode;
    QString name;
    std::optional<QString> address;
    std::optional<QString> contact;
    bool active = true;
    QDateTime createdAt;
    QList<ShipTo> shipTo;

    QJsonObject toJson() const;
    static Customer fromJson(const QJsonObject &o);
    bool operator==(const Customer &) const = default;
};

// The body of POST /api/v1/customers.
struct CreateCustomer
{
    std::optional<QUuid> id;
    QString customerCode;
    QString name;
    std::optional<QString> address;
    std::optional<QString> contact;
    QList<ShipTo> shipTo;

    QJsonObject toJson() const;
    bool operator==(const CreateCustomer &) const = default;
};

// One FG lot on a shipment, with the kilograms of it that go.
struct ShipmentLine
{
    QString lotCode;
    Decimal quantityKg;
    QDateTime addedAt;

    QJsonObject toJson() const;
    static ShipmentLine fromJson(const QJsonObject &o);
    bool operator==(const ShipmentLine &) const = default;
};

struct Shipment
{
    QUuid id;
    QString reference;
    QString customerCode;
    QString customerName;
    std::optional<QString> shipToCode;
    QDate shipDate;
    std::optional<QString> carrier;
    ShipmentStatus status = ShipmentStatus::OPEN;
    QDateTime createdAt;
    std::optional<QDateTime> dispatchedAt;
    QList<ShipmentLine> lines;

    Decimal totalKg() const;
    QJsonObject toJson() const;
    static Shipment fromJson(const QJsonObject &o);
    bool operator==(const Shipment &) const = default;
};

// The body of POST /api/v1/shipments.
struct CreateShipment
{
    std::optional<QUuid> id;
    QString reference;
    QString customerCode;
    std::optional<QString> shipToCode;
    QDate shipDate;
    std::optional<QString> carrier;

    QJsonObject toJson() const;
    bool operator==(const CreateShipment &) const = default;
};

// A CCP record of a lot: a QC decision at a CCP gate on the lot or on a lot it was made from.
struct CcpRecord
{
    QUuid decisionId;
    QString lotCode;
    int gateNumber = 0;
    Decision decision = Decision::PASS;
    std::optional<Decimal> temperatureC;
    bool deviation = false;
    QString recordedBy;
    QDateTime decidedAt;

    QJsonObject toJson() const;
    bool operator==(const CcpRecord &) const = default;
};

// A signed pre-shipment review of a lot's CCP records.
struct CcpReview
{
    QUuid id;
    QString lotCode;
    QString reviewer;
    int recordCount = 0;
    QString recordsDigest; // lower-case hex
    QString notes;
    QString signature; // who signed, when, meaning what
    QDateTime reviewedAt;
    bool current = false; // no CCP record was added since

    QJsonObject toJson() const;
    bool operator==(const CcpReview &) const = default;
};

} // namespace flowviz::wire
