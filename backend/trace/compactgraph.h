#pragma once

#include "backend/db/pgresult.h"

#include <QByteArray>
#include <QString>

namespace flowviz::trace {

// What a compact answer says about the query besides the graph.
struct CompactGraphHeader
{
    QString root;
    QString direction;
    int depth = 0;
    int maxNodes = 0;
};

// The graph of GET /api/v1/traceability/{lot_code}?form=compact as JSON text, written straight
// from trace_graph's rows (kind, lvl, lot_code, lot_type, status, weight_kg, parent_code,
// child_code, qty, in that order): what the console draws and nothing else, without building a
// JSON tree. Nodes are arrays [lot_code, lot_type, status, weight_kg, level] in the rows' order
// (the full form's order); edges are arrays [parent node index, child node index,
// quantity_used_kg]. At most maxNodes nodes, `truncated` when the rows held more, and only
// edges between nodes of the answer. Empty when the rows hold no node (an unknown root).
// Decimals are PostgreSQL's own text (exact, e.g. 12.50); a value that is not a plain number
// throws, so the answer is never invalid JSON.
QByteArray compactGraphJson(const db::PgResult &rows, const CompactGraphHeader &header);

} // namespace flowviz::trace
