#pragma once

#include "ui/supervisor/chartdata.h"

#include <QWidget>

namespace flowviz::ui {

// A chart surface of ours: takes a ChartData and draws it. Pages use only this interface;
// the one implementation (QtChartView, Qt Charts) is the only code that knows the charting
// library, so a move to Qt Graphs replaces one class.
class ChartView : public QWidget
{
    Q_OBJECT

public:
    // The console's chart implementation.
    static ChartView *create(QWidget *parent = nullptr);

    void setData(const ChartData &data);
    const ChartData &data() const { return m_data; }

    // What the library actually drew, for tests: series (bar sets or lines) and points.
    virtual int renderedSeriesCount() const = 0;
    virtual int renderedPointCount() const = 0;

signals:
    // A bar (or a line point) was clicked: series and category index in data().
    void pointClicked(int series, int category);

protected:
    explicit ChartView(QWidget *parent = nullptr);
    virtual void render() = 0;
    void changeEvent(QEvent *event) override;

private:
    ChartData m_data;
};

} // namespace flowviz::ui
