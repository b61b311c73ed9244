#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace flowviz::test {

// The records of an RFC 4180 document (CRLF line ends; quoted cells may hold commas, quotes
// and line breaks), for reading an export back.
QList<QStringList> parseCsv(const QString &text);

} // namespace flowviz::test
