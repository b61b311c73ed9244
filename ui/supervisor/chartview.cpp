#include "ui/supervisor/chartview.h"

#include "ui/supervisor/qtchartview.h"

#include <QEvent>

namespace flowviz::ui {

ChartView::ChartView(QWidget *parent) : QWidget(parent) {}

ChartView *ChartView::create(QWidget *parent)
{
    return new QtChartView(parent);
}

void ChartView::setData(const ChartData &data)
{
    m_data = data;
    render();
}

void ChartView::changeEvent(QEvent *event)
{
    // Fonts follow the page (a wall display uses a larger one).
    if (event->type() == QEvent::FontChange)
        render();
    QWidget::changeEvent(event);
}

} // namespace flowviz::ui
