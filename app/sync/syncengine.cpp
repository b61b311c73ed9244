#include "app/sync/syncengine.h"

#include "domain/wire/problem.h"

#include "app/registration/rulemessages.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace flowviz::app {

namespace {

const QString kSyncPath = QStringLiteral("/api/v1/sync");
constexpr int kMaxIdleWaitMs = 60000;

// The server cannot be reached (as opposed to refusing the request): the console is offline.
bool isUnreachable(const ApiError &error)
{
    return error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
           error.kind == ApiError::Kind::Tls || error.kind == ApiError::Kind::Unavailable;
}

// The server's sentence for a refused operation, with the field rules it names; in the
// operator's language when the console knows every rule by its code.
QString problemText(const QJsonValue &body, int status)
{
    const QJsonObject problem = body.toObject();
    const QJsonArray errors = problem.value(QStringLiteral("errors")).toArray();
    QStringList known;
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        const FieldError error{e.value(QStringLiteral("field")).toString(),
                               e.value(QStringLiteral("code")).toString(),
                               e.value(QStringLiteral("message")).toString()};
        if (!RuleMessages::knows(error.code))
            break;
        known << RuleMessages::message(error);
    }
    if (!errors.isEmpty() && known.size() == errors.size())
        return known.join(u' ');
    QString text = problem.value(QStringLiteral("detail")).toString();
    if (text.isEmpty())
        text = problem.value(QStringLiteral("title")).toString();
    QStringList fields;
    for (const QJsonValue &v : problem.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString message = e.value(QStringLiteral("message")).toString();
        if (!message.isEmpty() && !text.contains(message))
            fields << message;
    }
    if (!fields.isEmpty())
        text = text.isEmpty() ? fields.join(u' ') : text + u' ' + fields.join(u' ');
    if (text.isEmpty())
        text = QCoreApplication::translate("flowviz::app::SyncEngine",
                                           "The server refused this item (HTTP %1).")
                   .arg(status);
    return text;
}

bool isTransientStatus(int status)
{
    return status == 0 || status == 408 || status == 429 || status >= 500;
}

QString problemType(const QJsonValue &body)
{
    return wire::Problem::fromJson(body.toObject()).type;
}

bool isInProgress(const QJsonValue &body)
{
    return problemType(body) == wire::problemtype::kIdempotencyInProgress;
}

// The id is a UUID this workstation made, so "already registered under this id" means an
// earlier attempt got through (for instance under another operator's session, whose
// idempotency record this one cannot see).
bool isAlreadyStored(int status, const QJsonValue &body)
{
    const QString type = problemType(body);
    return status == 409 && (type == wire::problemtype::kLotIdExists ||
                             type == wire::problemtype::kDecisionIdExists);
}

} // namespace

SyncEngine::SyncEngine(Outbox *outbox, ApiClient *api, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_api(api),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_appVersion = QCoreApplication::applicationVersion();
    m_tickTimer.setSingleShot(true);
    connect(&m_tickTimer, &QTimer::timeout, this, &SyncEngine::tick);
    m_heartbeatTimer.setInterval(30000);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &SyncEngine::sendHeartbeat);
    m_countsTimer.setSingleShot(true);
    connect(&m_countsTimer, &QTimer::timeout, this, &SyncEngine::refreshCounts);
    m_ageTimer.setInterval(5000);
    connect(&m_ageTimer, &QTimer::timeout, this, &SyncEngine::refreshCounts);
    if (m_outbox) {
        // Counting after each change is coalesced: a burst of changes costs one count.
        connect(m_outbox, &Outbox::changed, this, [this] { m_countsTimer.start(0); });
        connect(m_outbox, &Outbox::enqueued, this, [this] {
            if (m_running)
                syncNow();
        });
    }
}

void SyncEngine::setBatchSize(int size)
{
    m_batchSize = std::clamp(size, 1, kMaxBatchSize);
    m_effectiveBatchSize = m_batchSize;
}

void SyncEngine::setBackoff(int minMs, int maxMs)
{
    m_backoffMinMs = std::max(1, minMs);
    m_backoffMaxMs = std::max(m_backoffMinMs, maxMs);
}

void SyncEngine::setHeartbeatInterval(int ms)
{
    m_heartbeatTimer.setInterval(std::max(0, ms));
    if (ms <= 0)
        m_heartbeatTimer.stop();
    else if (m_running)
        m_heartbeatTimer.start();
}

