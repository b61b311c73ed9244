#include "backend/dispatch/dispatchservice.h"

#include "domain/decisionsignature.h"

#include <QJsonArray>

namespace flowviz::dispatch::service {

using api::ApiError;

namespace {

wire::Customer existingCustomer(DispatchRepository &repo, const QString &code)
{
    auto found = repo.customer(code);
    if (!found)
        throw ApiError::notFound(QStringLiteral("No customer %1 is registered.").arg(code));
    return *found;
}

wire::Shipment existingShipment(DispatchRepository &repo, const QString &reference)
{
    auto found = repo.shipment(reference);
    if (!found)
        throw ApiError::notFound(QStringLiteral("No shipment %1 is registered.").arg(reference));
    return *found;
}

ShipmentRow lockOpenShipment(DispatchRepository &repo, const QString &reference,
                             const QString &change)
{
    const auto row = repo.lockShipment(reference);
    if (!row)
        throw ApiError::notFound(QStringLiteral("No shipment %1 is registered.").arg(reference));
    if (row->status != ShipmentStatus::OPEN)
        throw ApiError::conflict(QStringLiteral("shipment-not-open"),
                                 QStringLiteral("Shipment is not open"),
                                 QStringLiteral("Shipment %1 is %2: %3 only while it is OPEN.")
                                     .arg(reference, toString(row->status), change));
    return *row;
}

ShippableLot existingLot(DispatchRepository &repo, const QString &lotCode,
                         DispatchRepository::RowLock lock = DispatchRepository::RowLock::ForUpdate)
{
    const auto lot = repo.shippableLot(lotCode, lock);
    if (!lot)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(lotCode));
    return *lot;
}

// Why the lot may not go on a shipment now, or nullopt. The weight is checked by the caller.
std::optional<ApiError> shippingRefusal(const ShippableLot &lot)
{
    if (lot.status != LotStatus::RELEASED)
        return ApiError::conflict(QStringLiteral("lot-not-released"),
                                  QStringLiteral("Lot is not released"),
                                  QStringLiteral("Lot %1 is %2: only a RELEASED lot ships.")
                                      .arg(lot.lotCode, toString(lot.status)));
    if (!lot.reviewCurrent)
        return ApiError::conflict(
            QStringLiteral("ccp-review-missing"), QStringLiteral("CCP records not reviewed"),
            lot.reviewed
                ? QStringLiteral("CCP records of lot %1 were added after its last review: a "
                                 "second person must review them again before it ships.")
                      .arg(lot.lotCode)
                : QStringLiteral("The CCP records of lot %1 were not reviewed: a second person "
                                 "reviews and signs them before the lot ships (9 CFR 417.5(c)).")
                      .arg(lot.lotCode));
    return std::nullopt;
}

} // namespace

wire::Customer createCustomer(api::Tx &tx, const wire::CreateCustomer &command)
{
    DispatchRepository repo(tx.db);
    if (!repo.insertCustomer(command, command.id.value_or(QUuid::createUuid()), tx.user.userId))
        throw ApiError::conflict(
            QStringLiteral("duplicate-customer"), QStringLiteral("Customer already registered"),
            repo.customerRef(command.customerCode)
                ? QStringLiteral("Customer %1 is already registered.").arg(command.customerCode)
                : QStringLiteral("A customer with id %1 is already registered.")
                      .arg(command.id->toString(QUuid::WithoutBraces)));
    return existingCustomer(repo, command.customerCode);
}

QList<wire::Customer> customers(api::Tx &tx, const std::optional<bool> &active)
{
    return DispatchRepository(tx.db).customers(active);
}

wire::Customer updateCustomer(api::Tx &tx, const QString &code, const CustomerChange &change)
{
    DispatchRepository repo(tx.db);
    if (!repo.updateCustomer(code, change))
        existingCustomer(repo, code); // throws the 404
    return existingCustomer(repo, code);
}

wire::Customer addShipTo(api::Tx &tx, const QString &code, const wire::ShipTo &place)
{
    DispatchRepository repo(tx.db);
    const wire::Customer customer = existingCustomer(repo, code);
    if (!repo.insertShipTo(customer.id, place))
        throw ApiError::conflict(QStringLiteral("duplicate-ship-to"),
                                 QStringLiteral("Ship-to location already registered"),
                                 QStringLiteral("Customer %1 already has ship-to location %2.")
                                     .arg(code, place.shipToCode));
    return existingCustomer(repo, code);
}

