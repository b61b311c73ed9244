#include "domain/receiving.h"

#include <algorithm>

namespace flowviz::rules {

namespace {

FieldError error(const QString &field, const char *code, const QString &message)
{
    return FieldError{field, QString::fromLatin1(code), message};
}

bool spaceAtAnEnd(const QString &text)
{
    return !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
}

} // namespace

std::optional<FieldError> checkPlantCode(const QString &code, const QString &field,
                                         const QString &kind, const QString &noun)
{
    if (code.isEmpty())
        return FieldError{field, kind + QStringLiteral(".empty"),
                          QStringLiteral("%1 is required.").arg(noun)};
    if (code.size() > kSupplierCodeMaxLength)
        return FieldError{
            field, kind + QStringLiteral(".too_long"),
            QStringLiteral("%1 has at most %2 characters.").arg(noun).arg(kSupplierCodeMaxLength)};
    if (const auto e = checkLotCode(code, field))
        return FieldError{field, kind + QStringLiteral(".invalid_character"),
                          QStringLiteral("%1 may contain only A-Z, 0-9, '-', '_', '.' and '/', "
                                         "with at least one letter or digit.")
                              .arg(noun)};
    return std::nullopt;
}

std::optional<FieldError> checkSupplierCode(const QString &code, const QString &field)
{
    return checkPlantCode(code, field, QStringLiteral("supplier_code"),
                          QStringLiteral("A supplier code"));
}

std::optional<FieldError> checkSupplierLotCode(const QString &code, const QString &field)
{
    if (code.isEmpty())
        return error(field, "supplier_lot_code.empty",
                     QStringLiteral("The supplier's lot code is required."));
    if (code.size() > kSupplierLotCodeMaxLength)
        return error(field, "supplier_lot_code.too_long",
                     QStringLiteral("The supplier's lot code has at most %1 characters.")
                         .arg(kSupplierLotCodeMaxLength));
    for (const QChar c : code) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return error(field, "supplier_lot_code.invalid_character",
                         QStringLiteral("The supplier's lot code may contain only printable "
                                        "ASCII characters, as printed on the label."));
    }
    if (spaceAtAnEnd(code))
        return error(field, "supplier_lot_code.space",
                     QStringLiteral("The supplier's lot code must not begin or end with a "
                                    "space."));
    return std::nullopt;
}

bool gtinCheckDigitValid(QStringView digits)
{
    if (digits.size() != 14)
        return false;
    int sum = 0;
    for (qsizetype i = 0; i < 13; ++i) {
        const int d = digits[i].unicode() - u'0';
        if (d < 0 || d > 9)
            return false;
        sum += d * (i % 2 == 0 ? 3 : 1);
    }
    const int check = digits[13].unicode() - u'0';
    return check >= 0 && check <= 9 && (10 - sum % 10) % 10 == check;
}

std::optional<FieldError> checkGtin(const QString &gtin, const QString &field)
{
    const bool digits = gtin.size() == 14 && std::all_of(gtin.begin(), gtin.end(), [](QChar c) {
                            return c >= u'0' && c <= u'9';
                        });
    if (!digits)
        return error(field, "gtin.format",
                     QStringLiteral("A GTIN has 14 digits (GS1 AI 01); pad a shorter one with "
                                    "leading zeros."));
    if (!gtinCheckDigitValid(gtin))
        return error(field, "gtin.check_digit",
                     QStringLiteral("GTIN %1 has a wrong check digit: it was misread or "
                                    "mistyped.")
                         .arg(gtin));
    return std::nullopt;
}

std::optional<FieldError> checkPlainText(const QString &text, const QString &field, bool multiLine)
{
    if (nonBlankLength(text) == 0)
        return error(field, "text.blank", QStringLiteral("%1 must not be blank.").arg(field));
    for (const QChar c : text) {
        const bool lineBreak = c == u'\n' || c == u'\r';
        if (c.category() == QChar::Other_Control && !(multiLine && lineBreak))
            return error(field, "text.control_character",
                         QStringLiteral("%1 must not contain control characters.").arg(field));
    }
    if (spaceAtAnEnd(text))
        return error(field, "text.space",
                     QStringLiteral("%1 must not begin or end with white space.").arg(field));
    return std::nullopt;
}

std::optional<FieldError> checkDeliveryNote(const QString &note, const QString &field)
{
    if (characterCount(note) > kDeliveryNoteMaxLength)
        return error(field, "delivery_note.too_long",
                     QStringLiteral("A delivery note number has at most %1 characters.")
                         .arg(kDeliveryNoteMaxLength));
    return checkPlainText(note, field, false);
}

} // namespace flowviz::rules
