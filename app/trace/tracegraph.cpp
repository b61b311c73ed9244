#include "app/trace/tracegraph.h"

#include "domain/wire/trace.h"

#include <algorithm>

namespace flowviz::app {

QList<TraceEdge> TraceGraph::parentsOf(const QString &code) const
{
    QList<TraceEdge> out;
    for (const TraceEdge &e : edges) {
        if (e.childCode == code)
            out.append(e);
    }
    std::sort(out.begin(), out.end(),
              [](const TraceEdge &a, const TraceEdge &b) { return a.parentCode < b.parentCode; });
    return out;
}

QList<TraceEdge> TraceGraph::childrenOf(const QString &code) const
{
    QList<TraceEdge> out;
    for (const TraceEdge &e : edges) {
        if (e.parentCode == code)
            out.append(e);
    }
    std::sort(out.begin(), out.end(),
              [](const TraceEdge &a, const TraceEdge &b) { return a.childCode < b.childCode; });
    return out;
}

TraceGraph TraceGraph::fromJson(const QJsonObject &body)
{
    const wire::TraceGraph answer = wire::TraceGraph::fromJson(body);
    TraceGraph g;
    g.root = answer.root;
    g.truncated = answer.truncated;
    for (const wire::TraceNode &n : answer.nodes)
        g.nodes.insert(n.lotCode, TraceNode{n.lotCode, n.type, n.status, n.weightKg, n.level});
    for (const wire::TraceEdge &e : answer.edges)
        g.edges.append(TraceEdge{e.parentLotCode, e.childLotCode, e.quantityUsedKg});
    return g;
}

} // namespace flowviz::app
