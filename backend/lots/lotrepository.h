#pragma once

#include "backend/db/pgsession.h"

#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/temperatureprofile.h"
#include "domain/wire/lot.h"

#include <QDateTime>
#include <QHash>
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

// SQL for lots, their genealogy links and lot profiles. Lots come back as stored, without
// the readings' classification (the service adds it) and without genealogy (parentsOf,
// childrenOf).
class LotRepository
{
public:
    explicit LotRepository(db::PgSession &db) : m_db(db) {}

    std::optional<wire::Lot> byCode(const QString &code);
    std::optional<wire::Lot> byId(const QUuid &id);
    std::optional<QUuid> idByCode(const QString &code);
    QList<wire::LotLink> parentsOf(const QUuid &id);
    QList<wire::LotLink> childrenOf(const QUuid &id);
    // Locks the named lots (in id order, so concurrent registrations cannot deadlock) and
    // returns them with the quantity already drawn from each. Unknown codes are left out.
    QList<ParentState> lockParents(const QStringList &codes);
    void insert(const NewLot &lot);
    void link(const QUuid &parent, const QUuid &child, const Decimal &quantityKg);
    QList<wire::Lot> list(const LotFilter &filter);
    std::optional<RunRef> findRun(const std::optional<QUuid> &id, const QString &code);

    QHash<LotType, TemperatureProfile> profiles();
    std::optional<TemperatureProfile> profile(LotType type);
    bool updateProfile(const TemperatureProfile &p, const QUuid &by);

    // A row selected with the lot columns (see lotrepository.cpp) as a lot.
    static wire::Lot lotFromRow(const db::PgResult &r, int row);

private:
    QList<wire::LotLink> genealogy(const char *sql, const QUuid &id);

    db::PgSession &m_db;
};

} // namespace flowviz::lots
