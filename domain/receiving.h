#pragma once

#include "domain/validation.h"

#include <QString>
#include <QStringView>

#include <optional>

// The rules of what a receipt of raw material names (who supplied it and under which of the
// supplier's codes), shared by the server's decoders and the console's Register page.
namespace flowviz::rules {

inline constexpr int kSupplierCodeMaxLength = 40;
inline constexpr int kSupplierLotCodeMaxLength = 40;
inline constexpr int kDeliveryNoteMaxLength = 60;
inline constexpr int kReceiptUnitsMax = 1000000;

// A code the plant gives a business, a place or a document (customer, ship-to location, shipment
// reference): the lot code alphabet (A-Z 0-9 - _ . /), at most 40 characters, normalised with
// normalizeLotCode. Error codes are "<kind>.empty", "<kind>.too_long",
// "<kind>.invalid_character"; `noun` starts the sentences ("A customer code").
std::optional<FieldError> checkPlantCode(const QString &normalizedCode, const QString &field,
                                         const QString &kind, const QString &noun);

// A supplier's code in the plant's alphabet (A-Z 0-9 - _ . /), like a lot code; normalised
// with normalizeLotCode.
std::optional<FieldError> checkSupplierCode(const QString &normalizedCode,
                                            const QString &field = QStringLiteral("supplier_code"));
// The supplier's lot code as printed (GS1 AI 10 or typed): printable ASCII, case kept, no
// white space at either end, at most 40 characters. Never changed, only checked.
std::optional<FieldError> checkSupplierLotCode(const QString &code, const QString &field);
// A GTIN as GS1 AI 01 carries it: 14 digits whose last is the check digit.
std::optional<FieldError> checkGtin(const QString &gtin, const QString &field);
bool gtinCheckDigitValid(QStringView fourteenDigits);
// A delivery note number: 1-60 printable characters, no control characters, no white space
// at either end.
std::optional<FieldError> checkDeliveryNote(const QString &note, const QString &field);
// Free text a person gave (a name, an address): no control characters except line breaks in
// multi-line text, not blank, no white space at either end.
std::optional<FieldError> checkPlainText(const QString &text, const QString &field, bool multiLine);

} // namespace flowviz::rules
