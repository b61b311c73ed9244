#include "backend/system/systemrepository.h"

#include <QJsonArray>

namespace flowviz::system {

void SystemRepository::recordHeartbeat(const QString &workstationId, const QUuid &userId,
                                       int pendingSync, const QString &appVersion)
{
    m_db.exec("INSERT INTO workstation_heartbeats (workstation_id, user_id, pending_sync, "
              "app_version, reported_at) "
              "VALUES ($1, $2::uuid, $3::int, $4, now()) "
              "ON CONFLICT (workstation_id) DO UPDATE SET user_id = EXCLUDED.user_id, "
              "pending_sync = EXCLUDED.pending_sync, app_version = EXCLUDED.app_version, "
              "reported_at = now()",
              {workstationId, userId, pendingSync, appVersion});
}

SystemRepository::PlantGauges SystemRepository::plantGauges()
{
    // One statement, one round trip and one snapshot: a scrape every few seconds must stay
    // cheap. Open shipments and recalls are few (partial and unique indexes on their status),
    // the newest recall is one index probe.
    const db::PgResult r = m_db.exec(
        "SELECT (SELECT count(DISTINCT u) FROM ("
        "  SELECT operator_id AS u FROM lots WHERE created_at > now() - interval '15 minutes' "
        "  UNION SELECT operator_id FROM qc_decisions "
        "   WHERE recorded_at > now() - interval '15 minutes' "
        "  UNION SELECT user_id FROM workstation_heartbeats "
        "   WHERE reported_at > now() - interval '15 minutes' "
        "  UNION SELECT user_id FROM login_audit "
        "   WHERE succeeded AND at > now() - interval '15 minutes'"
        " ) a WHERE u IS NOT NULL) AS operators, "
        "coalesce((SELECT json_agg(json_build_array(workstation_id, pending_sync) "
        "  ORDER BY workstation_id) FROM workstation_heartbeats "
        "  WHERE reported_at > now() - interval '15 minutes'), '[]') AS workstations, "
        "(SELECT count(*) FROM shipments WHERE status = 'OPEN') AS open_shipments, "
        "(SELECT count(DISTINCT sl.lot_id) FROM shipments s JOIN shipment_lines sl "
        " ON sl.shipment_id = s.id JOIN lots l ON l.id = sl.lot_id "
        " WHERE s.status = 'OPEN' AND l.status = 'HOLD') AS hold_lots, "
        "(SELECT count(*) FROM recalls WHERE status = 'OPEN' AND NOT drill) AS open_recalls, "
        "coalesce((SELECT trace_ms FROM recalls WHERE NOT drill ORDER BY opened_at DESC LIMIT 1), "
        "0) AS trace_ms, "
        "coalesce((SELECT trace_ms FROM recalls WHERE drill ORDER BY opened_at DESC LIMIT 1), 0) "
        "AS drill_ms");
    PlantGauges g;
    g.activeOperators = int(r.toInt(0, "operators"));
    const QJsonArray workstations = r.jsonValue(0, "workstations").toArray();
    for (const QJsonValue &w : workstations) {
        const QJsonArray pair = w.toArray();
        const int pending = pair.at(1).toInt();
        g.pendingSyncLots += pending;
        g.pendingByWorkstation.append({pair.at(0).toString(), pending});
    }
    g.openShipments = int(r.toInt(0, "open_shipments"));
    g.holdLotsOnOpenShipments = int(r.toInt(0, "hold_lots"));
    g.openRecalls = int(r.toInt(0, "open_recalls"));
    g.lastRecallTraceSeconds = r.text(0, "trace_ms").toDouble() / 1000.0;
    g.lastDrillTraceSeconds = r.text(0, "drill_ms").toDouble() / 1000.0;
    return g;
}

} // namespace flowviz::system
