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

} // namespace flowviz::wire
