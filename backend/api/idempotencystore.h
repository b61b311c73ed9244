#pragma once

#include "backend/db/pgsession.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace flowviz::api {

// An answer remembered under a user's Idempotency-Key.
struct StoredAnswer
{
    QByteArray requestHashHex; // lower-case hex of the SHA-256 request hash
    int status = 0;
    QByteArray body;
};

// What is remembered of one successful request.
struct AnswerToStore
{
    QUuid userId;
    QString key;
    QByteArray requestHash; // raw SHA-256
    QByteArray method;
    QString path;
    int status = 0;
    QByteArray body;
};

// SQL for the idempotency keys: a transaction-scoped lock per key and the remembered answers.
class IdempotencyStore
{
public:
    explicit IdempotencyStore(db::PgSession &db) : m_db(db) {}

    // Each is queued to go with the session's next round trip (PgSession::queue); in one
    // round trip the statements still run in order, each seeing what committed before it.

    // Takes the transaction-scoped advisory lock of (user, key); false when another
    // transaction holds it.
    db::PgDeferred<bool> tryLock(const QUuid &userId, const QString &key);
    db::PgDeferred<std::optional<StoredAnswer>> find(const QUuid &userId, const QString &key);
    // Goes with the COMMIT; a failure aborts it.
    void remember(const AnswerToStore &answer);

    // The same for many keys of one user in one statement each (a sync batch): the locks
    // (in the keys' order), the answers stored under them (by position in `keys`), and the
    // answers to remember.
    db::PgDeferred<QList<bool>> tryLockAll(const QUuid &userId, const QStringList &keys);
    db::PgDeferred<QHash<qsizetype, StoredAnswer>> findAll(const QUuid &userId,
                                                           const QStringList &keys);
    void rememberAll(const QList<AnswerToStore> &answers);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::api
