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
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    Decimal drawnKg;
};

// A link the new lot gets: the parent's id and what is drawn from it.
struct ParentLink
{
    QUuid parentId;
    Decimal quantityKg;
};

// A lot to insert with the links to the parents it draws from.
struct LinkedLot
{
    NewLot lot;
    QList<ParentLink> links;
};

// A supplier a receipt names, as the registration checks it.
struct SupplierRef
{
    QUuid id;
    QString supplierCode;
    QString name;
    bool active = true;
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

    // Queued reads (PgSession::queue) go together in the request's next round trip.
    db::PgDeferred<std::optional<wire::Lot>> byCode(const QString &code);
    // The lots the lot `code` was made from, and the ones made from it, by code.
    db::PgDeferred<QList<wire::LotLink>> parentsOf(const QString &code);
    db::PgDeferred<QList<wire::LotLink>> childrenOf(const QString &code);
    // Locks the named lots (in id order, so concurrent registrations cannot deadlock), then
    // reads them with the quantity already drawn from each, under the lock. Unknown codes
    // are left out. Queued.
    db::PgDeferred<QList<ParentState>> lockParents(const QStringList &codes);
    // Inserts the lot and its links to `parents` in one statement. Returns the lot as stored,
    // or none when its id or code is already taken (then nothing was written). Queued.
    // With a receipt (RAW lots), its row goes in the same statement, only when the lot did.
    db::PgDeferred<std::optional<wire::Lot>> insert(const NewLot &lot,
                                                    const QList<ParentLink> &parents,
                                                    const std::optional<wire::LotReceipt> &receipt,
                                                    const QUuid &supplierId);
    // Inserts lots without a receipt and their links in one statement, the lots in list order.
    // Returns the lots stored, by id: one whose id or code was taken (before, or by an earlier
    // lot of the list) is left out and wrote nothing, links included. Queued.
    db::PgDeferred<QHash<QUuid, wire::Lot>> insertAll(const QList<LinkedLot> &lots);
    // The receipt of the lot `code`, if it has one (with the supplier's name). Queued.
    db::PgDeferred<std::optional<wire::LotReceipt>> receiptOf(const QString &code);
    db::PgDeferred<std::optional<SupplierRef>> findSupplier(const QString &code);
    bool idTaken(const QUuid &id);
    QList<wire::Lot> list(const LotFilter &filter);
    db::PgDeferred<std::optional<RunRef>> findRun(const std::optional<QUuid> &id,
                                                  const QString &code);

    db::PgDeferred<QHash<LotType, TemperatureProfile>> profiles();
    db::PgDeferred<std::optional<TemperatureProfile>> profile(LotType type);
    bool updateProfile(const TemperatureProfile &p, const QUuid &by);

    // A row selected with the lot columns (see lotrepository.cpp) as a lot.
    static wire::Lot lotFromRow(const db::PgResult &r, int row);
    // A row with a receipt's columns (supplier_code, supplier_name, supplier_lot_code, gtin,
    // delivery_note, received_on, expires_on, units).
    static wire::LotReceipt receiptFromRow(const db::PgResult &r, int row);

private:
    db::PgDeferred<QList<wire::LotLink>> genealogy(const char *sql, const QString &code);

    db::PgSession &m_db;
};

} // namespace flowviz::lots
