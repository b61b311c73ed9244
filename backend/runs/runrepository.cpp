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

template <typename T>
std::optional<T> unlessNull(const db::PgResult &r, int i, const char *name, T value)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<T>(std::move(value));
}

wire::Run fromRow(const db::PgResult &r, int i)
{
    wire::Run run;
    run.id = r.toUuid(i, "id");
    run.runCode = r.text(i, "run_code");
    run.status = runStatusFromString(r.text(i, "status")).value_or(RunStatus::ACTIVE);
    run.operatorId = unlessNull(r, i, "operator_id", r.toUuid(i, "operator_id"));
    run.operatorUsername = unlessNull(r, i, "operator", r.text(i, "operator"));
    run.dailyTargetKg = r.toDecimal(i, "daily_target_kg");
    run.startedAt = r.toDateTime(i, "started_at");
    run.endedAt = r.toDateTime(i, "ended_at");
    run.lotCount = int(r.toInt(i, "lot_count"));
    run.totalKg = r.toDecimal(i, "total_kg").value_or(Decimal());
    return run;
}

} // namespace

void RunRepository::insert(const NewRun &run)
{
    m_db.exec("INSERT INTO production_runs (id, run_code, daily_target_kg, operator_id) "
              "VALUES ($1::uuid, $2, $3::numeric, $4::uuid)",
              {run.id, run.code, run.targetKg, run.operatorId});
}

std::optional<wire::Run> RunRepository::find(const QString &code)
{
    const db::PgResult r = m_db.exec(QByteArray(kColumns) + "WHERE r.run_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return fromRow(r, 0);
}

QList<wire::Run> RunRepository::list(const std::optional<RunStatus> &status, int limit)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kColumns) + "WHERE ($1::text IS NULL OR r.status = $1) "
                                         "ORDER BY r.started_at DESC, r.id DESC LIMIT $2::int",
                  {status ? db::SqlValue(toString(*status)) : db::SqlValue(), limit});
    QList<wire::Run> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(fromRow(r, i));
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
