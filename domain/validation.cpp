#include "validation.h"

namespace flowviz::rules {

namespace {

bool isLotCodeChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' ||
           c == u'.' || c == u'/';
}

FieldError error(const QString &field, const char *code, const QString &message)
{
    return FieldError{field, QString::fromLatin1(code), message};
}

} // namespace

QString normalizeLotCode(QStringView raw)
{
    return raw.trimmed().toString().toUpper();
}

std::optional<FieldError> checkLotCode(const QString &code, const QString &field)
{
    if (code.isEmpty())
        return error(field, "lot_code.empty", QStringLiteral("A lot code is required."));
    if (code.size() > kLotCodeMaxLength)
        return error(field, "lot_code.too_long",
                     QStringLiteral("A lot code has at most %1 characters.").arg(kLotCodeMaxLength));
    for (const QChar c : code) {
        if (!isLotCodeChar(c))
            return error(field, "lot_code.invalid_character",
                         QStringLiteral("A lot code may contain only A-Z, 0-9, '-', '_', '.' and "
                                        "'/'; '%1' is not allowed.")
                             .arg(c));
    }
    return std::nullopt;
}

std::optional<FieldError> checkWeight(const Decimal &kg, const QString &field)
{
    if (kg.significantScale() > kWeightScale)
        return error(field, "weight.scale",
                     QStringLiteral("Weight has at most 2 decimals (kg); %1 has more.")
                         .arg(kg.toString()));
    if (kg < Decimal::fromUnits(0, 0) || kg > Decimal::fromUnits(10000, 0))
        return error(field, "weight.range",
                     QStringLiteral("Weight must be between 0 and 10000 kg; %1 is outside.")
                         .arg(kg.toString()));
    return std::nullopt;
}

std::optional<FieldError> checkQuantityUsed(const Decimal &kg, const QString &field)
{
    if (auto e = checkWeight(kg, field))
        return e;
    if (kg <= Decimal::fromUnits(0, 0))
        return error(field, "quantity.not_positive",
                     QStringLiteral("The quantity drawn from a parent lot must be above 0 kg."));
    return std::nullopt;
}

std::optional<FieldError> checkTemperature(const Decimal &celsius, const QString &field)
{
    if (celsius.significantScale() > kTemperatureScale)
        return error(field, "temperature.scale",
                     QStringLiteral("Temperature has at most 1 decimal (°C); %1 has more.")
                         .arg(celsius.toString()));
    if (celsius < Decimal::fromUnits(-50, 0) || celsius > Decimal::fromUnits(100, 0))
        return error(field, "temperature.range",
                     QStringLiteral("Temperature must be between -50 and 100 °C; %1 is outside.")
                         .arg(celsius.toString()));
    return std::nullopt;
}

int nonBlankLength(const QString &text)
{
    int n = 0;
    for (const QChar c : text) {
        if (!c.isSpace())
            ++n;
    }
    return n;
}

std::optional<FieldError> checkNotes(const QString &notes, Decision decision, const QString &field)
{
    if (notes.size() > kNotesMaxLength)
        return error(field, "notes.too_long",
                     QStringLiteral("Notes have at most %1 characters.").arg(kNotesMaxLength));
    if ((decision == Decision::HOLD || decision == Decision::FAIL) &&
        nonBlankLength(notes) < kNotesMinForHoldOrFail)
        return error(field, "notes.required",
                     QStringLiteral("A %1 decision needs notes of at least %2 characters saying "
                                    "why.")
                         .arg(toString(decision))
                         .arg(kNotesMinForHoldOrFail));
    return std::nullopt;
}

std::optional<FieldError> checkCcpTemperature(bool gateIsCcp, bool hasTemperature,
                                              const QString &field)
{
    if (gateIsCcp && !hasTemperature)
        return error(field, "temperature.required_at_ccp",
                     QStringLiteral("This gate is a critical control point: record the measured "
                                    "temperature."));
    return std::nullopt;
}

} // namespace flowviz::rules
