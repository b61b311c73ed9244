#include "backend/trace/tracerepository.h"

#include "backend/lots/lotrepository.h"

#include <QSet>

namespace flowviz::trace {

QJsonArray TraceRepository::neighbours(const QString &lotId, bool parents)
{
    const char *sql =
        parents
            ? "SELECT l.id, l.lot_code, l.lot_type, l.status, l.production_run_id, r.run_code, "
              "l.operator_id, "
              "u.username AS operator, l.workstation_id, l.weight_kg, l.temperature_c, l.metadata, "
              "l.client_created_at, l.client_time_flagged, l.created_at, l.updated_at, "
              "g.quantity_used_kg "
              "FROM lot_genealogy g JOIN lots l ON l.id = g.parent_lot_id "
              "LEFT JOIN production_runs r ON r.id = l.production_run_id LEFT JOIN users u ON u.id "
              "= l.operator_id "
              "WHERE g.child_lot_id = $1::uuid ORDER BY l.lot_code"
            : "SELECT l.id, l.lot_code, l.lot_type, l.status, l.production_run_id, r.run_code, "
              "l.operator_id, "
              "u.username AS operator, l.workstation_id, l.weight_kg, l.temperature_c, l.metadata, "
              "l.client_created_at, l.client_time_flagged, l.created_at, l.updated_at, "
              "g.quantity_used_kg "
              "FROM lot_genealogy g JOIN lots l ON l.id = g.child_lot_id "
              "LEFT JOIN production_runs r ON r.id = l.production_run_id LEFT JOIN users u ON u.id "
              "= l.operator_id "
              "WHERE g.parent_lot_id = $1::uuid ORDER BY l.lot_code";
    const db::PgResult r = m_db.exec(sql, {lotId});
    QJsonArray out;
    for (int i = 0; i < r.rows(); ++i) {
        QJsonObject lot = lots::LotRepository::rowToJson(r, i);
        lot.insert(QStringLiteral("quantity_used_kg"), r.decimalJson(i, "quantity_used_kg"));
        out.append(lot);
    }
    return out;
}

Graph TraceRepository::graph(const QString &rootId, bool backward, bool forward, int depth,
                             int maxNodes)
{
    // walk: one row per (lot, level, edge used to reach it). UNION (not UNION ALL) drops rows
    // already produced, so a cycle in bad data cannot make the walk run forever; the level
    // bound stops it in any case. Ancestors get negative levels, descendants positive.
    const db::PgResult r = m_db.exec(
        "WITH RECURSIVE "
        "up(lot_id, lvl, parent_id, child_id, qty) AS ("
        "  SELECT $1::uuid, 0, NULL::uuid, NULL::uuid, NULL::numeric WHERE $2::boolean "
        "  UNION "
        "  SELECT g.parent_lot_id, up.lvl - 1, g.parent_lot_id, g.child_lot_id, g.quantity_used_kg "
        "  FROM up JOIN lot_genealogy g ON g.child_lot_id = up.lot_id WHERE up.lvl > -$4::int), "
        "down(lot_id, lvl, parent_id, child_id, qty) AS ("
        "  SELECT $1::uuid, 0, NULL::uuid, NULL::uuid, NULL::numeric WHERE $3::boolean "
        "  UNION "
        "  SELECT g.child_lot_id, down.lvl + 1, g.parent_lot_id, g.child_lot_id, "
        "g.quantity_used_kg "
        "  FROM down JOIN lot_genealogy g ON g.parent_lot_id = down.lot_id WHERE down.lvl < "
        "$4::int), "
        "walk AS (SELECT * FROM up UNION ALL SELECT * FROM down "
        "         UNION ALL SELECT $1::uuid, 0, NULL, NULL, NULL), "
        "node AS (SELECT lot_id, (array_agg(lvl ORDER BY abs(lvl), lvl))[1] AS lvl, "
        "                row_number() OVER (ORDER BY min(abs(lvl)), lot_id) AS rnk "
        "         FROM walk GROUP BY lot_id "
        "         ORDER BY rnk LIMIT $5::int + 1), "
        "edge AS (SELECT DISTINCT w.parent_id, w.child_id, w.qty FROM walk w "
        "         WHERE w.parent_id IS NOT NULL "
        "         AND w.parent_id IN (SELECT lot_id FROM node) AND w.child_id IN (SELECT lot_id "
        "FROM node)) "
        "SELECT 'node' AS kind, n.lvl, l.id, l.lot_code, l.lot_type, l.status, l.weight_kg, "
        "l.temperature_c, "
        "       l.created_at, NULL AS parent_code, NULL AS child_code, NULL::numeric AS qty, "
        "       n.rnk "
        "FROM node n JOIN lots l ON l.id = n.lot_id "
        "UNION ALL "
        "SELECT 'edge', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.lot_code, c.lot_code, "
        "e.qty, NULL "
        "FROM edge e JOIN lots p ON p.id = e.parent_id JOIN lots c ON c.id = e.child_id "
        // Nearest first (the root is rank 1), the same order on every call: the lot over the
        // cap that is dropped below is always the farthest one.
        "ORDER BY rnk NULLS LAST",
        {rootId, backward, forward, depth, maxNodes});
    Graph g;
    int nodes = 0;
    for (int i = 0; i < r.rows(); ++i) {
        if (r.text(i, "kind") == u"node") {
            if (++nodes > maxNodes) {
                g.truncated = true;
                continue;
            }
            g.nodes.append(
                QJsonObject{{QStringLiteral("id"), r.text(i, "id")},
                            {QStringLiteral("lot_code"), r.text(i, "lot_code")},
                            {QStringLiteral("lot_type"), r.text(i, "lot_type")},
                            {QStringLiteral("status"), r.text(i, "status")},
                            {QStringLiteral("weight_kg"), r.decimalJson(i, "weight_kg")},
                            {QStringLiteral("temperature_c"), r.decimalJson(i, "temperature_c")},
                            {QStringLiteral("created_at"), r.timeJson(i, "created_at")},
                            {QStringLiteral("level"), int(r.toInt(i, "lvl"))}});
        } else {
            g.edges.append(
                QJsonObject{{QStringLiteral("parent_lot_code"), r.text(i, "parent_code")},
                            {QStringLiteral("child_lot_code"), r.text(i, "child_code")},
                            {QStringLiteral("quantity_used_kg"), r.decimalJson(i, "qty")}});
        }
    }
    if (g.truncated) {
        // Keep only edges between lots that are in the answer.
        QSet<QString> kept;
        for (const QJsonValue &n : g.nodes)
            kept.insert(n.toObject().value(QStringLiteral("lot_code")).toString());
        QJsonArray edges;
        for (const QJsonValue &e : g.edges) {
            const QJsonObject o = e.toObject();
            if (kept.contains(o.value(QStringLiteral("parent_lot_code")).toString()) &&
                kept.contains(o.value(QStringLiteral("child_lot_code")).toString()))
                edges.append(o);
        }
        g.edges = edges;
    }
    return g;
}

} // namespace flowviz::trace
