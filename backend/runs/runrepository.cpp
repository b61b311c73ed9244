#include "backend/runs/runrepository.h"

namespace flowviz::runs {

namespace {

constexpr const char *kColumns =
    "SELECT r.id, r.run_code, r.status, r.operator_id, u.username AS operator, r.daily_target_kg, "
    "r.started_at, r.ended_at, "
    "(SELECT count(*) FROM lots l WHERE l.production_run_id = r.id) AS lot_count, "
    "(SELECT coalesce(sum(l.weight_kg), 0) FROM lots l WHERE l.production_run_id = r.id) AS "
    "total_kg "
    "FROM production_runs r LEFT JOIN users u ON u.id = r.operator_id ";

QJsonObject rowJson(const db::PgResult &r, int i)
{
    return QJsonObject{{QStringLiteral("id"), r.text(i, "id")},
                       {QStringLiteral("run_code"), r.text(i, "run_code")},
                       {QStringLiteral("status"), r.text(i, "status")},
                       {QStringLiteral("operator_id"), r.textJson(i, "operator_id")},
                       {QStringLiteral("operator"), r.textJson(i, "operator")},
                       {QStringLiteral("daily_target_kg"), r.decimalJson(i, "daily_target_kg")},
                       {QStringLiteral("started_at"), r.timeJson(i, "started_at")},
                       {QStringLiteral("ended_at"), r.timeJson(i, "ended_at")},
                       {QStringLiteral("lot_count"), r.toInt(i, "lot_count")},
                       {QStringLiteral("total_kg"), r.decimalJson(i, "total_kg")}};
}

} // namespace

void RunRepository::insert(const QUuid &id, const QString &code,
                           const std::optional<Decimal> &targetKg, const QUuid &operatorId)
{
    m_db.exec("INSERT INTO production_runs (id, run_code, daily_target_kg, operator_id) "
              "VALUES ($1::uuid, $2, $3::numeric, $4::uuid)",
              {id, code, targetKg, operatorId});
}

std::optional<QJsonObject> RunRepository::find(const QString &code)
{
    const db::PgResult r = m_db.exec(QByteArray(kColumns) + "WHERE r.run_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return rowJson(r, 0);
}

QJsonArray RunRepository::list(const QString &status, int limit)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kColumns) + "WHERE ($1::text IS NULL OR r.status = $1) "
                                         "ORDER BY r.started_at DESC, r.id DESC LIMIT $2::int",
                  {status.isEmpty() ? db::SqlValue() : db::SqlValue(status), limit});
    QJsonArray out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(rowJson(r, i));
    return out;
}

bool RunRepository::complete(const QString &code)
{
    const db::PgResult r =
        m_db.exec("UPDATE production_runs SET status = 'COMPLETED', ended_at = now() "
                  "WHERE run_code = $1 AND status = 'ACTIVE'",
                  {code});
    return r.affectedRows() == 1;
}

} // namespace flowviz::runs
