#include "app/export/csvtable.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace flowviz::app {

QString CsvTable::field(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\r') &&
        !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray CsvTable::toCsv() const
{
    QString out;
    const auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &f : fields)
            quoted.append(field(f));
        out += quoted.join(u',') + QStringLiteral("\r\n");
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

bool CsvTable::write(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv()) < 0 || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("flowviz::app::RecallReport",
                                                 "The file %1 could not be written: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace flowviz::app
