#include "backend/lots/lotservice.h"

#include "backend/lots/lotcursor.h"

#include "domain/lotstatusrules.h"
#include "domain/wire/problem.h"

#include <algorithm>

namespace flowviz::lots::service {

using api::ApiError;
namespace problemtype = wire::problemtype;

namespace {

constexpr qint64 kClientClockToleranceSecs = 5 * 60;

// Adds temperature_status / weight_status from the lot type's profile.
void classify(wire::Lot &lot, const QHash<LotType, TemperatureProfile> &profiles)
{
    lot.temperatureStatus.reset();
    lot.weightStatus.reset();
    const auto it = profiles.constFind(lot.type);
    if (it == profiles.constEnd())
        return;
    if (lot.temperatureC)
        lot.temperatureStatus = it->classifyTemperature(*lot.temperatureC);
    if (lot.weightKg)
        lot.weightStatus = it->classifyWeight(*lot.weightKg);
}

// The full record GET /api/v1/lots/{lot_code} answers with.
wire::Lot detail(LotRepository &repo, wire::Lot lot)
{
    classify(lot, repo.profiles());
    lot.parents = repo.parentsOf(lot.id);
    lot.children = repo.childrenOf(lot.id);
    return lot;
}

NewLot newLot(const api::Tx &tx, const wire::RegisterLot &command)
{
    NewLot lot;
    lot.id = command.id.value_or(QUuid::createUuid());
    lot.lotCode = command.lotCode;
    lot.type = command.type;
    lot.weightKg = command.weightKg;
    lot.temperatureC = command.temperatureC;
    lot.metadata = command.metadata.value_or(QJsonObject());
    lot.operatorId = tx.user.userId;
    lot.workstationId = command.workstationId.value_or(QString());
    if (const auto &clientTime = command.clientCreatedAt) {
        lot.clientCreatedAt = *clientTime;
        lot.clientTimeFlagged = clientTime->toSecsSinceEpoch() >
                                QDateTime::currentSecsSinceEpoch() + kClientClockToleranceSecs;
    }
    return lot;
}

// The production run the command names, if any: it must exist, agree with itself and be
// ACTIVE.
std::optional<QUuid> activeRun(LotRepository &repo, const wire::RegisterLot &command)
{
    const auto &runId = command.productionRunId;
    const auto &runCode = command.runCode;
    if (!runId && !runCode)
        return std::nullopt;
    const QString code = runCode.value_or(QString()).trimmed().toUpper();
    const auto run = repo.findRun(runId, code);
    if (!run)
        throw ApiError::validation(
            runId ? QStringLiteral("production_run_id") : QStringLiteral("run_code"),
            QStringLiteral("run.unknown"),
            QStringLiteral("No production run %1.")
                .arg(runId ? runId->toString(QUuid::WithoutBraces) : *runCode));
    if (runId && runCode && code != run->runCode)
        throw ApiError::validation(
            QStringLiteral("run_code"), QStringLiteral("run.mismatch"),
            QStringLiteral("production_run_id names run %1 but run_code says %2; send one "
                           "of them, or both for the same run.")
                .arg(run->runCode, code));
    if (run->status != RunStatus::ACTIVE)
        throw ApiError::conflict(problemtype::kRunClosed, QStringLiteral("Production run closed"),
                                 QStringLiteral("Production run %1 is %2; lots can only be added "
                                                "to an ACTIVE run.")
                                     .arg(run->runCode, toString(run->status)));
    return run->id;
}

const ParentState *stateOf(const QList<ParentState> &parents, const QString &code)
{
    const auto it = std::find_if(parents.begin(), parents.end(),
                                 [&](const ParentState &p) { return p.lotCode == code; });
    return it == parents.end() ? nullptr : &*it;
}

void checkParentsKnown(const QList<wire::ParentUse> &uses, const QList<ParentState> &parents)
{
    FieldErrors unknown;
    for (qsizetype i = 0; i < uses.size(); ++i) {
        if (!stateOf(parents, uses[i].lotCode))
            unknown.append({QStringLiteral("parents[%1].lot_code").arg(i),
                            QStringLiteral("parents.unknown"),
                            QStringLiteral("No lot %1 is registered.").arg(uses[i].lotCode)});
    }
    if (!unknown.isEmpty())
        throw ApiError::validation(unknown);
}

// A parent must be usable as an input and have `quantity` left (mass balance).
void checkDraw(const ParentState &p, const Decimal &quantity)
{
    if (const auto reason = statusrules::parentRefusalReason(p.status))
        throw ApiError::conflict(
            problemtype::kParentNotUsable, QStringLiteral("Parent lot not usable"),
            QStringLiteral("Lot %1 cannot be used as an input: %2.").arg(p.lotCode, *reason));
    if (p.weightKg && p.drawnKg + quantity > *p.weightKg) {
        const Decimal left =
            *p.weightKg + Decimal::fromUnits(-p.drawnKg.units(), p.drawnKg.scale());
        throw ApiError::conflict(
            problemtype::kParentQuantityExceeded, QStringLiteral("Not enough left in parent lot"),
            QStringLiteral("Lot %1 weighs %2 kg and %3 kg were already drawn from it; "
                           "%4 kg cannot be drawn (at most %5 kg is left).")
                .arg(p.lotCode, p.weightKg->toString(), p.drawnKg.toString(), quantity.toString(),
                     left.toString()));
    }
}

// Locks the parents in the database and checks each can give what the command draws.
QList<ParentState> lockParents(LotRepository &repo, const QList<wire::ParentUse> &uses)
{
    QStringList codes;
    for (const wire::ParentUse &use : uses)
        codes << use.lotCode;
    const QList<ParentState> parents = repo.lockParents(codes);
    checkParentsKnown(uses, parents);
    for (const wire::ParentUse &use : uses)
        checkDraw(*stateOf(parents, use.lotCode), use.quantityUsedKg);
    return parents;
}

// A critical temperature reading puts the lot in QUARANTINE: it waits for QC before use.
LotStatus initialStatus(LotRepository &repo, const NewLot &lot)
{
    if (!lot.temperatureC)
        return lot.status;
    const auto profile = repo.profile(lot.type);
    if (profile && profile->classifyTemperature(*lot.temperatureC) == Reading::Critical)
        return LotStatus::QUARANTINE;
    return lot.status;
}

// Inserts the lot; a taken id or code is a 409 and leaves the transaction usable.
void insertLot(db::PgSession &db, LotRepository &repo, const NewLot &lot)
{
    try {
        db.savepoint("lot_insert", [&] { repo.insert(lot); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        if (e.constraint() == u"lots_pkey")
            throw ApiError::conflict(problemtype::kLotIdExists,
                                     QStringLiteral("Lot id already used"),
                                     QStringLiteral("A lot with id %1 is already registered.")
                                         .arg(lot.id.toString(QUuid::WithoutBraces)));
        throw ApiError::conflict(
            problemtype::kDuplicateLotCode, QStringLiteral("Lot code already used"),
            QStringLiteral("Lot code %1 is already registered. Check the label, or "
                           "register this lot under a new code.")
                .arg(lot.lotCode));
    }
}

} // namespace

wire::Lot create(api::Tx &tx, const wire::RegisterLot &command, const api::Events &events)
{
    LotRepository repo(tx.db);
    NewLot lot = newLot(tx, command);
    lot.productionRunId = activeRun(repo, command);
    const QList<ParentState> parents = lockParents(repo, command.parents);
    lot.status = initialStatus(repo, lot);
    insertLot(tx.db, repo, lot);
    for (const wire::ParentUse &use : command.parents)
        repo.link(stateOf(parents, use.lotCode)->id, lot.id, use.quantityUsedKg);

    const LotType registered = lot.type;
    tx.afterCommit.append([&events, registered] {
        if (events.lotRegistered)
            events.lotRegistered(registered);
    });
    return detail(repo, *repo.byId(lot.id));
}

wire::Lot get(api::Tx &tx, const QString &lotCode)
{
    LotRepository repo(tx.db);
    const QString code = rules::normalizeLotCode(lotCode);
    const auto lot = repo.byCode(code);
    if (!lot)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    return detail(repo, *lot);
}

wire::LotPage list(api::Tx &tx, LotFilter filter)
{
    LotRepository repo(tx.db);
    const int pageSize = filter.limit;
    filter.limit = pageSize + 1; // one extra row tells whether another page exists
    wire::LotPage page;
    page.items = repo.list(filter);
    const bool more = page.items.size() > pageSize;
    if (more)
        page.items.removeLast();
    const auto profiles = repo.profiles();
    for (wire::Lot &lot : page.items)
        classify(lot, profiles);
    if (more)
        page.nextCursor = LotCursor{page.items.last().createdAt, page.items.last().id}.encode();
    return page;
}

QList<TemperatureProfile> profiles(api::Tx &tx)
{
    LotRepository repo(tx.db);
    const auto all = repo.profiles();
    QList<TemperatureProfile> out;
    for (LotType t : allLotTypes()) {
        if (all.contains(t))
            out.append(all.value(t));
    }
    return out;
}

TemperatureProfile updateProfile(api::Tx &tx, const TemperatureProfile &profile)
{
    LotRepository repo(tx.db);
    repo.updateProfile(profile, tx.user.userId);
    return profile;
}

} // namespace flowviz::lots::service
