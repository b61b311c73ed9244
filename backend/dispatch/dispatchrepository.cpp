#include "backend/dispatch/dispatchrepository.h"

#include <QJsonArray>

namespace flowviz::dispatch {

namespace {

constexpr const char *kCustomerColumns =
    "SELECT c.id, c.customer_code, c.name, c.address, c.contact, c.active, c.created_at, "
    "coalesce((SELECT jsonb_agg(jsonb_build_object('ship_to_code', t.ship_to_code, 'name', "
    "t.name, 'address', t.address, 'active', t.active) ORDER BY t.ship_to_code) "
    "FROM ship_to_locations t WHERE t.customer_id = c.id), '[]') AS ship_to FROM customers c ";

constexpr const char *kShipmentColumns =
    "SELECT s.id, s.reference, c.customer_code, c.name AS customer_name, t.ship_to_code, "
    "s.ship_date, s.carrier, s.status, s.created_at, s.dispatched_at, "
    "(SELECT count(*) FROM shipment_lines l WHERE l.shipment_id = s.id) AS line_count, "
    "(SELECT coalesce(sum(l.quantity_kg), 0) FROM shipment_lines l WHERE l.shipment_id = s.id) "
    "AS total_kg FROM shipments s JOIN customers c ON c.id = s.customer_id "
    "LEFT JOIN ship_to_locations t ON t.id = s.ship_to_id ";

std::optional<QString> optionalText(const db::PgResult &r, int i, const char *name)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<QString>(r.text(i, name));
}

wire::Customer customerFromRow(const db::PgResult &r, int i)
{
    wire::Customer c;
    c.id = r.toUuid(i, "id");
    c.customerCode = r.text(i, "customer_code");
    c.name = r.text(i, "name");
    c.address = optionalText(r, i, "address");
    c.contact = optionalText(r, i, "contact");
    c.active = r.toBool(i, "active");
    c.createdAt = r.toDateTime(i, "created_at");
    for (const QJsonValue &v : r.jsonValue(i, "ship_to").toArray())
        c.shipTo.append(wire::ShipTo::fromJson(v.toObject()));
    return c;
}

wire::Shipment shipmentFromRow(const db::PgResult &r, int i)
{
    wire::Shipment s;
    s.id = r.toUuid(i, "id");
    s.reference = r.text(i, "reference");
    s.customerCode = r.text(i, "customer_code");
    s.customerName = r.text(i, "customer_name");
    s.shipToCode = optionalText(r, i, "ship_to_code");
    s.shipDate = QDate::fromString(r.text(i, "ship_date"), Qt::ISODate);
    s.carrier = optionalText(r, i, "carrier");
    s.status = shipmentStatusFromString(r.text(i, "status")).value_or(ShipmentStatus::OPEN);
    s.createdAt = r.toDateTime(i, "created_at");
    if (!r.isNull(i, "dispatched_at"))
        s.dispatchedAt = r.toDateTime(i, "dispatched_at");
    return s;
}

} // namespace

bool DispatchRepository::insertCustomer(const wire::CreateCustomer &c, const QUuid &id,
                                        const QUuid &by)
{
    const db::PgResult r =
        m_db.exec("INSERT INTO customers (id, customer_code, name, address, contact, created_by) "
                  "VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid) ON CONFLICT DO NOTHING",
                  {id, c.customerCode, c.name, c.address, c.contact, by});
    if (r.affectedRows() != 1)
        return false;
    for (const wire::ShipTo &place : c.shipTo)
        insertShipTo(id, place);
    return true;
}

std::optional<wire::Customer> DispatchRepository::customer(const QString &code)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kCustomerColumns) + "WHERE c.customer_code = $1", {code});
    return r.rows() == 0 ? std::nullopt : std::optional(customerFromRow(r, 0));
}

std::optional<CustomerRef> DispatchRepository::customerRef(const QString &code)
{
    const db::PgResult r =
        m_db.exec("SELECT id, active FROM customers WHERE customer_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return CustomerRef{r.toUuid(0, "id"), r.toBool(0, "active")};
}

QList<wire::Customer> DispatchRepository::customers(const std::optional<bool> &active)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kCustomerColumns) + "WHERE ($1::boolean IS NULL OR c.active = $1) "
                                                 "ORDER BY c.customer_code",
                  {active});
    QList<wire::Customer> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(customerFromRow(r, i));
    return out;
}

