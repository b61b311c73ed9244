#include "domain/temperatureprofile.h"

namespace flowviz {

namespace {

Reading classify(const Decimal &v, const Decimal &min, const Decimal &max, const Decimal &margin)
{
    if (v >= min && v <= max)
        return Reading::Ok;
    const Decimal negMargin = Decimal::fromUnits(-margin.units(), margin.scale());
    if (v >= min + negMargin && v <= max + margin)
        return Reading::Warning;
    return Reading::Critical;
}

} // namespace

QString toString(Reading r)
{
    switch (r) {
    case Reading::Ok:
        return QStringLiteral("ok");
    case Reading::Warning:
        return QStringLiteral("warning");
    case Reading::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

Reading TemperatureProfile::classifyTemperature(const Decimal &celsius) const
{
    return classify(celsius, tempMin, tempMax, tempMargin);
}

Reading TemperatureProfile::classifyWeight(const Decimal &kg) const
{
    return classify(kg, weightMin, weightMax, weightMargin);
}

QJsonObject TemperatureProfile::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_type"), toString(lotType)},
                       {QStringLiteral("temp_min_c"), tempMin.toJson()},
                       {QStringLiteral("temp_max_c"), tempMax.toJson()},
                       {QStringLiteral("temp_margin_c"), tempMargin.toJson()},
                       {QStringLiteral("weight_min_kg"), weightMin.toJson()},
                       {QStringLiteral("weight_max_kg"), weightMax.toJson()},
                       {QStringLiteral("weight_margin_kg"), weightMargin.toJson()}};
}

std::optional<TemperatureProfile> TemperatureProfile::fromJson(const QJsonObject &o)
{
    TemperatureProfile p;
    const auto type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString());
    if (!type)
        return std::nullopt;
    p.lotType = *type;
    const std::pair<const char *, Decimal *> fields[] = {
        {"temp_min_c", &p.tempMin},       {"temp_max_c", &p.tempMax},
        {"temp_margin_c", &p.tempMargin}, {"weight_min_kg", &p.weightMin},
        {"weight_max_kg", &p.weightMax},  {"weight_margin_kg", &p.weightMargin}};
    for (const auto &[name, target] : fields) {
        const auto d = Decimal::fromJson(o.value(QLatin1String(name)));
        if (!d)
            return std::nullopt;
        *target = *d;
    }
    if (p.tempMin > p.tempMax || p.weightMin > p.weightMax)
        return std::nullopt;
    return p;
}

} // namespace flowviz
