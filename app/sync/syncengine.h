#pragma once

#include "app/api/apiclient.h"
#include "app/outbox/outbox.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace flowviz::app {

// Drains the outbox to the server through POST /api/v1/sync, in order and in batches; backs
// off while the server cannot be reached and resumes at once when it can; reports what is
// still waiting; and sends the workstation's heartbeat.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Offline,
        Online,
        Syncing
    };
    Q_ENUM(State)

    // As many operations a batch as the server takes (backend/sync/syncbatch.h): a drain of
    // 10,000 queued operations took 4.4-4.6 s in batches of 200, 3.8-3.9 s in batches of 500.
    static constexpr int kMaxBatchSize = 500;
    static constexpr int kDefaultBatchSize = kMaxBatchSize;

    SyncEngine(Outbox *outbox, ApiClient *api, QObject *parent = nullptr);

    void setWorkstationId(const QString &id) { m_workstationId = id; }
    QString workstationId() const { return m_workstationId; }
    void setAppVersion(const QString &version) { m_appVersion = version; }
    void setBatchSize(int size);
    int batchSize() const { return m_batchSize; }
    // Delay bounds while the server cannot be reached (default 1 s to 60 s).
    void setBackoff(int minMs, int maxMs);
    // A source of numbers in [0, 1) for the jitter; tests make it predictable.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }
    // 0 turns the heartbeat off (default 30 s).
    void setHeartbeatInterval(int ms);
    // The user the ApiClient's token belongs to. The server attributes every operation to the
    // token's user, so only items that user queued (and unstamped ones) are sent; the others
    // wait for their own operator to log in again. Without a token nothing is sent.
    void setOperator(const QString &username) { m_operator = username; }
    QString currentOperator() const { return m_operator; }
    // Whether to follow the system's network reachability (QNetworkInformation); default on.
    void setUseNetworkInformation(bool use) { m_useNetworkInformation = use; }

    // The delay before attempt `failures + 1` after `failures` failures in a row: exponential
    // from minMs, capped at maxMs, with jitter from `random01` (in [0, 1)); always within the
    // bounds.
    static int backoffDelay(int failures, int minMs, int maxMs, double random01);

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    State state() const { return m_state; }
    int pendingCount() const { return m_pending; }
    int needsAttentionCount() const { return m_needsAttention; }
    qint64 oldestPendingAge() const { return m_oldestAge; }
    int consecutiveFailures() const { return m_failures; }
    // When the next attempt is due while backing off; invalid otherwise.
    QDateTime nextRetryAt() const { return m_nextRetryAt; }
    bool isLoginRequired() const { return m_loginRequired; }

public slots:
    // Try now: new work, connectivity back, or a new session after a login.
    void syncNow();
    // Another part of the console found the server unreachable (a login that fell back to
    // offline): show it, and find out with the usual backoff when it is back.
    void serverUnreachable(const flowviz::app::ApiError &error);
    void sendHeartbeat();

signals:
    void stateChanged(flowviz::app::SyncEngine::State state);
    void pendingCountChanged(int count);
    void needsAttentionCountChanged(int count);
    void oldestPendingAgeChanged(qint64 seconds);
    // The session is over (401); items stay queued until a new token is set and syncNow().
    void loginRequiredChanged(bool required);
    void loginRequired();
    // After each answered batch: how many items reached the server, were refused, wait again.
    void batchFinished(int done, int needsAttention, int retried);
    // Nothing is left that can be sent now.
    void idle();
    void heartbeatSent(bool ok);

private:
    void tick();
    void sendBatch(const QList<OutboxItem> &batch);
    void handleBatchResult(const QList<OutboxItem> &batch, const ApiResult &result);
    // Parts of handleBatchResult: every item back to wait; the batch refused as a whole; each
    // item's own result.
    void releaseBatch(const QList<OutboxItem> &batch, int status, const QString &message);
    void handleBatchRefused(const QList<OutboxItem> &batch, const ApiResult &result);
    void applyItemResults(const QList<OutboxItem> &batch, const QJsonArray &results);
    Outbox::Outcome outcomeFor(const OutboxItem &item, const QJsonObject &result,
                               const QDateTime &now, const QSet<QString> &doneNow);
    void handleUnreachable(const QList<OutboxItem> &batch, const ApiError &error);
    void probe();
    void scheduleRetry();
    void scheduleTick(int delayMs);
    void setState(State state);
    void refreshCounts();
    void connectivityBack();
    bool paused() const;

    QPointer<Outbox> m_outbox;
    QPointer<ApiClient> m_api;
    QString m_workstationId;
    QString m_operator;
    QString m_appVersion;
    int m_batchSize = kDefaultBatchSize;
    int m_effectiveBatchSize = kDefaultBatchSize; // lowered after a 413 until a batch succeeds
    int m_backoffMinMs = 1000;
    int m_backoffMaxMs = 60000;
    std::function<double()> m_random;
    bool m_useNetworkInformation = true;

    bool m_running = false;
    bool m_inFlight = false; // a sync request or probe is out
    bool m_backingOff = false;
    bool m_loginRequired = false;
    QByteArray m_refusedToken;
    int m_failures = 0;
    QDateTime m_nextRetryAt;
    State m_state = State::Offline;
    int m_pending = -1;
    int m_needsAttention = -1;
    qint64 m_oldestAge = -1;

    QTimer m_tickTimer;
    QTimer m_heartbeatTimer;
    QTimer m_countsTimer;
    QTimer m_ageTimer;
};

} // namespace flowviz::app
