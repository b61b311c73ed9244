#include "ui/supervisor/qtchartview.h"

#include "ui/common/reflowgridlayout.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

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

// The smallest of 1, 2, 5 × 10^k at or above `value`, at least 1: whole numbers on the axis.
double niceStep(double value)
{
    if (value <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= value)
            return m * magnitude;
    return 10 * magnitude;
}

// Colour, width and dashes tell the lines apart, not colour alone.
QPen linePen(const QColor &colour, int index)
{
    QPen pen(colour);
    pen.setWidthF(index == 0 ? 3.5 : 2.0);
    if (index > 0)
        pen.setStyle(Qt::PenStyle(Qt::SolidLine + (index % 4)));
    return pen;
}

// A legend sample: a short stretch of the line as drawn.
QIcon lineSample(const QPen &pen, int height)
{
    QPixmap pixmap(3 * height, height);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(pen);
    painter.drawLine(QPointF(1, height / 2.0), QPointF(3 * height - 1, height / 2.0));
    return QIcon(pixmap);
}

double mean(const QList<double> &values)
{
    double sum = 0;
    int n = 0;
    for (double v : values)
        if (!std::isnan(v))
            sum += v, ++n;
    return n == 0 ? std::numeric_limits<double>::infinity() : sum / n;
}

} // namespace

QtChartView::QtChartView(QWidget *parent) : ChartView(parent)
{
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_legend = new QWidget(this);
    m_legend->setObjectName(QStringLiteral("lineLegend"));
    auto *legendLayout = new ReflowGridLayout(m_legend);
    legendLayout->setContentsMargins(4, 0, 4, 0);
    legendLayout->setSpacing(4);
    m_legend->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
    render();
}

