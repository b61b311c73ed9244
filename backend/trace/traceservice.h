#pragma once

#include "backend/api/apicontext.h"

#include "domain/wire/trace.h"

namespace flowviz::trace {

// What GET /api/v1/traceability/{lot_code} asks for, decoded from its path and query.
struct TraceQuery
{
    QString lotCode;      // normalised
    bool graph = false;   // false: the lot and its direct neighbours only
    bool compact = false; // the graph as compactGraphJson() writes it
    QString direction;    // backward, forward or both
    int depth = 0;
    int maxNodes = 0;
};

// The query's parameters checked as documented: a 422 problem for a direction, depth or form
// the API does not know. A direction, a depth or the compact form asks for the graph.
TraceQuery decodeTraceQuery(const QString &lotCode, const QString &direction, const QString &depth,
                            int maxDepth, int maxNodes, const QString &form = {});

namespace service {

// The lot and its direct parents and children; 404 for an unknown lot.
wire::TraceNeighbours neighbours(api::Tx &tx, const QString &lotCode);
// The genealogy graph from the lot; 404 for an unknown lot.
wire::TraceGraph graph(api::Tx &tx, const TraceQuery &query);
// The same graph in its compact form (JSON text); 404 for an unknown lot.
QByteArray compactGraph(api::Tx &tx, const TraceQuery &query);
// The mass balance of every lot of the graph from the lot, each yield checked against its
// type's expected range; 404 for an unknown lot.
wire::MassBalance massBalance(api::Tx &tx, const TraceQuery &query);

} // namespace service
} // namespace flowviz::trace
