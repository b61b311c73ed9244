#pragma once

#include "backend/db/pgsession.h"

#include <QJsonArray>
#include <QJsonObject>

namespace flowviz::trace {

struct Graph
{
    QJsonArray nodes;
    QJsonArray edges;
    bool truncated = false;
};

// Genealogy queries: one level around a lot, or the whole graph up and/or down.
class TraceRepository
{
public:
    explicit TraceRepository(db::PgSession &db) : m_db(db) {}

    // Lots linked to `lotId` one level up (parents) or down (children), with quantities.
    QJsonArray neighbours(const QString &lotId, bool parents);
    // One recursive query over lot_genealogy from the root lot, cycle-safe (rows are deduplicated
    // by lot and depth, and depth is bounded), returning at most maxNodes lots.
    Graph graph(const QString &rootId, bool backward, bool forward, int depth, int maxNodes);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::trace
