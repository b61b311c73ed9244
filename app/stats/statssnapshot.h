#pragma once

#include "app/stats/statsrange.h"

#include "domain/decimal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace flowviz::app {

// Lots and kilograms of one lot type (wire name, e.g. "BULK").
struct TypeFigure
{
    QString lotType;
    int lots = 0;
    Decimal kg;
};

struct LotsBucket
{
    QDateTime start; // with the plant's UTC offset
    QDateTime end;
    int lots = 0;
    Decimal kg;
    QList<TypeFigure> byType;

    TypeFigure type(const QString &lotType) const; // zero when absent
};

// GET /api/v1/stats/lots: lots registered and kilograms per bucket and lot type.
struct LotsStats
{
    QString bucket;
    QString timeZone;
    QList<LotsBucket> buckets;
    int totalLots = 0;
    Decimal totalKg;
    QList<TypeFigure> totalByType; // only the types with lots, in the API's order

    static LotsStats fromJson(const QJsonObject &o);
};

struct Outcomes
{
    int pass = 0;
    int hold = 0;
    int fail = 0;
};

struct GateInfo
{
    int number = 0;
    QString nameHu;
    QString nameEn;
    bool isCcp = false;

    QString name(const QString &language) const;
};

struct GateFigures
{
    int gateNumber = 0;
    Outcomes outcomes;
    int firstPass = 0;
    int decidedLots = 0;
    std::optional<double> yield; // 0…1, null when no lot was decided
};

struct QcBucket
{
    QDateTime start;
    QDateTime end;
    Outcomes decisions;
    QList<GateFigures> byGate;
};

// GET /api/v1/stats/qc: decisions per bucket, gate and outcome; first-pass yield.
struct QcStats
{
    QString bucket;
    QString timeZone;
    QList<GateInfo> gates;
    QList<QcBucket> buckets;
    Outcomes totalDecisions;
    int firstPass = 0;
    int decidedLots = 0;
    std::optional<double> yield;
    QList<GateFigures> totalByGate;

    GateFigures gateTotal(int gateNumber) const;
    static QcStats fromJson(const QJsonObject &o);
};

struct HeldLot
{
    QString lotCode;
    QString lotType;
    QString status; // HOLD or QUARANTINE
    QDateTime since;
    qint64 ageSeconds = 0;
    QString runCode;
    std::optional<Decimal> weightKg;
};

struct AgeBucket
{
    QString label;
    std::optional<qint64> maxSeconds; // exclusive; none for the last bucket
    int count = 0;
};

// GET /api/v1/stats/holds: lots on HOLD or in QUARANTINE now, with their age.
struct HoldsStats
{
    QDateTime asOf;
    int total = 0;
    QList<HeldLot> lots;
    QList<AgeBucket> byAge;

    // The lots of age bucket `index` (at least the previous bucket's limit, below its own).
    QList<HeldLot> lotsInAgeBucket(int index) const;
    static HoldsStats fromJson(const QJsonObject &o);
};

struct WorkstationFigures
{
    QString workstationId;
    QDateTime lastHeartbeat;
    qint64 secondsSinceHeartbeat = 0;
    bool online = false;
    int pendingSync = 0;
    QString appVersion;
    QString user;
};

// GET /api/v1/stats/workstations: heartbeat, pending sync and version per workstation.
struct WorkstationsStats
{
    QDateTime asOf;
    int offlineAfterSeconds = 0;
    QList<WorkstationFigures> workstations;
    int online = 0;
    int offline = 0;

    static WorkstationsStats fromJson(const QJsonObject &o);
};

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
