#pragma once

#include "ui/supervisor/chartdata.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace flowviz::ui {

class ChartView;

// One chart of the supervisor dashboard with its title, a note when it has nothing to show,
// and buttons to save it as a PNG picture or its figures as CSV.
class ChartPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ChartPanel(QWidget *parent = nullptr);

    void setData(const ChartData &data, const QString &emptyText = {});
    const ChartData &data() const;
    ChartView *chart() const { return m_chart; }

    bool savePng(const QString &path, QString *error = nullptr) const;
    bool saveCsv(const QString &path, QString *error = nullptr) const;

signals:
    void pointClicked(int series, int category);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void exportPng();
    void exportCsv();
    QString suggestedPath(const QString &extension) const;

    QLabel *m_title = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_png = nullptr;
    QPushButton *m_csv = nullptr;
    ChartView *m_chart = nullptr;
};

} // namespace flowviz::ui