QJsonObject ccpReview(api::Tx &tx, const QString &lotCode)
{
    DispatchRepository repo(tx.db);
    const ShippableLot lot = existingLot(repo, lotCode, DispatchRepository::RowLock::None);
    QJsonArray records;
    for (const wire::CcpRecord &r : repo.ccpRecords(lot.id))
        records.append(r.toJson());
    QJsonArray reviews;
    for (const wire::CcpReview &v : repo.reviews(lot.id))
        reviews.append(v.toJson());
    return QJsonObject{{QStringLiteral("lot_code"), lot.lotCode},
                       {QStringLiteral("lot_type"), toString(lot.type)},
                       {QStringLiteral("status"), toString(lot.status)},
                       {QStringLiteral("record_count"), records.size()},
                       {QStringLiteral("records_digest"),
                        QString::fromLatin1(repo.ccpRecordsDigest(lot.id).toHex())},
                       {QStringLiteral("records"), records},
                       {QStringLiteral("reviewed"), lot.reviewCurrent},
                       {QStringLiteral("reviews"), reviews}};
}

wire::CcpReview reviewCcpRecords(api::Tx &tx, const QString &lotCode, const ReviewCommand &command)
{
    DispatchRepository repo(tx.db);
    const ShippableLot lot = existingLot(repo, lotCode);
    const QList<wire::CcpRecord> records = repo.ccpRecords(lot.id);
    if (records.isEmpty())
        throw ApiError::conflict(QStringLiteral("ccp-records-none"),
                                 QStringLiteral("No CCP records to review"),
                                 QStringLiteral("Lot %1 and the lots it was made from have no "
                                                "decision at a CCP gate: there is nothing to "
                                                "review, and the lot cannot ship.")
                                     .arg(lot.lotCode));
    const QByteArray digest = repo.ccpRecordsDigest(lot.id);
    if (digest != command.recordsDigest)
        throw ApiError::conflict(QStringLiteral("ccp-records-changed"),
                                 QStringLiteral("CCP records changed"),
                                 QStringLiteral("The CCP records of lot %1 changed after they "
                                                "were shown for review: review them again.")
                                     .arg(lot.lotCode));
    const QList<QUuid> makers = repo.ccpRecordMakers(lot.id);
    if (makers.contains(tx.user.userId))
        throw ApiError::conflict(QStringLiteral("ccp-review-same-person"),
                                 QStringLiteral("Reviewer made a CCP record"),
                                 QStringLiteral("%1 recorded or signed a CCP record of lot %2: "
                                                "someone who made none of them reviews them.")
                                     .arg(tx.user.username, lot.lotCode));

    signing::ReviewRecord record;
    record.id = command.id.value_or(QUuid::createUuid());
    record.lotCode = lot.lotCode;
    record.recordCount = int(records.size());
    record.recordsDigest = digest;
    record.notes = command.notes;
    const qc::VerifiedSignature v = qc::verifySignature(
        tx.db, tx.user, command.signature,
        [record](const qc::SignatureClaims &c) mutable {
            record.signer = c.signer;
            record.keyId = c.keyId;
            record.meaning = c.meaning;
            record.signedAt = c.signedAt;
            return signing::canonicalReview(record);
        },
        QStringLiteral("review"));
    if (makers.contains(v.signerId))
        throw ApiError::conflict(QStringLiteral("ccp-review-same-person"),
                                 QStringLiteral("Reviewer made a CCP record"),
                                 QStringLiteral("%1 recorded or signed a CCP record of lot %2 and "
                                                "may not sign its review.")
                                     .arg(v.signerUsername, lot.lotCode));
    DispatchRepository::NewReview row{record.id, lot.id,        tx.user.userId, record.recordCount,
                                      digest,    command.notes, v.signerId,     v.keyId,
                                      v.value,   v.recordHash,  v.meaning,      v.clientSignedAt,
                                      v.signedAt};
    if (!repo.insertReview(row))
        throw ApiError::conflict(QStringLiteral("review-exists"),
                                 QStringLiteral("Review already recorded"),
                                 QStringLiteral("A review with id %1, or with this signature, is "
                                                "already recorded.")
                                     .arg(record.id.toString(QUuid::WithoutBraces)));
    for (const wire::CcpReview &r : repo.reviews(lot.id)) {
        if (r.id == record.id)
            return r;
    }
    throw std::logic_error("the review just stored was not found");
}

wire::Shipment createShipment(api::Tx &tx, const wire::CreateShipment &command)
{
    DispatchRepository repo(tx.db);
    const auto customer = repo.customerRef(command.customerCode);
    if (!customer)
        throw ApiError::validation(
            QStringLiteral("customer_code"), QStringLiteral("customer.unknown"),
            QStringLiteral("No customer %1 is registered.").arg(command.customerCode));
    if (!customer->active)
        throw ApiError::validation(
            QStringLiteral("customer_code"), QStringLiteral("customer.inactive"),
            QStringLiteral("Customer %1 no longer takes shipments.").arg(command.customerCode));
    std::optional<QUuid> shipTo;
    if (command.shipToCode) {
        shipTo = repo.shipToId(customer->id, *command.shipToCode);
        if (!shipTo)
            throw ApiError::validation(
                QStringLiteral("ship_to_code"), QStringLiteral("ship_to.unknown"),
                QStringLiteral("Customer %1 has no active ship-to location %2.")
                    .arg(command.customerCode, *command.shipToCode));
    }
    if (!repo.insertShipment(command.id.value_or(QUuid::createUuid()), command, customer->id,
                             shipTo, tx.user.userId))
        throw ApiError::conflict(
            QStringLiteral("duplicate-shipment"), QStringLiteral("Shipment already registered"),
            repo.shipment(command.reference)
                ? QStringLiteral("Shipment %1 is already registered.").arg(command.reference)
                : QStringLiteral("A shipment with id %1 is already registered.")
                      .arg(command.id->toString(QUuid::WithoutBraces)));
    return existingShipment(repo, command.reference);
}

