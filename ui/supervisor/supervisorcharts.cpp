#include "ui/supervisor/supervisorcharts.h"

#include "app/core/domainlabels.h"
#include "app/stats/qcdecisionsmodel.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace flowviz::ui {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// Okabe & Ito (2008), "Color Universal Design".
const QColor kBlack(0x00, 0x00, 0x00);
const QColor kOrange(0xe6, 0x9f, 0x00);
const QColor kSkyBlue(0x56, 0xb4, 0xe9);
const QColor kGreen(0x00, 0x9e, 0x73);
const QColor kYellow(0xf0, 0xe4, 0x42);
const QColor kBlue(0x00, 0x72, 0xb2);
const QColor kVermillion(0xd5, 0x5e, 0x00);
const QColor kPurple(0xcc, 0x79, 0xa7);

double toDouble(const Decimal &d)
{
    return d.toString().toDouble();
}

} // namespace

QString SupervisorCharts::bucketLabel(const QDateTime &start, const QString &bucket)
{
    return bucket == u"day" ? start.toString(QStringLiteral("MM-dd"))
                            : start.toString(QStringLiteral("HH:mm"));
}

QStringList SupervisorCharts::axisLabels(const QList<QDateTime> &starts, const QString &bucket)
{
    QStringList out;
    const bool many = starts.size() > 10;
    for (const QDateTime &start : starts)
        out << (bucket == u"day" ? (many ? start.toString(QStringLiteral("dd"))
                                         : start.toString(QStringLiteral("MM-dd")))
                                 : start.toString(QStringLiteral("HH")));
    return out;
}

QString SupervisorCharts::gateLabel(const app::GateInfo &gate, const QString &language)
{
    return app::DomainLabels::gate(gate.number, gate.nameIn(language), gate.isCcp);
}

QColor SupervisorCharts::typeColour(const QString &lotType)
{
    static const QHash<QString, QColor> colours{
        {QStringLiteral("RAW"), kBlue},    {QStringLiteral("DEB"), kOrange},
        {QStringLiteral("BULK"), kGreen},  {QStringLiteral("MIX"), kPurple},
        {QStringLiteral("SKW"), kSkyBlue}, {QStringLiteral("FRZ"), kVermillion},
        {QStringLiteral("FG"), kYellow}};
    return colours.value(lotType, kBlack);
}

QColor SupervisorCharts::outcomeColour(const QString &outcome)
{
    if (outcome == u"PASS")
        return kGreen;
    if (outcome == u"HOLD")
        return kOrange;
    return kVermillion;
}

QString SupervisorCharts::percentText(std::optional<double> yield)
{
    if (!yield)
        return QStringLiteral("—");
    return QStringLiteral("%1 %").arg(QLocale().toString(*yield * 100, 'f', 1));
}

QString SupervisorCharts::percentFigure(double yield)
{
    return QString::number(yield * 100, 'f', 2);
}

ChartData SupervisorCharts::lots(const app::LotsStats &stats)
{
    ChartData d;
    d.id = QStringLiteral("lots");
    d.kind = ChartData::Kind::StackedBars;
    const bool daily = stats.bucket == u"day";
    d.title = daily ? tr("Lots per day by type") : tr("Lots per hour by type");
    d.categoryTitle = daily ? tr("Day") : tr("Hour");
    QList<QDateTime> starts;
    for (const app::LotsBucket &b : stats.buckets) {
        d.categories << bucketLabel(b.start, stats.bucket);
        starts << b.start;
    }
    d.axisLabels = axisLabels(starts, stats.bucket);
    for (const app::TypeFigure &type : stats.totalByType) {
        ChartSeries s;
        s.name = type.lotType;
        s.colour = typeColour(type.lotType);
        for (const app::LotsBucket &b : stats.buckets) {
            const int lots = b.type(type.lotType).lots;
            s.values << lots;
            s.texts << QString::number(lots);
        }
        d.series << s;
    }
    return d;
}

ChartData SupervisorCharts::kilograms(const app::LotsStats &stats)
{
    ChartData d;
    d.id = QStringLiteral("kg");
    const QString day = QStringLiteral("day");
    d.title = tr("Kilograms per day");
    d.categoryTitle = tr("Day");
    d.unit = QStringLiteral("kg");
    ChartSeries s;
    s.name = tr("Kilograms");
    s.colour = kBlue;
    QList<QDateTime> starts;
    for (const app::LotsBucket &b : stats.buckets) {
        d.categories << bucketLabel(b.start, day);
        starts << b.start;
        s.values << toDouble(b.kg);
        s.texts << b.kg.toString();
    }
    d.axisLabels = axisLabels(starts, day);
    d.series << s;
    return d;
}

