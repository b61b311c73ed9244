#pragma once

#include "backend/db/pgsession.h"

#include <QUuid>

namespace flowviz::system {

// SQL for workstation heartbeats and the plant-wide gauges computed from them.
class SystemRepository
{
public:
    explicit SystemRepository(db::PgSession &db) : m_db(db) {}

    void recordHeartbeat(const QString &workstationId, const QUuid &userId, int pendingSync,
                         const QString &appVersion);
    struct PlantGauges
    {
        int activeOperators = 0;
        qint64 pendingSyncLots = 0;
        QList<QPair<QString, int>> pendingByWorkstation;
        int openShipments = 0;
        int holdLotsOnOpenShipments = 0; // lots on HOLD that are lines of an OPEN shipment
        int openRecalls = 0;
        double lastRecallTraceSeconds = 0; // 0 before the first recall
        double lastDrillTraceSeconds = 0;  // 0 before the first drill
    };
    // Distinct operators with activity (lots, decisions, heartbeats, logins) and the pending
    // counts workstations reported, both over the last 15 minutes; open shipments and recalls,
    // the lots on HOLD on open shipments and how long the newest recall took to trace.
    PlantGauges plantGauges();

private:
    db::PgSession &m_db;
};

} // namespace flowviz::system
