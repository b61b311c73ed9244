#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QJsonObject>

#include <optional>

namespace flowviz {

enum class Reading
{
    Ok,
    Warning,
    Critical
};
QString toString(Reading r);

// The expected temperature and weight of one lot type. Profiles are data (seeded, changed by
// an ADMIN), never constants in code: this class only classifies readings against one.
struct TemperatureProfile
{
    LotType lotType = LotType::RAW;
    Decimal tempMin;
    Decimal tempMax;
    Decimal tempMargin; // a reading outside the range by at most this much is a warning
    Decimal weightMin;
    Decimal weightMax;
    Decimal weightMargin; // likewise for weight

    Reading classifyTemperature(const Decimal &celsius) const;
    Reading classifyWeight(const Decimal &kg) const;

    QJsonObject toJson() const;
    static std::optional<TemperatureProfile> fromJson(const QJsonObject &o);
};

} // namespace flowviz
