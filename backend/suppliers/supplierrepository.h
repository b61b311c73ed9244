#pragma once

#include "backend/api/partyfields.h"
#include "backend/db/pgsession.h"

#include "domain/wire/supplier.h"

#include <QList>
#include <QString>

#include <optional>

namespace flowviz::suppliers {

// What PATCH /api/v1/suppliers/{code} changes: absent members are kept.
using SupplierChange = api::PartyChange;

// SQL for suppliers and for the lots received from them.
class SupplierRepository
{
public:
    explicit SupplierRepository(db::PgSession &db) : m_db(db) {}

    // False when the code (or the id) is taken; nothing is written then.
    bool insert(const wire::CreateSupplier &s, const QUuid &id, const QUuid &by);
    std::optional<wire::Supplier> find(const QString &code);
    QList<wire::Supplier> list(const std::optional<bool> &active);
    // False when there is no such supplier.
    bool update(const QString &code, const SupplierChange &change);
    // The RAW lots received from the supplier, newest receipt first; only those under the
    // supplier's lot code `supplierLotCode` when it is not empty.
    QList<wire::ReceivedLot> receivedLots(const QString &code, const QString &supplierLotCode,
                                          int limit);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::suppliers
