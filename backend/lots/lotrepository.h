#pragma once

#include "backend/db/pgsession.h"

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/temperatureprofile.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace flowviz::lots {

struct NewLot
{
    QUuid id;
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<QUuid> productionRunId;
    std::optional<Decimal> weightKg;
    std::optional<Decimal> temperatureC;
    QJsonObject metadata;
    QUuid operatorId;
    QString workstationId;
    QDateTime clientCreatedAt;
    bool clientTimeFlagged = false;
};

// A parent lot as seen while a child is registered: locked, with what was drawn from it.
struct ParentState
{
    QUuid id;
    QString lotCode;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    Decimal drawnKg;
};

struct RunRef
{
    QUuid id;
    QString runCode;
    RunStatus status = RunStatus::ACTIVE;
};

struct LotFilter
{
    std::optional<LotType> type;
    std::optional<LotStatus> status;
    QString runCode;
    QDateTime createdFrom;
    QDateTime createdTo;
    QString codePrefix;
    int limit = 50;
    // Keyset position: the last row of the previous page.
    QDateTime afterCreatedAt;
    QUuid afterId;
};

// SQL for lots, their genealogy links and lot profiles.
class LotRepository
{
public:
    explicit LotRepository(db::PgSession &db) : m_db(db) {}

    std::optional<QJsonObject> findByCode(const QString &code);
    std::optional<QJsonObject> findById(const QUuid &id);
    std::optional<QUuid> idByCode(const QString &code);
    // Locks the named lots (in id order, so concurrent registrations cannot deadlock) and
    // returns them with the quantity already drawn from each. Unknown codes are left out.
    QList<ParentState> lockParents(const QStringList &codes);
    void insert(const NewLot &lot);
    void link(const QUuid &parent, const QUuid &child, const Decimal &quantityKg);
    QJsonArray list(const LotFilter &filter);
    std::optional<RunRef> findRun(const std::optional<QUuid> &id, const QString &code);

    QHash<LotType, TemperatureProfile> profiles();
    std::optional<TemperatureProfile> profile(LotType type);
    bool updateProfile(const TemperatureProfile &p, const QUuid &by);

    // Adds temperature_status / weight_status from the type's profile.
    static void annotate(QJsonObject &lot, const QHash<LotType, TemperatureProfile> &profiles);
    static QJsonObject rowToJson(const db::PgResult &r, int row);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::lots
