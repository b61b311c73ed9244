#pragma once

#include "backend/db/pgsession.h"

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QMap>

#include <optional>

namespace flowviz::stats {

// Lots registered in one bucket, of one type.
struct LotCount
{
    int bucket = 0; // index into the buckets passed in
    LotType type = LotType::RAW;
    qint64 lots = 0;
    Decimal kg;
};

// QC decisions in one bucket at one gate. firstPass and decidedLots count the lots whose
// first decision at the gate falls in the bucket.
struct GateCount
{
    int bucket = 0;
    int gateNumber = 0;
    qint64 pass = 0;
    qint64 hold = 0;
    qint64 fail = 0;
    qint64 firstPass = 0;
    qint64 decidedLots = 0;
};

struct GateInfo
{
    int number = 0;
    QMap<QString, QString> name; // by language: "en", "hu"
    bool isCcp = false;
};

struct HeldLot
{
    QString lotCode;
    QString lotType;
    QString status;
    QDateTime since;
    qint64 ageSeconds = 0;
    std::optional<QString> runCode;
    std::optional<Decimal> weightKg;
};

struct WorkstationState
{
    QString workstationId;
    QDateTime lastHeartbeat;
    qint64 secondsSinceHeartbeat = 0;
    int pendingSync = 0;
    QString appVersion;
    std::optional<QString> user;
};

struct DecisionRow
{
    QString lotCode;
    QString lotType;
    int gateNumber = 0;
    QString decision;
    QDateTime effectiveAt;
    QString operatorName;
    std::optional<QString> workstationId;
};

// SQL for the supervisor statistics. Every figure is aggregated in PostgreSQL; buckets come in
// as the instants where they start, and width_bucket() places each row.
//
// A QC decision counts at its effective time, the time the lot status follows
// (qc/qcrepository.cpp): decided_at, or recorded_at when the client's clock was flagged as
// running ahead. Ties are broken by recorded_at, then id.
class StatsRepository
{
public:
    explicit StatsRepository(db::PgSession &db) : m_db(db) {}

    // The database's clock for this transaction: "now" for ages and heartbeats.
    QDateTime now();

    // Lots with created_at in [from, to), grouped by bucket and type.
    QList<LotCount> lotCounts(const QDateTime &from, const QDateTime &to,
                              const QList<QDateTime> &bucketStarts);
    // Decisions with effective time in [from, to), grouped by bucket and gate.
    QList<GateCount> gateCounts(const QDateTime &from, const QDateTime &to,
                                const QList<QDateTime> &bucketStarts);
    // Every gate, in sort order.
    QList<GateInfo> gates();
    bool gateExists(int gateNumber);

    // Lots on HOLD or in QUARANTINE, oldest first, at most `limit`.
    QList<HeldLot> heldLots(int limit);
    // How many lots are held, per age band: band i holds ages below bandLimits[i] (and at or
    // above bandLimits[i-1]); the last band is everything older. Sums to the total.
    QList<qint64> heldLotsByAge(const QList<qint64> &bandLimits);

    QList<WorkstationState> workstations();

    // Decisions with effective time in [from, to), in that order; `total` gets the count
    // before the limit.
    QList<DecisionRow> decisions(const QDateTime &from, const QDateTime &to,
                                 std::optional<int> gateNumber, std::optional<Decision> outcome,
                                 int limit, qint64 &total);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::stats
