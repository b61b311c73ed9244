#include "backend/api/csv.h"

namespace flowviz::api {

QByteArray csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u'"') || text.contains(u',') || text.contains(u'\n') || text.contains(u'\r'))
        return '"' + text.replace(u'"', QStringLiteral("\"\"")).toUtf8() + '"';
    return text.toUtf8();
}

QByteArray csvRecord(const QList<QString> &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csvField(fields[i]);
    }
    return out + "\r\n";
}

} // namespace flowviz::api
