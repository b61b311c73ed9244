#pragma once

#include "backend/qc/qcrepository.h"
#include "backend/qc/setlimitdecoder.h"

#include "backend/api/apicontext.h"

#include "domain/wire/decision.h"
#include "domain/wire/gate.h"

#include <QList>

#include <functional>

namespace flowviz::qc::service {

// Records a QC decision at a gate and moves the lot's status to follow the decision with the
// latest decision time. The answer carries the lot's status after the decision.
wire::Decision record(api::Tx &tx, const wire::RecordDecision &command, const api::Events &events);
// record() without waiting for the writes: the decision is checked, its insert, its lot's new
// status and its read are queued, and they go with the transaction's next round trip, when the
// function returned is called (it throws what that round trip throws; a used id or signature
// is a plain unique violation there, not the 409 record() answers).
std::function<wire::Decision()> queueRecord(api::Tx &tx, const wire::RecordDecision &command,
                                            const api::Events &events);
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
