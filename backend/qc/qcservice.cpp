#include "backend/qc/qcservice.h"

#include "backend/qc/decisionsigning.h"
#include "backend/qc/qcrepository.h"

#include "domain/criticallimit.h"
#include "domain/lotstatusrules.h"
#include "domain/validation.h"

#include <QSet>

#include <memory>

namespace flowviz::qc::service {

using api::ApiError;

namespace {

constexpr qint64 kClientClockToleranceSecs = 5 * 60;

// The gate the command names, from the batch when it has read it already.
db::PgDeferred<std::optional<Gate>> queueGate(QcRepository &repo, const wire::RecordDecision &c,
                                              const DecisionBatch *batch)
{
    if (batch) {
        const int id =
            c.qcGateId ? *c.qcGateId : batch->gateIdOfNumber.value(c.gateNumber.value_or(0), -1);
        if (const auto it = batch->gates.constFind(id); it != batch->gates.constEnd())
            return db::PgDeferred<std::optional<Gate>>(std::optional(*it));
    }
    return repo.gate(c.qcGateId, c.gateNumber);
}

// The gate the command names (queued with the lot's lock); a 422 when there is none.
Gate gateOf(const db::PgDeferred<std::optional<Gate>> &found, const wire::RecordDecision &c)
{
    const auto gate = found.get();
    if (!gate)
        throw ApiError::validation(
            c.qcGateId ? QStringLiteral("qc_gate_id") : QStringLiteral("gate_number"),
            QStringLiteral("gate.unknown"),
            QStringLiteral("No QC gate %1.").arg(c.qcGateId ? *c.qcGateId : *c.gateNumber));
    return *gate;
}

// The lot the command names, locked for the rest of the transaction; a 422 when there is none.
LockedLot lockLotOf(const db::PgDeferred<std::optional<LockedLot>> &found,
                    const wire::RecordDecision &c)
{
    const QString code = rules::normalizeLotCode(c.lotCode.value_or(QString()));
    const auto lot = found.get();
    if (!lot)
        throw ApiError::validation(
            c.lotId ? QStringLiteral("lot_id") : QStringLiteral("lot_code"),
            QStringLiteral("lot.unknown"),
            QStringLiteral("No lot %1 is registered.")
                .arg(c.lotId ? c.lotId->toString(QUuid::WithoutBraces) : code));
    return *lot;
}

// Both names given: they must name the same lot and gate, or the decision could go to a lot the
// client did not mean.
void checkSameTargets(const wire::RecordDecision &c, const LockedLot &lot, const Gate &gate)
{
    if (c.lotId && c.lotCode && rules::normalizeLotCode(*c.lotCode) != lot.lotCode)
        throw ApiError::validation(QStringLiteral("lot_code"), QStringLiteral("lot.mismatch"),
                                   QStringLiteral("lot_id names lot %1 but lot_code says %2; send "
                                                  "one of them, or both for the same lot.")
                                       .arg(lot.lotCode, rules::normalizeLotCode(*c.lotCode)));
    if (c.qcGateId && c.gateNumber && *c.gateNumber != gate.number)
        throw ApiError::validation(QStringLiteral("gate_number"), QStringLiteral("gate.mismatch"),
                                   QStringLiteral("qc_gate_id names gate %1 but gate_number says "
                                                  "%2; send one of them, or both for the same "
                                                  "gate.")
                                       .arg(gate.number)
                                       .arg(*c.gateNumber));
}

// The decision's own fields, as the command gives them.
NewDecision newDecision(const wire::RecordDecision &c)
{
    NewDecision d;
    d.id = c.id.value_or(QUuid::createUuid());
    d.decision = c.decision;
    d.notes = c.notes;
    d.temperatureC = c.temperatureC;
    d.correctiveAction = c.correctiveAction;
    d.workstationId = c.workstationId;
    if (c.decidedAt) {
        d.decidedAt = *c.decidedAt;
        d.clientTimeFlagged = c.decidedAt->toSecsSinceEpoch() >
                              QDateTime::currentSecsSinceEpoch() + kClientClockToleranceSecs;
    }
    return d;
}

std::optional<FieldError> checkSigned(const NewDecision &d, const Gate &gate, bool signed_)
{
    if (!rules::signatureRequired(gate.isCcp, gate.passRequiresSignature, d.decision) || signed_)
        return std::nullopt;
    return FieldError{QStringLiteral("signature"), QStringLiteral("signature.required"),
                      QStringLiteral("A %1 at critical control point %2 must be signed "
                                     "electronically by the person who decided it.")
                          .arg(toString(d.decision))
                          .arg(gate.number)};
}

// The rules of a critical control point: the limit for the lot's type, the deviation, the
// corrective action and whether a signature is needed.
void applyCcpRules(NewDecision &d, const Gate &gate, LotType lotType,
                   const QList<CriticalLimit> &limits, bool signed_)
{
    FieldErrors errors;
    if (const auto e = rules::checkCorrectiveAction(gate.isCcp, d.decision, d.correctiveAction))
        errors.append(*e);
    if (gate.isCcp) {
        d.limit = rules::limitFor(limits, lotType);
        if (d.limit && d.temperatureC) {
            d.deviation = !d.limit->contains(*d.temperatureC);
            const QString gateName = QStringLiteral("%1 (gate %2)").arg(gate.name).arg(gate.number);
            if (const auto e =
                    rules::checkCriticalLimit(d.decision, *d.limit, *d.temperatureC, gateName))
                errors.append(*e);
        }
        if (const auto e = checkSigned(d, gate, signed_))
            errors.append(*e);
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
}

signing::DecisionRecord signedContent(const NewDecision &d, const LockedLot &lot, const Gate &gate)
{
    signing::DecisionRecord r;
    r.id = d.id;
    r.lotCode = lot.lotCode;
    r.gateNumber = gate.number;
    r.decision = d.decision;
    r.temperatureC = d.temperatureC;
    r.notes = d.notes;
    r.correctiveAction = d.correctiveAction;
    r.decidedAt = d.decidedAt;
    r.workstationId = d.workstationId;
    return r;
}

// Verifies (or makes) the signature and stores what it proves with the decision.
void sign(api::Tx &tx, NewDecision &d, const SignatureRequest &signature, const LockedLot &lot,
          const Gate &gate)
{
    if (!d.decidedAt.isValid())
        d.decidedAt = QDateTime::currentDateTimeUtc();
    const VerifiedSignature v =
        verifySignature(tx.db, tx.user, signature, signedContent(d, lot, gate));
    d.signerId = v.signerId;
    d.signingKeyId = v.keyId;
    d.signature = v.value;
    d.recordHash = v.recordHash;
    d.clientSignedAt = v.clientSignedAt;
    d.signedAt = v.signedAt;
    d.signatureMeaning = v.meaning;
    d.digitalSignature = v.displayText();
}

// Every decision with the status it leaves its lot in when it is the lot's latest.
QList<std::pair<Decision, LotStatus>> statusAfterEach()
{
    QList<std::pair<Decision, LotStatus>> out;
    for (const Decision d : allDecisions())
        out.append({d, statusrules::statusAfter(d)});
    return out;
}

// Queues the decisions' insert, their lots' status after them (decisions made offline arrive
// late: a status follows the latest decision time) and the read of the decisions as stored.
db::PgDeferred<QHash<QUuid, wire::Decision>> queueWrites(QcRepository &repo,
                                                         const QList<NewDecision> &decisions)
{
    QList<QUuid> lots;
    QList<QUuid> ids;
    for (const NewDecision &d : decisions) {
        lots << d.lotId;
        ids << d.id;
    }
    repo.insert(decisions);
    repo.followLatestDecision(lots, statusAfterEach());
    return repo.decisions(ids);
}

wire::Decision storedDecision(const QHash<QUuid, wire::Decision> &stored, const QUuid &id)
{
    const auto it = stored.constFind(id);
    if (it == stored.constEnd()) // inserted by this transaction: cannot happen
        throw std::logic_error("the decision just recorded was not found");
    return *it;
}

std::function<wire::Decision()> queueInsert(QcRepository &repo, const NewDecision &d)
{
    const auto stored = queueWrites(repo, {d});
    return [stored, id = d.id] { return storedDecision(stored.get(), id); };
}

// queueInsert() answered at once, in a savepoint: a used id or signature is a 409.
wire::Decision insert(api::Tx &tx, QcRepository &repo, const NewDecision &d)
{
    try {
        return tx.db.savepoint("qc_insert", [&] { return queueInsert(repo, d)(); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        if (!d.signature.isEmpty() && !repo.decisions({d.id}).get().contains(d.id))
            throw ApiError::conflict(QStringLiteral("signature-reused"),
                                     QStringLiteral("Signature already used"),
                                     QStringLiteral("This signature is already stored with "
                                                    "another decision; a signature signs one "
                                                    "record only."));
        throw ApiError::conflict(QStringLiteral("decision-id-exists"),
                                 QStringLiteral("Decision id already used"),
                                 QStringLiteral("A QC decision with id %1 is already recorded.")
                                     .arg(d.id.toString(QUuid::WithoutBraces)));
    }
}

void announceAfterCommit(api::Tx &tx, const api::Events &events, Decision decision, int gate)
{
    tx.afterCommit.append([&events, decision, gate] {
        if (events.qcDecisionRecorded)
            events.qcDecisionRecorded(decision, gate);
    });
}

struct Checked
{
    NewDecision decision;
    int gateNumber = 0;
};

// The CCP gate's critical limits, from the batch when it has read them already.
QList<CriticalLimit> limitsOf(QcRepository &repo, int gateId, DecisionBatch *batch)
{
    if (!batch)
        return repo.limits(gateId);
    auto it = batch->limits.find(gateId);
    if (it == batch->limits.end())
        it = batch->limits.insert(gateId, repo.limits(gateId));
    return *it;
}

// The decision the command asks for, checked against its gate and lot (the lot locked for the
// rest of the transaction, or `pending` in it) and signed where it must be. Round trips: the
// gate and the lot's lock, when neither is known; the CCP's limits (CCP gates only, once in a
// batch); the signature's checks (signed decisions only).
Checked checked(api::Tx &tx, QcRepository &repo, const wire::RecordDecision &command,
                const std::optional<LockedLot> &pending = std::nullopt,
                DecisionBatch *batch = nullptr)
{
    const auto queuedGate = queueGate(repo, command, batch);
    const auto queuedLot =
        pending ? db::PgDeferred<std::optional<LockedLot>>(pending)
                : repo.lockLot(command.lotId,
                               rules::normalizeLotCode(command.lotCode.value_or(QString())));
    const Gate gate = gateOf(queuedGate, command);
    if (batch) {
        batch->gates.insert(gate.id, gate);
        batch->gateIdOfNumber.insert(gate.number, gate.id);
    }
    if (const auto e = rules::checkCcpTemperature(gate.isCcp, command.temperatureC.has_value()))
        throw ApiError::validation({*e});
    const LockedLot lot = lockLotOf(queuedLot, command);
    checkSameTargets(command, lot, gate);
    NewDecision d = newDecision(command);
    applyCcpRules(d, gate, lot.type,
                  gate.isCcp ? limitsOf(repo, gate.id, batch) : QList<CriticalLimit>(),
                  command.signature.has_value());
    if (command.signature)
        sign(tx, d, *command.signature, lot, gate);
    d.lotId = lot.id;
    d.gateId = gate.id;
    d.operatorId = tx.user.userId;
    return {d, gate.number};
}

} // namespace

// Decisions on lots waiting in a sync batch, written together right after those lots' insert.
struct DecisionBatch::Group
{
    QList<NewDecision> decisions;
    QSet<QUuid> lots; // of the decisions: one decision each
    std::optional<db::PgDeferred<QHash<QUuid, wire::Decision>>> stored;
    std::optional<QHash<QUuid, wire::Decision>> answered; // read once for all of them
};

wire::Decision record(api::Tx &tx, const wire::RecordDecision &command, const api::Events &events)
{
    QcRepository repo(tx.db);
    const Checked c = checked(tx, repo, command);
    const wire::Decision stored = insert(tx, repo, c.decision);
    announceAfterCommit(tx, events, command.decision, c.gateNumber);
    return stored;
}

std::function<wire::Decision()> queueRecord(api::Tx &tx, const wire::RecordDecision &command,
                                            const api::Events &events, DecisionBatch &batch)
{
    QcRepository repo(tx.db);
    const auto pending = batch.pendingLot(
        command.lotId, rules::normalizeLotCode(command.lotCode.value_or(QString())));
    if (!pending) // the lot's lock must see the lots registered before the decision
        batch.sendPendingLots();
    const Checked c = checked(tx, repo, command, pending, &batch);
    announceAfterCommit(tx, events, command.decision, c.gateNumber);
    if (!pending)
        return queueInsert(repo, c.decision);
    // Decisions on waiting lots are written together, one group per lot's decision: the status
    // read back with each is then the one right after it.
    if (!batch.open || batch.open->lots.contains(c.decision.lotId)) {
        auto group = std::make_shared<DecisionBatch::Group>();
        batch.open = group;
        batch.afterPendingLots([&db = tx.db, &batch, group] {
            if (batch.open == group) // decisions after this are written after it
                batch.open.reset();
            QcRepository after(db);
            group->stored = queueWrites(after, group->decisions);
        });
    }
    const std::shared_ptr<DecisionBatch::Group> group = batch.open;
    group->decisions.append(c.decision);
    group->lots.insert(c.decision.lotId);
    return [group, id = c.decision.id, send = batch.sendPendingLots] {
        if (!group->stored)
            send();
        if (!group->answered)
            group->answered = group->stored->get();
        return storedDecision(*group->answered, id);
    };
}

QList<wire::Decision> decisionsForLot(api::Tx &tx, const QString &lotCode)
{
    QcRepository repo(tx.db);
    const QString code = rules::normalizeLotCode(lotCode);
    const auto id = repo.lotId(code);
    if (!id)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    return repo.decisionsForLot(*id);
}

QList<wire::QcGate> gates(api::Tx &tx)
{
    return QcRepository(tx.db).gateRecords();
}

Gate gateByNumber(api::Tx &tx, const QString &gateNumber)
{
    bool ok = false;
    const int number = gateNumber.toInt(&ok);
    const auto found =
        ok && number > 0 ? QcRepository(tx.db).gate(std::nullopt, number).get() : std::nullopt;
    if (!found)
        throw ApiError::notFound(QStringLiteral("No QC gate %1.").arg(gateNumber));
    return *found;
}

wire::QcGate setLimit(api::Tx &tx, const Gate &gate, const SetLimit &command)
{
    QcRepository repo(tx.db);
    repo.setLimit(gate.id, command.limit, tx.user.userId, command.reason);
    return *repo.gateRecord(gate.number);
}

QList<wire::LimitChange> limitChanges(api::Tx &tx, const QString &gateNumber)
{
    return QcRepository(tx.db).limitChanges(gateByNumber(tx, gateNumber).id);
}

} // namespace flowviz::qc::service
