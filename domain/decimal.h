#pragma once

#include <QJsonValue>
#include <QString>

#include <compare>
#include <cstdint>
#include <optional>

namespace flowviz {

// An exact decimal number (weights, temperatures): an integer count of 10^-scale units.
// Never converted through binary floating point when parsed from text.
class Decimal
{
public:
    static constexpr int kMaxScale = 6;

    Decimal() = default;

    // Parses "12", "-3.5", "0.25". Rejects exponents, blanks, more than kMaxScale decimals
    // and values whose magnitude exceeds 10^12.
    static std::optional<Decimal> parse(QStringView text);
    // A number as an operator types it (pass QLocale().decimalPoint()): like parse(), and also
    // with the locale's decimal point instead of '.', a typographic minus (U+2212) and blanks
    // around it. Group separators are refused, never skipped: with '.' as the decimal point
    // "1,250" is neither 1250 nor 1.25 but a mistake to correct.
    static std::optional<Decimal> parseTyped(QStringView text, QStringView localeDecimalPoint);
    // Accepts a JSON string holding a decimal, or a JSON number. A number is taken by its
    // shortest round-trip representation, which is exact for every value our rules allow.
    static std::optional<Decimal> fromJson(const QJsonValue &value);
    static Decimal fromUnits(std::int64_t units, int scale);

    // Number of digits after the decimal point as written (trailing zeros removed).
    int significantScale() const;
    std::int64_t units() const { return m_units; }
    int scale() const { return m_scale; }

    // Canonical text: no exponent, no trailing zeros after the point ("12.5", "-3", "0.25").
    QString toString() const;
    // JSON number for output. Values within our domain ranges have at most 7 significant
    // digits, which a double and its shortest representation reproduce exactly.
    QJsonValue toJson() const;

    std::strong_ordering operator<=>(const Decimal &other) const;
    bool operator==(const Decimal &other) const { return (*this <=> other) == 0; }
    Decimal operator+(const Decimal &other) const;

private:
    std::int64_t m_units = 0;
    int m_scale = 0;
};

} // namespace flowviz
