#include "ui/supervisor/chartdata.h"

#include <cmath>

namespace flowviz::ui {

int ChartData::pointCount() const
{
    int count = 0;
    for (const ChartSeries &s : series)
        for (double v : s.values)
            if (!std::isnan(v))
                ++count;
    return count;
}

QString ChartData::tooltip(int seriesIndex, int category) const
{
    if (seriesIndex < 0 || seriesIndex >= series.size() || category < 0 ||
        category >= categories.size())
        return {};
    const ChartSeries &s = series.at(seriesIndex);
    QString value = s.texts.value(category);
    if (value.isEmpty())
        value = QStringLiteral("—");
    else if (!unit.isEmpty())
        value += u' ' + unit;
    return QStringLiteral("%1 · %2: %3").arg(categories.at(category), s.name, value);
}

app::CsvTable ChartData::toCsvTable() const
{
    app::CsvTable table;
    table.header << categoryTitle;
    for (const ChartSeries &s : series)
        table.header << (unit.isEmpty() ? s.name : QStringLiteral("%1 (%2)").arg(s.name, unit));
    for (int c = 0; c < categories.size(); ++c) {
        QStringList row{categories.at(c)};
        for (const ChartSeries &s : series)
            row << s.texts.value(c);
        table.rows.append(row);
    }
    return table;
}

} // namespace flowviz::ui
