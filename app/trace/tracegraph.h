#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace flowviz::app {

// One lot of a genealogy graph as GET /api/v1/traceability/{code}?direction=… answers it.
struct TraceNode
{
    QString code;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    int level = 0; // negative: ancestors, positive: descendants
};

struct TraceEdge
{
    QString parentCode;
    QString childCode;
    std::optional<Decimal> quantityUsedKg;
};

// The whole genealogy graph of a lot, indexed for the console's views: its nodes by code and
// the parent → child edges. Read from the answer through wire::TraceGraph.
struct TraceGraph
{
    QString root;
    QHash<QString, TraceNode> nodes;
    QList<TraceEdge> edges;
    bool truncated = false;

    bool isEmpty() const { return root.isEmpty(); }
    // The edges into `code` (its parents) or out of it (its children), sorted by code.
    QList<TraceEdge> parentsOf(const QString &code) const;
    QList<TraceEdge> childrenOf(const QString &code) const;

    static TraceGraph fromJson(const QJsonObject &body);
};

} // namespace flowviz::app
