#pragma once

#include "backend/api/apicontext.h"
#include "backend/suppliers/supplierrepository.h"

#include "domain/wire/supplier.h"

namespace flowviz::suppliers::service {

// 409 when the code or id is taken.
wire::Supplier create(api::Tx &tx, const wire::CreateSupplier &command);
QList<wire::Supplier> list(api::Tx &tx, const std::optional<bool> &active);
// 404 for an unknown supplier.
wire::Supplier update(api::Tx &tx, const QString &code, const SupplierChange &change);
// The supplier and the lots received from it (under one of its lot codes when given).
QJsonObject receipts(api::Tx &tx, const QString &code, const QString &supplierLotCode, int limit);

} // namespace flowviz::suppliers::service
