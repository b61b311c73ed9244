#pragma once

#include "backend/api/partyfields.h"
#include "backend/db/pgsession.h"

#include "domain/wire/dispatch.h"

#include <QList>
#include <QString>

#include <optional>

namespace flowviz::dispatch {

// What PATCH /api/v1/customers/{code} changes: absent members are kept.
using CustomerChange = api::PartyChange;

// A customer row as the shipment routes need it.
struct CustomerRef
{
    QUuid id;
    bool active = true;
};

// A lot locked for shipping (FOR UPDATE): what the shipping rules look at.
struct ShippableLot
{
    QUuid id;
    QString lotCode;
    LotType type = LotType::FG;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    Decimal shippedKg;          // on shipments that are not cancelled
    bool reviewCurrent = false; // a review whose digest is the lot's CCP records' digest now
    bool reviewed = false;      // any review at all
};

struct ShipmentRow
{
    QUuid id;
    ShipmentStatus status = ShipmentStatus::OPEN;
};

// SQL for customers, ship-to locations, CCP reviews and shipments.
class DispatchRepository
{
public:
    explicit DispatchRepository(db::PgSession &db) : m_db(db) {}

    // False when the code (or the id) is taken; nothing is written then.
    bool insertCustomer(const wire::CreateCustomer &c, const QUuid &id, const QUuid &by);
    std::optional<wire::Customer> customer(const QString &code);
    std::optional<CustomerRef> customerRef(const QString &code);
    QList<wire::Customer> customers(const std::optional<bool> &active);
    bool updateCustomer(const QString &code, const CustomerChange &change);
    // False when the customer already has a place with this code.
    bool insertShipTo(const QUuid &customerId, const wire::ShipTo &place);
    std::optional<QUuid> shipToId(const QUuid &customerId, const QString &shipToCode);

    // Whether a read of the lot holds its row until the transaction ends (writes) or not (reads).
    enum class RowLock
    {
        ForUpdate,
        None
    };
    // The lot's id, code, type, shipped weight and review state; nullopt for an unknown lot.
    std::optional<ShippableLot> shippableLot(const QString &code, RowLock lock);
    QList<wire::CcpRecord> ccpRecords(const QUuid &lotId);
    QByteArray ccpRecordsDigest(const QUuid &lotId);
    // The users who made or signed any of the lot's CCP records.
    QList<QUuid> ccpRecordMakers(const QUuid &lotId);
    QList<wire::CcpReview> reviews(const QUuid &lotId);
    struct NewReview
    {
        QUuid id;
        QUuid lotId;
        QUuid reviewerId;
        int recordCount = 0;
        QByteArray recordsDigest;
        QString notes;
        QUuid signerId;
        QUuid signingKeyId;
        QByteArray signature;
        QByteArray recordHash;
        QString meaning;
        QDateTime clientSignedAt;
        QDateTime signedAt;
    };
    // False when the id or the signature is taken.
    bool insertReview(const NewReview &review);

    bool insertShipment(const QUuid &id, const wire::CreateShipment &s, const QUuid &customerId,
                        const std::optional<QUuid> &shipToId, const QUuid &by);
    // The shipment locked (FOR UPDATE); nullopt when unknown.
    std::optional<ShipmentRow> lockShipment(const QString &reference);
    std::optional<wire::Shipment> shipment(const QString &reference);
    // Newest ship date first, without lines (line_count and total_kg summarise them).
    QList<QJsonObject> shipments(const std::optional<ShipmentStatus> &status,
                                 const QString &customerCode, int limit);
    bool lineExists(const QUuid &shipmentId, const QUuid &lotId);
    void insertLine(const QUuid &shipmentId, const QUuid &lotId, const Decimal &quantityKg,
                    const QUuid &by);
    // False when the lot is not on the shipment.
    bool deleteLine(const QUuid &shipmentId, const QString &lotCode);
    // The lot codes on the shipment, in code order.
    QStringList lineLots(const QUuid &shipmentId);
    void setDispatched(const QUuid &shipmentId, const QUuid &by);
    void setCancelled(const QUuid &shipmentId);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::dispatch
