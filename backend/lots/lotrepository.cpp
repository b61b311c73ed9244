#include "backend/lots/lotrepository.h"

#include <QJsonDocument>

namespace flowviz::lots {

namespace {

constexpr const char *kLotColumns =
    "SELECT l.id, l.lot_code, l.lot_type, l.status, l.production_run_id, r.run_code, "
    "l.operator_id, u.username AS operator, l.workstation_id, l.weight_kg, l.temperature_c, "
    "l.metadata, l.client_created_at, l.client_time_flagged, l.created_at, l.updated_at "
    "FROM lots l LEFT JOIN production_runs r ON r.id = l.production_run_id "
    "LEFT JOIN users u ON u.id = l.operator_id ";

QByteArray sql(const char *tail)
{
    return QByteArray(kLotColumns) + tail;
}

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

std::optional<wire::Lot> LotRepository::byCode(const QString &code)
{
    const db::PgResult r = m_db.exec(sql("WHERE l.lot_code = $1"), {code});
    if (r.rows() == 0)
        return std::nullopt;
    return lotFromRow(r, 0);
}

std::optional<wire::Lot> LotRepository::byId(const QUuid &id)
{
    const db::PgResult r = m_db.exec(sql("WHERE l.id = $1::uuid"), {id});
    if (r.rows() == 0)
        return std::nullopt;
    return lotFromRow(r, 0);
}

QList<wire::LotLink> LotRepository::parentsOf(const QUuid &id)
{
    return genealogy("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                     "lot_genealogy g JOIN lots l ON l.id = g.parent_lot_id "
                     "WHERE g.child_lot_id = $1::uuid ORDER BY l.lot_code",
                     id);
}

QList<wire::LotLink> LotRepository::childrenOf(const QUuid &id)
{
    return genealogy("SELECT l.lot_code, l.lot_type, l.status, g.quantity_used_kg FROM "
                     "lot_genealogy g JOIN lots l ON l.id = g.child_lot_id "
                     "WHERE g.parent_lot_id = $1::uuid ORDER BY l.lot_code",
                     id);
}

QList<wire::LotLink> LotRepository::genealogy(const char *query, const QUuid &id)
{
    const db::PgResult r = m_db.exec(query, {id});
    QList<wire::LotLink> out;
    for (int i = 0; i < r.rows(); ++i) {
        wire::LotLink link;
        link.lotCode = r.text(i, "lot_code");
        link.type = lotTypeFromString(r.text(i, "lot_type")).value_or(LotType::RAW);
        link.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
        link.quantityUsedKg = r.toDecimal(i, "quantity_used_kg").value_or(Decimal());
        out.append(link);
    }
    return out;
}

std::optional<QUuid> LotRepository::idByCode(const QString &code)
{
    const db::PgResult r = m_db.exec("SELECT id FROM lots WHERE lot_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return r.toUuid(0, "id");
}

QList<ParentState> LotRepository::lockParents(const QStringList &codes)
{
    QList<ParentState> out;
    if (codes.isEmpty())
        return out;
    const db::SqlValue array = db::SqlValue::textArray(codes);
    // Lock first (ordered), then read the drawn totals under the lock.
    m_db.exec("SELECT id FROM lots WHERE lot_code = ANY($1::text[]) ORDER BY id FOR UPDATE",
              {array});
    const db::PgResult r =
        m_db.exec("SELECT l.id, l.lot_code, l.status, l.weight_kg, "
                  "       coalesce((SELECT sum(g.quantity_used_kg) FROM lot_genealogy g "
                  "                 WHERE g.parent_lot_id = l.id), 0) AS drawn "
                  "FROM lots l WHERE l.lot_code = ANY($1::text[])",
                  {array});
    for (int i = 0; i < r.rows(); ++i) {
        ParentState p;
        p.id = r.toUuid(i, "id");
        p.lotCode = r.text(i, "lot_code");
        p.status = lotStatusFromString(r.text(i, "status")).value_or(LotStatus::CREATED);
        p.weightKg = r.toDecimal(i, "weight_kg");
        p.drawnKg = r.toDecimal(i, "drawn").value_or(Decimal());
        out.append(p);
    }
    return out;
}

void LotRepository::insert(const NewLot &lot)
{
    m_db.exec("INSERT INTO lots (id, lot_code, lot_type, status, production_run_id, weight_kg, "
              "temperature_c, metadata, operator_id, workstation_id, client_created_at, "
              "client_time_flagged) "
              "VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6::numeric, $7::numeric, $8::jsonb, "
              "$9::uuid, $10, $11::timestamptz, $12::boolean)",
              {lot.id, lot.lotCode, toString(lot.type), toString(lot.status), lot.productionRunId,
               lot.weightKg, lot.temperatureC,
               QJsonDocument(lot.metadata).toJson(QJsonDocument::Compact), lot.operatorId,
               lot.workstationId.isEmpty() ? db::SqlValue() : db::SqlValue(lot.workstationId),
               lot.clientCreatedAt, lot.clientTimeFlagged});
}

void LotRepository::link(const QUuid &parent, const QUuid &child, const Decimal &quantityKg)
{
    m_db.exec("INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg) "
              "VALUES ($1::uuid, $2::uuid, $3::numeric)",
              {parent, child, quantityKg});
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

std::optional<RunRef> LotRepository::findRun(const std::optional<QUuid> &id, const QString &code)
{
    const db::PgResult r =
        id ? m_db.exec("SELECT id, run_code, status FROM production_runs WHERE id = $1::uuid",
                       {*id})
           : m_db.exec("SELECT id, run_code, status FROM production_runs WHERE run_code = $1",
                       {code});
    if (r.rows() == 0)
        return std::nullopt;
    return RunRef{r.toUuid(0, "id"), r.text(0, "run_code"),
                  runStatusFromString(r.text(0, "status")).value_or(RunStatus::ACTIVE)};
}

QHash<LotType, TemperatureProfile> LotRepository::profiles()
{
    QHash<LotType, TemperatureProfile> out;
    const db::PgResult r = m_db.exec(
        "SELECT lot_type, temp_min_c, temp_max_c, temp_margin_c, weight_min_kg, weight_max_kg, "
        "weight_margin_kg FROM lot_profiles");
    for (int i = 0; i < r.rows(); ++i) {
        TemperatureProfile p;
        const auto type = lotTypeFromString(r.text(i, "lot_type"));
        if (!type)
            continue;
        p.lotType = *type;
        p.tempMin = r.toDecimal(i, "temp_min_c").value_or(Decimal());
        p.tempMax = r.toDecimal(i, "temp_max_c").value_or(Decimal());
        p.tempMargin = r.toDecimal(i, "temp_margin_c").value_or(Decimal());
        p.weightMin = r.toDecimal(i, "weight_min_kg").value_or(Decimal());
        p.weightMax = r.toDecimal(i, "weight_max_kg").value_or(Decimal());
        p.weightMargin = r.toDecimal(i, "weight_margin_kg").value_or(Decimal());
        out.insert(p.lotType, p);
    }
    return out;
}

std::optional<TemperatureProfile> LotRepository::profile(LotType type)
{
    const auto all = profiles();
    const auto it = all.constFind(type);
    if (it == all.constEnd())
        return std::nullopt;
    return *it;
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
