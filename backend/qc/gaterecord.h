#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace flowviz::qc {

// One critical limit of a gate (of temperature_c), for one lot type or gate-wide.
struct GateLimit
{
    std::optional<LotType> lotType; // empty: gate-wide
    std::optional<Decimal> minC;
    std::optional<Decimal> maxC;
};

// A QC gate as GET /api/v1/qc-gates answers it.
struct GateRecord
{
    int id = 0;
    int gateNumber = 0;
    QMap<QString, QString> name; // by language: "en", "hu"
    GateType gateType = GateType::CHECKPOINT;
    bool isCcp = false;
    bool passRequiresSignature = false;
    QList<GateLimit> criticalLimits;
    QJsonArray checklist; // free-form items, passed through as stored

    QJsonObject toJson() const;
};

} // namespace flowviz::qc
