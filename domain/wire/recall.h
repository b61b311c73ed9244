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

// A recall (/api/v1/recalls): what a recall of one lot found when it was opened — every lot
// made from it, at any depth, every shipment line of those lots and the customers they went
// to — and which lots it put on HOLD.
namespace flowviz {
// A recall's reason and its closing note: plain text, at least this many characters that are
// not blank, at most the other.
inline constexpr int kRecallTextMin = 10;
inline constexpr int kRecallTextMax = 2000;
} // namespace flowviz

namespace flowviz::wire {

// A lot of the downstream set, at its nearest level below the recalled lot (0).
struct RecallLot
{
    QString lotCode;
    LotType lotType = LotType::RAW;
    int level = 0;
    LotStatus statusBefore = LotStatus::CREATED; // when the recall was opened
    LotStatus status = LotStatus::CREATED;       // now
    bool held = false;                           // put on HOLD by this recall
    std::optional<Decimal> weightKg;
    Decimal shippedKg; // on DISPATCHED shipments when the recall was opened

    QJsonObject toJson() const;
    static RecallLot fromJson(const QJsonObject &o);
    bool operator==(const RecallLot &) const = default;
};

// A parent link inside the set: how many kilograms of the parent went into the child.
struct RecallInput
{
    QString parentCode;
    QString childCode;
    Decimal quantityKg;

    QJsonObject toJson() const;
    static RecallInput fromJson(const QJsonObject &o);
    bool operator==(const RecallInput &) const = default;
};

// A shipment line of a lot in the set (shipments not cancelled when the recall was opened).
struct RecallLine
{
    QString shipmentReference;
    QDate shipDate;
    ShipmentStatus shipmentStatus = ShipmentStatus::OPEN; // when the recall was opened
    QString customerCode;
    QString customerName;
    std::optional<QString> shipToCode;
    std::optional<QString> shipToAddress;
    std::optional<QString> carrier;
    QString lotCode;
    Decimal quantityKg;

    QJsonObject toJson() const;
    static RecallLine fromJson(const QJsonObject &o);
    bool operator==(const RecallLine &) const = default;
};

// A customer to contact: what of the set went to them.
struct RecallCustomer
{
    QString customerCode;
    QString name;
    std::optional<QString> contact;
    std::optional<QString> address;
    int shipments = 0;
    int lots = 0;
    Decimal quantityKg;
    bool dispatched = false; // at least one of the shipments left the plant

    QJsonObject toJson() const;
    static RecallCustomer fromJson(const QJsonObject &o);
    bool operator==(const RecallCustomer &) const = default;
};

struct Recall
{
    QUuid id;
    QString reference;
    QString lotCode;
    LotType lotType = LotType::RAW;
    QString reason;
    RecallStatus status = RecallStatus::OPEN;
    QString openedBy;
    QDateTime openedAt;
    Decimal traceMs;
    bool drill = false; // a trace test: nothing was put on HOLD
    std::optional<QString> closedBy;
    std::optional<QDateTime> closedAt;
    std::optional<QString> closeNote;
    int lotCount = 0;
    int heldCount = 0;
    int customerCount = 0;
    Decimal dispatchedKg;
    // Empty in a list of recalls; filled in one recall's answer.
    QList<RecallCustomer> customers;
    QList<RecallLine> shipments;
    QList<RecallLot> lots;
    QList<RecallInput> inputs;

    // Without the four lists: a recall in GET /api/v1/recalls.
    QJsonObject summaryJson() const;
    QJsonObject toJson() const;
    static Recall fromJson(const QJsonObject &o);
    bool operator==(const Recall &) const = default;
};

// The body of POST /api/v1/recalls.
struct OpenRecall
{
    std::optional<QUuid> id;
    QString lotCode;
    QString reason;
    bool drill = false;

    QJsonObject toJson() const;
    bool operator==(const OpenRecall &) const = default;
};

} // namespace flowviz::wire
