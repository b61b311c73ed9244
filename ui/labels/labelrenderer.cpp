#include "ui/labels/labelrenderer.h"

#include "ui/labels/qrcode.h"

#include "app/core/domainlabels.h"

#include "domain/validation.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>

#include <algorithm>
#include <cmath>

namespace flowviz::ui {

namespace {

// The largest pixel size (at most `maxPixels`) at which every line fits `width`.
int fittingPixelSize(QFont font, const QStringList &lines, qreal width, int maxPixels,
                     QPaintDevice *device)
{
    int size = std::max(1, maxPixels);
    for (int attempt = 0; attempt < 8 && size > 1; ++attempt) {
        font.setPixelSize(size);
        const QFontMetricsF metrics(font, device);
        qreal widest = 0;
        for (const QString &line : lines)
            widest = std::max(widest, metrics.horizontalAdvance(line));
        if (widest <= width)
            break;
        size = std::max(1, int(std::floor(size * width / widest)) - (attempt > 0 ? 1 : 0));
    }
    return size;
}

void drawLines(QPainter *painter, const QRectF &area, const LotLabel &label)
{
    const QString typeLine = LabelRenderer::tr("Type: %1 – %2")
                                 .arg(toString(label.type), app::DomainLabels::lotType(label.type));
    const QString weightLine =
        LabelRenderer::tr("Weight: %1")
            .arg(label.weightKg ? LabelRenderer::formatWeight(*label.weightKg)
                                : QStringLiteral("–"));
    // ISO dates on labels: unambiguous for every reader, whatever the UI language.
    const QString dateLine =
        LabelRenderer::tr("Date: %1")
            .arg(label.date.isValid() ? label.date.toString(QStringLiteral("yyyy-MM-dd"))
                                      : QStringLiteral("–"));
    const QString operatorLine = LabelRenderer::tr("Operator: %1").arg(label.operatorName);
    const QStringList details{typeLine, weightLine, dateLine, operatorLine};

    QPaintDevice *device = painter->device();
    // The code gets about a quarter of the height, the four detail lines share the rest.
    const qreal codeHeight = area.height() * 0.26;
    const qreal gap = area.height() * 0.06;
    const qreal lineHeight = (area.height() - codeHeight - gap) / details.size();

    QFont codeFont = painter->font();
    codeFont.setBold(true);
    codeFont.setPixelSize(
        fittingPixelSize(codeFont, {label.code}, area.width(), int(codeHeight / 1.25), device));
    // The code is what people read first; the details never outshout it.
    QFont detailFont = painter->font();
    detailFont.setBold(false);
    detailFont.setPixelSize(fittingPixelSize(
        detailFont, details, area.width(),
        std::min(int(lineHeight / 1.3), int(codeFont.pixelSize() * 0.85)), device));

    painter->setPen(Qt::black);
    painter->setFont(codeFont);
    const QRectF codeRect(area.left(), area.top(), area.width(), codeHeight);
    painter->drawText(
        codeRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        QFontMetricsF(codeFont, device).elidedText(label.code, Qt::ElideMiddle, area.width()));

    painter->setFont(detailFont);
    const QFontMetricsF metrics(detailFont, device);
    qreal y = codeRect.bottom() + gap;
    for (const QString &line : details) {
        painter->drawText(QRectF(area.left(), y, area.width(), lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          metrics.elidedText(line, Qt::ElideRight, area.width()));
        y += lineHeight;
    }
}

} // namespace

void LabelRenderer::paint(QPainter *painter, const QRectF &rect, const LotLabel &label)
{
    painter->save();
    painter->fillRect(rect, Qt::white);
    const qreal margin = std::min(rect.width(), rect.height()) * 0.06;
    const QRectF inner = rect.adjusted(margin, margin, -margin, -margin);

    QRectF qrRect;
    QRectF textRect;
    if (inner.width() >= 1.6 * inner.height()) { // landscape label: QR left, text right
        // Leave the text most of the width: the code must stay large enough to read.
        const qreal side = std::min(inner.height(), inner.width() * 0.38);
        qrRect = QRectF(inner.left(), inner.top() + (inner.height() - side) / 2, side, side);
        textRect = inner.adjusted(side + margin / 2, 0, 0, 0);
    } else { // square or portrait: QR on top, text below
        const qreal side = std::min(inner.width(), inner.height() * 0.6);
        qrRect = QRectF(inner.left() + (inner.width() - side) / 2, inner.top(), side, side);
        textRect = inner.adjusted(0, side + margin / 2, 0, 0);
    }
    QrCode::encode(label.code).paint(painter, qrRect);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    drawLines(painter, textRect, label);
    painter->restore();
}

bool LabelRenderer::printToPdf(const QString &path, const LotLabel &label, const QSizeF &sizeMm)
{
    m_error.clear();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        m_error = tr("The label could not be saved as %1. Check that the folder exists and that "
                     "you may write to it.")
                      .arg(path);
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(QStringLiteral("FlowViz"));
    printer.setDocName(label.code);
    if (!print(&printer, label, sizeMm))
        return false;
    if (!QFileInfo(path).isFile()) {
        m_error = tr("The label could not be saved as %1. Check that the folder exists and that "
                     "you may write to it.")
                      .arg(path);
        return false;
    }
    return true;
}

bool LabelRenderer::print(QPrinter *printer, const LotLabel &label, const QSizeF &sizeMm)
{
    m_error.clear();
    if (label.code.isEmpty()) {
        m_error = tr("The label has no lot code. Register or scan the lot first.");
        return false;
    }
    if (sizeMm.width() < 10 || sizeMm.height() < 10) {
        m_error = tr("A label of %1 × %2 mm is too small. Set a label size of at least 10 × 10 mm "
                     "in the settings.")
                      .arg(sizeMm.width())
                      .arg(sizeMm.height());
        return false;
    }
    if (QrCode::encode(label.code).isNull()) {
        m_error = tr("The lot code %1 is too long for a QR code.").arg(label.code);
        return false;
    }

    // A label printer's media is as wide as the label; the page is the label, unrotated.
    const QPageSize pageSize(sizeMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
    const QPageLayout layout(pageSize, QPageLayout::Portrait, QMarginsF(), QPageLayout::Millimeter);
    printer->setFullPage(true);
    if (!printer->setPageLayout(layout)) {
        m_error = tr("The printer does not accept a label of %1 × %2 mm. Check the label size in "
                     "the settings and the printer's media.")
                      .arg(sizeMm.width())
                      .arg(sizeMm.height());
        return false;
    }

    QPainter painter;
    if (!painter.begin(printer)) {
        m_error = tr("The printer could not be started. Check that it is switched on and "
                     "connected, then print again.");
        return false;
    }
    const QRectF page = printer->pageLayout().fullRectPixels(printer->resolution());
    paint(&painter, QRectF(QPointF(0, 0), page.size()), label);
    if (!painter.end()) {
        m_error = tr("Printing the label failed. Check the printer, then print again.");
        return false;
    }
    return true;
}

QString LabelRenderer::formatWeight(const Decimal &kg)
{
    // Padded to the weight scale the scales print ("12.50"); never rounded.
    QString number = kg.toString();
    qsizetype point = number.indexOf(u'.');
    if (point < 0) {
        point = number.size();
        number += u'.';
    }
    const qsizetype decimals = number.size() - point - 1;
    if (decimals < rules::kWeightScale)
        number += QString(rules::kWeightScale - decimals, u'0');
    number.replace(point, 1, QLocale().decimalPoint());
    return tr("%1 kg").arg(number);
}

} // namespace flowviz::ui
