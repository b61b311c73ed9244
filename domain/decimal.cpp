#include "domain/decimal.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace flowviz {

namespace {

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
constexpr std::int64_t kMaxUnits = 1000000000000LL * 1000000LL; // 10^12 at scale 6

std::int64_t rescale(std::int64_t units, int from, int to)
{
    return units * kPow10[to - from];
}

} // namespace

std::optional<Decimal> Decimal::parse(QStringView text)
{
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (text[0] == u'-' || text[0] == u'+') {
        negative = text[0] == u'-';
        ++i;
    }
    std::int64_t units = 0;
    int scale = 0;
    int intDigits = 0;
    bool seenPoint = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.') {
            if (seenPoint)
                return std::nullopt;
            seenPoint = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return std::nullopt;
        if (seenPoint) {
            if (++scale > kMaxScale)
                return std::nullopt;
        } else {
            ++intDigits;
        }
        if (units > kMaxUnits / 10)
            return std::nullopt;
        units = units * 10 + (c.unicode() - u'0');
    }
    if (intDigits == 0 && scale == 0)
        return std::nullopt;
    if (seenPoint && scale == 0)
        return std::nullopt; // "12." is not a decimal we accept
    if (intDigits == 0)
        return std::nullopt; // ".5" neither: ask for "0.5"
    Decimal d;
    d.m_units = negative ? -units : units;
    d.m_scale = scale;
    if (std::abs(d.m_units) > kMaxUnits / kPow10[kMaxScale - scale])
        return std::nullopt;
    return d;
}

std::optional<Decimal> Decimal::parseTyped(QStringView text, QStringView localeDecimalPoint)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    // A decimal point that could be mistaken for a digit, a sign or a blank is not one.
    const bool usablePoint =
        !localeDecimalPoint.isEmpty() &&
        std::none_of(localeDecimalPoint.begin(), localeDecimalPoint.end(), [](QChar c) {
            return c.isDigit() || c.isSpace() || c == u'-' || c == u'+' || c == QChar(0x2212);
        });
    QString normalised;
    normalised.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (usablePoint && text.sliced(i).startsWith(localeDecimalPoint)) {
            normalised += u'.';
            i += localeDecimalPoint.size();
            continue;
        }
        const QChar c = text[i++];
        normalised += c == QChar(0x2212) ? QChar(u'-') : c; // parse() refuses it past the start
    }
    return parse(normalised);
}

std::optional<Decimal> Decimal::fromJson(const QJsonValue &value)
{
    if (value.isString())
        return parse(value.toString());
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return std::nullopt;
        return parse(QString::number(d, 'f', QLocale::FloatingPointShortest));
    }
    return std::nullopt;
}

Decimal Decimal::fromUnits(std::int64_t units, int scale)
{
    Decimal d;
    d.m_units = units;
    d.m_scale = std::clamp(scale, 0, kMaxScale);
    return d;
}

int Decimal::significantScale() const
{
    int s = m_scale;
    std::int64_t u = m_units;
    while (s > 0 && u % 10 == 0) {
        u /= 10;
        --s;
    }
    return s;
}

QString Decimal::toString() const
{
    const int s = significantScale();
    std::int64_t u = m_units / kPow10[m_scale - s];
    const bool negative = u < 0;
    if (negative)
        u = -u;
    QString digits = QString::number(u);
    if (s > 0) {
        if (digits.size() <= s)
            digits.prepend(QString(s - digits.size() + 1, u'0'));
        digits.insert(digits.size() - s, u'.');
    }
    if (negative)
        digits.prepend(u'-');
    return digits;
}

QJsonValue Decimal::toJson() const
{
    return QJsonValue(toString().toDouble());
}

std::strong_ordering Decimal::operator<=>(const Decimal &other) const
{
    const int s = std::max(m_scale, other.m_scale);
    return rescale(m_units, m_scale, s) <=> rescale(other.m_units, other.m_scale, s);
}

Decimal Decimal::operator+(const Decimal &other) const
{
    const int s = std::max(m_scale, other.m_scale);
    return fromUnits(rescale(m_units, m_scale, s) + rescale(other.m_units, other.m_scale, s), s);
}

} // namespace flowviz
