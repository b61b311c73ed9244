#include "ui/labels/labelpreview.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

// Shop-floor touch targets are at least 44 px high.
constexpr int kTouchTarget = 44;

// Paints the label scaled to the widget, keeping the label's aspect ratio.
class LabelCanvas : public QWidget
{
public:
    explicit LabelCanvas(LabelPreview *preview) : QWidget(preview), m_preview(preview)
    {
        setMinimumSize(200, 100);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const QSizeF mm = m_preview->labelSizeMm();
        QSizeF size = mm.scaled(QSizeF(width() - 2, height() - 2), Qt::KeepAspectRatio);
        const QRectF target(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2),
                            size);
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        LabelRenderer::paint(&painter, target, m_preview->label());
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
    }

private:
    LabelPreview *m_preview;
};

} // namespace

LabelPreview::LabelPreview(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_canvas = new LabelCanvas(this);
    m_canvas->setObjectName(QStringLiteral("labelCanvas"));

    m_printButton = new QPushButton(this);
    m_printButton->setObjectName(QStringLiteral("printButton"));
    m_printButton->setMinimumHeight(kTouchTarget);
    m_pdfButton = new QPushButton(this);
    m_pdfButton->setObjectName(QStringLiteral("pdfButton"));
    m_pdfButton->setMinimumHeight(kTouchTarget);
    connect(m_printButton, &QPushButton::clicked, this, &LabelPreview::printLabel);
    connect(m_pdfButton, &QPushButton::clicked, this, &LabelPreview::saveAsPdf);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_pdfButton);
    buttons->addWidget(m_printButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(buttons);

    retranslateUi();
}

void LabelPreview::setLabel(const LotLabel &label)
{
    m_label = label;
    m_printButton->setEnabled(!label.code.isEmpty());
    m_pdfButton->setEnabled(!label.code.isEmpty());
    retranslateUi();
    m_canvas->update();
}

void LabelPreview::setLabelSizeMm(const QSizeF &sizeMm)
{
    m_sizeMm = sizeMm;
    retranslateUi();
    m_canvas->update();
}

void LabelPreview::printLabel()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    LabelRenderer renderer;
    if (!renderer.print(&printer, m_label, m_sizeMm))
        showError(renderer.errorString());
}

void LabelPreview::saveAsPdf()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save label as PDF"),
                                                m_label.code + QStringLiteral(".pdf"),
                                                tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    LabelRenderer renderer;
    if (!renderer.printToPdf(path, m_label, m_sizeMm))
        showError(renderer.errorString());
}

void LabelPreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        retranslateUi();
        m_canvas->update(); // the label's captions are translated, too
    }
    QWidget::changeEvent(event);
}

void LabelPreview::retranslateUi()
{
    m_title->setText(
        tr("Label preview (%1 × %2 mm)")
            .arg(QLocale().toString(m_sizeMm.width()), QLocale().toString(m_sizeMm.height())));
    m_printButton->setText(tr("Print label…"));
    m_pdfButton->setText(tr("Save as PDF…"));
    m_canvas->setAccessibleName(m_label.code.isEmpty()
                                    ? tr("Label preview: no lot selected")
                                    : tr("Label preview for lot %1").arg(m_label.code));
}

void LabelPreview::showError(const QString &message)
{
    QMessageBox::warning(this, tr("Label not printed"), message);
}

} // namespace flowviz::ui
