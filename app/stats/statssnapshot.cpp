#include "app/stats/statssnapshot.h"

namespace flowviz::app {

QJsonObject StatsSnapshot::toJson() const
{
    return {{QStringLiteral("range"), range.toJson()},
            {QStringLiteral("fetched_at"), fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("answers"), answers}};
}

StatsSnapshot StatsSnapshot::fromAnswers(const StatsRange &range, const QDateTime &fetchedAt,
                                         const QJsonObject &answers)
{
    StatsSnapshot s;
    s.range = range;
    s.fetchedAt = fetchedAt.toUTC();
    s.answers = answers;
    const auto part = [&answers](const char *name) {
        return answers.value(QLatin1String(name)).toObject();
    };
    s.lots = LotsStats::fromJson(part("lots"));
    s.qc = QcStats::fromJson(part("qc"));
    if (answers.value(QStringLiteral("lots_daily")).isObject()) {
        s.lotsDaily = LotsStats::fromJson(part("lots_daily"));
        s.hasLotsDaily = true;
    } else if (range.isDaily()) {
        s.lotsDaily = s.lots; // the range is by the day already
        s.hasLotsDaily = true;
    }
    s.lotsToday = LotsStats::fromJson(part("lots_today"));
    s.qcToday = QcStats::fromJson(part("qc_today"));
    s.holds = HoldsStats::fromJson(part("holds"));
    s.workstations = WorkstationsStats::fromJson(part("workstations"));
    return s;
}

StatsSnapshot StatsSnapshot::fromJson(const QJsonObject &o)
{
    const QDateTime fetchedAt =
        QDateTime::fromString(o.value(QStringLiteral("fetched_at")).toString(), Qt::ISODateWithMs);
    const QJsonObject answers = o.value(QStringLiteral("answers")).toObject();
    const StatsRange range = StatsRange::fromJson(o.value(QStringLiteral("range")).toObject());
    // "lots_daily" is optional: older consoles stored no kilograms per day.
    for (const char *name : {"lots", "qc", "lots_today", "qc_today", "holds", "workstations"})
        if (!answers.value(QLatin1String(name)).isObject())
            return {};
    if (!fetchedAt.isValid() || !range.isValid())
        return {};
    return fromAnswers(range, fetchedAt, answers);
}

} // namespace flowviz::app