bool DispatchRepository::updateCustomer(const QString &code, const CustomerChange &c)
{
    const db::PgResult r = m_db.exec(
        "UPDATE customers SET name = coalesce($2, name), "
        "address = CASE WHEN $3::boolean THEN $4 ELSE address END, "
        "contact = CASE WHEN $5::boolean THEN $6 ELSE contact END, "
        "active = coalesce($7::boolean, active), updated_at = now() WHERE customer_code = $1",
        {code, c.name, c.address.has_value(), c.address.value_or(std::nullopt),
         c.contact.has_value(), c.contact.value_or(std::nullopt), c.active});
    return r.affectedRows() == 1;
}

bool DispatchRepository::insertShipTo(const QUuid &customerId, const wire::ShipTo &place)
{
    const db::PgResult r =
        m_db.exec("INSERT INTO ship_to_locations (customer_id, ship_to_code, name, address) "
                  "VALUES ($1::uuid, $2, $3, $4) ON CONFLICT DO NOTHING",
                  {customerId, place.shipToCode, place.name, place.address});
    return r.affectedRows() == 1;
}

std::optional<QUuid> DispatchRepository::shipToId(const QUuid &customerId,
                                                  const QString &shipToCode)
{
    const db::PgResult r = m_db.exec("SELECT id FROM ship_to_locations WHERE customer_id = "
                                     "$1::uuid AND ship_to_code = $2 AND active",
                                     {customerId, shipToCode});
    return r.rows() == 0 ? std::nullopt : std::optional(r.toUuid(0, "id"));
}

std::optional<ShippableLot> DispatchRepository::shippableLot(const QString &code, RowLock lock)
{
    // The lock first (its own statement), then what is shipped and reviewed, read under it.
    const db::PgResult locked =
        lock == RowLock::ForUpdate
            ? m_db.exec("SELECT id, lot_code, lot_type, status, weight_kg FROM lots "
                        "WHERE lot_code = $1 FOR UPDATE",
                        {code})
            : m_db.exec("SELECT id, lot_code, lot_type, status, weight_kg FROM lots "
                        "WHERE lot_code = $1",
                        {code});
    if (locked.rows() == 0)
        return std::nullopt;
    ShippableLot lot;
    lot.id = locked.toUuid(0, "id");
    lot.lotCode = locked.text(0, "lot_code");
    lot.type = lotTypeFromString(locked.text(0, "lot_type")).value_or(LotType::RAW);
    lot.status = lotStatusFromString(locked.text(0, "status")).value_or(LotStatus::CREATED);
    lot.weightKg = locked.toDecimal(0, "weight_kg");
    const db::PgResult r = m_db.exec(
        "SELECT (SELECT coalesce(sum(l.quantity_kg), 0) FROM shipment_lines l JOIN shipments s "
        "ON s.id = l.shipment_id WHERE l.lot_id = $1::uuid AND s.status <> 'CANCELLED') "
        "AS shipped_kg, "
        "EXISTS (SELECT 1 FROM ccp_reviews v WHERE v.lot_id = $1::uuid) AS reviewed, "
        "EXISTS (SELECT 1 FROM ccp_reviews v WHERE v.lot_id = $1::uuid "
        "AND v.records_digest = ccp_records_digest($1::uuid)) AS review_current",
        {lot.id});
    lot.shippedKg = r.toDecimal(0, "shipped_kg").value_or(Decimal());
    lot.reviewed = r.toBool(0, "reviewed");
    lot.reviewCurrent = r.toBool(0, "review_current");
    return lot;
}

QList<wire::CcpRecord> DispatchRepository::ccpRecords(const QUuid &lotId)
{
    const db::PgResult r = m_db.exec(
        "SELECT d.id, l.lot_code, g.gate_number, d.decision, d.temperature_c, d.deviation, "
        "u.username, d.decided_at FROM ccp_records($1::uuid) d JOIN lots l ON l.id = d.lot_id "
        "JOIN qc_gates g ON g.id = d.qc_gate_id JOIN users u ON u.id = d.operator_id "
        "ORDER BY d.decided_at, d.id",
        {lotId});
    QList<wire::CcpRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
        wire::CcpRecord c;
        c.decisionId = r.toUuid(i, "id");
        c.lotCode = r.text(i, "lot_code");
        c.gateNumber = int(r.toInt(i, "gate_number"));
        c.decision = decisionFromString(r.text(i, "decision")).value_or(Decision::HOLD);
        c.temperatureC = r.toDecimal(i, "temperature_c");
        c.deviation = r.toBool(i, "deviation");
        c.recordedBy = r.text(i, "username");
        c.decidedAt = r.toDateTime(i, "decided_at");
        out.append(c);
    }
    return out;
}

