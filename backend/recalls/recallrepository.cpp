#include "backend/recalls/recallrepository.h"

namespace flowviz::recalls {

namespace {

constexpr const char *kSummaryColumns =
    "SELECT r.id, r.reference, l.lot_code, l.lot_type, r.reason, r.status, "
    "o.username AS opened_by, r.opened_at, r.trace_ms, r.drill, c.username AS closed_by, "
    "r.closed_at, "
    "r.close_note, "
    "(SELECT count(*) FROM recall_lots x WHERE x.recall_id = r.id) AS lot_count, "
    "(SELECT count(*) FROM recall_holds h WHERE h.recall_id = r.id) AS held_count, "
    "(SELECT count(DISTINCT s.customer_id) FROM recall_lines y "
    " JOIN shipments s ON s.id = y.shipment_id WHERE y.recall_id = r.id) AS customer_count, "
    "(SELECT coalesce(sum(y.quantity_kg), 0) FROM recall_lines y WHERE y.recall_id = r.id "
    " AND y.shipment_status = 'DISPATCHED') AS dispatched_kg "
    "FROM recalls r JOIN lots l ON l.id = r.root_lot_id JOIN users o ON o.id = r.opened_by "
    "LEFT JOIN users c ON c.id = r.closed_by ";

std::optional<QString> optText(const db::PgResult &r, int row, const char *name)
{
    return r.isNull(row, name) ? std::nullopt : std::optional(r.text(row, name));
}

Decimal decimal(const db::PgResult &r, int row, const char *name)
{
    return r.toDecimal(row, name).value_or(Decimal());
}

wire::Recall summaryFrom(const db::PgResult &r, int i)
{
    wire::Recall s;
    s.id = r.toUuid(i, "id");
    s.reference = r.text(i, "reference");
    s.lotCode = r.text(i, "lot_code");
    s.lotType = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
    s.reason = r.text(i, "reason");
    s.status = recallStatusFromString(r.text(i, "status")).value_or(RecallStatus::OPEN);
    s.openedBy = r.text(i, "opened_by");
    s.openedAt = r.toDateTime(i, "opened_at");
    s.traceMs = decimal(r, i, "trace_ms");
    s.drill = r.toBool(i, "drill");
    s.closedBy = optText(r, i, "closed_by");
    if (!r.isNull(i, "closed_at"))
        s.closedAt = r.toDateTime(i, "closed_at");
    s.closeNote = optText(r, i, "close_note");
    s.lotCount = int(r.toInt(i, "lot_count"));
    s.heldCount = int(r.toInt(i, "held_count"));
    s.customerCount = int(r.toInt(i, "customer_count"));
    s.dispatchedKg = decimal(r, i, "dispatched_kg");
    return s;
}

} // namespace

std::optional<RecallRoot> RecallRepository::lockRoot(const QString &lotCode)
{
    const db::PgResult r =
        m_db.exec("SELECT id, lot_code FROM lots WHERE lot_code = $1 FOR UPDATE", {lotCode});
    if (r.rows() == 0)
        return std::nullopt;
    return RecallRoot{r.toUuid(0, "id"), r.text(0, "lot_code")};
}

std::optional<QString> RecallRepository::openRecallOf(const QUuid &lotId)
{
    const db::PgResult r =
        m_db.exec("SELECT reference FROM recalls WHERE root_lot_id = $1::uuid AND status = 'OPEN' "
                  "AND NOT drill",
                  {lotId});
    return r.rows() == 0 ? std::nullopt : std::optional(r.text(0, "reference"));
}

std::optional<QString> RecallRepository::referenceOf(const QUuid &recallId)
{
    const db::PgResult r =
        m_db.exec("SELECT reference FROM recalls WHERE id = $1::uuid", {recallId});
    return r.rows() == 0 ? std::nullopt : std::optional(r.text(0, "reference"));
}

void RecallRepository::open(const QUuid &id, const QUuid &rootLotId, const QString &reason,
                            const QUuid &by, bool drill)
{
    m_db.exec("SELECT recall_open($1::uuid, $2::uuid, $3, $4::uuid, $5::boolean)",
              {id, rootLotId, reason, by, drill});
}

QList<wire::Recall> RecallRepository::summaries(const QByteArray &where,
                                                const QList<db::SqlValue> &params)
{
    const db::PgResult r = m_db.exec(QByteArray(kSummaryColumns) + where, params);
    QList<wire::Recall> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(summaryFrom(r, i));
    return out;
}

QList<wire::Recall> RecallRepository::recalls(const std::optional<RecallStatus> &status,
                                              const std::optional<bool> &drill, int limit)
{
    return summaries("WHERE ($1::text IS NULL OR r.status = $1) "
                     "AND ($2::boolean IS NULL OR r.drill = $2::boolean) "
                     "ORDER BY r.opened_at DESC, r.number DESC LIMIT $3",
                     {status ? db::SqlValue(toString(*status)) : db::SqlValue(),
                      drill ? db::SqlValue(*drill) : db::SqlValue(), limit});
}

std::optional<wire::Recall> RecallRepository::recall(const QString &reference)
{
    const QList<wire::Recall> found = summaries("WHERE r.reference = $1", {reference});
    if (found.isEmpty())
        return std::nullopt;
    wire::Recall recall = found.first();
    const QUuid id = recall.id;

    const db::PgResult customers =
        m_db.exec("SELECT cu.customer_code, cu.name, cu.contact, cu.address, "
                  "count(DISTINCT y.shipment_id) AS shipments, count(DISTINCT y.lot_id) AS lots, "
                  "sum(y.quantity_kg) AS quantity_kg, "
                  "bool_or(y.shipment_status = 'DISPATCHED') AS dispatched "
                  "FROM recall_lines y JOIN shipments s ON s.id = y.shipment_id "
                  "JOIN customers cu ON cu.id = s.customer_id WHERE y.recall_id = $1::uuid "
                  "GROUP BY cu.id ORDER BY cu.customer_code COLLATE \"C\"",
                  {id});
    for (int i = 0; i < customers.rows(); ++i) {
        wire::RecallCustomer c;
        c.customerCode = customers.text(i, "customer_code");
        c.name = customers.text(i, "name");
        c.contact = optText(customers, i, "contact");
        c.address = optText(customers, i, "address");
        c.shipments = int(customers.toInt(i, "shipments"));
        c.lots = int(customers.toInt(i, "lots"));
        c.quantityKg = decimal(customers, i, "quantity_kg");
        c.dispatched = customers.toBool(i, "dispatched");
        recall.customers.append(c);
    }

    const db::PgResult lines = m_db.exec(
        "SELECT s.reference, s.ship_date, y.shipment_status, cu.customer_code, "
        "cu.name AS customer_name, t.ship_to_code, t.address AS ship_to_address, s.carrier, "
        "l.lot_code, y.quantity_kg "
        "FROM recall_lines y JOIN shipments s ON s.id = y.shipment_id "
        "JOIN customers cu ON cu.id = s.customer_id "
        "LEFT JOIN ship_to_locations t ON t.id = s.ship_to_id "
        "JOIN lots l ON l.id = y.lot_id WHERE y.recall_id = $1::uuid "
        "ORDER BY cu.customer_code COLLATE \"C\", s.ship_date, s.reference COLLATE \"C\", "
        "l.lot_code COLLATE \"C\"",
        {id});
    for (int i = 0; i < lines.rows(); ++i) {
        wire::RecallLine l;
        l.shipmentReference = lines.text(i, "reference");
        l.shipDate = QDate::fromString(lines.text(i, "ship_date"), Qt::ISODate);
        l.shipmentStatus = shipmentStatusFromString(lines.text(i, "shipment_status"))
                               .value_or(ShipmentStatus::OPEN);
        l.customerCode = lines.text(i, "customer_code");
        l.customerName = lines.text(i, "customer_name");
        l.shipToCode = optText(lines, i, "ship_to_code");
        l.shipToAddress = optText(lines, i, "ship_to_address");
        l.carrier = optText(lines, i, "carrier");
        l.lotCode = lines.text(i, "lot_code");
        l.quantityKg = decimal(lines, i, "quantity_kg");
        recall.shipments.append(l);
    }

    const db::PgResult lots = m_db.exec(
        "SELECT l.lot_code, l.lot_type, x.lvl, x.status_before, l.status, "
        "(h.lot_id IS NOT NULL) AS held, x.weight_kg, "
        "coalesce((SELECT sum(y.quantity_kg) FROM recall_lines y WHERE y.recall_id = x.recall_id "
        "AND y.lot_id = x.lot_id AND y.shipment_status = 'DISPATCHED'), 0) AS shipped_kg "
        "FROM recall_lots x JOIN lots l ON l.id = x.lot_id "
        "LEFT JOIN recall_holds h ON h.recall_id = x.recall_id AND h.lot_id = x.lot_id "
        "WHERE x.recall_id = $1::uuid ORDER BY x.lvl, l.lot_code COLLATE \"C\"",
        {id});
    for (int i = 0; i < lots.rows(); ++i) {
        wire::RecallLot l;
        l.lotCode = lots.text(i, "lot_code");
        l.lotType = lotTypeFromString(lots.text(i, "lot_type")).value_or(LotType::RAW);
        l.level = int(lots.toInt(i, "lvl"));
        l.statusBefore =
            lotStatusFromString(lots.text(i, "status_before")).value_or(LotStatus::CREATED);
        l.status = lotStatusFromString(lots.text(i, "status")).value_or(LotStatus::CREATED);
        l.held = lots.toBool(i, "held");
        l.weightKg = lots.toDecimal(i, "weight_kg");
        l.shippedKg = decimal(lots, i, "shipped_kg");
        recall.lots.append(l);
    }

    // The links between lots of the set that existed when the recall was opened.
    const db::PgResult inputs = m_db.exec(
        "SELECT p.lot_code AS parent_code, c.lot_code AS child_code, g.quantity_used_kg "
        "FROM recalls r JOIN recall_lots xp ON xp.recall_id = r.id "
        "JOIN lot_genealogy g ON g.parent_lot_id = xp.lot_id AND g.linked_at <= r.opened_at "
        "JOIN recall_lots xc ON xc.recall_id = r.id AND xc.lot_id = g.child_lot_id "
        "JOIN lots p ON p.id = g.parent_lot_id JOIN lots c ON c.id = g.child_lot_id "
        "WHERE r.id = $1::uuid ORDER BY xp.lvl, p.lot_code COLLATE \"C\", "
        "c.lot_code COLLATE \"C\"",
        {id});
    for (int i = 0; i < inputs.rows(); ++i)
        recall.inputs.append(wire::RecallInput{inputs.text(i, "parent_code"),
                                               inputs.text(i, "child_code"),
                                               decimal(inputs, i, "quantity_used_kg")});
    return recall;
}

namespace {

// The three kinds of critical tracking event, each as the SELECT list of a UNION ALL branch
// followed by its FROM: a receipt (rc, su: the lot's receipt and supplier), the making of a lot
// from others (l) and a shipment line (y: quantity_kg, shipment_id, lot_id). The plant assigned
// every code but a supplier's; "this plant" is the source of those.
constexpr const char *kReceivingEvents =
    "SELECT 1 AS step, 'RECEIVING' AS event, rc.supplier_lot_code AS tlc, "
    "su.name || coalesce(', ' || su.address, '') AS source, l.lot_type AS product, "
    "l.weight_kg AS quantity_kg, rc.received_on AS day, "
    "su.name || coalesce(', ' || su.address, '') AS location, "
    "coalesce(rc.delivery_note, '') AS document, '' AS inputs, l.lot_code AS plant_lot FROM ";
constexpr const char *kTransformationEvents =
    "SELECT 2, 'TRANSFORMATION', l.lot_code, 'this plant', l.lot_type, l.weight_kg, "
    "(l.created_at AT TIME ZONE 'UTC')::date, 'this plant', '', "
    "(SELECT string_agg(p.lot_code, ' ' ORDER BY p.lot_code COLLATE \"C\") "
    " FROM lot_genealogy g JOIN lots p ON p.id = g.parent_lot_id "
    " WHERE g.child_lot_id = l.id), l.lot_code FROM ";
constexpr const char *kMadeFromOthers =
    " AND EXISTS (SELECT 1 FROM lot_genealogy g WHERE g.child_lot_id = l.id) ";
constexpr const char *kShippingEvents =
    "SELECT 3, 'SHIPPING', l.lot_code, 'this plant', l.lot_type, y.quantity_kg, s.ship_date, "
    "cu.name || coalesce(', ' || coalesce(t.address, cu.address), ''), s.reference, '', "
    "l.lot_code FROM ";
constexpr const char *kShippingJoins =
    " JOIN shipments s ON s.id = y.shipment_id JOIN customers cu ON cu.id = s.customer_id "
    "LEFT JOIN ship_to_locations t ON t.id = s.ship_to_id JOIN lots l ON l.id = y.lot_id ";
constexpr const char *kEventOrder =
    ") e ORDER BY day, step, tlc COLLATE \"C\", document COLLATE \"C\", plant_lot COLLATE \"C\"";

QList<KdeEvent> readEvents(const db::PgResult &r)
{
    QList<KdeEvent> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        KdeEvent e;
        e.event = r.text(i, "event");
        e.traceabilityLotCode = r.text(i, "tlc");
        e.lotCodeSource = r.text(i, "source");
        e.product = r.text(i, "product");
        e.quantityKg = r.toDecimal(i, "quantity_kg");
        e.date = QDate::fromString(r.text(i, "day"), Qt::ISODate);
        e.location = r.text(i, "location");
        e.referenceDocument = r.text(i, "document");
        e.inputLots = r.text(i, "inputs");
        e.plantLotCode = r.text(i, "plant_lot");
        out.append(e);
    }
    return out;
}

} // namespace

