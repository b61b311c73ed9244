#include "backend/lots/lotrepository.h"

#include <QJsonDocument>

#include <array>

namespace flowviz::lots {

namespace {

constexpr const char *kLotSelect =
    "SELECT l.id, l.lot_code, l.lot_type, l.status, l.production_run_id, r.run_code, "
    "l.operator_id, u.username AS operator, l.workstation_id, l.weight_kg, l.temperature_c, "
    "l.metadata, l.client_created_at, l.client_time_flagged, l.created_at, l.updated_at ";
constexpr const char *kLotJoins = "LEFT JOIN production_runs r ON r.id = l.production_run_id "
                                  "LEFT JOIN users u ON u.id = l.operator_id ";

QByteArray sql(const char *tail)
{
    return QByteArray(kLotSelect) + "FROM lots l " + kLotJoins + tail;
}

TemperatureProfile profileFromRow(const db::PgResult &r, int i, LotType type)
{
    TemperatureProfile p;
    p.lotType = type;
    p.tempMin = r.toDecimal(i, "temp_min_c").value_or(Decimal());
    p.tempMax = r.toDecimal(i, "temp_max_c").value_or(Decimal());
    p.tempMargin = r.toDecimal(i, "temp_margin_c").value_or(Decimal());
    p.weightMin = r.toDecimal(i, "weight_min_kg").value_or(Decimal());
    p.weightMax = r.toDecimal(i, "weight_max_kg").value_or(Decimal());
    p.weightMargin = r.toDecimal(i, "weight_margin_kg").value_or(Decimal());
    return p;
}

constexpr const char *kProfileColumns =
    "SELECT lot_type, temp_min_c, temp_max_c, temp_margin_c, weight_min_kg, weight_max_kg, "
    "weight_margin_kg FROM lot_profiles ";

std::optional<QUuid> optionalUuid(const db::PgResult &r, int i, const char *name)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<QUuid>(r.toUuid(i, name));
}

std::optional<QString> optionalText(const db::PgResult &r, int i, const char *name)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<QString>(r.text(i, name));
}

} // namespace

wire::Lot LotRepository::lotFromRow(const db::PgResult &r, int i)
{
    wire::Lot l;
    l.id = r.toUuid(i, "id");
    l.lotCode = r.text(i, "lot_code");
    l.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
    l.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
    l.productionRunId = optionalUuid(r, i, "production_run_id");
    l.runCode = optionalText(r, i, "run_code");
    l.operatorId = optionalUuid(r, i, "operator_id");
    l.operatorName = optionalText(r, i, "operator");
    l.workstationId = optionalText(r, i, "workstation_id");
    l.weightKg = r.toDecimal(i, "weight_kg");
    l.temperatureC = r.toDecimal(i, "temperature_c");
    l.metadata = r.jsonValue(i, "metadata").toObject();
    l.clientCreatedAt = r.toDateTime(i, "client_created_at");
    l.clientTimeFlagged = r.toBool(i, "client_time_flagged");
    l.createdAt = r.toDateTime(i, "created_at");
    l.updatedAt = r.toDateTime(i, "updated_at");
    return l;
}

db::PgDeferred<std::optional<wire::Lot>> LotRepository::byCode(const QString &code)
{
    return {m_db.queue(sql("WHERE l.lot_code = $1"), {code}), [](const db::PgResult &r) {
                return r.rows() == 0 ? std::nullopt : std::optional(lotFromRow(r, 0));
            }};
}

db::PgDeferred<QList<wire::LotLink>> LotRepository::parentsOf(const QString &code)
{
    return genealogy("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                     "lots c JOIN lot_genealogy g ON g.child_lot_id = c.id "
                     "JOIN lots l ON l.id = g.parent_lot_id "
                     "WHERE c.lot_code = $1 ORDER BY l.lot_code",
                     code);
}

db::PgDeferred<QList<wire::LotLink>> LotRepository::childrenOf(const QString &code)
{
    return genealogy("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                     "lots p JOIN lot_genealogy g ON g.parent_lot_id = p.id "
                     "JOIN lots l ON l.id = g.child_lot_id "
                     "WHERE p.lot_code = $1 ORDER BY l.lot_code",
                     code);
}

db::PgDeferred<QList<wire::LotLink>> LotRepository::genealogy(const char *query,
                                                              const QString &code)
{
    return {m_db.queue(query, {code}), [](const db::PgResult &r) {
                QList<wire::LotLink> out;
                for (int i = 0; i < r.rows(); ++i) {
                    wire::LotLink link;
                    link.lotCode = r.text(i, "lot_code");
                    link.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
                    link.status =
                        lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
                    link.quantityUsedKg = r.toDecimal(i, "quantity_used_kg").value_or(Decimal());
                    out.append(link);
                }
                return out;
            }};
}

