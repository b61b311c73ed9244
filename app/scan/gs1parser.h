#pragma once

#include "domain/validation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace flowviz::app {

// One GS1 element: an application identifier such as "10" and the data that follows it.
struct Gs1Element
{
    QString ai;
    QString value;
    bool operator==(const Gs1Element &) const = default;
};

// What one scan means: the lot code it carries, how it was read and whether that code is a
// valid lot code.
struct ScanResult
{
    enum class Format
    {
        Plain,
        Gs1
    };

    QString raw;  // what was given to the parser
    QString code; // normalised lot code: AI 10 of a GS1 scan, otherwise the whole scan
    Format format = Format::Plain;
    QList<Gs1Element> elements; // every element of a GS1 scan, in scan order
    // Why a scan marked as GS1 (symbology identifier, group separator, "(AI)" form) was read
    // as plain text instead; empty when it was not marked or parsed cleanly. Translated.
    QString gs1Problem;
    std::optional<FieldError> error; // the lot-code rule `code` breaks, if any

    bool isValid() const { return !error.has_value(); }
    // The data of `ai`, or an empty string when the scan has no such element.
    QString value(QStringView ai) const;
    // A sentence for the operator saying why `code` cannot be used and what to do; empty when
    // the code is valid. Translated.
    QString errorText() const;
};

// Reads scanner output: GS1-128 / GS1 DataMatrix / GS1 QR element strings (with the FNC1
// group separator, ASCII 29, between variable-length elements, with or without a `]C1`-style
// symbology identifier, or in the printed "(01)…(10)…" form) and plain codes. The lot code of
// a GS1 scan is its AI 10 (batch/lot); anything else is looked up as a plain code.
class Gs1Parser
{
    Q_DECLARE_TR_FUNCTIONS(Gs1Parser)

public:
    static constexpr QChar kGroupSeparator = QChar(0x1D);

    static ScanResult parse(QStringView raw);

    // The elements of an element string without symbology identifier, e.g.
    // "0109501101530003" "17260131" "10LOT1" <GS> "21SN". On failure returns nullopt and, when
    // `problem` is given, a translated sentence saying what is wrong.
    static std::optional<QList<Gs1Element>> parseElements(QStringView data,
                                                          QString *problem = nullptr);
    // The same for the human-readable form "(01)09501101530003(10)LOT1".
    static std::optional<QList<Gs1Element>> parseBracketed(QStringView data,
                                                           QString *problem = nullptr);

    // The operator's sentence for a lot-code rule broken by a scanned `code`. Translated.
    static QString describe(const FieldError &error, const QString &code);
};

} // namespace flowviz::app
