#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace flowviz::app {

// A table of text written as RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a
// BOM so spreadsheets read it as UTF-8, one header row: the recall export and the supervisor
// dashboard's chart exports.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;

    QByteArray toCsv() const;
    // Atomically (QSaveFile); on failure a sentence for the operator in `error`.
    bool write(const QString &path, QString *error = nullptr) const;

    // One CSV field, quoted when it holds a comma, quote, CR or LF.
    static QString field(const QString &value);
};

} // namespace flowviz::app
