#include "backend/lots/lotservice.h"

#include "backend/lots/lotcursor.h"

#include "domain/lotstatusrules.h"
#include "domain/wire/problem.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace flowviz::lots::service {

using api::ApiError;
namespace problemtype = wire::problemtype;

namespace {

constexpr qint64 kClientClockToleranceSecs = 5 * 60;

// Adds temperature_status / weight_status from the lot type's profile.
void classify(wire::Lot &lot, const std::optional<TemperatureProfile> &profile)
{
    lot.temperatureStatus.reset();
    lot.weightStatus.reset();
    if (!profile)
        return;
    if (lot.temperatureC)
        lot.temperatureStatus = profile->classifyTemperature(*lot.temperatureC);
    if (lot.weightKg)
        lot.weightStatus = profile->classifyWeight(*lot.weightKg);
}

std::optional<TemperatureProfile> profileOf(const QHash<LotType, TemperatureProfile> &profiles,
                                            LotType type)
{
    const auto it = profiles.constFind(type);
    return it == profiles.constEnd() ? std::nullopt : std::optional(*it);
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

// The production run the command names, if any, queued.
std::optional<db::PgDeferred<std::optional<RunRef>>> findRun(LotRepository &repo,
                                                             const wire::RegisterLot &command)
{
    if (!command.productionRunId && !command.runCode)
        return std::nullopt;
    return repo.findRun(command.productionRunId,
                        command.runCode.value_or(QString()).trimmed().toUpper());
}

// The run must exist, agree with itself and be ACTIVE.
std::optional<QUuid> activeRun(const std::optional<db::PgDeferred<std::optional<RunRef>>> &found,
                               const wire::RegisterLot &command)
{
    if (!found)
        return std::nullopt;
    const auto &runId = command.productionRunId;
    const auto &runCode = command.runCode;
    const QString code = runCode.value_or(QString()).trimmed().toUpper();
    const auto run = found->get();
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

// Checks each parent the command draws from is known, usable and has `quantity` left; the
// links the new lot gets.
QList<ParentLink> checkParents(const QList<wire::ParentUse> &uses,
                               const QList<ParentState> &parents)
{
    checkParentsKnown(uses, parents);
    QList<ParentLink> links;
    for (const wire::ParentUse &use : uses) {
        const ParentState &p = *stateOf(parents, use.lotCode);
        checkDraw(p, use.quantityUsedKg);
        links.append({p.id, use.quantityUsedKg});
    }
    return links;
}

// A critical temperature reading puts the lot in QUARANTINE: it waits for QC before use.
LotStatus initialStatus(const std::optional<TemperatureProfile> &profile, const NewLot &lot)
{
    if (lot.temperatureC && profile &&
        profile->classifyTemperature(*lot.temperatureC) == Reading::Critical)
        return LotStatus::QUARANTINE;
    return lot.status;
}

// The parents as the new lot's record lists them, by code.
QList<wire::LotLink> parentLinks(const QList<wire::ParentUse> &uses,
                                 const QList<ParentState> &parents)
{
    QList<wire::LotLink> out;
    for (const wire::ParentUse &use : uses) {
        const ParentState &p = *stateOf(parents, use.lotCode);
        out.append({p.lotCode, p.type, p.status, use.quantityUsedKg});
    }
    std::sort(out.begin(), out.end(),
              [](const wire::LotLink &a, const wire::LotLink &b) { return a.lotCode < b.lotCode; });
    return out;
}

// The 409 for a lot whose insert stored nothing: its id or its code is taken.
[[noreturn]] void refuseTaken(LotRepository &repo, const NewLot &lot)
{
    if (repo.idTaken(lot.id))
        throw ApiError::conflict(problemtype::kLotIdExists, QStringLiteral("Lot id already used"),
                                 QStringLiteral("A lot with id %1 is already registered.")
                                     .arg(lot.id.toString(QUuid::WithoutBraces)));
    throw ApiError::conflict(problemtype::kDuplicateLotCode,
                             QStringLiteral("Lot code already used"),
                             QStringLiteral("Lot code %1 is already registered. Check the label, "
                                            "or register this lot under a new code.")
                                 .arg(lot.lotCode));
}

// The receipt's supplier must be known and active; the receipt as the lot's record lists it.
std::optional<wire::LotReceipt>
checkedReceipt(const std::optional<db::PgDeferred<std::optional<SupplierRef>>> &found,
               const wire::RegisterLot &command, QUuid &supplierId)
{
    if (!command.receipt)
        return std::nullopt;
    const auto supplier = found->get();
    const QString field = QStringLiteral("receipt.supplier_code");
    if (!supplier)
        throw ApiError::validation(
            field, QStringLiteral("supplier.unknown"),
            QStringLiteral("No supplier %1 is registered.").arg(command.receipt->supplierCode));
    if (!supplier->active)
        throw ApiError::validation(field, QStringLiteral("supplier.inactive"),
                                   QStringLiteral("Supplier %1 is no longer active; raw material "
                                                  "cannot be received from it.")
                                       .arg(supplier->supplierCode));
    supplierId = supplier->id;
    wire::LotReceipt receipt = *command.receipt;
    receipt.supplierName = supplier->name;
    return receipt;
}

// A lot that passed every check, ready to insert, with what its answer lists.
struct Checked
{
    NewLot lot;
    QList<ParentLink> links;
    std::optional<TemperatureProfile> profile;
    QList<wire::LotLink> parents;
    std::optional<wire::LotReceipt> receipt;
    QUuid supplierId;
};

// Runs every rule on the command. The run and the parents' locks are read in one round trip
// (with whatever the session has queued: the transaction's start, the account check, earlier
// lots of the transaction); `profile` gives the lot type's profile once they are back.
Checked check(const api::Tx &tx, LotRepository &repo, const wire::RegisterLot &command,
              const std::function<std::optional<TemperatureProfile>()> &profile)
{
    Checked c{newLot(tx, command), {}, {}, {}, {}, {}};
    QStringList parentCodes;
    for (const wire::ParentUse &use : command.parents)
        parentCodes << use.lotCode;
    const auto run = findRun(repo, command);
    const auto parents = repo.lockParents(parentCodes);
    std::optional<db::PgDeferred<std::optional<SupplierRef>>> supplier;
    if (command.receipt)
        supplier = repo.findSupplier(command.receipt->supplierCode);
    c.lot.productionRunId = activeRun(run, command);
    c.receipt = checkedReceipt(supplier, command, c.supplierId);
    const QList<ParentState> parentStates = parents.get();
    c.links = checkParents(command.parents, parentStates);
    c.profile = profile();
    c.lot.status = initialStatus(c.profile, c.lot);
    c.parents = parentLinks(command.parents, parentStates);
    return c;
}

// The lot as its insert stored it (none: a 409), answered; announced after the commit.
wire::Lot registered(api::Tx &tx, LotRepository &repo, const Checked &c,
                     std::optional<wire::Lot> stored, const api::Events &events)
{
    if (!stored)
        refuseTaken(repo, c.lot);
    const LotType type = c.lot.type;
    tx.afterCommit.append([&events, type] {
        if (events.lotRegistered)
            events.lotRegistered(type);
    });
    classify(*stored, c.profile);
    stored->parents = c.parents;
    stored->receipt = c.receipt;
    return *stored; // a new lot has no children
}

} // namespace

wire::Lot create(api::Tx &tx, const wire::RegisterLot &command, const api::Events &events)
{
    LotRepository repo(tx.db);
    // What the checks read goes in one round trip (with the transaction's start and the
    // account check), the lot and its links in a second, the COMMIT in a third.
    const auto profile = repo.profile(command.type);
    const Checked c = check(tx, repo, command, [&] { return profile.get(); });
    return registered(tx, repo, c, repo.insert(c.lot, c.links, c.receipt, c.supplierId).get(),
                      events);
}

// Lots gathered for one insert, and that insert's answer once it is queued.
struct Registrar::Gathered
{
    QList<LinkedLot> lots;
    QHash<QString, qsizetype> codes; // of the lots, with their place in `lots`
    QHash<QUuid, qsizetype> ids;
    QSet<QString> drawnFrom;            // the codes of their parents
    QList<std::function<void()>> after; // writes queued right after their insert
    std::optional<db::PgDeferred<QHash<QUuid, wire::Lot>>> stored;
    std::optional<QHash<QUuid, wire::Lot>> answered; // read once for all of them
};

Registrar::Registrar(api::Tx &tx) : m_tx(tx), m_repo(tx.db), m_queuedProfiles(m_repo.profiles()) {}

Registrar::~Registrar() = default;

void Registrar::flush()
{
    if (!m_gathering)
        return;
    m_gathering->stored = m_repo.insertAll(m_gathering->lots);
    // Reset first: what runs after the insert may gather or flush again.
    const QList<std::function<void()>> after = std::exchange(m_gathering->after, {});
    m_gathering.reset();
    for (const auto &writes : after)
        writes();
}

std::optional<Registrar::PendingLot> Registrar::pending(const std::optional<QUuid> &id,
                                                        const QString &code) const
{
    if (!m_gathering)
        return std::nullopt;
    const qsizetype at = id ? m_gathering->ids.value(*id, -1) : m_gathering->codes.value(code, -1);
    if (at < 0)
        return std::nullopt;
    const NewLot &lot = m_gathering->lots.at(at).lot;
    return PendingLot{lot.id, lot.lotCode, lot.type, lot.status};
}

void Registrar::afterInsert(std::function<void()> writes)
{
    if (m_gathering)
        m_gathering->after.append(std::move(writes));
    else
        writes();
}

std::function<wire::Lot()> Registrar::create(const wire::RegisterLot &command,
                                             const api::Events &events)
{
    // A lot's checks read its parents: what the gathered lots would change of them (a parent
    // among them, or drawn from by them) must be stored first. A receipt's lot is inserted with
    // its receipt row, in its place.
    const bool gather = !command.receipt;
    bool sendGathered = !gather;
    for (const wire::ParentUse &use : command.parents) {
        if (m_gathering && (m_gathering->codes.contains(use.lotCode) ||
                            m_gathering->drawnFrom.contains(use.lotCode)))
            sendGathered = true;
    }
    if (sendGathered)
        flush();
    const Checked c = check(m_tx, m_repo, command, [this, type = command.type] {
        if (!m_profiles)
            m_profiles = m_queuedProfiles.get();
        return profileOf(*m_profiles, type);
    });
    if (!gather) {
        const auto stored = m_repo.insert(c.lot, c.links, c.receipt, c.supplierId);
        return [this, c, stored, &events] {
            return registered(m_tx, m_repo, c, stored.get(), events);
        };
    }
    if (!m_gathering)
        m_gathering = std::make_shared<Gathered>();
    m_gathering->codes.insert(c.lot.lotCode, m_gathering->lots.size());
    m_gathering->ids.insert(c.lot.id, m_gathering->lots.size());
    m_gathering->lots.append({c.lot, c.links});
    for (const wire::ParentUse &use : command.parents)
        m_gathering->drawnFrom.insert(use.lotCode);
    return [this, c, gathered = m_gathering, &events] {
        if (!gathered->stored)
            flush();
        if (!gathered->answered)
            gathered->answered = gathered->stored->get();
        const auto it = gathered->answered->constFind(c.lot.id);
        return registered(m_tx, m_repo, c,
                          it == gathered->answered->constEnd() ? std::nullopt : std::optional(*it),
                          events);
    };
}

wire::Lot get(api::Tx &tx, const QString &lotCode)
{
    LotRepository repo(tx.db);
    const QString code = rules::normalizeLotCode(lotCode);
    // One round trip.
    const auto lot = repo.byCode(code);
    const auto profiles = repo.profiles();
    const auto parents = repo.parentsOf(code);
    const auto children = repo.childrenOf(code);
    const auto receipt = repo.receiptOf(code);
    auto found = lot.get();
    if (!found)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    classify(*found, profileOf(profiles.get(), found->type));
    found->parents = parents.get();
    found->children = children.get();
    found->receipt = receipt.get();
    return *found;
}

wire::LotPage list(api::Tx &tx, LotFilter filter)
{
    LotRepository repo(tx.db);
    const int pageSize = filter.limit;
    filter.limit = pageSize + 1;      // one extra row tells whether another page exists
    const auto all = repo.profiles(); // goes with the page's query
    wire::LotPage page;
    page.items = repo.list(filter);
    const bool more = page.items.size() > pageSize;
    if (more)
        page.items.removeLast();
    const auto profiles = all.get();
    for (wire::Lot &lot : page.items)
        classify(lot, profileOf(profiles, lot.type));
    if (more)
        page.nextCursor = LotCursor{page.items.last().createdAt, page.items.last().id}.encode();
    return page;
}

QList<TemperatureProfile> profiles(api::Tx &tx)
{
    LotRepository repo(tx.db);
    const auto all = repo.profiles().get();
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
