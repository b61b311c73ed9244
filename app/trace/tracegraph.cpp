#include "app/trace/tracegraph.h"

#include <QJsonArray>

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
    TraceGraph g;
    const QJsonValue root = body.value(QStringLiteral("root"));
    g.root = root.isObject() ? root.toObject().value(QStringLiteral("lot_code")).toString()
                             : root.toString();
    g.truncated = body.value(QStringLiteral("truncated")).toBool();
    for (const QJsonValue &v : body.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject o = v.toObject();
        TraceNode n;
        n.code = o.value(QStringLiteral("lot_code")).toString();
        n.type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString())
                     .value_or(LotType::RAW);
        n.status = lotStatusFromString(o.value(QStringLiteral("status")).toString())
                       .value_or(LotStatus::CREATED);
        n.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
        n.level = o.value(QStringLiteral("level")).toInt();
        g.nodes.insert(n.code, n);
    }
    for (const QJsonValue &v : body.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject o = v.toObject();
        g.edges.append(TraceEdge{o.value(QStringLiteral("parent_lot_code")).toString(),
                                 o.value(QStringLiteral("child_lot_code")).toString(),
                                 Decimal::fromJson(o.value(QStringLiteral("quantity_used_kg")))});
    }
    return g;
}

} // namespace flowviz::app
