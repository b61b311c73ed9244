#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::wire {

// A business raw material comes from (GET/POST /api/v1/suppliers).
struct Supplier
{
    QUuid id;
    QString supplierCode;
    QString name;
    std::optional<QString> address;
    std::optional<QString> contact;
    bool active = true;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static Supplier fromJson(const QJsonObject &o);
    bool operator==(const Supplier &) const = default;
};

// The body of POST /api/v1/suppliers; the server decodes it strictly with its own decoder.
struct CreateSupplier
{
    std::optional<QUuid> id;
    QString supplierCode;
    QString name;
    std::optional<QString> address;
    std::optional<QString> contact;

    QJsonObject toJson() const;
    bool operator==(const CreateSupplier &) const = default;
};

// What a RAW lot was received as: sent in POST /api/v1/lots as `receipt`, answered in the
// lot's record (with the supplier's name, which a command does not carry).
struct LotReceipt
{
    QString supplierCode;
    std::optional<QString> supplierName; // answers only
    QString supplierLotCode;             // as printed (GS1 AI 10), case kept
    std::optional<QString> gtin;         // GS1 AI 01, 14 digits
    std::optional<QString> deliveryNote;
    QDate receivedOn;
    std::optional<QDate> expiresOn; // GS1 AI 17
    std::optional<int> units;       // GS1 AI 37: trade units received

    // The answer's form: every member, null when absent.
    QJsonObject toJson() const;
    // The command's form: what a client sends, absent members left out.
    QJsonObject toCommandJson() const;
    // Reads either form tolerantly.
    static LotReceipt fromJson(const QJsonObject &o);
    bool operator==(const LotReceipt &) const = default;
};

// One RAW lot received under a supplier's lot code (GET /api/v1/suppliers/{code}/receipts):
// the plant's lot and its receipt, the first step back of a recall.
struct ReceivedLot
{
    QString lotCode;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    LotReceipt receipt;

    QJsonObject toJson() const;
    bool operator==(const ReceivedLot &) const = default;
};

} // namespace flowviz::wire
