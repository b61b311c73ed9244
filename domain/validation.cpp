#include "domain/validation.h"

#include <algorithm>

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

qsizetype characterCount(const QString &text)
{
    qsizetype n = text.size();
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (text[i].isLowSurrogate() && text[i - 1].isHighSurrogate())
            --n;
    }
    return n;
}

QString normalizeLotCode(QStringView raw)
{
    // ASCII letters only: full Unicode case mapping would turn "STRAßE-1" into "STRASSE-1" or
    // "ﬁ" into "FI", changing a printed code into another; anything outside the documented
    // alphabet is left as it is, for checkLotCode to refuse.
    QString code = raw.trimmed().toString();
    for (QChar &c : code) {
        if (c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - (u'a' - u'A'));
    }
    return code;
}

std::optional<FieldError> checkLotCode(const QString &code, const QString &field)
{
    if (code.isEmpty())
        return error(field, "lot_code.empty", QStringLiteral("A lot code is required."));
    if (code.size() > kLotCodeMaxLength)
        return error(
            field, "lot_code.too_long",
            QStringLiteral("A lot code has at most %1 characters.").arg(kLotCodeMaxLength));
    for (const QChar c : code) {
        if (!isLotCodeChar(c))
            return error(field, "lot_code.invalid_character",
                         QStringLiteral("A lot code may contain only A-Z, 0-9, '-', '_', '.' and "
                                        "'/'; '%1' is not allowed.")
                             .arg(c));
    }
    // ".", ".." or "/" alone would be unreachable in a URL path and unreadable on a label.
    if (std::none_of(code.begin(), code.end(), [](QChar c) { return c.isLetterOrNumber(); }))
        return error(field, "lot_code.no_alphanumeric",
                     QStringLiteral("A lot code needs at least one letter or digit."));
    return std::nullopt;
}

std::optional<FieldError> checkWeight(const Decimal &kg, const QString &field)
{
    if (kg.significantScale() > kWeightScale)
        return error(
            field, "weight.scale",
            QStringLiteral("Weight has at most 2 decimals (kg); %1 has more.").arg(kg.toString()));
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
    for (const char32_t c : text.toUcs4()) {
        if (!QChar::isSpace(c))
            ++n;
    }
    return n;
}

std::optional<FieldError> checkNotes(const QString &notes, Decision decision, const QString &field)
{
    if (characterCount(notes) > kNotesMaxLength)
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
