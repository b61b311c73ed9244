#include "app/trace/recallreport.h"

#include <algorithm>

namespace flowviz::app {

void RecallReport::sort()
{
    std::sort(rows.begin(), rows.end(), [](const RecallRow &a, const RecallRow &b) {
        return a.level != b.level ? a.level < b.level : a.code < b.code;
    });
}

QStringList RecallReport::csvHeader()
{
    // Fixed column names: a spreadsheet or a regulator's tool reads them, whatever the
    // console's language.
    return {QStringLiteral("level"),
            QStringLiteral("lot_code"),
            QStringLiteral("lot_type"),
            QStringLiteral("status"),
            QStringLiteral("weight_kg"),
            QStringLiteral("last_qc_decision"),
            QStringLiteral("last_qc_gate"),
            QStringLiteral("last_qc_decided_at"),
            QStringLiteral("last_qc_decided_by")};
}

QString RecallReport::csvField(const QString &value)
{
    return CsvTable::field(value);
}

CsvTable RecallReport::csvTable() const
{
    CsvTable table{csvHeader(), {}};
    table.rows.reserve(rows.size());
    for (const RecallRow &r : rows) {
        table.rows.append(
            {QString::number(r.level), r.code, toString(r.type), toString(r.status),
             r.weightKg ? r.weightKg->toString() : QString(),
             r.lastDecision ? toString(*r.lastDecision) : QString(),
             r.lastDecision ? QString::number(r.lastGate) : QString(),
             r.lastDecidedAt.isValid() ? r.lastDecidedAt.toUTC().toString(Qt::ISODate) : QString(),
             r.lastDecidedBy});
    }
    return table;
}

QByteArray RecallReport::toCsv() const
{
    return csvTable().toCsv();
}

bool RecallReport::writeCsv(const QString &path, QString *error) const
{
    return csvTable().write(path, error);
}

} // namespace flowviz::app
