#include "backend/lots/lotcursor.h"

#include <QByteArray>
#include <QList>

namespace flowviz::lots {

QString LotCursor::encode() const
{
    const QByteArray raw =
        (createdAt.toUTC().toString(Qt::ISODateWithMs) + u'|' + id.toString(QUuid::WithoutBraces))
            .toUtf8();
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool LotCursor::decode(const QString &text, LotCursor &out)
{
    const auto raw = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw)
        return false;
    const QList<QByteArray> parts = raw.decoded.split('|');
    if (parts.size() != 2)
        return false;
    out.createdAt = QDateTime::fromString(QString::fromUtf8(parts[0]), Qt::ISODateWithMs);
    out.id = QUuid::fromString(QString::fromUtf8(parts[1]));
    return out.createdAt.isValid() && !out.id.isNull();
}

} // namespace flowviz::lots
