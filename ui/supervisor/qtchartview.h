#pragma once

#include "chartview.h"

class QBarCategoryAxis;
class QChart;
class QChartView;

namespace flowviz::ui {

// ChartView drawn with Qt Charts: the only class that includes the charting library. Bars get
// their values as labels, points too; hovering shows the exact value, clicking reports the bar.
class QtChartView : public ChartView
{
    Q_OBJECT

public:
    explicit QtChartView(QWidget *parent = nullptr);

    int renderedSeriesCount() const override;
    int renderedPointCount() const override;

protected:
    void render() override;

private:
    void renderBars(QChart *chart);
    void renderLines(QChart *chart);
    void showTooltip(int series, int category);
    QBarCategoryAxis *categoryAxis() const;

    QChartView *m_view = nullptr;
};

} // namespace flowviz::ui
