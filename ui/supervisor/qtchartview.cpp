#include "qtchartview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace flowviz::ui {

namespace {

// The smallest of 1, 2, 5 × 10^k at or above `value`, at least 5 so that five ticks fall on
// whole numbers.
double niceCeiling(double value)
{
    if (value <= 5)
        return 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= value)
            return m * magnitude;
    return 10 * magnitude;
}

QColor labelColourOn(const QColor &background)
{
    return background.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

QtChartView::QtChartView(QWidget *parent) : ChartView(parent)
{
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    render();
}

int QtChartView::renderedSeriesCount() const
{
    int count = 0;
    for (QAbstractSeries *s : m_view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            count += int(bars->count());
        else
            ++count;
    }
    return count;
}

int QtChartView::renderedPointCount() const
{
    int count = 0;
    for (QAbstractSeries *s : m_view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets())
                count += int(set->count());
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            count += int(line->count());
        }
    }
    return count;
}

void QtChartView::render()
{
    if (!m_view)
        return;
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont legendFont = font();
    chart->legend()->setFont(legendFont);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(data().seriesCount() > 1);
    if (data().kind == ChartData::Kind::Lines)
        renderLines(chart);
    else
        renderBars(chart);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

void QtChartView::renderBars(QChart *chart)
{
    const ChartData &d = data();
    const bool stacked = d.kind == ChartData::Kind::StackedBars;
    QAbstractBarSeries *series = stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                         : static_cast<QAbstractBarSeries *>(new QBarSeries);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
    double top = 0;
    QList<double> sums(d.categories.size(), 0.0);
    for (const ChartSeries &s : d.series) {
        auto *set = new QBarSet(s.name);
        set->setColor(s.colour);
        set->setBorderColor(s.colour.darker(130));
        set->setLabelColor(stacked ? labelColourOn(s.colour) : QColor(Qt::black));
        set->setLabelFont(labelFont);
        for (int c = 0; c < d.categories.size(); ++c) {
            const double v = s.values.value(c);
            const double value = std::isnan(v) ? 0 : v;
            set->append(value);
            sums[c] += value;
            top = std::max(top, value);
        }
        series->append(set);
    }
    if (stacked)
        top = sums.isEmpty() ? 0 : *std::max_element(sums.cbegin(), sums.cend());
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(7);
    series->setLabelsPosition(stacked ? QAbstractBarSeries::LabelsCenter
                                      : QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);

    auto *categories = categoryAxis();
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);

    auto *values = new QValueAxis;
    values->setLabelsFont(font());
    // Room above the highest bar for its label.
    values->setRange(0, d.valueMax > 0 ? d.valueMax : niceCeiling(top * 1.15));
    values->setTickCount(6);
    // Whole numbers on the axis; the bars carry the exact values.
    values->setLabelFormat(QStringLiteral("%.0f"));
    if (!d.unit.isEmpty())
        values->setTitleText(d.unit);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);

    connect(series, &QAbstractBarSeries::hovered, this,
            [this, series](bool on, int index, QBarSet *set) {
                if (on)
                    showTooltip(int(series->barSets().indexOf(set)), index);
                else
                    QToolTip::hideText();
            });
    connect(series, &QAbstractBarSeries::clicked, this, [this, series](int index, QBarSet *set) {
        emit pointClicked(int(series->barSets().indexOf(set)), index);
    });
}

void QtChartView::renderLines(QChart *chart)
{
    const ChartData &d = data();
    auto *categories = categoryAxis();
    chart->addAxis(categories, Qt::AlignBottom);
    auto *values = new QValueAxis;
    values->setLabelsFont(font());
    values->setRange(0, d.valueMax > 0 ? d.valueMax : 100);
    values->setTickCount(6);
    values->setLabelFormat(QStringLiteral("%d"));
    if (!d.unit.isEmpty())
        values->setTitleText(d.unit);
    chart->addAxis(values, Qt::AlignLeft);

    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.8);
    for (int i = 0; i < d.series.size(); ++i) {
        const ChartSeries &s = d.series.at(i);
        auto *line = new QLineSeries;
        line->setName(s.name);
        QPen pen(s.colour);
        pen.setWidthF(i == 0 ? 3.5 : 2.0);
        // Dashes as well as colour tell the lines apart.
        if (i > 0)
            pen.setStyle(Qt::PenStyle(Qt::SolidLine + (i % 4)));
        line->setPen(pen);
        line->setPointsVisible(true);
        for (int c = 0; c < s.values.size(); ++c)
            if (!std::isnan(s.values.at(c)))
                line->append(c, s.values.at(c));
        // The overall line carries its values while they fit; every value is in the tooltip.
        line->setPointLabelsVisible(i == 0 && line->count() <= 8);
        line->setPointLabelsFormat(QStringLiteral("@yPoint"));
        line->setPointLabelsFont(labelFont);
        line->setPointLabelsClipping(false);
        chart->addSeries(line);
        line->attachAxis(categories);
        line->attachAxis(values);
        connect(line, &QLineSeries::hovered, this, [this, i](const QPointF &point, bool on) {
            if (on)
                showTooltip(i, qRound(point.x()));
            else
                QToolTip::hideText();
        });
        connect(line, &QLineSeries::clicked, this,
                [this, i](const QPointF &point) { emit pointClicked(i, qRound(point.x())); });
    }
}

namespace {
constexpr qsizetype kShortLabel = 10; // characters: "● DUNA01", "11-27", "1–4h"
} // namespace

QBarCategoryAxis *QtChartView::categoryAxis() const
{
    const ChartData &d = data();
    auto *axis = new QBarCategoryAxis;
    const QStringList labels =
        d.axisLabels.size() == d.categories.size() ? d.axisLabels : d.categories;
    // Axis labels are rich text: "<1h" would vanish as an unknown tag.
    QStringList escaped;
    escaped.reserve(labels.size());
    bool shortLabels = true;
    for (const QString &label : labels) {
        escaped.append(label.toHtmlEscaped());
        shortLabels = shortLabels && label.size() <= kShortLabel;
    }
    axis->append(escaped);
    axis->setLabelsFont(font());
    // Short labels (hours, days, workstation ids) must never become "…"; long ones (gate
    // names) must not overlap.
    axis->setTruncateLabels(!shortLabels);
    return axis;
}

void QtChartView::showTooltip(int series, int category)
{
    const QString text = data().tooltip(series, category);
    if (!text.isEmpty())
        QToolTip::showText(QCursor::pos(), text, m_view);
}

} // namespace flowviz::ui
