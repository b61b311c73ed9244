#pragma once

#include "backend/suppliers/supplierrepository.h"

#include "domain/wire/supplier.h"

#include <QJsonObject>

namespace flowviz::suppliers {

// The strict decoders of what a client sends to the supplier routes (422 on any problem).
wire::CreateSupplier decodeCreateSupplier(const QJsonObject &body);
SupplierChange decodeSupplierChange(const QJsonObject &body);

} // namespace flowviz::suppliers
