#include "backend/recalls/recallservice.h"

#include "backend/recalls/recallrepository.h"

#include "backend/api/apierror.h"

#include <stdexcept>

namespace flowviz::recalls::service {

using api::ApiError;

wire::Recall openRecall(api::Tx &tx, const wire::OpenRecall &command)
{
    RecallRepository repo(tx.db);
    const auto root = repo.lockRoot(command.lotCode);
    if (!root)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(command.lotCode));
    const auto open = repo.openRecallOf(root->id);
    if (open && !command.drill)
        throw ApiError::conflict(QStringLiteral("recall-open"),
                                 QStringLiteral("Lot already recalled"),
                                 QStringLiteral("Lot %1 is in open recall %2: close that one "
                                                "before the lot is recalled again.")
                                     .arg(root->lotCode, *open));
    const QUuid id = command.id.value_or(QUuid::createUuid());
    if (command.id && repo.referenceOf(id))
        throw ApiError::conflict(QStringLiteral("duplicate-recall"),
                                 QStringLiteral("Recall already registered"),
                                 QStringLiteral("A recall with id %1 is already registered.")
                                     .arg(id.toString(QUuid::WithoutBraces)));
    repo.open(id, root->id, command.reason, tx.user.userId, command.drill);
    return recall(tx, *repo.referenceOf(id));
}

wire::Recall recall(api::Tx &tx, const QString &reference)
{
    auto found = RecallRepository(tx.db).recall(reference);
    if (!found)
        throw ApiError::notFound(QStringLiteral("No recall %1 is registered.").arg(reference));
    return *found;
}

QByteArray recallWorkbook(api::Tx &tx, const QString &reference)
{
    const wire::Recall found = recall(tx, reference);
    const QByteArray book = recallXlsx(found, RecallRepository(tx.db).kdeEvents(found.id));
    if (book.isEmpty())
        throw std::runtime_error("the recall's workbook could not be written");
    return book;
}

QList<wire::Recall> recalls(api::Tx &tx, const std::optional<RecallStatus> &status,
                            const std::optional<bool> &drill, int limit)
{
    return RecallRepository(tx.db).recalls(status, drill, limit);
}

QList<KdeEvent> kdeEvents(api::Tx &tx, LotType product, const QDate &from, const QDate &to)
{
    return RecallRepository(tx.db).kdeEvents(product, from, to);
}

wire::Recall closeRecall(api::Tx &tx, const QString &reference, const QString &note)
{
    RecallRepository repo(tx.db);
    if (!repo.close(reference, tx.user.userId, note)) {
        const wire::Recall existing = recall(tx, reference);
        throw ApiError::conflict(
            QStringLiteral("recall-closed"), QStringLiteral("Recall is closed"),
            QStringLiteral("Recall %1 was closed at %2.")
                .arg(reference,
                     existing.closedAt ? existing.closedAt->toString(Qt::ISODate) : QString()));
    }
    return recall(tx, reference);
}

} // namespace flowviz::recalls::service
