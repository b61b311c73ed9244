#pragma once

#include "backend/db/pgsession.h"
#include "backend/trace/compactgraph.h"

#include "domain/wire/trace.h"

#include <QUuid>

namespace flowviz::trace {

// Genealogy queries: one level around a lot, or the whole graph up and/or down.
class TraceRepository
{
public:
    explicit TraceRepository(db::PgSession &db) : m_db(db) {}

    // Lots linked to `lotId` one level up (parents) or down (children), with quantities,
    // ordered by lot code.
    QList<wire::TraceNeighbour> neighbours(const QUuid &lotId, bool parents);
    // One recursive query over lot_genealogy from the root lot, cycle-safe (rows are deduplicated
    // by lot and depth, and depth is bounded), returning at most maxNodes lots, nearest first.
    // Fills nodes, edges and truncated; no nodes when no lot has the code. Queued.
    db::PgDeferred<wire::TraceGraph> graph(const QString &rootCode, bool backward, bool forward,
                                           int depth, int maxNodes);
    // The same graph from header.root as compactGraphJson() writes it; empty when no lot has
    // the code. Queued.
    db::PgDeferred<QByteArray> compactGraph(const CompactGraphHeader &header, bool backward,
                                            bool forward);

    // The lots of graph() with each one's mass balance: the kilograms drawn from its parents and
    // by its children (over all its links), loss, yield and its type's expected yield, computed
    // exactly (numeric) by PostgreSQL. Nearest first; at most maxNodes + 1 lots (the caller
    // knows from the extra one that more exist). Queued.
    db::PgDeferred<QList<wire::MassBalanceLot>> massBalance(const QString &rootCode, bool backward,
                                                            bool forward, int depth, int maxNodes);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::trace
