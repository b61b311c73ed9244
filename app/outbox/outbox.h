#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace flowviz::app {

// One operator action waiting in (or kept by) the outbox.
struct OutboxItem
{
    enum class Kind
    {
        Lot,
        QcDecision
    };
    enum class State
    {
        Pending,
        InFlight,
        Done,
        NeedsAttention,
        Discarded
    };

    QString id; // client UUID: the Idempotency-Key and, for lots, the lot's id
    qint64 seq = 0;
    Kind kind = Kind::Lot;
    QString method;
    QString path;
    QJsonObject payload;
    QString lotCode; // the lot registered, or the lot a decision is about (for display)
    QDateTime createdAt;
    int attempts = 0;
    QDateTime nextAttemptAt;
    State state = State::Pending;
    QString lastError;
    int lastStatus = 0;
    QString dependsOn; // id of an outbox lot this item must follow
    QString discardReason;
    QDateTime updatedAt;
    QString operatorName; // who queued it (lower case); empty for items from before v2

    static QString toString(Kind kind);
    static QString toString(State state);
    static std::optional<Kind> kindFromString(const QString &text);
    static std::optional<State> stateFromString(const QString &text);
};

// The console's durable queue of operator actions (lots, QC decisions): a local SQLite file
// (WAL, synchronous=FULL) written before anything is sent, so no action is lost to a crash or
// a dead network. Every call commits before it returns. Use it only from the thread that
// created it.
class Outbox : public QObject
{
    Q_OBJECT

public:
    // What the server said about one item of a batch.
    struct Outcome
    {
        enum class Kind
        {
            Done,
            Retry,
            NeedsAttention,
            Held
        };
        QString id;
        Kind kind = Kind::Done;
        int status = 0;
        QString message;
        QDateTime nextAttemptAt; // Retry: not before
    };

    explicit Outbox(const QString &filePath, QObject *parent = nullptr);
    ~Outbox() override;
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString filePath() const { return m_path; }
    // Items that a crash left in flight and were put back to pending when the file was opened.
    int recoveredInFlight() const { return m_recovered; }

    // Queue a POST /api/v1/lots. The lot's `id` is taken from the body or created; it is also
    // the returned item id. `client_created_at` is added when missing. Empty on failure.
    QString enqueueLot(const QJsonObject &body);
    // Queue a POST /api/v1/qc-decisions. When the lot it names is still in the outbox the
    // decision waits for it and is bound to it by `lot_id`; `decided_at` is added when missing.
    QString enqueueDecision(const QJsonObject &body);

    // The operator stamped on items queued from now on (the signed-in user; empty: nobody).
    // The server attributes an operation to the token it comes with, so an item may only be
    // sent under its own operator's token (SyncEngine::setOperator).
    void setOperator(const QString &username);
    QString currentOperator() const { return m_operator; }

    // Up to `max` pending items due at `now`, in insertion order, whose dependency is done (or
    // sent in this same batch, before them), marked in flight. `maxBytes` bounds the payloads.
    QList<OutboxItem> nextBatch(int max, const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                qint64 maxBytes = 768 * 1024);
    // The same, but only items queued by `username` or by nobody in particular (no stamp).
    QList<OutboxItem> nextBatchFor(const QString &username, int max,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                   qint64 maxBytes = 768 * 1024);
    // The earliest time a pending, sendable item becomes due; invalid when none waits.
    QDateTime nextDueAt() const;
    // The same for the items nextBatchFor(`username`) may return.
    QDateTime nextDueAtFor(const QString &username) const;

    bool markDone(const QString &id);
    bool markRetry(const QString &id, const QString &error, const QDateTime &nextAttemptAt);
    bool markNeedsAttention(const QString &id, int status, const QString &message);
    // Applies the outcome of a whole batch in one transaction.
    bool apply(const QList<Outcome> &outcomes);
    // Back to pending under the same id, with a corrected payload (or the old one when empty).
    // The server keeps no record of refused operations, so the key may be used again.
    bool resend(const QString &id, const QJsonObject &correctedPayload = {});
    // Gives up on an item; the reason is kept.
    bool discard(const QString &id, const QString &reason);
    // Deletes done items last changed before `now - days`. Returns how many.
    int purgeDone(int days, const QDateTime &now = QDateTime::currentDateTimeUtc());

    std::optional<OutboxItem> item(const QString &id) const;
    // Items in insertion order; all states when `states` is empty.
    QList<OutboxItem> items(const QList<OutboxItem::State> &states = {}) const;

    int pendingCount() const; // pending or in flight (not yet on the server)
    int needsAttentionCount() const;
    int count(OutboxItem::State state) const;
    // Seconds since the oldest item not yet on the server was created; 0 when there is none.
    qint64 oldestPendingAge(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

signals:
    void changed();
    void enqueued(const QString &id);

private:
    bool open();
    bool exec(const QString &sql);
    QList<OutboxItem> takeBatch(const std::optional<QString> &username, int max,
                                const QDateTime &now, qint64 maxBytes);
    QDateTime dueAt(const std::optional<QString> &username) const;
    QString insert(OutboxItem::Kind kind, const QString &path, const QJsonObject &payload,
                   const QString &lotCode, const QString &dependsOn);
    bool applyOne(const Outcome &outcome, qint64 nowMs);
    // Parts of resend(), inside its transaction.
    bool requeue(const QString &id, const QJsonObject &payload, const QString &lotCode,
                 const QString &dependsOn, qint64 nowMs);
    bool renameInDependents(const QString &lotItemId, const QString &oldCode,
                            const QString &newCode, qint64 nowMs);
    bool fail(const QString &what, const QString &detail);
    bool refuse(const QString &message);
    QSqlDatabase db() const;

    QString m_path;
    QString m_connection;
    QString m_error;
    QString m_operator;
    bool m_open = false;
    int m_recovered = 0;
};

} // namespace flowviz::app
