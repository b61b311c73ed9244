#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace flowviz::app {

// A table of text written as RFC 4180 CSV, UTF-8 with a BOM, like the recall export: what
// the supervisor dashboard exports for each chart.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;

    QByteArray toCsv() const;
    bool write(const QString &path, QString *error = nullptr) const;
};

} // namespace flowviz::app
