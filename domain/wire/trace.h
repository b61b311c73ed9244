#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/wire/lot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::wire {

// One lot of a genealogy graph (GET /api/v1/traceability/{lot_code}?direction=…).
struct TraceNode
{
    QUuid id;
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    std::optional<Decimal> temperatureC;
    QDateTime createdAt;
    int level = 0; // negative: ancestors, positive: descendants, 0: the root

    QJsonObject toJson() const;
    static TraceNode fromJson(const QJsonObject &o);
    bool operator==(const TraceNode &) const = default;
};

// A parent → child link between two lots of the graph.
struct TraceEdge
{
    QString parentLotCode;
    QString childLotCode;
    std::optional<Decimal> quantityUsedKg;

    QJsonObject toJson() const;
    static TraceEdge fromJson(const QJsonObject &o);
    bool operator==(const TraceEdge &) const = default;
};

// The whole genealogy up and/or down from a root lot, nearest lots first; `truncated` when
// more than maxNodes lots were reached (the farthest are left out, the root never).
struct TraceGraph
{
    QString root;      // the root's lot code
    QString direction; // backward, forward or both
    int depth = 0;
    QList<TraceNode> nodes;
    QList<TraceEdge> edges;
    bool truncated = false;
    int maxNodes = 0;

    QJsonObject toJson() const;
    // Either form of the answer: the full one, or ?form=compact (nodes without id, temperature
    // and time).
    static TraceGraph fromJson(const QJsonObject &o);
    bool operator==(const TraceGraph &) const = default;
};

// A lot one step away from the central lot, with the quantity of their link.
struct TraceNeighbour
{
    Lot lot;
    std::optional<Decimal> quantityUsedKg;
    bool operator==(const TraceNeighbour &) const = default;
};

// GET /api/v1/traceability/{lot_code} without direction or depth: the lot and its direct
// parents and children, each as stored (without readings' classification or genealogy).
struct TraceNeighbours
{
    Lot central;
    QList<TraceNeighbour> parents;
    QList<TraceNeighbour> children;

    QJsonObject toJson() const;
    static TraceNeighbours fromJson(const QJsonObject &o);
    bool operator==(const TraceNeighbours &) const = default;
};

// One lot of a mass balance: what its transformation drew from its parents, what it weighs,
// the loss and yield of that step against its type's expected range, and how much of it its
// own children have drawn so far (over all its children, not only those in the answer).
struct MassBalanceLot
{
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    int level = 0;
    std::optional<Decimal> weightKg;
    int inputs = 0;                        // parent links
    std::optional<Decimal> inputKg;        // sum drawn from the parents; none without parents
    std::optional<Decimal> lossKg;         // inputKg - weightKg
    std::optional<Decimal> yieldPct;       // weightKg / inputKg, in %, one decimal
    std::optional<Decimal> expectedMinPct; // the lot type's expected yield
    std::optional<Decimal> expectedMaxPct;
    QString yieldCheck; // "ok", "low", "high"; empty: no inputs or no expected range
    Decimal usedKg;     // drawn by children
    std::optional<Decimal> remainingKg; // weightKg - usedKg

    QJsonObject toJson() const;
    static MassBalanceLot fromJson(const QJsonObject &o);
    bool operator==(const MassBalanceLot &) const = default;
};

// GET /api/v1/traceability/{lot_code}/mass-balance: every lot of the genealogy around the
// root (nearest first, as the trace), each with its step's balance; `outside_tolerance` counts
// the lots whose yield is outside the expected range.
struct MassBalance
{
    QString root;
    QString direction;
    int depth = 0;
    QList<MassBalanceLot> lots;
    int outsideTolerance = 0;
    bool truncated = false;
    int maxNodes = 0;

    QJsonObject toJson() const;
    static MassBalance fromJson(const QJsonObject &o);
    bool operator==(const MassBalance &) const = default;
};

} // namespace flowviz::wire
