#pragma once

#include "ui/supervisor/chartdata.h"

#include "app/stats/statssnapshot.h"

#include <QCoreApplication>
#include <QDateTime>

namespace flowviz::ui {

// Turns the stats API's figures into the dashboard's charts, with translated titles, a
// colour-blind-safe palette (Okabe–Ito) and symbols beside colours.
class SupervisorCharts
{
    Q_DECLARE_TR_FUNCTIONS(flowviz::ui::SupervisorCharts)

public:
    // Lots per bucket, stacked by lot type.
    static ChartData lots(const app::LotsStats &stats);
    // Kilograms per day; `stats` are by the day (StatsSnapshot::lotsDaily).
    static ChartData kilograms(const app::LotsStats &stats);
    // PASS / HOLD / FAIL per gate over the range.
    static ChartData qcOutcomes(const app::QcStats &stats, const QString &language);
    // First-pass yield per bucket: all gates together, then each gate with decisions.
    static ChartData yieldTrend(const app::QcStats &stats, const QString &language);
    // Lots on HOLD or in QUARANTINE by how long they have been there.
    static ChartData holdsByAge(const app::HoldsStats &stats);
    // Items waiting to sync per workstation; offline workstations are marked.
    static ChartData pendingSync(const app::WorkstationsStats &stats);

    static QString bucketLabel(const QDateTime &start, const QString &bucket);
    // Short axis names: "06" for hours, "11-20" for a week of days, "20" for a month.
    static QStringList axisLabels(const QList<QDateTime> &starts, const QString &bucket);
    static QString gateLabel(const app::GateInfo &gate, const QString &language);
    static QColor typeColour(const QString &lotType);
    static QColor outcomeColour(const QString &outcome);
    // A yield (0…1) as a percentage for people ("93.5 %"), "—" when there is none.
    static QString percentText(std::optional<double> yield);
    // The same as an exact figure for CSV ("93.50").
    static QString percentFigure(double yield);
};

} // namespace flowviz::ui
