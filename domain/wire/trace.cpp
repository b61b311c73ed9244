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
    if (o.value(QStringLiteral("form")).toString() == u"compact") {
        // Nodes [lot_code, lot_type, status, weight_kg, level]; edges [parent node index,
        // child node index, quantity_used_kg]. An edge naming no node of the answer is dropped.
        for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray()) {
            const QJsonArray a = v.toArray();
            TraceNode n;
            n.lotCode = a.at(0).toString();
            n.type = lotTypeFromString(a.at(1).toString()).value_or(n.type);
            n.status = lotStatusFromString(a.at(2).toString()).value_or(n.status);
            n.weightKg = Decimal::fromJson(a.at(3));
            n.level = a.at(4).toInt();
            g.nodes.append(n);
        }
        for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray()) {
            const QJsonArray a = v.toArray();
            const qsizetype parent = a.at(0).toInteger(-1);
            const qsizetype child = a.at(1).toInteger(-1);
            if (parent < 0 || parent >= g.nodes.size() || child < 0 || child >= g.nodes.size())
                continue;
            g.edges.append({g.nodes.at(parent).lotCode, g.nodes.at(child).lotCode,
                            Decimal::fromJson(a.at(2))});
        }
    } else {
        for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray())
            g.nodes.append(TraceNode::fromJson(v.toObject()));
        for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray())
            g.edges.append(TraceEdge::fromJson(v.toObject()));
    }
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

QJsonObject MassBalanceLot::toJson() const
{
    return QJsonObject{{QStringLiteral("lot_code"), lotCode},
                       {QStringLiteral("lot_type"), toString(type)},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("level"), level},
                       {QStringLiteral("weight_kg"), decimalJson(weightKg)},
                       {QStringLiteral("inputs"), inputs},
                       {QStringLiteral("input_kg"), decimalJson(inputKg)},
                       {QStringLiteral("loss_kg"), decimalJson(lossKg)},
                       {QStringLiteral("yield_pct"), decimalJson(yieldPct)},
                       {QStringLiteral("expected_yield_min_pct"), decimalJson(expectedMinPct)},
                       {QStringLiteral("expected_yield_max_pct"), decimalJson(expectedMaxPct)},
                       {QStringLiteral("yield_check"),
                        textJson(yieldCheck.isEmpty() ? std::nullopt : std::optional(yieldCheck))},
                       {QStringLiteral("used_kg"), usedKg.toJson()},
                       {QStringLiteral("remaining_kg"), decimalJson(remainingKg)}};
}

MassBalanceLot MassBalanceLot::fromJson(const QJsonObject &o)
{
    MassBalanceLot l;
    l.lotCode = o.value(QStringLiteral("lot_code")).toString();
    l.type =
        lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()).value_or(LotType::RAW);
    l.status = lotStatusFromString(o.value(QStringLiteral("status")).toString())
                   .value_or(LotStatus::CREATED);
    l.level = o.value(QStringLiteral("level")).toInt();
    l.weightKg = Decimal::fromJson(o.value(QStringLiteral("weight_kg")));
    l.inputs = o.value(QStringLiteral("inputs")).toInt();
    l.inputKg = Decimal::fromJson(o.value(QStringLiteral("input_kg")));
    l.lossKg = Decimal::fromJson(o.value(QStringLiteral("loss_kg")));
    l.yieldPct = Decimal::fromJson(o.value(QStringLiteral("yield_pct")));
    l.expectedMinPct = Decimal::fromJson(o.value(QStringLiteral("expected_yield_min_pct")));
    l.expectedMaxPct = Decimal::fromJson(o.value(QStringLiteral("expected_yield_max_pct")));
    l.yieldCheck = o.value(QStringLiteral("yield_check")).toString();
    l.usedKg = Decimal::fromJson(o.value(QStringLiteral("used_kg"))).value_or(Decimal());
    l.remainingKg = Decimal::fromJson(o.value(QStringLiteral("remaining_kg")));
    return l;
}

QJsonObject MassBalance::toJson() const
{
    QJsonArray lotArray;
    for (const MassBalanceLot &l : lots)
        lotArray.append(l.toJson());
    return QJsonObject{{QStringLiteral("root"), root},
                       {QStringLiteral("direction"), direction},
                       {QStringLiteral("depth"), depth},
                       {QStringLiteral("lots"), lotArray},
                       {QStringLiteral("outside_tolerance"), outsideTolerance},
                       {QStringLiteral("truncated"), truncated},
                       {QStringLiteral("max_nodes"), maxNodes}};
}

MassBalance MassBalance::fromJson(const QJsonObject &o)
{
    MassBalance b;
    b.root = o.value(QStringLiteral("root")).toString();
    b.direction = o.value(QStringLiteral("direction")).toString();
    b.depth = o.value(QStringLiteral("depth")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("lots")).toArray())
        b.lots.append(MassBalanceLot::fromJson(v.toObject()));
    b.outsideTolerance = o.value(QStringLiteral("outside_tolerance")).toInt();
    b.truncated = o.value(QStringLiteral("truncated")).toBool();
    b.maxNodes = o.value(QStringLiteral("max_nodes")).toInt();
    return b;
}

} // namespace flowviz::wire
