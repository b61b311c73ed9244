#pragma once

#include "backend/dispatch/dispatchrepository.h"
#include "backend/qc/decisionsigning.h"

#include "domain/wire/dispatch.h"

#include <QJsonObject>

namespace flowviz::dispatch {

// The strict decoders of what a client sends to the dispatch routes (422 on any problem).
wire::CreateCustomer decodeCreateCustomer(const QJsonObject &body);
CustomerChange decodeCustomerChange(const QJsonObject &body);
wire::ShipTo decodeShipTo(const QJsonObject &body);
wire::CreateShipment decodeCreateShipment(const QJsonObject &body);

// POST /api/v1/shipments/{reference}/lines.
struct AddLine
{
    QString lotCode; // normalised
    Decimal quantityKg;
};
AddLine decodeAddLine(const QJsonObject &body);

// POST /api/v1/lots/{code}/ccp-review: the digest of the records the reviewer saw, notes and
// the signature.
struct ReviewCommand
{
    std::optional<QUuid> id;
    QByteArray recordsDigest; // 32 bytes
    QString notes;
    qc::SignatureRequest signature;
};
ReviewCommand decodeReview(const QJsonObject &body);

} // namespace flowviz::dispatch
