#include "backend/trace/tracerepository.h"

#include "backend/lots/lotrepository.h"

#include <QSet>

namespace flowviz::trace {

QList<wire::TraceNeighbour> TraceRepository::neighbours(const QUuid &lotId, bool parents)
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
    QList<wire::TraceNeighbour> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({lots::LotRepository::lotFromRow(r, i), r.toDecimal(i, "quantity_used_kg")});
    return out;
}

wire::TraceGraph TraceRepository::graph(const QUuid &rootId, bool backward, bool forward, int depth,
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
    wire::TraceGraph g;
    int nodes = 0;
    for (int i = 0; i < r.rows(); ++i) {
        if (r.text(i, "kind") == u"node") {
            if (++nodes > maxNodes) {
                g.truncated = true;
                continue;
            }
            wire::TraceNode n;
            n.id = r.toUuid(i, "id");
            n.lotCode = r.text(i, "lot_code");
            n.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
            n.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
            n.weightKg = r.toDecimal(i, "weight_kg");
            n.temperatureC = r.toDecimal(i, "temperature_c");
            n.createdAt = r.toDateTime(i, "created_at");
            n.level = int(r.toInt(i, "lvl"));
            g.nodes.append(n);
        } else {
            g.edges.append(
                {r.text(i, "parent_code"), r.text(i, "child_code"), r.toDecimal(i, "qty")});
        }
    }
    if (g.truncated) {
        // Keep only edges between lots that are in the answer.
        QSet<QString> kept;
        for (const wire::TraceNode &n : g.nodes)
            kept.insert(n.lotCode);
        g.edges.removeIf([&kept](const wire::TraceEdge &e) {
            return !kept.contains(e.parentLotCode) || !kept.contains(e.childLotCode);
        });
    }
    return g;
}

} // namespace flowviz::trace
