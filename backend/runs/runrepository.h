#pragma once

#include "backend/db/pgsession.h"

#include "domain/decimal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace flowviz::runs {

// SQL for production runs.
class RunRepository
{
public:
    explicit RunRepository(db::PgSession &db) : m_db(db) {}

    void insert(const QUuid &id, const QString &code, const std::optional<Decimal> &targetKg,
                const QUuid &operatorId);
    std::optional<QJsonObject> find(const QString &code);
    QJsonArray list(const QString &status, int limit);
    // Marks an ACTIVE run COMPLETED; false when it was not ACTIVE.
    bool complete(const QString &code);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::runs
