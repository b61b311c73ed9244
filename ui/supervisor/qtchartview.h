#pragma once

#include "ui/supervisor/chartview.h"

#include <QHash>

class QBarCategoryAxis;
class QChart;
class QChartView;

namespace flowviz::ui {

// ChartView drawn with Qt Charts: the only class that includes the charting library. Bars get
// their values as labels, points too; hovering shows the exact value, clicking reports the bar.
// Lines get a legend of check boxes under the plot (never over it, never cut): with many lines
// only the first and the lowest few are shown at first, the others one click away.
class QtChartView : public ChartView
{
    Q_OBJECT

public:
    explicit QtChartView(QWidget *parent = nullptr);

    // At most this many lines are drawn at first; the rest are offered in the legend.
    static constexpr int kShownLines = 4;

    int renderedSeriesCount() const override;
    int renderedPointCount() const override;
    // Names of the lines drawn now (a Lines chart), in the data's order.
    QStringList shownLines() const;
    void setLineShown(const QString &name, bool shown);

protected:
    void render() override;

private:
    void renderBars(QChart *chart);
    void renderLines(QChart *chart);
    void showTooltip(int series, int category);
    QBarCategoryAxis *categoryAxis() const;
    // Fits the axes to the plot's size: value labels far enough apart to read, category labels
    // thinned out where they would run together.
    void fitAxes(QChart *chart);
    // Which lines are drawn: the operator's choice where there is one, else the first line and
    // the lowest of the others.
    QList<bool> linesShown() const;
    void rebuildLegend(const QList<bool> &shown);

    QChartView *m_view = nullptr;
    QWidget *m_legend = nullptr;
    QHash<QString, bool> m_lineChoice; // by series name: kept across refreshes
};

} // namespace flowviz::ui
