#include "backend/suppliers/supplierservice.h"

#include <QJsonArray>

namespace flowviz::suppliers::service {

using api::ApiError;

namespace {

wire::Supplier existing(SupplierRepository &repo, const QString &code)
{
    auto found = repo.find(code);
    if (!found)
        throw ApiError::notFound(QStringLiteral("No supplier %1 is registered.").arg(code));
    return *found;
}

} // namespace

wire::Supplier create(api::Tx &tx, const wire::CreateSupplier &command)
{
    SupplierRepository repo(tx.db);
    if (!repo.insert(command, command.id.value_or(QUuid::createUuid()), tx.user.userId))
        throw ApiError::conflict(
            QStringLiteral("duplicate-supplier"), QStringLiteral("Supplier already registered"),
            repo.find(command.supplierCode)
                ? QStringLiteral("Supplier %1 is already registered.").arg(command.supplierCode)
                : QStringLiteral("A supplier with id %1 is already "
                                 "registered.")
                      .arg(command.id->toString(QUuid::WithoutBraces)));
    return existing(repo, command.supplierCode);
}

QList<wire::Supplier> list(api::Tx &tx, const std::optional<bool> &active)
{
    return SupplierRepository(tx.db).list(active);
}

wire::Supplier update(api::Tx &tx, const QString &code, const SupplierChange &change)
{
    SupplierRepository repo(tx.db);
    if (!repo.update(code, change))
        existing(repo, code); // throws the 404
    return existing(repo, code);
}

QJsonObject receipts(api::Tx &tx, const QString &code, const QString &supplierLotCode, int limit)
{
    SupplierRepository repo(tx.db);
    const wire::Supplier supplier = existing(repo, code);
    QJsonArray items;
    for (const wire::ReceivedLot &l : repo.receivedLots(code, supplierLotCode, limit))
        items.append(l.toJson());
    return QJsonObject{{QStringLiteral("supplier"), supplier.toJson()},
                       {QStringLiteral("supplier_lot_code"),
                        supplierLotCode.isEmpty() ? QJsonValue() : QJsonValue(supplierLotCode)},
                       {QStringLiteral("items"), items}};
}

} // namespace flowviz::suppliers::service
