#pragma once

#include "domain/decimal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The supervisor statistics as GET /api/v1/stats/* answers them. The server fills these from
// its repository and writes them with toJson; the console reads them with fromJson (leniently:
// a missing or mistyped member reads as zero or empty) and keeps the answers to show them
// again after a restart.
//
// Times are instants in the plant's time zone and are written with its UTC offset
// ("2026-11-27T06:00:00+01:00"), with milliseconds only when the instant has them: the server
// converts them to the zone before it fills the records.
namespace flowviz::wire {

// Lots and kilograms of one lot type (wire name, e.g. "BULK").
struct TypeFigure
{
    QString lotType;
    int lots = 0;
    Decimal kg;

    bool operator==(const TypeFigure &other) const = default;
};

struct LotsBucket
{
    QDateTime start;
    QDateTime end;
    int lots = 0;
    Decimal kg;
    QList<TypeFigure> byType; // only the types with lots, in the domain's type order

    TypeFigure type(const QString &lotType) const; // zero when absent
    bool operator==(const LotsBucket &other) const = default;
};

// GET /api/v1/stats/lots: lots registered and kilograms per bucket and lot type.
struct LotsStats
{
    QDateTime from;
    QDateTime to;
    QString bucket; // "hour" or "day"
    QString timeZone;
    QList<LotsBucket> buckets;
    int totalLots = 0;
    Decimal totalKg;
    QList<TypeFigure> totalByType;

    QJsonObject toJson() const;
    static LotsStats fromJson(const QJsonObject &o);
    bool operator==(const LotsStats &other) const = default;
};

struct Outcomes
{
    int pass = 0;
    int hold = 0;
    int fail = 0;

    bool operator==(const Outcomes &other) const = default;
};

struct GateInfo
{
    int number = 0;
    QMap<QString, QString> name; // by language: "en", "hu"
    bool isCcp = false;

    // The name in `language`, else in English, else in any language there is.
    QString nameIn(const QString &language) const;
    bool operator==(const GateInfo &other) const = default;
};

struct GateFigures
{
    int gateNumber = 0;
    Outcomes outcomes;
    int firstPass = 0;
    int decidedLots = 0;
    // firstPass ÷ decidedLots rounded half up to 4 decimals; none when no lot was decided.
    std::optional<double> yield;

    bool operator==(const GateFigures &other) const = default;
};

struct QcBucket
{
    QDateTime start;
    QDateTime end;
    Outcomes decisions;
    QList<GateFigures> byGate; // only the gates with decisions

    bool operator==(const QcBucket &other) const = default;
};

// GET /api/v1/stats/qc: decisions per bucket, gate and outcome; first-pass yield.
struct QcStats
{
    QDateTime from;
    QDateTime to;
    QString bucket;
    QString timeZone;
    QList<GateInfo> gates;
    QList<QcBucket> buckets;
    Outcomes totalDecisions;
    int firstPass = 0;
    int decidedLots = 0;
    std::optional<double> yield;
    QList<GateFigures> totalByGate; // every gate

    GateFigures gateTotal(int gateNumber) const;
    QJsonObject toJson() const;
    static QcStats fromJson(const QJsonObject &o);
    bool operator==(const QcStats &other) const = default;
};

// The yield of firstPass lots out of decidedLots, rounded half up to 4 decimals exactly (in
// integers, never through a double); none when decidedLots is 0.
std::optional<double> firstPassYield(qint64 firstPass, qint64 decidedLots);

// One row of GET /api/v1/stats/qc/decisions.
struct DecisionListRow
{
    QString lotCode;
    QString lotType;
    int gateNumber = 0;
    QString decision;    // PASS, HOLD or FAIL
    QDateTime decidedAt; // the effective time
    QString operatorName;
    std::optional<QString> workstationId;

    bool operator==(const DecisionListRow &other) const = default;
};

// GET /api/v1/stats/qc/decisions: the decisions behind a bar of the QC chart.
struct DecisionList
{
    qint64 total = 0; // before the limit
    QList<DecisionListRow> decisions;

    QJsonObject toJson() const;
    static DecisionList fromJson(const QJsonObject &o);
    bool operator==(const DecisionList &other) const = default;
};

struct HeldLot
{
    QString lotCode;
    QString lotType;
    QString status; // HOLD or QUARANTINE
    QDateTime since;
    qint64 ageSeconds = 0;
    std::optional<QString> runCode;
    std::optional<Decimal> weightKg;

    bool operator==(const HeldLot &other) const = default;
};

struct AgeBucket
{
    QString label;
    std::optional<qint64> maxSeconds; // exclusive; none for the last bucket
    int count = 0;

    bool operator==(const AgeBucket &other) const = default;
};

// GET /api/v1/stats/holds: lots on HOLD or in QUARANTINE now, with their age.
struct HoldsStats
{
    QDateTime asOf;
    int total = 0;
    QList<HeldLot> lots; // oldest first, at most the server's limit
    QList<AgeBucket> byAge;

    // The lots of age bucket `index` (at least the previous bucket's limit, below its own).
    QList<HeldLot> lotsInAgeBucket(int index) const;
    QJsonObject toJson() const;
    static HoldsStats fromJson(const QJsonObject &o);
    bool operator==(const HoldsStats &other) const = default;
};

struct WorkstationFigures
{
    QString workstationId;
    QDateTime lastHeartbeat;
    qint64 secondsSinceHeartbeat = 0;
    bool online = false;
    int pendingSync = 0;
    QString appVersion;
    std::optional<QString> user;

    bool operator==(const WorkstationFigures &other) const = default;
};

// GET /api/v1/stats/workstations: heartbeat, pending sync and version per workstation.
struct WorkstationsStats
{
    QDateTime asOf;
    int offlineAfterSeconds = 0;
    QList<WorkstationFigures> workstations;
    int online = 0;
    int offline = 0;

    QJsonObject toJson() const;
    static WorkstationsStats fromJson(const QJsonObject &o);
    bool operator==(const WorkstationsStats &other) const = default;
};

} // namespace flowviz::wire
