#pragma once

#include "domain/wire/recall.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace flowviz::ui {

// A recall opened on the server (or a drill) as a printable PDF for the file and the
// authorities: what was recalled and why, who opened and closed it, how long the trace took,
// the customers to contact with what they got, every shipment line, and every lot of the set
// with its status then and now and whether the recall put it on HOLD.
class RecallRecordPdf
{
    Q_DECLARE_TR_FUNCTIONS(flowviz::ui::RecallRecordPdf)

public:
    static QString html(const wire::Recall &recall, const QString &printedBy,
                        const QDateTime &printedAt);
    static bool write(const wire::Recall &recall, const QString &printedBy, const QString &path,
                      QString *error = nullptr);
    // "flowviz-recall-RC-000001.pdf"
    static QString fileName(const wire::Recall &recall);
};

} // namespace flowviz::ui
