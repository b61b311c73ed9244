#pragma once

#include "app/stats/statsrange.h"

#include "domain/wire/stats.h"

#include <QDateTime>
#include <QJsonObject>

namespace flowviz::app {

// The API's statistics answers, as the server writes them (domain/wire/stats.h).
using wire::AgeBucket;
using wire::GateFigures;
using wire::GateInfo;
using wire::HeldLot;
using wire::HoldsStats;
using wire::LotsBucket;
using wire::LotsStats;
using wire::Outcomes;
using wire::QcBucket;
using wire::QcStats;
using wire::TypeFigure;
using wire::WorkstationFigures;
using wire::WorkstationsStats;

// Everything the dashboard shows, from one refresh: the chosen range's lots and QC figures,
// the kilograms per day (the range's days, or the 7 days ending with its last day when the
// range is by the hour), today's figures for the KPI tiles, the open holds and the
// workstations. `answers` keeps the API's JSON as received so the snapshot can be stored and
// read back after a restart.
struct StatsSnapshot
{
    StatsRange range;
    QDateTime fetchedAt; // UTC; invalid when there is no data
    LotsStats lots;
    QcStats qc;
    // Lots and kilograms by the day for the kilograms chart; `hasLotsDaily` is false for a
    // by-the-hour snapshot stored by an older console, which did not fetch them.
    LotsStats lotsDaily;
    bool hasLotsDaily = false;
    LotsStats lotsToday;
    QcStats qcToday;
    HoldsStats holds;
    WorkstationsStats workstations;
    // "lots", "qc", "lots_daily" (only for ranges by the hour), "lots_today", "qc_today",
    // "holds", "workstations"
    QJsonObject answers;

    bool isEmpty() const { return !fetchedAt.isValid(); }
    QJsonObject toJson() const;
    // Parses the stored answers; an incomplete object gives an empty snapshot.
    static StatsSnapshot fromJson(const QJsonObject &o);
    static StatsSnapshot fromAnswers(const StatsRange &range, const QDateTime &fetchedAt,
                                     const QJsonObject &answers);
};

} // namespace flowviz::app
