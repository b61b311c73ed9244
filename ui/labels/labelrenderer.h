#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QCoreApplication>
#include <QDate>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>

class QPainter;
class QPrinter;

namespace flowviz::ui {

// What a lot label shows.
struct LotLabel
{
    QString code;
    LotType type = LotType::RAW;
    std::optional<Decimal> weightKg;
    QDate date;
    QString operatorName;
};

// Draws lot labels: a QR code of the lot code beside the human-readable code, type, weight,
// date and operator, with the text sized to fit. Paints on any QPainter (preview widgets,
// images) and prints through QPrinter to a label printer or to PDF.
class LabelRenderer
{
    Q_DECLARE_TR_FUNCTIONS(LabelRenderer)

public:
    static QSizeF defaultSizeMm() { return {100.0, 50.0}; }

    // Fills `rect` (the painter's logical coordinates) with the label on a white ground.
    static void paint(QPainter *painter, const QRectF &rect, const LotLabel &label);

    // One label on one page of exactly `sizeMm`, no margins. On failure errorString() says why.
    bool printToPdf(const QString &path, const LotLabel &label,
                    const QSizeF &sizeMm = defaultSizeMm());
    bool print(QPrinter *printer, const LotLabel &label, const QSizeF &sizeMm = defaultSizeMm());
    QString errorString() const { return m_error; }

    // "12.50 kg": at least two decimals, the current locale's decimal point, never rounded.
    static QString formatWeight(const Decimal &kg);

private:
    QString m_error;
};

} // namespace flowviz::ui
