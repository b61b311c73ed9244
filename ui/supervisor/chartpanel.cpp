#include "ui/supervisor/chartpanel.h"

#include "ui/supervisor/chartview.h"

#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace flowviz::ui {

ChartPanel::ChartPanel(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chartTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_png = new QPushButton(this);
    m_png->setObjectName(QStringLiteral("savePng"));
    m_csv = new QPushButton(this);
    m_csv->setObjectName(QStringLiteral("saveCsv"));
    for (QPushButton *b : {m_png, m_csv})
        b->setMinimumHeight(40);
    header->addWidget(m_title, 1);
    header->addWidget(m_png);
    header->addWidget(m_csv);
    layout->addLayout(header);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyNote"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    layout->addWidget(m_empty);
    m_chart = ChartView::create(this);
    layout->addWidget(m_chart, 1);

    connect(m_chart, &ChartView::pointClicked, this, &ChartPanel::pointClicked);
    connect(m_png, &QPushButton::clicked, this, &ChartPanel::exportPng);
    connect(m_csv, &QPushButton::clicked, this, &ChartPanel::exportCsv);
    retranslate();
}

void ChartPanel::setData(const ChartData &data, const QString &emptyText)
{
    m_title->setText(data.title);
    m_chart->setAccessibleName(data.title);
    m_chart->setData(data);
    const bool empty = !data.hasValues() && !emptyText.isEmpty();
    m_empty->setText(emptyText);
    m_empty->setVisible(empty);
}

const ChartData &ChartPanel::data() const
{
    return m_chart->data();
}

bool ChartPanel::savePng(const QString &path, QString *error) const
{
    if (m_chart->grab().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("The picture could not be saved to %1. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(path));
    return false;
}

bool ChartPanel::saveCsv(const QString &path, QString *error) const
{
    return data().toCsvTable().write(path, error);
}

QString ChartPanel::suggestedPath(const QString &extension) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(
        QStringLiteral("flowviz-%1-%2.%3")
            .arg(data().id, QDate::currentDate().toString(Qt::ISODate), extension));
}

void ChartPanel::exportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as picture"),
                                                      suggestedPath(QStringLiteral("png")),
                                                      tr("PNG pictures (*.png)"));
    QString error;
    if (!path.isEmpty() && !savePng(path, &error))
        QMessageBox::warning(this, tr("Save chart"), error);
}

void ChartPanel::exportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save chart figures as CSV"),
                                     suggestedPath(QStringLiteral("csv")), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !saveCsv(path, &error))
        QMessageBox::warning(this, tr("Save chart"), error);
}

void ChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ChartPanel::retranslate()
{
    m_png->setText(tr("PNG…"));
    m_png->setToolTip(tr("Save this chart as a picture"));
    m_csv->setText(tr("CSV…"));
    m_csv->setToolTip(tr("Save this chart's figures as a CSV file for a spreadsheet"));
}

} // namespace flowviz::ui
