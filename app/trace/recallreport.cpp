#include "recallreport.h"

#include <QCoreApplication>
#include <QSaveFile>

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
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\r') &&
        !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray RecallReport::toCsv() const
{
    QString out;
    const auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &f : fields)
            quoted.append(csvField(f));
        out += quoted.join(u',') + QStringLiteral("\r\n");
    };
    line(csvHeader());
    for (const RecallRow &r : rows) {
        line({QString::number(r.level), r.code, toString(r.type), toString(r.status),
              r.weightKg ? r.weightKg->toString() : QString(),
              r.lastDecision ? toString(*r.lastDecision) : QString(),
              r.lastDecision ? QString::number(r.lastGate) : QString(),
              r.lastDecidedAt.isValid() ? r.lastDecidedAt.toUTC().toString(Qt::ISODate) : QString(),
              r.lastDecidedBy});
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

bool RecallReport::writeCsv(const QString &path, QString *error) const
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
