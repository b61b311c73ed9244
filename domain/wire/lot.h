#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/temperatureprofile.h"
#include "domain/wire/supplier.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::wire {

// Another lot in a lot's genealogy (a parent it was made from, or a child made from it).
struct LotLink
{
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    Decimal quantityUsedKg;

    QJsonObject toJson() const;
    static LotLink fromJson(const QJsonObject &o);
    bool operator==(const LotLink &) const = default;
};

// A registered lot as GET /api/v1/lots/{lot_code} answers it. List pages carry the same
// record without the genealogy (`parents` and `children` absent).
struct Lot
{
    QUuid id;
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<QUuid> productionRunId;
    std::optional<QString> runCode;
    std::optional<QUuid> operatorId;
    std::optional<QString> operatorName; // "operator"
    std::optional<QString> workstationId;
    std::optional<Decimal> weightKg;
    std::optional<Decimal> temperatureC;
    QJsonObject metadata;      // free-form, as the client sent it
    QDateTime clientCreatedAt; // invalid: not sent
    bool clientTimeFlagged = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    // The readings against the lot type's profile; null without a profile or a reading.
    std::optional<Reading> temperatureStatus;
    std::optional<Reading> weightStatus;
    std::optional<QList<LotLink>> parents;
    std::optional<QList<LotLink>> children;
    // What a RAW lot was received as. The single-lot answers (the ones with `parents`) always
    // carry the member, null without a receipt; list pages leave it out.
    std::optional<LotReceipt> receipt;

    QJsonObject toJson() const;
    // Reads an answer tolerantly: missing or malformed members stay empty.
    static Lot fromJson(const QJsonObject &o);
    bool operator==(const Lot &) const = default;
};

// One page of GET /api/v1/lots, newest first.
struct LotPage
{
    QList<Lot> items;
    QString nextCursor; // empty on the last page (null in JSON)

    QJsonObject toJson() const;
    static LotPage fromJson(const QJsonObject &o);
    bool operator==(const LotPage &) const = default;
};

// A parent named in a registration, with the quantity drawn from it.
struct ParentUse
{
    QString lotCode;
    Decimal quantityUsedKg;
    bool operator==(const ParentUse &) const = default;
};

// The command of POST /api/v1/lots. toJson writes what a client sends; fromJson reads one
// tolerantly. The server decodes a client's body strictly with its own decoder.
struct RegisterLot
{
    std::optional<QUuid> id;
    QString lotCode;
    LotType type = LotType::RAW;
    std::optional<Decimal> weightKg;
    std::optional<Decimal> temperatureC;
    std::optional<QUuid> productionRunId;
    std::optional<QString> runCode;
    std::optional<QJsonObject> metadata;
    std::optional<QString> workstationId;
    std::optional<QDateTime> clientCreatedAt;
    QList<ParentUse> parents;
    std::optional<LotReceipt> receipt; // RAW lots only

    QJsonObject toJson() const;
    static RegisterLot fromJson(const QJsonObject &o);
    bool operator==(const RegisterLot &) const = default;
};

} // namespace flowviz::wire
