#include "domain/wire/trace.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

// Lots in a traceability answer are as stored: no readings' classification, no genealogy.
QJsonObject storedLotJson(const Lot &lot)
{
    QJsonObject o = lot.toJson();
    o.remove(QStringLiteral("temperature_status"));
    o.remove(QStringLiteral("weight_status"));
    o.remove(QStringLiteral("parents"));
    o.remove(QStringLiteral("children"));
    return o;
}

QJsonArray neighboursJson(const QList<TraceNeighbour> &list)
{
    QJsonArray out;
    for (const TraceNeighbour &n : list) {
        QJsonObject o = storedLotJson(n.lot);
        o.insert(QStringLiteral("quantity_used_kg"), decimalJson(n.quantityUsedKg));
        out.append(o);
    }
    return out;
}

QList<TraceNeighbour> neighboursFrom(const QJsonValue &v)
{
    QList<TraceNeighbour> out;
    for (const QJsonValue &item : v.toArray()) {
        const QJsonObject o = item.toObject();
        out.append(
            {Lot::fromJson(o), Decimal::fromJson(o.value(QStringLiteral("quantity_used_kg")))});
    }
    return out;
}

} // namespace

QJsonObject TraceNode::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), uuidJson(id.isNull() ? std::nullopt : std::optional<QUuid>(id))},
        {QStringLiteral("lot_code"), lotCode},
        {QStringLiteral("lot_type"), toString(type)},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("weight_kg"), decimalJson(weightKg)},
        {QStringLiteral("temperature_c"), decimalJson(temperatureC)},
        {QStringLiteral("created_at"), timeJson(createdAt)},
        {QStringLiteral("level"), level}};
}

TraceNode TraceNode::fromJson(const QJsonObject &o)
{
    TraceNode n;
    n.id = uuidFrom(o.value(QStringLiteral("id"))).value_or(QUuid());
    n.lotCode = o.value(QStringLiteral("lot_code")).toString();
    n.type = lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()).value_or(n.type);
    n.status = lotStatusFromString(o.value(QStringLiteral("status")).toString()).value_or(n.status);
    n.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
    n.temperatureC = Decimal::fromJson(o.value(QStringLiteral("temperature_c")));
    n.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    n.level = o.value(QStringLiteral("level")).toInt();
    return n;
}

QJsonObject TraceEdge::toJson() const
{
    return QJsonObject{{QStringLiteral("parent_lot_code"), parentLotCode},
                       {QStringLiteral("child_lot_code"), childLotCode},
                       {QStringLiteral("quantity_used_kg"), decimalJson(quantityUsedKg)}};
}

TraceEdge TraceEdge::fromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("parent_lot_code")).toString(),
            o.value(QStringLiteral("child_lot_code")).toString(),
            Decimal::fromJson(o.value(QStringLiteral("quantity_used_kg")))};
}

QJsonObject TraceGraph::toJson() const
{
    QJsonArray nodeArray;
    for (const TraceNode &n : nodes)
        nodeArray.append(n.toJson());
    QJsonArray edgeArray;
    for (const TraceEdge &e : edges)
        edgeArray.append(e.toJson());
    return QJsonObject{
        {QStringLiteral("root"), root},         {QStringLiteral("direction"), direction},
        {QStringLiteral("depth"), depth},       {QStringLiteral("nodes"), nodeArray},
        {QStringLiteral("edges"), edgeArray},   {QStringLiteral("truncated"), truncated},
        {QStringLiteral("max_nodes"), maxNodes}};
}

TraceGraph TraceGraph::fromJson(const QJsonObject &o)
{
    TraceGraph g;
    g.root = o.value(QStringLiteral("root")).toString();
    g.direction = o.value(QStringLiteral("direction")).toString();
    g.depth = o.value(QStringLiteral("depth")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray())
        g.nodes.append(TraceNode::fromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray())
        g.edges.append(TraceEdge::fromJson(v.toObject()));
    g.truncated = o.value(QStringLiteral("truncated")).toBool();
    g.maxNodes = o.value(QStringLiteral("max_nodes")).toInt();
    return g;
}

QJsonObject TraceNeighbours::toJson() const
{
    return QJsonObject{{QStringLiteral("central"), storedLotJson(central)},
                       {QStringLiteral("parents"), neighboursJson(parents)},
                       {QStringLiteral("children"), neighboursJson(children)}};
}

TraceNeighbours TraceNeighbours::fromJson(const QJsonObject &o)
{
    return {Lot::fromJson(o.value(QStringLiteral("central")).toObject()),
            neighboursFrom(o.value(QStringLiteral("parents"))),
            neighboursFrom(o.value(QStringLiteral("children")))};
}

} // namespace flowviz::wire