QByteArray DispatchRepository::ccpRecordsDigest(const QUuid &lotId)
{
    const db::PgResult r =
        m_db.exec("SELECT encode(ccp_records_digest($1::uuid), 'hex') AS digest", {lotId});
    return QByteArray::fromHex(r.text(0, "digest").toLatin1());
}

QList<QUuid> DispatchRepository::ccpRecordMakers(const QUuid &lotId)
{
    const db::PgResult r =
        m_db.exec("SELECT DISTINCT u AS id FROM ccp_records($1::uuid) d, "
                  "unnest(ARRAY[d.operator_id, d.signer_id]) u WHERE u IS NOT NULL",
                  {lotId});
    QList<QUuid> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(r.toUuid(i, "id"));
    return out;
}

QList<wire::CcpReview> DispatchRepository::reviews(const QUuid &lotId)
{
    const db::PgResult r = m_db.exec(
        "SELECT v.id, l.lot_code, u.username AS reviewer, v.record_count, "
        "encode(v.records_digest, 'hex') AS digest, v.notes, s.username AS signer, "
        "s.full_name AS signer_name, v.signature_meaning, v.signed_at, v.reviewed_at, "
        "v.records_digest = ccp_records_digest(v.lot_id) AS current "
        "FROM ccp_reviews v JOIN lots l ON l.id = v.lot_id JOIN users u ON u.id = v.reviewer_id "
        "JOIN users s ON s.id = v.signer_id WHERE v.lot_id = $1::uuid "
        "ORDER BY v.reviewed_at DESC, v.id",
        {lotId});
    QList<wire::CcpReview> out;
    for (int i = 0; i < r.rows(); ++i) {
        wire::CcpReview v;
        v.id = r.toUuid(i, "id");
        v.lotCode = r.text(i, "lot_code");
        v.reviewer = r.text(i, "reviewer");
        v.recordCount = int(r.toInt(i, "record_count"));
        v.recordsDigest = r.text(i, "digest");
        v.notes = r.text(i, "notes");
        const QString name = r.text(i, "signer_name");
        v.signature = QStringLiteral("%1 (%2) signed %3: %4")
                          .arg(name.isEmpty() ? r.text(i, "signer") : name, r.text(i, "signer"),
                               r.toDateTime(i, "signed_at")
                                   .toUTC()
                                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")),
                               r.text(i, "signature_meaning"));
        v.reviewedAt = r.toDateTime(i, "reviewed_at");
        v.current = r.toBool(i, "current");
        out.append(v);
    }
    return out;
}

bool DispatchRepository::insertReview(const NewReview &v)
{
    const db::PgResult r = m_db.exec(
        "INSERT INTO ccp_reviews (id, lot_id, reviewer_id, record_count, records_digest, notes, "
        "signer_id, signing_key_id, signature, record_hash, signature_meaning, client_signed_at, "
        "signed_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, decode($5, 'hex'), $6, "
        "$7::uuid, $8::uuid, decode($9, 'hex'), decode($10, 'hex'), $11, $12::timestamptz, "
        "$13::timestamptz) ON CONFLICT DO NOTHING",
        {v.id, v.lotId, v.reviewerId, v.recordCount, v.recordsDigest.toHex(), v.notes, v.signerId,
         v.signingKeyId, v.signature.toHex(), v.recordHash.toHex(), v.meaning, v.clientSignedAt,
         v.signedAt});
    return r.affectedRows() == 1;
}

bool DispatchRepository::insertShipment(const QUuid &id, const wire::CreateShipment &s,
                                        const QUuid &customerId,
                                        const std::optional<QUuid> &shipToId, const QUuid &by)
{
    const db::PgResult r = m_db.exec(
        "INSERT INTO shipments (id, reference, customer_id, ship_to_id, ship_date, carrier, "
        "created_by) VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5::date, $6, $7::uuid) "
        "ON CONFLICT DO NOTHING",
        {id, s.reference, customerId, shipToId, s.shipDate, s.carrier, by});
    return r.affectedRows() == 1;
}

