#pragma once

#include "app/export/csvtable.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

namespace flowviz::ui {

// One series of a chart: a value per category (NaN: no point there) and the exact text of
// each value, as the API gave it, for labels, tooltips and the CSV export.
struct ChartSeries
{
    QString name;
    QColor colour;
    QList<double> values;
    QStringList texts;
};

// What a chart shows, independent of the library that draws it: plain, inspectable data
// (tests assert series and point counts on it) that ChartView renders.
struct ChartData
{
    enum class Kind
    {
        Bars,
        StackedBars,
        Lines
    };

    QString id; // "lots", "kg", "qc", "yield", "holds", "workstations"
    Kind kind = Kind::Bars;
    QString title;
    QString categoryTitle; // the CSV's first column, e.g. "Hour"
    QString unit;          // shown after values ("kg", "%"), may be empty
    QStringList categories;
    // Shorter names for the category axis when many share it ("06" for 06:00); empty: the
    // categories themselves. Tooltips and the CSV always use the full names.
    QStringList axisLabels;
    QList<ChartSeries> series;
    double valueMax = 0; // fixed top of the value axis; 0: from the data

    int seriesCount() const { return int(series.size()); }
    // Points with a value, over all series.
    int pointCount() const;
    bool hasValues() const { return pointCount() > 0; }
    // "Receiving · ✓ PASS: 12" — the exact value for a hover tooltip.
    QString tooltip(int series, int category) const;
    // Category column, then one column per series, exact texts.
    app::CsvTable toCsvTable() const;
};

} // namespace flowviz::ui
