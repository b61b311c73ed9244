#include "backend/trace/tracerepository.h"

#include "backend/lots/lotrepository.h"

#include <QSet>

namespace flowviz::trace {

namespace {

// trace_graph's rows: at most maxNodes lots (truncated when it gave more) and the edges
// between them.
wire::TraceGraph graphFromRows(const db::PgResult &r, int maxNodes)
{
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

} // namespace

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

db::PgDeferred<wire::TraceGraph> TraceRepository::graph(const QString &rootCode, bool backward,
                                                        bool forward, int depth, int maxNodes)
{
    // trace_graph (migrations 0006, 0009, 0017): the nodes nearest first (the root is rank 1; at
    // the same distance ancestors, then by code), the same order on every call and every copy of
    // the data, so the lot over the cap dropped below is always the farthest one; then the
    // edges. An unknown root code gives no rows.
    return {m_db.queue("SELECT * FROM trace_graph((SELECT id FROM lots WHERE lot_code = $1), "
                       "$2::boolean, $3::boolean, $4::int, $5::int)",
                       {rootCode, backward, forward, depth, maxNodes}),
            [maxNodes](const db::PgResult &r) { return graphFromRows(r, maxNodes); }};
}

db::PgDeferred<QByteArray> TraceRepository::compactGraph(const CompactGraphHeader &header,
                                                         bool backward, bool forward)
{
    // Only the columns the compact form writes, in compactGraphJson's order: no ids, times or
    // temperatures to print and send.
    return {m_db.queue("SELECT kind, lvl, lot_code, lot_type, status, weight_kg, parent_code, "
                       "child_code, qty FROM trace_graph((SELECT id FROM lots WHERE lot_code = "
                       "$1), $2::boolean, $3::boolean, $4::int, $5::int)",
                       {header.root, backward, forward, header.depth, header.maxNodes}),
            [header](const db::PgResult &r) { return compactGraphJson(r, header); }};
}

db::PgDeferred<QList<wire::MassBalanceLot>> TraceRepository::massBalance(const QString &rootCode,
                                                                         bool backward,
                                                                         bool forward, int depth,
                                                                         int maxNodes)
{
    return {
        m_db.queue(
            "SELECT g.lot_code, g.lot_type, g.status, g.lvl, g.weight_kg, i.inputs, i.input_kg, "
            "i.input_kg - g.weight_kg AS loss_kg, "
            "round(g.weight_kg * 100 / nullif(i.input_kg, 0), 1) AS yield_pct, "
            "p.yield_min_pct, p.yield_max_pct, u.used_kg, g.weight_kg - u.used_kg AS "
            "remaining_kg "
            "FROM trace_graph((SELECT id FROM lots WHERE lot_code = $1), $2::boolean, "
            "$3::boolean, $4::int, $5::int) g "
            "CROSS JOIN LATERAL (SELECT count(*) AS inputs, sum(quantity_used_kg) AS input_kg "
            "FROM lot_genealogy WHERE child_lot_id = g.id) i "
            "CROSS JOIN LATERAL (SELECT coalesce(sum(quantity_used_kg), 0) AS used_kg "
            "FROM lot_genealogy WHERE parent_lot_id = g.id) u "
            "LEFT JOIN lot_profiles p ON p.lot_type = g.lot_type "
            // trace_graph's order: nearest first, ancestors first, then by code.
            "WHERE g.kind = 'node' ORDER BY g.rnk",
            {rootCode, backward, forward, depth, maxNodes}),
        [](const db::PgResult &r) {
            QList<wire::MassBalanceLot> out;
            out.reserve(r.rows());
            for (int i = 0; i < r.rows(); ++i) {
                wire::MassBalanceLot l;
                l.lotCode = r.text(i, "lot_code");
                l.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
                l.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
                l.level = int(r.toInt(i, "lvl"));
                l.weightKg = r.toDecimal(i, "weight_kg");
                l.inputs = int(r.toInt(i, "inputs"));
                l.inputKg = r.toDecimal(i, "input_kg");
                l.lossKg = r.toDecimal(i, "loss_kg");
                l.yieldPct = r.toDecimal(i, "yield_pct");
                l.expectedMinPct = r.toDecimal(i, "yield_min_pct");
                l.expectedMaxPct = r.toDecimal(i, "yield_max_pct");
                l.usedKg = r.toDecimal(i, "used_kg").value_or(Decimal());
                l.remainingKg = r.toDecimal(i, "remaining_kg");
                out.append(std::move(l));
            }
            return out;
        }};
}

} // namespace flowviz::trace
