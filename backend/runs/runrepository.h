#pragma once

#include "backend/db/pgsession.h"

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/wire/run.h"

#include <QList>
#include <QUuid>

#include <optional>

namespace flowviz::runs {

// A production run to insert.
struct NewRun
{
    QUuid id;
    QString code;
    std::optional<Decimal> targetKg;
    QUuid operatorId;
};

// SQL for production runs.
class RunRepository
{
public:
    explicit RunRepository(db::PgSession &db) : m_db(db) {}

    void insert(const NewRun &run);
    std::optional<wire::Run> find(const QString &code);
    // Newest first; every status when `status` is empty.
    QList<wire::Run> list(const std::optional<RunStatus> &status, int limit);
    // Marks an ACTIVE run COMPLETED; false when it was not ACTIVE.
    bool complete(const QString &code);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::runs
