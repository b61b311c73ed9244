#pragma once

#include "domain/criticallimit.h"
#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace flowviz::wire {

// A QC gate as GET /api/v1/qc-gates answers it, with its critical limits.
struct QcGate
{
    int id = 0;
    int gateNumber = 0;
    QMap<QString, QString> name; // by language: "en", "hu"
    GateType gateType = GateType::CHECKPOINT;
    bool isCcp = false;
    bool passRequiresSignature = false;
    QList<CriticalLimit> criticalLimits;
    QJsonArray checklist; // free-form items, passed through as stored

    QJsonObject toJson() const;
    // None when the gate cannot be used as sent: no numeric id, an unknown gate type, or a
    // critical limit that cannot be read (a gate is never kept with a limit silently missing).
    // A checklist that is not an array reads as empty.
    static std::optional<QcGate> fromJson(const QJsonObject &o);
    bool operator==(const QcGate &other) const = default;
};

// The critical limits of a gate as sent: none when any of them cannot be read; null or absent
// is no limits.
std::optional<QList<CriticalLimit>> criticalLimitsFrom(const QJsonValue &value);

// One audited change of a gate's critical limit, as GET .../limit-changes answers it.
struct LimitChange
{
    qint64 id = 0;
    std::optional<LotType> lotType; // empty: the gate-wide limit
    QString parameter;
    std::optional<Decimal> oldMin;
    std::optional<Decimal> oldMax;
    std::optional<Decimal> newMin;
    std::optional<Decimal> newMax;
    std::optional<QString> changedBy; // user name; empty for a change made outside the API
    QString dbUser;
    QString reason;
    QDateTime changedAt;

    QJsonObject toJson() const;
    static LimitChange fromJson(const QJsonObject &o);
    bool operator==(const LimitChange &other) const = default;
};

} // namespace flowviz::wire