int SyncEngine::backoffDelay(int failures, int minMs, int maxMs, double random01)
{
    minMs = std::max(1, minMs);
    maxMs = std::max(minMs, maxMs);
    // The ceiling doubles per failure; the delay is drawn from its upper half, so attempts of
    // many workstations spread out instead of arriving together when the server returns.
    const double ceiling =
        std::min(double(maxMs), double(minMs) * std::pow(2.0, std::clamp(failures, 0, 30)));
    const double r = std::clamp(random01, 0.0, 1.0);
    const double delay = ceiling / 2.0 + r * ceiling / 2.0;
    return int(std::clamp(std::llround(delay), qint64(minMs), qint64(maxMs)));
}

void SyncEngine::start()
{
    if (m_running || !m_outbox || !m_api)
        return;
    m_running = true;
    if (m_useNetworkInformation) {
        if (!QNetworkInformation::instance())
            QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
        if (auto *info = QNetworkInformation::instance()) {
            connect(info, &QNetworkInformation::reachabilityChanged, this,
                    [this](QNetworkInformation::Reachability r) {
                        if (r == QNetworkInformation::Reachability::Disconnected)
                            setState(State::Offline);
                        else if (r != QNetworkInformation::Reachability::Unknown)
                            connectivityBack();
                    });
        }
    }
    refreshCounts();
    m_ageTimer.start();
    if (m_heartbeatTimer.interval() > 0) {
        m_heartbeatTimer.start();
        sendHeartbeat();
    }
    scheduleTick(0);
}

void SyncEngine::stop()
{
    m_running = false;
    m_tickTimer.stop();
    m_heartbeatTimer.stop();
    m_ageTimer.stop();
    if (auto *info = QNetworkInformation::instance())
        disconnect(info, nullptr, this, nullptr);
}

bool SyncEngine::paused() const
{
    return m_loginRequired && m_api && m_api->token() == m_refusedToken;
}

void SyncEngine::syncNow()
{
    if (!m_running)
        return;
    if (m_loginRequired && m_api && m_api->token() != m_refusedToken) {
        m_loginRequired = false;
        emit loginRequiredChanged(false);
    }
    if (paused())
        return;
    // New work or a sign of connectivity: skip what is left of the backoff and try at once.
    m_backingOff = false;
    m_nextRetryAt = {};
    scheduleTick(0);
}

void SyncEngine::serverUnreachable(const ApiError &error)
{
    if (!m_running || m_inFlight)
        return; // the answer of what is out tells
    if (!m_backingOff)
        handleUnreachable({}, error);
}

void SyncEngine::connectivityBack()
{
    if (m_state == State::Offline || m_backingOff)
        syncNow();
}

