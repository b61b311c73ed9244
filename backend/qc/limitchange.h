#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace flowviz::qc {

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
};

} // namespace flowviz::qc
