#include "backend/runs/runservice.h"

#include "backend/runs/runrepository.h"

namespace flowviz::runs::service {

using api::ApiError;

wire::Run create(api::Tx &tx, const wire::CreateRun &command)
{
    RunRepository repo(tx.db);
    const NewRun run{command.id.value_or(QUuid::createUuid()), command.runCode,
                     command.dailyTargetKg, tx.user.userId};
    try {
        tx.db.savepoint("run_insert", [&] { repo.insert(run); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        throw ApiError::conflict(
            QStringLiteral("duplicate-run-code"), QStringLiteral("Run code already used"),
            QStringLiteral("Production run %1 already exists.").arg(command.runCode));
    }
    return *repo.find(command.runCode);
}

QList<wire::Run> list(api::Tx &tx, const std::optional<RunStatus> &status, int limit)
{
    return RunRepository(tx.db).list(status, limit);
}

wire::Run complete(api::Tx &tx, const QString &runCode)
{
    RunRepository repo(tx.db);
    const auto run = repo.find(runCode);
    if (!run)
        throw ApiError::notFound(QStringLiteral("No production run %1.").arg(runCode));
    if (!repo.complete(runCode))
        throw ApiError::conflict(QStringLiteral("run-not-active"), QStringLiteral("Run not active"),
                                 QStringLiteral("Production run %1 is %2; only an ACTIVE run can "
                                                "be completed.")
                                     .arg(runCode, toString(run->status)));
    return *repo.find(runCode);
}

} // namespace flowviz::runs::service