QJsonArray shipments(api::Tx &tx, const std::optional<ShipmentStatus> &status,
                     const QString &customerCode, int limit)
{
    QJsonArray items;
    for (const QJsonObject &s : DispatchRepository(tx.db).shipments(status, customerCode, limit))
        items.append(s);
    return items;
}

wire::Shipment shipment(api::Tx &tx, const QString &reference)
{
    DispatchRepository repo(tx.db);
    return existingShipment(repo, reference);
}

wire::Shipment addLine(api::Tx &tx, const QString &reference, const AddLine &line)
{
    DispatchRepository repo(tx.db);
    const ShipmentRow shipment =
        lockOpenShipment(repo, reference, QStringLiteral("lots are added"));
    const auto lot = repo.shippableLot(line.lotCode, DispatchRepository::RowLock::ForUpdate);
    if (!lot)
        throw ApiError::validation(QStringLiteral("lot_code"), QStringLiteral("lot.unknown"),
                                   QStringLiteral("No lot %1 is registered.").arg(line.lotCode));
    if (lot->type != LotType::FG)
        throw ApiError::validation(QStringLiteral("lot_code"), QStringLiteral("lot.not_fg"),
                                   QStringLiteral("Lot %1 is %2: only finished goods (FG) ship.")
                                       .arg(lot->lotCode, toString(lot->type)));
    if (repo.lineExists(shipment.id, lot->id))
        throw ApiError::conflict(QStringLiteral("line-exists"),
                                 QStringLiteral("Lot already on the shipment"),
                                 QStringLiteral("Lot %1 is already on shipment %2: remove its "
                                                "line first to change the kilograms.")
                                     .arg(lot->lotCode, reference));
    if (const auto refusal = shippingRefusal(*lot))
        throw *refusal;
    if (!lot->weightKg)
        throw ApiError::conflict(QStringLiteral("lot-without-weight"),
                                 QStringLiteral("Lot has no weight"),
                                 QStringLiteral("Lot %1 has no recorded weight, so what ships of "
                                                "it cannot be checked.")
                                     .arg(lot->lotCode));
    if (lot->shippedKg + line.quantityKg > *lot->weightKg)
        throw ApiError::conflict(
            QStringLiteral("over-shipping"), QStringLiteral("More than the lot weighs"),
            QStringLiteral("Lot %1 weighs %2 kg and %3 kg of it are already on shipments: %4 kg "
                           "more would ship more than was made.")
                .arg(lot->lotCode, lot->weightKg->toString(), lot->shippedKg.toString(),
                     line.quantityKg.toString()));
    repo.insertLine(shipment.id, lot->id, line.quantityKg, tx.user.userId);
    return existingShipment(repo, reference);
}

void removeLine(api::Tx &tx, const QString &reference, const QString &lotCode)
{
    DispatchRepository repo(tx.db);
    const ShipmentRow shipment =
        lockOpenShipment(repo, reference, QStringLiteral("lots are removed"));
    if (!repo.deleteLine(shipment.id, lotCode))
        throw ApiError::notFound(
            QStringLiteral("Lot %1 is not on shipment %2.").arg(lotCode, reference));
}

wire::Shipment dispatchShipment(api::Tx &tx, const QString &reference)
{
    DispatchRepository repo(tx.db);
    const ShipmentRow shipment =
        lockOpenShipment(repo, reference, QStringLiteral("it is dispatched"));
    const QStringList lots = repo.lineLots(shipment.id);
    if (lots.isEmpty())
        throw ApiError::conflict(
            QStringLiteral("shipment-empty"), QStringLiteral("Shipment has no lots"),
            QStringLiteral("Shipment %1 has no lots to dispatch.").arg(reference));
    // A lot may have been put on HOLD, or got new CCP records, since it was added.
    for (const QString &code : lots) {
        if (const auto refusal = shippingRefusal(existingLot(repo, code)))
            throw *refusal;
    }
    repo.setDispatched(shipment.id, tx.user.userId);
    return existingShipment(repo, reference);
}

wire::Shipment cancelShipment(api::Tx &tx, const QString &reference)
{
    DispatchRepository repo(tx.db);
    const ShipmentRow shipment =
        lockOpenShipment(repo, reference, QStringLiteral("it is cancelled"));
    repo.setCancelled(shipment.id);
    return existingShipment(repo, reference);
}

} // namespace flowviz::dispatch::service