db::PgDeferred<QList<ParentState>> LotRepository::lockParents(const QStringList &codes)
{
    if (codes.isEmpty())
        return db::PgDeferred<QList<ParentState>>(QList<ParentState>());
    const db::SqlValue array = db::SqlValue::textArray(codes);
    // Lock first (ordered), then read the drawn totals under the lock: the second statement
    // starts after the first has the locks, so it sees every draw committed before.
    m_db.queue("SELECT id FROM lots WHERE lot_code = ANY($1::text[]) ORDER BY id FOR UPDATE",
               {array});
    return {m_db.queue("SELECT l.id, l.lot_code, l.lot_type, l.status, l.weight_kg, "
                       "       coalesce((SELECT sum(g.quantity_used_kg) FROM lot_genealogy g "
                       "                 WHERE g.parent_lot_id = l.id), 0) AS drawn "
                       "FROM lots l WHERE l.lot_code = ANY($1::text[])",
                       {array}),
            [](const db::PgResult &r) {
                QList<ParentState> out;
                for (int i = 0; i < r.rows(); ++i) {
                    ParentState p;
                    p.id = r.toUuid(i, "id");
                    p.lotCode = r.text(i, "lot_code");
                    p.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
                    p.status =
                        lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
                    p.weightKg = r.toDecimal(i, "weight_kg");
                    p.drawnKg = r.toDecimal(i, "drawn").value_or(Decimal());
                    out.append(p);
                }
                return out;
            }};
}

db::PgDeferred<std::optional<wire::Lot>>
LotRepository::insert(const NewLot &lot, const QList<ParentLink> &parents,
                      const std::optional<wire::LotReceipt> &receipt, const QUuid &supplierId)
{
    QStringList parentIds;
    QStringList quantities;
    for (const ParentLink &p : parents) {
        parentIds << p.parentId.toString(QUuid::WithoutBraces);
        quantities << p.quantityKg.toString();
    }
    // insert_lot (migration 0005): a taken id or code inserts no row (and so no link), and
    // the transaction stays usable without a savepoint.
    QList<db::SqlValue> params{lot.id,
                               lot.lotCode,
                               toString(lot.type),
                               toString(lot.status),
                               lot.productionRunId,
                               lot.weightKg,
                               lot.temperatureC,
                               QJsonDocument(lot.metadata).toJson(QJsonDocument::Compact),
                               lot.operatorId,
                               lot.workstationId.isEmpty() ? db::SqlValue()
                                                           : db::SqlValue(lot.workstationId),
                               lot.clientCreatedAt,
                               lot.clientTimeFlagged,
                               db::SqlValue::textArray(parentIds),
                               db::SqlValue::textArray(quantities)};
    QByteArray query = "SELECT * FROM insert_lot($1::uuid, $2, $3, $4, $5::uuid, $6::numeric, "
                       "$7::numeric, $8::jsonb, $9::uuid, $10, $11::timestamptz, $12::boolean, "
                       "$13::uuid[], $14::numeric[])";
    if (receipt) {
        // The receipt's row is written from the function's answer: no answer (a taken id or
        // code), no receipt, so it can never land on someone else's lot.
        query = "WITH l AS (" + query +
                "), r AS (INSERT INTO lot_receipts (lot_id, supplier_id, supplier_lot_code, gtin, "
                "delivery_note, received_on, expires_on, units) SELECT l.id, $15::uuid, $16, "
                "$17, $18, $19::date, $20::date, $21::int FROM l) SELECT * FROM l";
        params << supplierId << receipt->supplierLotCode << receipt->gtin << receipt->deliveryNote
               << receipt->receivedOn << receipt->expiresOn << receipt->units;
    }
    return {m_db.queue(query, params), [](const db::PgResult &r) {
                return r.rows() == 0 ? std::nullopt : std::optional(lotFromRow(r, 0));
            }};
}