int QtChartView::renderedSeriesCount() const
{
    int count = 0;
    for (QAbstractSeries *s : m_view->chart()->series()) {
        if (!s->isVisible())
            continue;
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
        if (!s->isVisible())
            continue;
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
    const bool lines = data().kind == ChartData::Kind::Lines;
    // Lines have their own legend under the plot (see rebuildLegend()).
    chart->legend()->setVisible(!lines && data().seriesCount() > 1);
    m_legend->setVisible(lines && data().seriesCount() > 1);
    if (lines)
        renderLines(chart);
    else
        renderBars(chart);

    // Once the plot has its size: as many value labels as fit readably, categories thinned out.
    connect(
        chart, &QChart::plotAreaChanged, chart, [this, chart] { fitAxes(chart); },
        Qt::QueuedConnection);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    rebuildLegend(linesShown());
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
    values->setTruncateLabels(false); // fitAxes() keeps them apart; "…" says nothing
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
    // Lines near the top (yields of 85–100 %) get the height of the plot, not its top sixth.
    const double top = d.valueMax > 0 ? d.valueMax : 100;
    double lowest = std::numeric_limits<double>::infinity();
    for (const ChartSeries &s : d.series)
        for (double v : s.values)
            if (!std::isnan(v))
                lowest = std::min(lowest, v);
    const double step = top / 10;
    const double bottom =
        std::isfinite(lowest) ? std::max(0.0, std::floor(lowest / step) * step - step) : 0.0;
    // Half a step above the top, so that points at 100 % are not drawn on the frame.
    values->setRange(bottom, top + step / 2);
    values->setTickCount(6);
    values->setLabelFormat(QStringLiteral("%d"));
    values->setTruncateLabels(false);
    if (!d.unit.isEmpty())
        values->setTitleText(d.unit);
    chart->addAxis(values, Qt::AlignLeft);

    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.8);
    const QList<bool> shown = linesShown();
    for (int i = 0; i < d.series.size(); ++i) {
        const ChartSeries &s = d.series.at(i);
        auto *line = new QLineSeries;
        line->setName(s.name);
        line->setPen(linePen(s.colour, i));
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
        line->setVisible(shown.value(i));
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

void QtChartView::fitAxes(QChart *chart)
{
    const QRectF plot = chart->plotArea();
    if (plot.isEmpty())
        return;
    for (QAbstractAxis *a : chart->axes(Qt::Vertical)) {
        auto *axis = qobject_cast<QValueAxis *>(a);
        if (!axis)
            continue;
        // A label's line and half a line of air between neighbours.
        const double lineHeight = QFontMetricsF(axis->labelsFont()).height();
        const int ticks = std::max(2, int(plot.height() / (1.5 * lineHeight)) + 1);
        const double interval = niceStep((axis->max() - axis->min()) / (ticks - 1));
        if (axis->tickType() != QValueAxis::TicksDynamic || axis->tickInterval() != interval) {
            axis->setTickType(QValueAxis::TicksDynamic);
            axis->setTickAnchor(axis->min());
            axis->setTickInterval(interval);
        }
    }
    for (QAbstractAxis *a : chart->axes(Qt::Horizontal)) {
        auto *axis = qobject_cast<QBarCategoryAxis *>(a);
        if (!axis || axis->count() == 0 || axis->truncateLabels())
            continue; // long labels (gate names) are shortened by the library instead
        // Every n-th category named when all of them would run together ("0102030405…"); the
        // others get an empty label (an HTML comment: category labels must differ).
        const QStringList labels = axis->property("fullLabels").toStringList();
        const QFontMetricsF metrics(axis->labelsFont());
        double widest = 0;
        for (const QString &label : labels)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        const double perLabel = widest + metrics.averageCharWidth() * 2;
        const int every =
            std::max(1, int(std::ceil(perLabel * double(labels.size()) / plot.width())));
        if (every == axis->property("every").toInt())
            continue;
        axis->setProperty("every", every);
        QStringList shown;
        for (int i = 0; i < labels.size(); ++i)
            shown << (i % every == 0 ? labels.at(i).toHtmlEscaped()
                                     : QStringLiteral("<!--%1-->").arg(i));
        axis->setCategories(shown);
    }
}

QList<bool> QtChartView::linesShown() const
{
    const QList<ChartSeries> &series = data().series;
    QList<bool> shown(series.size(), true);
    if (series.size() > kShownLines) {
        // The first line (all gates) and the lowest of the others: those need a look.
        QList<int> others(series.size() - 1);
        std::iota(others.begin(), others.end(), 1);
        std::stable_sort(others.begin(), others.end(), [&series](int a, int b) {
            return mean(series.at(a).values) < mean(series.at(b).values);
        });
        for (int k = kShownLines - 1; k < others.size(); ++k)
            shown[others.at(k)] = false;
    }
    for (int i = 0; i < series.size(); ++i)
        shown[i] = m_lineChoice.value(series.at(i).name, shown.at(i));
    return shown;
}

QStringList QtChartView::shownLines() const
{
    QStringList names;
    if (data().kind != ChartData::Kind::Lines)
        return names;
    for (QAbstractSeries *s : m_view->chart()->series())
        if (s->isVisible())
            names << s->name();
    return names;
}

void QtChartView::setLineShown(const QString &name, bool shown)
{
    m_lineChoice.insert(name, shown);
    for (QAbstractSeries *s : m_view->chart()->series())
        if (s->name() == name)
            s->setVisible(shown);
    for (QCheckBox *box : m_legend->findChildren<QCheckBox *>())
        if (box->property("series").toString() == name) {
            const QSignalBlocker block(box);
            box->setChecked(shown);
        }
}

void QtChartView::rebuildLegend(const QList<bool> &shown)
{
    QLayout *layout = m_legend->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const ChartData &d = data();
    if (d.kind != ChartData::Kind::Lines || d.seriesCount() < 2)
        return;
    const int sample = fontMetrics().height();
    for (int i = 0; i < d.series.size(); ++i) {
        const ChartSeries &s = d.series.at(i);
        auto *box = new QCheckBox(s.name, m_legend);
        box->setObjectName(QStringLiteral("line%1").arg(i));
        box->setProperty("series", s.name);
        box->setIcon(lineSample(linePen(s.colour, i), sample));
        box->setIconSize(QSize(3 * sample, sample));
        box->setChecked(shown.value(i));
        box->setToolTip(tr("Show or hide this line"));
        connect(box, &QCheckBox::toggled, this,
                [this, name = s.name](bool on) { setLineShown(name, on); });
        layout->addWidget(box);
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
    axis->setProperty("fullLabels", labels);
    axis->setProperty("every", 1);
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
