#pragma once

#include "backend/api/apicontext.h"

namespace flowviz::qc::service {

// Records a QC decision at a gate and moves the lot's status to follow the decision with the
// latest decision time.
http::Response record(api::Tx &tx, const QJsonObject &body, const api::Events &events);
http::Response decisionsForLot(api::Tx &tx, const QString &lotCode);
http::Response gates(api::Tx &tx);
// Sets a critical limit of a CCP gate (for one lot type, or gate-wide); audited.
http::Response setLimit(api::Tx &tx, const QString &gateNumber, const QJsonObject &body);
// Every change of the gate's limits, newest first.
http::Response limitChanges(api::Tx &tx, const QString &gateNumber);

} // namespace flowviz::qc::service
