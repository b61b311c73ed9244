#pragma once

#include "app/trace/recallreport.h"

#include <QCoreApplication>
#include <QString>

namespace flowviz::ui {

// The printable recall report: title, suspect lot, when and by whom it was generated, the
// table of downstream lots, and page numbers, as a PDF.
class RecallPdfWriter
{
    Q_DECLARE_TR_FUNCTIONS(flowviz::ui::RecallPdfWriter)

public:
    static QString html(const app::RecallReport &report);
    static bool write(const app::RecallReport &report, const QString &path,
                      QString *error = nullptr);
    // `html` as an A4 landscape PDF titled `title`, its pages numbered at the foot.
    static bool writeHtml(const QString &title, const QString &html, const QString &path,
                          QString *error = nullptr);
};

} // namespace flowviz::ui
