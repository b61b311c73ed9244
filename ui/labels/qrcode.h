#pragma once

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace flowviz::ui {

// A QR code symbol (libqrencode, byte mode, error correction level M) that paints itself as
// crisp square modules with the quiet zone the standard requires.
class QrCode
{
public:
    static constexpr int kQuietZoneModules = 4;

    // Encodes `text` as UTF-8; isNull() when it cannot be encoded (empty or too long).
    static QrCode encode(const QString &text);

    bool isNull() const { return m_size == 0; }
    // Modules per side, without the quiet zone.
    int size() const { return m_size; }
    bool isDark(int x, int y) const;

    // Paints the symbol and its quiet zone as the largest square centred in `rect`. Modules
    // are a whole number of logical units (device pixels when the painter is not scaled) when
    // that keeps the symbol at least 90 % as large, so no module is smeared across pixels.
    void paint(QPainter *painter, const QRectF &rect) const;

private:
    int m_size = 0;
    QList<bool> m_modules;
};

} // namespace flowviz::ui
