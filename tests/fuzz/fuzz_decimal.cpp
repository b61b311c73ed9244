// Exact decimals (domain/decimal.*): Decimal::parse, parseTyped and fromJson, the way weights and
// temperatures enter from a request body or an operator's keyboard.
#include "domain/decimal.h"

#include "tests/fuzz/fuzzassert.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace flowviz;

namespace {

// The invariants of a value parse() accepted.
void checkValue(const Decimal &d)
{
    const QString text = d.toString();
    const auto again = Decimal::parse(text);
    FUZZ_ASSERT(again.has_value());
    FUZZ_ASSERT(*again == d);
    FUZZ_ASSERT(again->toString() == text); // canonical: one value, one text
    FUZZ_ASSERT(d.significantScale() >= 0 && d.significantScale() <= d.scale());
    FUZZ_ASSERT(d.scale() >= 0 && d.scale() <= Decimal::kMaxScale);
    FUZZ_ASSERT(again->significantScale() == d.significantScale());
    FUZZ_ASSERT(d + Decimal::fromUnits(0, 0) == d);
    FUZZ_ASSERT(!text.contains(u'e') && !text.contains(u'E') && !text.startsWith(u'+'));
    // As a JSON string the value comes back exactly, whatever its size.
    const auto fromString = Decimal::fromJson(QJsonValue(text));
    FUZZ_ASSERT(fromString && *fromString == d);
    // As a JSON number it does too while a double holds it exactly (15 significant digits).
    QString digits = text;
    digits.remove(u'-');
    digits.remove(u'.');
    while (digits.startsWith(u'0') && digits.size() > 1)
        digits.remove(0, 1);
    if (digits.size() <= 15) {
        const auto fromNumber = Decimal::fromJson(d.toJson());
        FUZZ_ASSERT(fromNumber && *fromNumber == d);
    }
    // Typed back by an operator, with either decimal point.
    for (const QString point : {QStringLiteral("."), QStringLiteral(",")}) {
        QString typed = text;
        typed.replace(u'.', point);
        const auto t = Decimal::parseTyped(typed, point);
        FUZZ_ASSERT(t && *t == d);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    if (const auto d = Decimal::parse(text))
        checkValue(*d);

    // parseTyped accepts everything parse() does, and what it accepts is a valid Decimal.
    for (const QString point :
         {QStringLiteral("."), QStringLiteral(","), QStringLiteral("\u066b")}) {
        const auto typed = Decimal::parseTyped(text, point);
        if (const auto plain = Decimal::parse(text)) {
            FUZZ_ASSERT(typed && *typed == *plain);
        }
        if (typed)
            checkValue(*typed);
    }
    // A decimal point taken from the input itself (a strange locale), up to the first '|'.
    const qsizetype bar = text.indexOf(u'|');
    if (bar > 0 && bar < 8) {
        if (const auto typed = Decimal::parseTyped(text.mid(bar + 1), QStringView(text).left(bar)))
            checkValue(*typed);
    }

    // As the JSON value of a body member: a string or a number, whatever the parser makes of it.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]");
    if (doc.isArray() && doc.array().size() == 1) {
        const QJsonValue v = doc.array().at(0);
        if (const auto d = Decimal::fromJson(v)) {
            checkValue(*d);
            FUZZ_ASSERT(v.isString() || v.isDouble());
        }
    }
    if (const auto d = Decimal::fromJson(QJsonValue(text)))
        checkValue(*d);
    return 0;
}
