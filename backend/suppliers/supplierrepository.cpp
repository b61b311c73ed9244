#include "backend/suppliers/supplierrepository.h"

#include "backend/lots/lotrepository.h"

namespace flowviz::suppliers {

namespace {

constexpr const char *kColumns =
    "SELECT id, supplier_code, name, address, contact, active, created_at FROM suppliers ";

std::optional<QString> optionalText(const db::PgResult &r, int i, const char *name)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<QString>(r.text(i, name));
}

wire::Supplier fromRow(const db::PgResult &r, int i)
{
    wire::Supplier s;
    s.id = r.toUuid(i, "id");
    s.supplierCode = r.text(i, "supplier_code");
    s.name = r.text(i, "name");
    s.address = optionalText(r, i, "address");
    s.contact = optionalText(r, i, "contact");
    s.active = r.toBool(i, "active");
    s.createdAt = r.toDateTime(i, "created_at");
    return s;
}

} // namespace

bool SupplierRepository::insert(const wire::CreateSupplier &s, const QUuid &id, const QUuid &by)
{
    const db::PgResult r =
        m_db.exec("INSERT INTO suppliers (id, supplier_code, name, address, contact, created_by) "
                  "VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid) ON CONFLICT DO NOTHING",
                  {id, s.supplierCode, s.name, s.address, s.contact, by});
    return r.affectedRows() == 1;
}

std::optional<wire::Supplier> SupplierRepository::find(const QString &code)
{
    const db::PgResult r = m_db.exec(QByteArray(kColumns) + "WHERE supplier_code = $1", {code});
    return r.rows() == 0 ? std::nullopt : std::optional(fromRow(r, 0));
}

QList<wire::Supplier> SupplierRepository::list(const std::optional<bool> &active)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kColumns) + "WHERE ($1::boolean IS NULL OR active = $1) "
                                         "ORDER BY supplier_code",
                  {active});
    QList<wire::Supplier> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(fromRow(r, i));
    return out;
}

bool SupplierRepository::update(const QString &code, const SupplierChange &c)
{
    // $n IS NULL keeps a column; for the nullable ones a second flag says "set it (to NULL)".
    const db::PgResult r = m_db.exec(
        "UPDATE suppliers SET name = coalesce($2, name), "
        "address = CASE WHEN $3::boolean THEN $4 ELSE address END, "
        "contact = CASE WHEN $5::boolean THEN $6 ELSE contact END, "
        "active = coalesce($7::boolean, active), updated_at = now() WHERE supplier_code = $1",
        {code, c.name, c.address.has_value(), c.address.value_or(std::nullopt),
         c.contact.has_value(), c.contact.value_or(std::nullopt), c.active});
    return r.affectedRows() == 1;
}

QList<wire::ReceivedLot> SupplierRepository::receivedLots(const QString &code,
                                                          const QString &supplierLotCode, int limit)
{
    const db::PgResult r = m_db.exec(
        "SELECT l.lot_code, l.status, l.weight_kg, s.supplier_code, s.name AS supplier_name, "
        "r.supplier_lot_code, r.gtin, r.delivery_note, r.received_on, r.expires_on, r.units "
        "FROM suppliers s JOIN lot_receipts r ON r.supplier_id = s.id "
        "JOIN lots l ON l.id = r.lot_id "
        "WHERE s.supplier_code = $1 AND ($2::text IS NULL OR r.supplier_lot_code = $2) "
        "ORDER BY r.received_on DESC, l.lot_code LIMIT $3::int",
        {code, supplierLotCode.isEmpty() ? db::SqlValue() : db::SqlValue(supplierLotCode), limit});
    QList<wire::ReceivedLot> out;
    for (int i = 0; i < r.rows(); ++i) {
        wire::ReceivedLot l;
        l.lotCode = r.text(i, "lot_code");
        l.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
        l.weightKg = r.toDecimal(i, "weight_kg");
        l.receipt = lots::LotRepository::receiptFromRow(r, i);
        out.append(std::move(l));
    }
    return out;
}

} // namespace flowviz::suppliers
