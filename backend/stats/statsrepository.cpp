#include "backend/stats/statsrepository.h"

namespace flowviz::stats {

namespace {

// A decision's effective time. Written out in full (not a function) so that the expression
// indexes of migration 0002 serve it.
#define FV_EFFECTIVE(d)                                                                            \
    "(CASE WHEN " d ".client_time_flagged THEN " d ".recorded_at ELSE " d ".decided_at END)"

db::SqlValue timestampArray(const QList<QDateTime> &instants)
{
    QStringList items;
    items.reserve(instants.size());
    for (const QDateTime &t : instants)
        items << t.toUTC().toString(Qt::ISODateWithMs);
    return db::SqlValue::textArray(items);
}

std::optional<QString> optionalText(const db::PgResult &r, int row, const char *name)
{
    if (r.isNull(row, name))
        return std::nullopt;
    return r.text(row, name);
}

// Lots currently held, each with the moment it entered its status. A HOLD lot is held since
// the first HOLD decision after its last decision of another kind (so a second HOLD at
// another gate does not reset the clock): the status follows the latest decision, so that is
// when the lot went on HOLD. "After" is the status's order: effective time, then arrival. A
// QUARANTINE lot has no decision yet (any decision moves it on), so it is held since it was
// registered. Ages are whole seconds, never negative.
constexpr const char *kHeldLots =
    "WITH held AS ("
    "  SELECT l.lot_code, l.lot_type, l.status, l.weight_kg, r.run_code,"
    "         CASE WHEN l.status = 'HOLD' THEN coalesce(("
    "           SELECT min(" FV_EFFECTIVE(
        "h") ") FROM qc_decisions h"
             "           WHERE h.lot_id = l.id AND h.decision = 'HOLD' AND NOT EXISTS ("
             "             SELECT 1 FROM qc_decisions n"
             "             WHERE n.lot_id = l.id AND n.decision <> 'HOLD'"
             "               AND (" FV_EFFECTIVE(
                 "n") ", n.arrival)"
                      "                 > (" FV_EFFECTIVE(
                          "h") ", h.arrival))"
                               "         ), l.created_at) ELSE l.created_at END AS since"
                               "  FROM lots l LEFT JOIN production_runs r ON r.id = "
                               "l.production_run_id"
                               "  WHERE l.status IN ('HOLD', 'QUARANTINE')"
                               "), aged AS ("
                               "  SELECT held.*, greatest(0, floor(extract(epoch FROM now() - "
                               "since)))::bigint AS age"
                               "  FROM held"
                               ") ";

} // namespace

QDateTime StatsRepository::now()
{
    return m_db.exec("SELECT now() AS now").toDateTime(0, "now");
}

QList<LotCount> StatsRepository::lotCounts(const QDateTime &from, const QDateTime &to,
                                           const QList<QDateTime> &bucketStarts)
{
    // A range scan of lots_created_idx.
    const db::PgResult r = m_db.exec(
        "SELECT width_bucket(l.created_at, $3::timestamptz[]) - 1 AS bucket, l.lot_type,"
        "       count(*) AS lots, coalesce(sum(l.weight_kg), 0) AS kg "
        "FROM lots l WHERE l.created_at >= $1::timestamptz AND l.created_at < $2::timestamptz "
        "GROUP BY 1, 2",
        {from, to, timestampArray(bucketStarts)});
    QList<LotCount> out;
    for (int i = 0; i < r.rows(); ++i) {
        const auto type = lotTypeFromString(r.text(i, "lot_type"));
        if (!type)
            continue;
        out.append({int(r.toInt(i, "bucket")), *type, r.toInt(i, "lots"),
                    r.toDecimal(i, "kg").value_or(Decimal())});
    }
    return out;
}

QList<GateCount> StatsRepository::gateCounts(const QDateTime &from, const QDateTime &to,
                                             const QList<QDateTime> &bucketStarts)
{
    // d: the decisions by outcome, a range scan of qc_decisions_effective_idx. f: the first
    // decision of each lot at each gate (first-pass yield), a range scan of
    // qc_first_decisions_effective_idx (migration 0003 keeps that table by trigger). A first
    // decision is also a decision, at the same effective time, so f's (bucket, gate) groups are
    // among d's; the two are added up per group.
    // clang-format off
    const db::PgResult r = m_db.exec(
        "WITH d AS ("
        "  SELECT width_bucket(" FV_EFFECTIVE("d") ", $3::timestamptz[]) - 1 AS bucket,"
        "         d.qc_gate_id,"
        "         count(*) FILTER (WHERE d.decision = 'PASS') AS pass,"
        "         count(*) FILTER (WHERE d.decision = 'HOLD') AS hold,"
        "         count(*) FILTER (WHERE d.decision = 'FAIL') AS fail,"
        "         0 AS first_pass, 0 AS decided_lots"
        "    FROM qc_decisions d"
        "   WHERE " FV_EFFECTIVE("d") " >= $1::timestamptz"
        "     AND " FV_EFFECTIVE("d") " < $2::timestamptz"
        "   GROUP BY 1, 2"
        "), f AS ("
        "  SELECT width_bucket(f.effective, $3::timestamptz[]) - 1 AS bucket, f.qc_gate_id,"
        "         0 AS pass, 0 AS hold, 0 AS fail,"
        "         count(*) FILTER (WHERE f.decision = 'PASS') AS first_pass,"
        "         count(*) AS decided_lots"
        "    FROM qc_first_decisions f"
        "   WHERE f.effective >= $1::timestamptz AND f.effective < $2::timestamptz"
        "   GROUP BY 1, 2"
        ") "
        "SELECT c.bucket, g.gate_number,"
        "       sum(c.pass)::bigint AS pass, sum(c.hold)::bigint AS hold,"
        "       sum(c.fail)::bigint AS fail, sum(c.first_pass)::bigint AS first_pass,"
        "       sum(c.decided_lots)::bigint AS decided_lots "
        "FROM (SELECT * FROM d UNION ALL SELECT * FROM f) c "
        "JOIN qc_gates g ON g.id = c.qc_gate_id "
        "GROUP BY 1, 2",
        {from, to, timestampArray(bucketStarts)});
    // clang-format on
    QList<GateCount> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append({int(r.toInt(i, "bucket")), int(r.toInt(i, "gate_number")), r.toInt(i, "pass"),
                    r.toInt(i, "hold"), r.toInt(i, "fail"), r.toInt(i, "first_pass"),
                    r.toInt(i, "decided_lots")});
    }
    return out;
}

