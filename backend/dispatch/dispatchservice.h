#pragma once

#include "backend/api/apicontext.h"
#include "backend/dispatch/dispatchdecoder.h"
#include "backend/dispatch/dispatchrepository.h"

#include "domain/wire/dispatch.h"

namespace flowviz::dispatch::service {

// 409 when the code or id is taken.
wire::Customer createCustomer(api::Tx &tx, const wire::CreateCustomer &command);
QList<wire::Customer> customers(api::Tx &tx, const std::optional<bool> &active);
// 404 for an unknown customer.
wire::Customer updateCustomer(api::Tx &tx, const QString &code, const CustomerChange &change);
// 404 for an unknown customer, 409 when it has a place with the code.
wire::Customer addShipTo(api::Tx &tx, const QString &code, const wire::ShipTo &place);

// The lot's CCP records (on it and on every lot it was made from), their digest and the reviews.
QJsonObject ccpReview(api::Tx &tx, const QString &lotCode);
// Records a signed review by a second person; 409 when the records changed since the reviewer
// saw them, when there are none, or when the reviewer or signer made one of them.
wire::CcpReview reviewCcpRecords(api::Tx &tx, const QString &lotCode, const ReviewCommand &command);

wire::Shipment createShipment(api::Tx &tx, const wire::CreateShipment &command);
QJsonArray shipments(api::Tx &tx, const std::optional<ShipmentStatus> &status,
                     const QString &customerCode, int limit);
wire::Shipment shipment(api::Tx &tx, const QString &reference);
// Puts an FG lot on an OPEN shipment: only RELEASED, CCP-reviewed and within the lot's weight.
wire::Shipment addLine(api::Tx &tx, const QString &reference, const AddLine &line);
void removeLine(api::Tx &tx, const QString &reference, const QString &lotCode);
// OPEN → DISPATCHED after checking every lot again; OPEN → CANCELLED.
wire::Shipment dispatchShipment(api::Tx &tx, const QString &reference);
wire::Shipment cancelShipment(api::Tx &tx, const QString &reference);

} // namespace flowviz::dispatch::service
