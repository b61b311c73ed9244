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
    // One statement, one snapshot; plant_gauges() (migrations 0014, 0016) keeps its plan.
    const db::PgResult r = m_db.exec("SELECT * FROM plant_gauges()");
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
