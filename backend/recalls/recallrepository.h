#pragma once

#include "backend/db/pgsession.h"
#include "backend/recalls/recallexport.h"

#include "domain/wire/recall.h"

#include <QUuid>

#include <optional>

namespace flowviz::recalls {

struct RecallRoot
{
    QUuid id;
    QString lotCode;
};

// SQL for recalls (migration 0012): opening one is recall_open(), in the caller's transaction.
class RecallRepository
{
public:
    explicit RecallRepository(db::PgSession &db) : m_db(db) {}

    // The lot to recall, locked: two recalls of one lot are opened one after the other.
    std::optional<RecallRoot> lockRoot(const QString &lotCode);
    // The reference of the lot's OPEN recall (drills aside), if it has one.
    std::optional<QString> openRecallOf(const QUuid &lotId);
    std::optional<QString> referenceOf(const QUuid &recallId);
    // The downstream set, its shipment lines and the holds, then the recall row.
    void open(const QUuid &id, const QUuid &rootLotId, const QString &reason, const QUuid &by,
              bool drill);
    // The whole recall; nullopt for an unknown reference.
    std::optional<wire::Recall> recall(const QString &reference);
    // Newest first, without the lists.
    QList<wire::Recall> recalls(const std::optional<RecallStatus> &status,
                                const std::optional<bool> &drill, int limit);
    // The recall's critical tracking events with their key data elements, by date.
    QList<KdeEvent> kdeEvents(const QUuid &recallId);
    // Every critical tracking event of one product (a lot type) from one day to another, both
    // included: receipts, lots made from others, shipment lines of shipments not cancelled.
    QList<KdeEvent> kdeEvents(LotType product, const QDate &from, const QDate &to);
    // OPEN → CLOSED; false when the recall is not OPEN (or unknown).
    bool close(const QString &reference, const QUuid &by, const QString &note);

private:
    QList<wire::Recall> summaries(const QByteArray &where, const QList<db::SqlValue> &params);

    db::PgSession &m_db;
};

} // namespace flowviz::recalls
