#pragma once

#include "ui/labels/labelrenderer.h"

#include <QSizeF>
#include <QWidget>

class QLabel;
class QPushButton;

namespace flowviz::ui {

// Shows a lot label as it will print, with large buttons to print it or save it as PDF.
class LabelPreview : public QWidget
{
    Q_OBJECT

public:
    explicit LabelPreview(QWidget *parent = nullptr);

    LotLabel label() const { return m_label; }
    void setLabel(const LotLabel &label);
    QSizeF labelSizeMm() const { return m_sizeMm; }
    void setLabelSizeMm(const QSizeF &sizeMm);

public slots:
    // Asks for a printer (standard print dialog) and prints the label on it.
    void printLabel();
    // Asks for a file name and saves the label as PDF.
    void saveAsPdf();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showError(const QString &message);

    LotLabel m_label;
    QSizeF m_sizeMm = LabelRenderer::defaultSizeMm();
    QLabel *m_title = nullptr;
    QWidget *m_canvas = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
};

} // namespace flowviz::ui