void SyncEngine::scheduleTick(int delayMs)
{
    if (!m_running)
        return;
    if (!m_tickTimer.isActive() || m_tickTimer.remainingTime() > delayMs)
        m_tickTimer.start(std::max(0, delayMs));
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::refreshCounts()
{
    if (!m_outbox)
        return;
    const int pending = m_outbox->pendingCount();
    const int attention = m_outbox->needsAttentionCount();
    const qint64 age = m_outbox->oldestPendingAge();
    if (pending != m_pending) {
        m_pending = pending;
        emit pendingCountChanged(pending);
    }
    if (attention != m_needsAttention) {
        m_needsAttention = attention;
        emit needsAttentionCountChanged(attention);
    }
    if (age != m_oldestAge) {
        m_oldestAge = age;
        emit oldestPendingAgeChanged(age);
    }
}

void SyncEngine::tick()
{
    if (!m_running || !m_outbox || !m_api || paused())
        return;
    if (m_inFlight)
        return; // its answer schedules what comes next
    if (m_backingOff) {
        // Ask cheaply whether the server is back before sending a whole batch again.
        probe();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // No token (nobody logged in, or an offline login): nothing can be sent under anyone's name.
    const bool hasToken = !m_api->token().isEmpty();
    const QList<OutboxItem> batch =
        hasToken ? m_outbox->nextBatchFor(m_operator, m_effectiveBatchSize, now)
                 : QList<OutboxItem>();
    if (batch.isEmpty()) {
        if (m_state == State::Syncing)
            setState(State::Online);
        else if (m_state == State::Offline && (m_failures == 0 || !hasToken))
            probe(); // nothing to send: find out whether the server is there
        const QDateTime due = hasToken ? m_outbox->nextDueAtFor(m_operator) : QDateTime();
        if (due.isValid())
            scheduleTick(int(std::clamp<qint64>(now.msecsTo(due), 0, kMaxIdleWaitMs)));
        emit idle();
        return;
    }
    sendBatch(batch);
}

void SyncEngine::sendBatch(const QList<OutboxItem> &batch)
{
    QJsonArray operations;
    for (const OutboxItem &it : batch) {
        operations.append(QJsonObject{{QStringLiteral("idempotency_key"), it.id},
                                      {QStringLiteral("method"), it.method},
                                      {QStringLiteral("path"), it.path},
                                      {QStringLiteral("body"), it.payload}});
    }
    if (m_state != State::Offline)
        setState(State::Syncing);
    m_inFlight = true;
    m_api->post(kSyncPath, QJsonObject{{QStringLiteral("operations"), operations}}, this,
                [this, batch](const ApiResult &result) {
                    m_inFlight = false;
                    handleBatchResult(batch, result);
                });
}

void SyncEngine::handleBatchResult(const QList<OutboxItem> &batch, const ApiResult &result)
{
    if (result.error.kind == ApiError::Kind::Unauthorized) {
        releaseBatch(
            batch, result.status,
            QCoreApplication::translate("flowviz::app::SyncEngine",
                                        "Waiting for a new login; the session has ended."));
        m_loginRequired = true;
        m_refusedToken = m_api->token();
        emit loginRequiredChanged(true);
        emit loginRequired();
        return;
    }
    if (!result.ok()) {
        handleBatchRefused(batch, result);
        return;
    }
    const QJsonArray results = result.object().value(QStringLiteral("results")).toArray();
    if (results.size() != batch.size()) {
        ApiError bad;
        bad.kind = ApiError::Kind::BadResponse;
        bad.status = result.status;
        bad.detail = QCoreApplication::translate(
                         "flowviz::app::SyncEngine",
                         "The server answered %1 results for %2 items; they will be sent "
                         "again.")
                         .arg(results.size())
                         .arg(batch.size());
        handleUnreachable(batch, bad);
        return;
    }
    applyItemResults(batch, results);
}

void SyncEngine::releaseBatch(const QList<OutboxItem> &batch, int status, const QString &message)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Outbox::Outcome> outcomes;
    for (const OutboxItem &it : batch)
        outcomes.append({it.id, Outbox::Outcome::Kind::Retry, status, message, now});
    m_outbox->apply(outcomes);
}

void SyncEngine::handleBatchRefused(const QList<OutboxItem> &batch, const ApiResult &result)
{
    if ((result.status == 413 || result.status == 400) && batch.size() > 1) {
        // Too big (or unreadable) as a whole: send smaller batches until the one item at
        // fault stands alone and can be set aside.
        releaseBatch(batch, result.status, result.error.summary());
        m_effectiveBatchSize = std::max(1, int(batch.size()) / 2);
        scheduleTick(0);
        return;
    }
    if (!result.error.isRejection()) {
        handleUnreachable(batch, result.error);
        return;
    }
    const QString message = problemText(result.body, result.status);
    QList<Outbox::Outcome> outcomes;
    for (const OutboxItem &it : batch)
        outcomes.append({it.id, Outbox::Outcome::Kind::NeedsAttention, result.status, message, {}});
    m_outbox->apply(outcomes);
    emit batchFinished(0, int(batch.size()), 0);
    scheduleTick(0);
}

void SyncEngine::applyItemResults(const QList<OutboxItem> &batch, const QJsonArray &results)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Outbox::Outcome> outcomes;
    QSet<QString> doneNow;
    int done = 0;
    int refused = 0;
    int retried = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Outbox::Outcome o = outcomeFor(batch.at(i), results.at(i).toObject(), now, doneNow);
        outcomes.append(o);
        switch (o.kind) {
        case Outbox::Outcome::Kind::Done:
            doneNow.insert(o.id);
            ++done;
            break;
        case Outbox::Outcome::Kind::NeedsAttention:
            ++refused;
            break;
        case Outbox::Outcome::Kind::Retry:
        case Outbox::Outcome::Kind::Held:
            ++retried;
            break;
        }
    }
    m_outbox->apply(outcomes);
    m_failures = 0;
    m_effectiveBatchSize = m_batchSize;
    m_nextRetryAt = {};
    setState(State::Syncing);
    emit batchFinished(done, refused, retried);
    scheduleTick(0);
}

