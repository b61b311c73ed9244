#pragma once

#include "backend/qc/qcrepository.h"
#include "backend/qc/setlimitdecoder.h"

#include "backend/api/apicontext.h"

#include "domain/wire/decision.h"
#include "domain/wire/gate.h"

#include <QHash>
#include <QList>

#include <functional>
#include <memory>

namespace flowviz::qc::service {

// Records a QC decision at a gate and moves the lot's status to follow the decision with the
// latest decision time. The answer carries the lot's status after the decision.
wire::Decision record(api::Tx &tx, const wire::RecordDecision &command, const api::Events &events);
// What the decisions of one sync transaction share, so that most of them wait for no round trip
// of their own: the gates and critical limits, read once, and the lots registered earlier in the
// transaction whose insert waits to be sent with the others. A decision on such a lot is checked
// against the lot as registered (no other transaction can see it yet) and its writes are queued
// right after that insert.
struct DecisionBatch
{
    // The lot the command names (by id when it gives one, else by normalized code) if it waits
    // to be inserted.
    std::function<std::optional<LockedLot>(const std::optional<QUuid> &id, const QString &code)>
        pendingLot;
    // Queues `writes` right after the waiting lots' insert.
    std::function<void(std::function<void()> writes)> afterPendingLots;
    // Queues the waiting lots' insert, and what waits for it.
    std::function<void()> sendPendingLots;

    QHash<int, Gate> gates;                  // by id
    QHash<int, int> gateIdOfNumber;          // gate number -> id
    QHash<int, QList<CriticalLimit>> limits; // by gate id

    // The decisions on waiting lots whose writes are not queued yet, if any.
    struct Group;
    std::shared_ptr<Group> open;
};

// record() without waiting for the writes: the decision is checked, its insert, its lot's new
// status and its read are queued, and they go with the transaction's next round trip after
// the lot's own insert, when the function returned is called (it throws what that round trip
// throws; a used id or signature is a plain unique violation there, not the 409 record()
// answers). The function is called while `batch` lives.
std::function<wire::Decision()> queueRecord(api::Tx &tx, const wire::RecordDecision &command,
                                            const api::Events &events, DecisionBatch &batch);
// Every decision of the lot, oldest first; 404 for an unknown lot.
QList<wire::Decision> decisionsForLot(api::Tx &tx, const QString &lotCode);
QList<wire::QcGate> gates(api::Tx &tx);
// The gate with this number (path text); 404 when there is none.
Gate gateByNumber(api::Tx &tx, const QString &gateNumber);
// Sets a critical limit of a CCP gate (for one lot type, or gate-wide); audited.
wire::QcGate setLimit(api::Tx &tx, const Gate &gate, const SetLimit &command);
// Every change of the gate's limits, newest first; 404 for an unknown gate.
QList<wire::LimitChange> limitChanges(api::Tx &tx, const QString &gateNumber);

} // namespace flowviz::qc::service