db::PgDeferred<QHash<QUuid, wire::Lot>> LotRepository::insertAll(const QList<LinkedLot> &lots)
{
    // One array per column, unnested side by side, and the links as three arrays; a taken id
    // or code inserts nothing, like insert_lot(). For the lots of a sync transaction this costs
    // PostgreSQL a fraction of as many insert_lot() calls (docs/performance.md).
    enum Column
    {
        Id,
        Code,
        Type,
        Status,
        Run,
        Weight,
        Temperature,
        Metadata,
        Operator,
        Workstation,
        ClientTime,
        Flagged,
        Child,
        Parent,
        Quantity,
        Columns
    };
    std::array<QList<db::SqlValue>, Columns> columns;
    for (const auto &[lot, links] : lots) {
        columns[Id] << lot.id;
        columns[Code] << lot.lotCode;
        columns[Type] << toString(lot.type);
        columns[Status] << toString(lot.status);
        columns[Run] << lot.productionRunId;
        columns[Weight] << lot.weightKg;
        columns[Temperature] << lot.temperatureC;
        columns[Metadata] << QJsonDocument(lot.metadata).toJson(QJsonDocument::Compact);
        columns[Operator] << lot.operatorId;
        columns[Workstation] << (lot.workstationId.isEmpty() ? db::SqlValue()
                                                             : db::SqlValue(lot.workstationId));
        columns[ClientTime] << lot.clientCreatedAt;
        columns[Flagged] << lot.clientTimeFlagged;
        for (const ParentLink &link : links) {
            columns[Child] << lot.id;
            columns[Parent] << link.parentId;
            columns[Quantity] << link.quantityKg;
        }
    }
    QList<db::SqlValue> params;
    for (const QList<db::SqlValue> &column : columns)
        params << db::SqlValue::array(column);
    const QByteArray query =
        QByteArray("WITH l AS (INSERT INTO lots (id, lot_code, lot_type, status, "
                   "production_run_id, weight_kg, temperature_c, metadata, operator_id, "
                   "workstation_id, client_created_at, client_time_flagged) "
                   "SELECT n.id, n.lot_code, n.lot_type, n.status, n.production_run_id, "
                   "n.weight_kg, n.temperature_c, n.metadata, n.operator_id, n.workstation_id, "
                   "n.client_created_at, n.client_time_flagged "
                   "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], "
                   "$6::numeric[], $7::numeric[], $8::jsonb[], $9::uuid[], $10::text[], "
                   "$11::timestamptz[], $12::boolean[]) WITH ORDINALITY AS n (id, lot_code, "
                   "lot_type, status, production_run_id, weight_kg, temperature_c, metadata, "
                   "operator_id, workstation_id, client_created_at, client_time_flagged, ord) "
                   "ORDER BY n.ord ON CONFLICT DO NOTHING RETURNING *), "
                   "g AS (INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, "
                   "quantity_used_kg) SELECT p.parent_id, l.id, p.quantity_kg "
                   "FROM unnest($13::uuid[], $14::uuid[], $15::numeric[]) WITH ORDINALITY "
                   "AS p (child_id, parent_id, quantity_kg, ord) JOIN l ON l.id = p.child_id "
                   "ORDER BY p.ord) ") +
        kLotSelect + "FROM l " + kLotJoins;
    return {m_db.queue(query, params), [](const db::PgResult &r) {
                QHash<QUuid, wire::Lot> stored;
                for (int i = 0; i < r.rows(); ++i) {
                    const wire::Lot lot = lotFromRow(r, i);
                    stored.insert(lot.id, lot);
                }
                return stored;
            }};
}

db::PgDeferred<std::optional<wire::LotReceipt>> LotRepository::receiptOf(const QString &code)
{
    return {m_db.queue("SELECT s.supplier_code, s.name AS supplier_name, r.supplier_lot_code, "
                       "r.gtin, r.delivery_note, r.received_on, r.expires_on, r.units "
                       "FROM lots l JOIN lot_receipts r ON r.lot_id = l.id "
                       "JOIN suppliers s ON s.id = r.supplier_id WHERE l.lot_code = $1",
                       {code}),
            [](const db::PgResult &r) {
                return r.rows() == 0 ? std::nullopt : std::optional(receiptFromRow(r, 0));
            }};
}

db::PgDeferred<std::optional<SupplierRef>> LotRepository::findSupplier(const QString &code)
{
    return {m_db.queue("SELECT id, supplier_code, name, active FROM suppliers "
                       "WHERE supplier_code = $1",
                       {code}),
            [](const db::PgResult &r) -> std::optional<SupplierRef> {
                if (r.rows() == 0)
                    return std::nullopt;
                return SupplierRef{r.toUuid(0, "id"), r.text(0, "supplier_code"), r.text(0, "name"),
                                   r.toBool(0, "active")};
            }};
}

wire::LotReceipt LotRepository::receiptFromRow(const db::PgResult &r, int i)
{
    wire::LotReceipt receipt;
    receipt.supplierCode = r.text(i, "supplier_code");
    receipt.supplierName = optionalText(r, i, "supplier_name");
    receipt.supplierLotCode = r.text(i, "supplier_lot_code");
    receipt.gtin = optionalText(r, i, "gtin");
    receipt.deliveryNote = optionalText(r, i, "delivery_note");
    receipt.receivedOn = QDate::fromString(r.text(i, "received_on"), Qt::ISODate);
    if (!r.isNull(i, "expires_on"))
        receipt.expiresOn = QDate::fromString(r.text(i, "expires_on"), Qt::ISODate);
    if (!r.isNull(i, "units"))
        receipt.units = int(r.toInt(i, "units"));
    return receipt;
}