QList<KdeEvent> RecallRepository::kdeEvents(const QUuid &recallId)
{
    const QByteArray sql =
        QByteArray("SELECT * FROM (") + kReceivingEvents +
        "recall_lots x JOIN lots l ON l.id = x.lot_id JOIN lot_receipts rc ON rc.lot_id = l.id "
        "JOIN suppliers su ON su.id = rc.supplier_id WHERE x.recall_id = $1::uuid "
        "UNION ALL " +
        kTransformationEvents +
        "recall_lots x JOIN lots l ON l.id = x.lot_id WHERE x.recall_id = $1::uuid" +
        kMadeFromOthers + "UNION ALL " + kShippingEvents + "recall_lines y" + kShippingJoins +
        "WHERE y.recall_id = $1::uuid" + kEventOrder;
    return readEvents(m_db.exec(sql.constData(), {recallId}));
}

QList<KdeEvent> RecallRepository::kdeEvents(LotType product, const QDate &from, const QDate &to)
{
    // Days are UTC days, as in the recall's table; each branch is one index range
    // (lot_receipts and shipments by date, lots by type and creation time).
    const QByteArray sql =
        QByteArray("SELECT * FROM (") + kReceivingEvents +
        "lot_receipts rc JOIN lots l ON l.id = rc.lot_id "
        "JOIN suppliers su ON su.id = rc.supplier_id WHERE l.lot_type = $1 "
        "AND rc.received_on BETWEEN $2::date AND $3::date "
        "UNION ALL " +
        kTransformationEvents +
        "lots l WHERE l.lot_type = $1 AND l.created_at >= $2::date AT TIME ZONE 'UTC' "
        "AND l.created_at < ($3::date + 1) AT TIME ZONE 'UTC'" +
        kMadeFromOthers + "UNION ALL " + kShippingEvents + "shipment_lines y" + kShippingJoins +
        "WHERE l.lot_type = $1 AND s.ship_date BETWEEN $2::date AND $3::date "
        "AND s.status <> 'CANCELLED'" +
        kEventOrder;
    return readEvents(m_db.exec(sql.constData(), {toString(product), from.toString(Qt::ISODate),
                                                  to.toString(Qt::ISODate)}));
}

bool RecallRepository::close(const QString &reference, const QUuid &by, const QString &note)
{
    return m_db.exec("UPDATE recalls SET status = 'CLOSED', closed_by = $2::uuid, "
                     "closed_at = now(), close_note = $3 WHERE reference = $1 AND status = 'OPEN'",
                     {reference, by, note})
               .affectedRows() == 1;
}

} // namespace flowviz::recalls