Outbox::Outcome SyncEngine::outcomeFor(const OutboxItem &it, const QJsonObject &r,
                                       const QDateTime &now, const QSet<QString> &doneNow)
{
    const int status = r.value(QStringLiteral("status")).toInt();
    const QJsonValue body = r.value(QStringLiteral("body"));
    if (r.value(QStringLiteral("idempotency_key")).toString() != it.id)
        return {it.id, Outbox::Outcome::Kind::Retry, 0,
                QCoreApplication::translate("flowviz::app::SyncEngine",
                                            "The server's answer did not match this item; it "
                                            "will be sent again."),
                now};
    if ((status >= 200 && status < 300) || isAlreadyStored(status, body))
        return {it.id, Outbox::Outcome::Kind::Done, status, {}, {}};
    if (isTransientStatus(status) || status == 401 || (status == 409 && isInProgress(body))) {
        // Another request with the same key is still running (a resend after a crash): its
        // answer will be replayed shortly.
        const int delay =
            backoffDelay(std::max(0, it.attempts - 1), m_backoffMinMs, m_backoffMaxMs, m_random());
        return {it.id, Outbox::Outcome::Kind::Retry, status, problemText(body, status),
                now.addMSecs(delay)};
    }
    // Refused. An item that follows an outbox lot not on the server yet was refused for that
    // reason (the lot is unknown to the server): it waits for the lot instead.
    if (!it.dependsOn.isEmpty() && !doneNow.contains(it.dependsOn)) {
        const auto dependency = m_outbox->item(it.dependsOn);
        if (dependency && dependency->state != OutboxItem::State::Done &&
            dependency->state != OutboxItem::State::Discarded)
            return {it.id,
                    Outbox::Outcome::Kind::Held,
                    status,
                    QCoreApplication::translate(
                        "flowviz::app::SyncEngine",
                        "Waits for lot %1, which has not reached the server yet.")
                        .arg(dependency->lotCode),
                    {}};
    }
    return {it.id, Outbox::Outcome::Kind::NeedsAttention, status, problemText(body, status), {}};
}

void SyncEngine::handleUnreachable(const QList<OutboxItem> &batch, const ApiError &error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!batch.isEmpty()) {
        // The items go back as they were (due now); the engine's backoff decides when to try.
        QList<Outbox::Outcome> outcomes;
        for (const OutboxItem &it : batch)
            outcomes.append(
                {it.id, Outbox::Outcome::Kind::Retry, error.status, error.summary(), now});
        m_outbox->apply(outcomes);
    }
    if (isUnreachable(error))
        setState(State::Offline);
    int delay = backoffDelay(m_failures, m_backoffMinMs, m_backoffMaxMs, m_random());
    if (error.retryAfterSeconds > 0)
        delay = std::max(delay, std::min(error.retryAfterSeconds * 1000, m_backoffMaxMs));
    ++m_failures;
    m_backingOff = true;
    m_nextRetryAt = now.addMSecs(delay);
    scheduleTick(delay);
}

void SyncEngine::probe()
{
    m_inFlight = true;
    m_api->get(QStringLiteral("/health"), this, [this](const ApiResult &r) {
        m_inFlight = false;
        if (!r.ok()) {
            handleUnreachable({}, r.error);
            return;
        }
        m_backingOff = false;
        m_nextRetryAt = {};
        if (m_state == State::Offline)
            setState(State::Online);
        scheduleTick(0);
    });
}

void SyncEngine::sendHeartbeat()
{
    if (!m_running || !m_api || !m_outbox || m_workstationId.isEmpty() || paused() ||
        m_api->token().isEmpty())
        return; // nobody logged in (or only offline): the server would refuse it
    const QJsonObject body{{QStringLiteral("workstation_id"), m_workstationId},
                           {QStringLiteral("pending_sync"), m_outbox->pendingCount()},
                           {QStringLiteral("app_version"), m_appVersion}};
    m_api->post(QStringLiteral("/api/v1/heartbeat"), body, this, [this](const ApiResult &r) {
        emit heartbeatSent(r.ok());
        if (r.ok()) {
            connectivityBack(); // the server answers: no need to wait out the backoff
        } else if (isUnreachable(r.error)) {
            // Nothing may be queued, yet the server is gone: the status says so now, and the
            // engine probes with its backoff until the server answers again.
            if (!m_inFlight && !m_backingOff)
                handleUnreachable({}, r.error);
            else
                setState(State::Offline);
        } else if (r.error.kind == ApiError::Kind::Unauthorized && !m_loginRequired) {
            m_loginRequired = true;
            m_refusedToken = m_api->token();
            emit loginRequiredChanged(true);
            emit loginRequired();
        }
    });
}

} // namespace flowviz::app