bool LotRepository::idTaken(const QUuid &id)
{
    return m_db.exec("SELECT 1 FROM lots WHERE id = $1::uuid", {id}).rows() > 0;
}

QList<wire::Lot> LotRepository::list(const LotFilter &f)
{
    // Every filter is a parameter; a NULL parameter switches its condition off. The indexes
    // on (created_at, id), (lot_type, ...), (status, ...) and (production_run_id, ...) serve
    // the keyset order.
    const db::PgResult r = m_db.exec(
        sql("WHERE ($1::text IS NULL OR l.lot_type = $1) "
            "AND ($2::text IS NULL OR l.status = $2) "
            "AND ($3::text IS NULL OR r.run_code = $3) "
            "AND ($4::timestamptz IS NULL OR l.created_at >= $4) "
            "AND ($5::timestamptz IS NULL OR l.created_at < $5) "
            "AND ($6::text IS NULL OR l.lot_code LIKE replace(replace(replace($6, '\\', '\\\\'), "
            "'%', '\\%'), '_', '\\_') || '%') "
            "AND ($7::timestamptz IS NULL OR (l.created_at, l.id) < ($7, $8::uuid)) "
            "ORDER BY l.created_at DESC, l.id DESC LIMIT $9::int"),
        {f.type ? db::SqlValue(toString(*f.type)) : db::SqlValue(),
         f.status ? db::SqlValue(toString(*f.status)) : db::SqlValue(),
         f.runCode.isEmpty() ? db::SqlValue() : db::SqlValue(f.runCode), f.createdFrom, f.createdTo,
         f.codePrefix.isEmpty() ? db::SqlValue() : db::SqlValue(f.codePrefix), f.afterCreatedAt,
         f.afterCreatedAt.isValid() ? db::SqlValue(f.afterId) : db::SqlValue(), f.limit});
    QList<wire::Lot> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(lotFromRow(r, i));
    return out;
}

db::PgDeferred<std::optional<RunRef>> LotRepository::findRun(const std::optional<QUuid> &id,
                                                             const QString &code)
{
    const auto pending =
        id ? m_db.queue("SELECT id, run_code, status FROM production_runs WHERE id = $1::uuid",
                        {*id})
           : m_db.queue("SELECT id, run_code, status FROM production_runs WHERE run_code = $1",
                        {code});
    return {pending, [](const db::PgResult &r) -> std::optional<RunRef> {
                if (r.rows() == 0)
                    return std::nullopt;
                return RunRef{r.toUuid(0, "id"), r.text(0, "run_code"),
                              runStatusFromString(r.text(0, "status")).value_or(RunStatus::ACTIVE)};
            }};
}

db::PgDeferred<QHash<LotType, TemperatureProfile>> LotRepository::profiles()
{
    return {m_db.queue(kProfileColumns), [](const db::PgResult &r) {
                QHash<LotType, TemperatureProfile> out;
                for (int i = 0; i < r.rows(); ++i) {
                    if (const auto type = lotTypeFromString(r.text(i, "lot_type")))
                        out.insert(*type, profileFromRow(r, i, *type));
                }
                return out;
            }};
}

db::PgDeferred<std::optional<TemperatureProfile>> LotRepository::profile(LotType type)
{
    return {m_db.queue(QByteArray(kProfileColumns) + "WHERE lot_type = $1", {toString(type)}),
            [type](const db::PgResult &r) {
                return r.rows() == 0 ? std::nullopt : std::optional(profileFromRow(r, 0, type));
            }};
}

bool LotRepository::updateProfile(const TemperatureProfile &p, const QUuid &by)
{
    const db::PgResult r = m_db.exec(
        "UPDATE lot_profiles SET temp_min_c = $2::numeric, temp_max_c = $3::numeric, "
        "temp_margin_c = $4::numeric, weight_min_kg = $5::numeric, weight_max_kg = $6::numeric, "
        "weight_margin_kg = $7::numeric, updated_at = now(), updated_by = $8::uuid "
        "WHERE lot_type = $1",
        {toString(p.lotType), p.tempMin, p.tempMax, p.tempMargin, p.weightMin, p.weightMax,
         p.weightMargin, by});
    return r.affectedRows() == 1;
}

} // namespace flowviz::lots
