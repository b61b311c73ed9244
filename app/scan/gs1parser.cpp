#include "app/scan/gs1parser.h"

#include <algorithm>

namespace flowviz::app {

namespace {

// What follows an application identifier. `fixed` is the exact data length (0 = variable,
// ended by a group separator or the end of the data); `maxLength` caps variable data.
struct AiSpec
{
    int fixed = 0;
    int maxLength = 90;
    bool numeric = false;
    enum class Check
    {
        None,
        Mod10,
        Date
    } check = Check::None;
};

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// How many digits the AI starting with these two digits has (GS1 General Specifications,
// application identifier table); 0 when no AI starts with them.
int aiLength(int prefix)
{
    switch (prefix) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 10:
    case 11:
    case 12:
    case 13:
    case 15:
    case 16:
    case 17:
    case 20:
    case 21:
    case 22:
    case 30:
    case 37:
        return 2;
    case 23:
    case 24:
    case 25:
    case 40:
    case 41:
    case 42:
        return 3;
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
    case 39:
    case 43:
    case 70:
    case 71:
    case 72:
    case 80:
    case 81:
    case 82:
        return 4;
    default:
        return prefix >= 90 && prefix <= 99 ? 2 : 0;
    }
}

AiSpec specFor(QStringView ai)
{
    const int prefix = ai.left(2).toInt();
    switch (prefix) {
    case 0: // SSCC
        return {18, 18, true, AiSpec::Check::Mod10};
    case 1:
    case 2:
    case 3: // GTIN, GTIN of contained items
        return {14, 14, true, AiSpec::Check::Mod10};
    case 11:
    case 12:
    case 13:
    case 15:
    case 16:
    case 17: // dates, YYMMDD
        return {6, 6, true, AiSpec::Check::Date};
    case 20: // variant
        return {2, 2, true};
    case 10:
    case 21:
    case 22: // batch/lot, serial, consumer product variant
        return {0, 20, false};
    case 30:
    case 37: // counts
        return {0, 8, true};
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36: // trade measures, n6 with decimals
        return {6, 6, true};
    case 39: // amounts
        return {0, 15, true};
    case 41: // GLNs
        return {13, 13, true, AiSpec::Check::Mod10};
    default:
        break;
    }
    if (ai == u"422" || ai == u"424" || ai == u"426")
        return {3, 3, true};
    if (ai == u"7003")
        return {10, 10, true};
    if (prefix == 24 || prefix == 25 || ai == u"400" || ai == u"401" || ai == u"403")
        return {0, 30, false};
    return {};
}

bool mod10Ok(QStringView digits)
{
    int sum = 0;
    const qsizetype last = digits.size() - 1;
    for (qsizetype i = 0; i < last; ++i) {
        const int d = digits[i].digitValue();
        // Weights 3,1,3,… counted from the digit next to the check digit.
        sum += ((last - i) % 2 == 1) ? 3 * d : d;
    }
    return (10 - sum % 10) % 10 == digits[last].digitValue();
}

bool dateOk(QStringView yymmdd)
{
    const int month = yymmdd.mid(2, 2).toInt();
    const int day = yymmdd.mid(4, 2).toInt(); // 00 means "end of month" in GS1
    return month >= 1 && month <= 12 && day <= 31;
}

QString printable(QStringView s)
{
    QString out;
    for (const QChar c : s) {
        if (c == Gs1Parser::kGroupSeparator)
            out += QStringLiteral("<GS>");
        else if (c.category() == QChar::Other_Control)
            out += QStringLiteral("<%1>").arg(c.unicode(), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

std::optional<QString> checkElement(QStringView ai, QStringView value, bool lenientLength)
{
    const AiSpec spec = specFor(ai);
    const QString aiText = ai.toString();
    if (value.isEmpty())
        return Gs1Parser::tr("The GS1 element (%1) has no data.").arg(aiText);
    if (spec.fixed > 0 && value.size() != spec.fixed)
        return Gs1Parser::tr("The GS1 element (%1) needs exactly %2 characters, but has %3.")
            .arg(aiText)
            .arg(spec.fixed)
            .arg(value.size());
    if (!lenientLength && value.size() > spec.maxLength)
        return Gs1Parser::tr("The GS1 element (%1) has more than %2 characters.")
            .arg(aiText)
            .arg(spec.maxLength);
    if (spec.numeric && !isDigits(value))
        return Gs1Parser::tr("The GS1 element (%1) may contain digits only.").arg(aiText);
    if (spec.check == AiSpec::Check::Mod10 && !mod10Ok(value))
        return Gs1Parser::tr("The check digit of the GS1 element (%1) is wrong.").arg(aiText);
    if (spec.check == AiSpec::Check::Date && !dateOk(value))
        return Gs1Parser::tr("The GS1 element (%1) does not hold a valid date.").arg(aiText);
    return std::nullopt;
}

// Our own lot codes (e.g. BULK-20260114-DUNA01-5001, 25 characters) are longer than the 20
// characters GS1 allows in AI 10; the domain rule on lot codes is the limit that matters.
bool lenientLength(QStringView ai)
{
    return ai == u"10";
}

std::optional<QList<Gs1Element>> finish(QList<Gs1Element> elements, QString *problem)
{
    for (qsizetype i = 0; i < elements.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (elements[i].ai == elements[j].ai && elements[i].value != elements[j].value) {
                if (problem)
                    *problem = Gs1Parser::tr("The GS1 element (%1) appears twice with different "
                                             "values.")
                                   .arg(elements[i].ai);
                return std::nullopt;
            }
        }
    }
    return elements;
}

// Symbology identifiers (ISO/IEC 15424) that announce GS1 data: GS1-128, GS1 DataBar,
// GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
bool isGs1Symbology(QStringView id)
{
    return id == u"]C1" || id == u"]e0" || id == u"]d2" || id == u"]Q3" || id == u"]J1";
}

} // namespace

QString ScanResult::value(QStringView ai) const
{
    for (const Gs1Element &e : elements) {
        if (e.ai == ai)
            return e.value;
    }
    return {};
}

QString ScanResult::errorText() const
{
    return error ? Gs1Parser::describe(*error, code) : QString();
}

std::optional<QList<Gs1Element>> Gs1Parser::parseElements(QStringView data, QString *problem)
{
    auto fail = [problem](const QString &why) -> std::optional<QList<Gs1Element>> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };

    QList<Gs1Element> elements;
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        if (data[pos] == kGroupSeparator) { // FNC1 at the start, between or after elements
            ++pos;
            continue;
        }
        const QStringView head = data.mid(pos, 2);
        const int length = isDigits(head) && head.size() == 2 ? aiLength(head.toInt()) : 0;
        const QStringView ai = data.mid(pos, length);
        if (length == 0 || ai.size() < length || !isDigits(ai))
            return fail(tr("\"%1\" does not start with a GS1 application identifier.")
                            .arg(printable(data.mid(pos, 4))));
        pos += length;

        const AiSpec spec = specFor(ai);
        qsizetype end = 0;
        if (spec.fixed > 0) {
            end = std::min(pos + spec.fixed, n);
            const qsizetype gs = data.mid(pos, end - pos).indexOf(kGroupSeparator);
            if (gs >= 0)
                end = pos + gs;
        } else {
            end = data.indexOf(kGroupSeparator, pos);
            if (end < 0)
                end = n;
        }
        const QStringView value = data.mid(pos, end - pos);
        if (const auto why = checkElement(ai, value, lenientLength(ai)))
            return fail(*why);
        elements.append({ai.toString(), value.toString()});
        pos = end;
    }
    if (elements.isEmpty())
        return fail(tr("The GS1 data is empty."));
    return finish(std::move(elements), problem);
}