QList<GateInfo> StatsRepository::gates()
{
    const db::PgResult r = m_db.exec(
        "SELECT gate_number, name, is_ccp FROM qc_gates ORDER BY sort_order, gate_number");
    QList<GateInfo> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({int(r.toInt(i, "gate_number")), r.textMap(i, "name"), r.toBool(i, "is_ccp")});
    return out;
}

bool StatsRepository::gateExists(int gateNumber)
{
    return m_db.exec("SELECT 1 FROM qc_gates WHERE gate_number = $1::int", {gateNumber}).rows() > 0;
}

QList<HeldLot> StatsRepository::heldLots(int limit)
{
    // lots_status_created_idx finds the held lots; qc_decisions_lot_idx their decisions.
    const db::PgResult r = m_db.exec(
        QByteArray(kHeldLots) +
            "SELECT lot_code, lot_type, status, weight_kg, run_code, since, age FROM aged "
            "ORDER BY since, lot_code COLLATE \"C\" LIMIT $1::int",
        {limit});
    QList<HeldLot> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append({r.text(i, "lot_code"), r.text(i, "lot_type"), r.text(i, "status"),
                    r.toDateTime(i, "since"), r.toInt(i, "age"), optionalText(r, i, "run_code"),
                    r.toDecimal(i, "weight_kg")});
    }
    return out;
}

QList<qint64> StatsRepository::heldLotsByAge(const QList<qint64> &bandLimits)
{
    QStringList limits;
    for (qint64 l : bandLimits)
        limits << QString::number(l);
    // width_bucket() gives 0 below the first limit, i for ages in [limits[i-1], limits[i]).
    const db::PgResult r =
        m_db.exec(QByteArray(kHeldLots) + "SELECT width_bucket(age, $1::bigint[]) AS band, "
                                          "count(*) AS n FROM aged GROUP BY 1",
                  {db::SqlValue::textArray(limits)});
    QList<qint64> out(bandLimits.size() + 1, 0);
    for (int i = 0; i < r.rows(); ++i) {
        const qint64 band = r.toInt(i, "band");
        if (band >= 0 && band < out.size())
            out[band] = r.toInt(i, "n");
    }
    return out;
}

QList<WorkstationState> StatsRepository::workstations()
{
    const db::PgResult r = m_db.exec(
        "SELECT w.workstation_id, w.reported_at, w.pending_sync, w.app_version, u.username,"
        "       greatest(0, floor(extract(epoch FROM now() - w.reported_at)))::bigint AS age "
        "FROM workstation_heartbeats w LEFT JOIN users u ON u.id = w.user_id "
        "ORDER BY w.workstation_id COLLATE \"C\"");
    QList<WorkstationState> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append({r.text(i, "workstation_id"), r.toDateTime(i, "reported_at"), r.toInt(i, "age"),
                    int(r.toInt(i, "pending_sync")), r.text(i, "app_version"),
                    optionalText(r, i, "username")});
    }
    return out;
}

QList<DecisionRow> StatsRepository::decisions(const QDateTime &from, const QDateTime &to,
                                              std::optional<int> gateNumber,
                                              std::optional<Decision> outcome, int limit,
                                              qint64 &total)
{
    const db::PgResult r = m_db.exec(
        "SELECT l.lot_code, l.lot_type, g.gate_number, d.decision,"
        "       " FV_EFFECTIVE(
            "d") " AS effective, u.username, d.workstation_id,"
                 "       count(*) OVER () AS total "
                 "FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                 "JOIN qc_gates g ON g.id = d.qc_gate_id JOIN users u ON u.id = d.operator_id "
                 "WHERE " FV_EFFECTIVE(
                     "d") " >= $1::timestamptz"
                          "  AND " FV_EFFECTIVE(
                              "d") " < $2::timestamptz"
                                   "  AND ($3::int IS NULL OR g.gate_number = $3::int)"
                                   "  AND ($4::text IS NULL OR d.decision = $4::text) "
                                   "ORDER BY " FV_EFFECTIVE(
                                       "d") ", d.recorded_at, d.arrival LIMIT $5::int",
        {from, to, gateNumber, outcome ? db::SqlValue(toString(*outcome)) : db::SqlValue(), limit});
    total = r.rows() > 0 ? r.toInt(0, "total") : 0;
    QList<DecisionRow> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append({r.text(i, "lot_code"), r.text(i, "lot_type"), int(r.toInt(i, "gate_number")),
                    r.text(i, "decision"), r.toDateTime(i, "effective"), r.text(i, "username"),
                    optionalText(r, i, "workstation_id")});
    }
    return out;
}

#undef FV_EFFECTIVE

} // namespace flowviz::stats
