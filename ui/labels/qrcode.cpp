#include "ui/labels/qrcode.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include <qrencode.h>

namespace flowviz::ui {

QrCode QrCode::encode(const QString &text)
{
    QrCode code;
    if (text.isEmpty())
        return code;
    const QByteArray utf8 = text.toUtf8();
    // Version chosen by the library; non-alphanumeric characters go in byte mode, case kept.
    QRcode *qr = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr)
        return code;
    code.m_size = qr->width;
    code.m_modules.resize(qsizetype(qr->width) * qr->width);
    for (qsizetype i = 0; i < code.m_modules.size(); ++i)
        code.m_modules[i] = (qr->data[i] & 1) != 0; // bit 0: dark module
    QRcode_free(qr);
    return code;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules[qsizetype(y) * m_size + x];
}

void QrCode::paint(QPainter *painter, const QRectF &rect) const
{
    if (isNull())
        return;
    const int modules = m_size + 2 * kQuietZoneModules;
    const qreal side = std::min(rect.width(), rect.height());
    qreal module = side / modules;
    const bool snap = std::floor(module) >= 0.9 * module;
    if (snap)
        module = std::floor(module); // whole pixels: every module equally wide, no blur
    const qreal symbol = module * modules;
    QPointF origin(rect.x() + (rect.width() - symbol) / 2, rect.y() + (rect.height() - symbol) / 2);
    if (snap)
        origin = QPointF(std::round(origin.x()), std::round(origin.y()));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(QRectF(origin, QSizeF(symbol, symbol)), Qt::white); // includes quiet zone

    // One path of row runs: adjacent modules share edges inside one fill, so no hairline
    // seams appear between them when a viewer or printer anti-aliases.
    QPainterPath dark;
    dark.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            dark.addRect(origin.x() + (kQuietZoneModules + start) * module,
                         origin.y() + (kQuietZoneModules + y) * module, (x - start) * module,
                         module);
        }
    }
    painter->fillPath(dark, Qt::black);
    painter->restore();
}

} // namespace flowviz::ui