std::optional<ShipmentRow> DispatchRepository::lockShipment(const QString &reference)
{
    const db::PgResult r =
        m_db.exec("SELECT id, status FROM shipments WHERE reference = $1 FOR UPDATE", {reference});
    if (r.rows() == 0)
        return std::nullopt;
    return ShipmentRow{
        r.toUuid(0, "id"),
        shipmentStatusFromString(r.text(0, "status")).value_or(ShipmentStatus::OPEN)};
}

std::optional<wire::Shipment> DispatchRepository::shipment(const QString &reference)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kShipmentColumns) + "WHERE s.reference = $1", {reference});
    if (r.rows() == 0)
        return std::nullopt;
    wire::Shipment s = shipmentFromRow(r, 0);
    const db::PgResult lines =
        m_db.exec("SELECT l.lot_code, sl.quantity_kg, sl.added_at FROM shipment_lines sl "
                  "JOIN lots l ON l.id = sl.lot_id WHERE sl.shipment_id = $1::uuid "
                  "ORDER BY sl.added_at, l.lot_code COLLATE \"C\"",
                  {s.id});
    for (int i = 0; i < lines.rows(); ++i)
        s.lines.append(wire::ShipmentLine{lines.text(i, "lot_code"),
                                          lines.toDecimal(i, "quantity_kg").value_or(Decimal()),
                                          lines.toDateTime(i, "added_at")});
    return s;
}

QList<QJsonObject> DispatchRepository::shipments(const std::optional<ShipmentStatus> &status,
                                                 const QString &customerCode, int limit)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kShipmentColumns) +
                      "WHERE ($1::text IS NULL OR s.status = $1) AND ($2::text IS NULL OR "
                      "c.customer_code = $2) ORDER BY s.ship_date DESC, s.reference COLLATE \"C\" "
                      "LIMIT $3::int",
                  {status ? db::SqlValue(toString(*status)) : db::SqlValue(),
                   customerCode.isEmpty() ? db::SqlValue() : db::SqlValue(customerCode), limit});
    QList<QJsonObject> out;
    for (int i = 0; i < r.rows(); ++i) {
        QJsonObject o = shipmentFromRow(r, i).toJson();
        o.remove(QStringLiteral("lines"));
        o.insert(QStringLiteral("line_count"), int(r.toInt(i, "line_count")));
        o.insert(QStringLiteral("total_kg"), r.decimalJson(i, "total_kg"));
        out.append(o);
    }
    return out;
}

bool DispatchRepository::lineExists(const QUuid &shipmentId, const QUuid &lotId)
{
    return m_db.exec("SELECT 1 FROM shipment_lines WHERE shipment_id = $1::uuid AND lot_id = "
                     "$2::uuid",
                     {shipmentId, lotId})
               .rows() == 1;
}

void DispatchRepository::insertLine(const QUuid &shipmentId, const QUuid &lotId,
                                    const Decimal &quantityKg, const QUuid &by)
{
    m_db.exec("INSERT INTO shipment_lines (shipment_id, lot_id, quantity_kg, added_by) "
              "VALUES ($1::uuid, $2::uuid, $3::numeric, $4::uuid)",
              {shipmentId, lotId, quantityKg, by});
}

bool DispatchRepository::deleteLine(const QUuid &shipmentId, const QString &lotCode)
{
    return m_db.exec("DELETE FROM shipment_lines sl USING lots l WHERE l.id = sl.lot_id AND "
                     "sl.shipment_id = $1::uuid AND l.lot_code = $2",
                     {shipmentId, lotCode})
               .affectedRows() == 1;
}

QStringList DispatchRepository::lineLots(const QUuid &shipmentId)
{
    const db::PgResult r =
        m_db.exec("SELECT l.lot_code FROM shipment_lines sl JOIN lots l ON l.id = sl.lot_id "
                  "WHERE sl.shipment_id = $1::uuid ORDER BY l.lot_code COLLATE \"C\"",
                  {shipmentId});
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << r.text(i, "lot_code");
    return out;
}

void DispatchRepository::setDispatched(const QUuid &shipmentId, const QUuid &by)
{
    m_db.exec("UPDATE shipments SET status = 'DISPATCHED', dispatched_at = now(), "
              "dispatched_by = $2::uuid, updated_at = now() WHERE id = $1::uuid",
              {shipmentId, by});
}

void DispatchRepository::setCancelled(const QUuid &shipmentId)
{
    m_db.exec("UPDATE shipments SET status = 'CANCELLED', cancelled_at = now(), "
              "updated_at = now() WHERE id = $1::uuid",
              {shipmentId});
}

} // namespace flowviz::dispatch