ChartData SupervisorCharts::qcOutcomes(const app::QcStats &stats, const QString &language)
{
    ChartData d;
    d.id = QStringLiteral("qc");
    d.title = tr("QC outcomes per gate");
    d.categoryTitle = tr("Gate");
    const QStringList outcomes{QStringLiteral("PASS"), QStringLiteral("HOLD"),
                               QStringLiteral("FAIL")};
    for (const QString &outcome : outcomes) {
        ChartSeries s;
        s.name = app::QcDecisionsModel::outcomeLabel(outcome);
        s.colour = outcomeColour(outcome);
        d.series << s;
    }
    for (const app::GateInfo &gate : stats.gates) {
        d.categories << gateLabel(gate, language);
        const app::GateFigures g = stats.gateTotal(gate.number);
        const int counts[] = {g.outcomes.pass, g.outcomes.hold, g.outcomes.fail};
        for (int i = 0; i < 3; ++i) {
            d.series[i].values << counts[i];
            d.series[i].texts << QString::number(counts[i]);
        }
    }
    return d;
}

ChartData SupervisorCharts::yieldTrend(const app::QcStats &stats, const QString &language)
{
    ChartData d;
    d.id = QStringLiteral("yield");
    d.kind = ChartData::Kind::Lines;
    d.title = tr("First-pass yield");
    d.categoryTitle = stats.bucket == u"day" ? tr("Day") : tr("Hour");
    d.unit = QStringLiteral("%");
    d.valueMax = 100;
    QList<QDateTime> starts;
    for (const app::QcBucket &b : stats.buckets) {
        d.categories << bucketLabel(b.start, stats.bucket);
        starts << b.start;
    }
    d.axisLabels = axisLabels(starts, stats.bucket);

    ChartSeries overall;
    overall.name = tr("All gates");
    overall.colour = kBlack;
    for (const app::QcBucket &b : stats.buckets) {
        int firstPass = 0;
        int decided = 0;
        for (const app::GateFigures &g : b.byGate) {
            firstPass += g.firstPass;
            decided += g.decidedLots;
        }
        if (decided == 0) {
            overall.values << kNoValue;
            overall.texts << QString();
        } else {
            const double yield = std::round(10000.0 * firstPass / decided) / 10000.0;
            overall.values << yield * 100;
            overall.texts << percentFigure(yield);
        }
    }
    d.series << overall;

    const QColor gateColours[] = {kBlue, kOrange, kGreen, kPurple, kSkyBlue, kVermillion};
    int colour = 0;
    for (const app::GateInfo &gate : stats.gates) {
        if (stats.gateTotal(gate.number).decidedLots == 0)
            continue; // a line with no points says nothing
        ChartSeries s;
        s.name = gateLabel(gate, language);
        s.colour = gateColours[colour++ % int(std::size(gateColours))];
        for (const app::QcBucket &b : stats.buckets) {
            std::optional<double> yield;
            for (const app::GateFigures &g : b.byGate)
                if (g.gateNumber == gate.number)
                    yield = g.yield;
            s.values << (yield ? *yield * 100 : kNoValue);
            s.texts << (yield ? percentFigure(*yield) : QString());
        }
        d.series << s;
    }
    return d;
}

ChartData SupervisorCharts::holdsByAge(const app::HoldsStats &stats)
{
    ChartData d;
    d.id = QStringLiteral("holds");
    d.title = tr("Open holds by age");
    d.categoryTitle = tr("Time on hold");
    ChartSeries s;
    s.name = tr("Lots on HOLD or in QUARANTINE");
    s.colour = kOrange;
    for (const app::AgeBucket &a : stats.byAge) {
        d.categories << a.label;
        s.values << a.count;
        s.texts << QString::number(a.count);
    }
    d.series << s;
    return d;
}

ChartData SupervisorCharts::pendingSync(const app::WorkstationsStats &stats)
{
    ChartData d;
    d.id = QStringLiteral("workstations");
    d.title = tr("Pending sync per workstation");
    d.categoryTitle = tr("Workstation");
    ChartSeries s;
    s.name = tr("Items waiting to sync");
    s.colour = kSkyBlue;
    for (const app::WorkstationFigures &w : stats.workstations) {
        d.categories << (w.online ? tr("● %1").arg(w.workstationId)
                                  : tr("✕ %1 (offline)").arg(w.workstationId));
        // On the axis the symbol says it: the full text would be cut to "✕ DUNA…".
        d.axisLabels << (w.online ? QStringLiteral("● ") : QStringLiteral("✕ ")) + w.workstationId;
        s.values << w.pendingSync;
        s.texts << QString::number(w.pendingSync);
    }
    d.series << s;
    return d;
}

} // namespace flowviz::ui
