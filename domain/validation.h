#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QList>
#include <QString>

#include <optional>

namespace flowviz {

// One rule broken by one field. `code` is stable and machine-readable so the console can
// show the message in the operator's language; `message` is the English sentence the server
// returns in problem+json.
struct FieldError
{
    QString field;
    QString code;
    QString message;
    bool operator==(const FieldError &) const = default;
};
using FieldErrors = QList<FieldError>;

namespace rules {

inline constexpr int kLotCodeMaxLength = 100;
inline constexpr int kNotesMaxLength = 1000;
inline constexpr int kNotesMinForHoldOrFail = 10;
inline constexpr int kWeightScale = 2;
inline constexpr int kTemperatureScale = 1;

// Trimmed, ASCII letters upper-cased; the form in which codes are stored and compared.
QString normalizeLotCode(QStringView raw);

// Each check takes the value as the user gave it (lot codes already normalised) and returns
// the rule it breaks, if any.
std::optional<FieldError> checkLotCode(const QString &normalizedCode,
                                       const QString &field = QStringLiteral("lot_code"));
std::optional<FieldError> checkWeight(const Decimal &kg,
                                      const QString &field = QStringLiteral("weight_kg"));
// A quantity drawn from a parent: like a weight, but it must be above zero.
std::optional<FieldError> checkQuantityUsed(const Decimal &kg, const QString &field);
std::optional<FieldError> checkTemperature(const Decimal &celsius,
                                           const QString &field = QStringLiteral("temperature_c"));
std::optional<FieldError> checkNotes(const QString &notes, Decision decision,
                                     const QString &field = QStringLiteral("notes"));
std::optional<FieldError>
checkCcpTemperature(bool gateIsCcp, bool hasTemperature,
                    const QString &field = QStringLiteral("temperature_c"));

// Length in Unicode characters, as PostgreSQL's char_length() counts it: a character outside
// the BMP (an emoji) is one character, not two UTF-16 code units.
qsizetype characterCount(const QString &text);
// Counts Unicode characters (not UTF-16 code units) that are not white space.
int nonBlankLength(const QString &text);

} // namespace rules
} // namespace flowviz