std::optional<QList<Gs1Element>> Gs1Parser::parseBracketed(QStringView data, QString *problem)
{
    auto fail = [problem](const QString &why) -> std::optional<QList<Gs1Element>> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };

    QList<Gs1Element> elements;
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        const qsizetype close = data.indexOf(u')', pos);
        if (data[pos] != u'(' || close < 0)
            return fail(tr("\"%1\" is not a bracketed GS1 application identifier.")
                            .arg(printable(data.mid(pos, 6))));
        const QStringView ai = data.mid(pos + 1, close - pos - 1);
        if (!isDigits(ai) || ai.size() < 2 || aiLength(ai.left(2).toInt()) != ai.size())
            return fail(
                tr("\"%1\" does not start with a GS1 application identifier.").arg(printable(ai)));
        qsizetype end = data.indexOf(u'(', close + 1);
        if (end < 0)
            end = n;
        const QStringView value = data.mid(close + 1, end - close - 1);
        if (const auto why = checkElement(ai, value, lenientLength(ai)))
            return fail(*why);
        elements.append({ai.toString(), value.toString()});
        pos = end;
    }
    if (elements.isEmpty())
        return fail(tr("The GS1 data is empty."));
    return finish(std::move(elements), problem);
}

ScanResult Gs1Parser::parse(QStringView raw)
{
    ScanResult result;
    result.raw = raw.toString();

    QStringView data = raw.trimmed();
    bool marked = false; // the scan itself says it is GS1
    if (data.size() >= 3 && data[0] == u']' && data[1].isLetter() && data[2].isLetterOrNumber()) {
        marked = isGs1Symbology(data.left(3));
        data = data.mid(3);
    }
    const bool bracketed = data.startsWith(u'(');
    marked = marked || bracketed || data.contains(kGroupSeparator);

    std::optional<QList<Gs1Element>> elements;
    QString problem;
    if (bracketed) {
        elements = parseBracketed(data, &problem);
    } else if (marked) {
        elements = parseElements(data, &problem);
    } else if (data.size() >= 2 && isDigits(data.left(2))) {
        // Unmarked: only an element string that starts with a fixed-length AI (GTIN, dates,
        // weights, …) and parses to the end is taken as GS1. A bare "10…" could just as well be
        // a plain code, and a plain code is what the operator most likely scanned.
        static constexpr int kPredefinedFixed[] = {0,  1,  2,  3,  11, 12, 13, 15, 16,
                                                   17, 20, 31, 32, 33, 34, 35, 36, 41};
        const int prefix = data.left(2).toInt();
        if (std::find(std::begin(kPredefinedFixed), std::end(kPredefinedFixed), prefix) !=
            std::end(kPredefinedFixed))
            elements = parseElements(data, nullptr);
    }

    if (elements) {
        const auto lot = std::find_if(elements->cbegin(), elements->cend(),
                                      [](const Gs1Element &e) { return e.ai == u"10"; });
        if (lot != elements->cend()) {
            result.format = ScanResult::Format::Gs1;
            result.elements = *elements;
            result.code = rules::normalizeLotCode(lot->value);
        } else if (marked) {
            problem = tr("The GS1 barcode has no batch/lot number (AI 10).");
        }
    }
    if (result.format == ScanResult::Format::Plain) {
        if (marked)
            result.gs1Problem = problem;
        result.code = rules::normalizeLotCode(data);
    }
    result.error = rules::checkLotCode(result.code, QStringLiteral("scan"));
    return result;
}

QString Gs1Parser::describe(const FieldError &error, const QString &code)
{
    if (error.code == u"lot_code.empty")
        return tr("The scan is empty. Scan the label again.");
    if (error.code == u"lot_code.too_long")
        return tr("The scanned code is longer than %1 characters, so it is not a lot code. Scan "
                  "the lot's label.")
            .arg(rules::kLotCodeMaxLength);
    if (error.code == u"lot_code.invalid_character") {
        const auto bad = std::find_if(code.cbegin(), code.cend(), [](QChar c) {
            return !((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
                     c == u'_' || c == u'.' || c == u'/');
        });
        const QString badText = bad != code.cend() ? printable(QStringView(&*bad, 1)) : QString();
        return tr("The scanned code \"%1\" is not a lot code: the character \"%2\" is not "
                  "allowed. Scan the lot's label or type its code.")
            .arg(printable(code), badText);
    }
    if (error.code == u"lot_code.no_alphanumeric")
        return tr("The scanned code \"%1\" has no letter or digit, so it is not a lot code. Scan "
                  "the lot's label.")
            .arg(printable(code));
    return error.message;
}

} // namespace flowviz::app
