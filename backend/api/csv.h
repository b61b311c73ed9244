#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// RFC 4180 CSV for the exports (audit trail, recalls): CRLF line ends, fields quoted when they
// hold a quote, a comma or a line break. A field that a spreadsheet would read as a formula
// (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP CSV injection).
namespace flowviz::api {

QByteArray csvField(QString text);
// One record: the fields joined with commas, then CRLF.
QByteArray csvRecord(const QList<QString> &fields);

} // namespace flowviz::api
