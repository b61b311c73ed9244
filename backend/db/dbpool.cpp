#include "backend/db/dbpool.h"

#include <QDebug>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <future>
#include <mutex>
#include <thread>

#include <pthread.h>

namespace flowviz::db {

Q_LOGGING_CATEGORY(lcPool, "flowviz.db.pool")

namespace {
constexpr int kOverflowIdleMs = 60000;

// QtSql's connection names live in one QReadWriteLock-guarded dictionary. Workers add and
// remove theirs one at a time: at shutdown they all exit at once, and the lock's contended
// path (a private taken from a free list inside Qt, which is not built with ThreadSanitizer)
// is reported by ThreadSanitizer as an unlock of a destroyed mutex. Starting and ending a
// worker is rare, so waiting here costs nothing.
std::mutex &connectionNamesMutex()
{
    static std::mutex m;
    return m;
}
} // namespace

// One dedicated thread and its connection. A std::thread, not a QThread: join() returns once
// the thread has ended entirely, thread-exit handlers included (those of libpq's OpenSSL and
// Kerberos, and Qt's thread data). Qt 6.4 starts QThreads detached, and QThread::wait()
// returns before those handlers have run: a process that exits right after can crash there.
class DbPool::Worker
{
public:
    Worker(DbPool *pool, int id, bool overflow)
        : m_pool(pool), m_name(QStringLiteral("flowviz-db-%1").arg(id)), m_overflow(overflow)
    {}
    ~Worker() { join(); }
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool isOverflow() const { return m_overflow; }

    // Cancels the statement of the job running now, if any; true when a request was sent.
    bool cancel()
    {
        QMutexLocker lock(&m_cancelMutex);
        if (!m_cancel)
            return false;
        char error[256] = {};
        if (!PQcancel(m_cancel, error, sizeof error))
            qCWarning(lcPool) << "cannot cancel the statement of" << m_name << "-" << error;
        return true;
    }

private:
    void run()
    {
        // Named for top, gdb and crash reports (Linux allows 15 characters).
        pthread_setname_np(pthread_self(), m_name.left(15).toLatin1().constData());
        {
            QSqlDatabase db;
            {
                const std::lock_guard lock(connectionNamesMutex());
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            }
            const DbSettings &s = m_pool->m_settings;
            db.setHostName(s.host);
            db.setPort(s.port);
            db.setUserName(s.user);
            db.setPassword(s.password);
            db.setDatabaseName(s.database);
            QString options = QStringLiteral("connect_timeout=%1;application_name=flowviz-server")
                                  .arg(s.connectTimeoutSeconds);
            if (!s.connectOptions.isEmpty())
                options += u';' + s.connectOptions;
            db.setConnectOptions(options);
            loop(db);
            db.close();
        }
        {
            const std::lock_guard lock(connectionNamesMutex());
            QSqlDatabase::removeDatabase(m_name);
        }
        m_pool->workerExiting(this);
    }

    PGconn *connection(QSqlDatabase &db)
    {
        if (db.isOpen()) {
            PGconn *conn = handleOf(db);
            const bool tooOld =
                m_opened.isValid() &&
                m_opened.elapsed() > qint64(m_pool->m_settings.recycleSeconds) * 1000;
            if (conn && PQstatus(conn) == CONNECTION_OK && !tooOld)
                return conn;
            db.close();
        }
        if (!db.open()) {
            qCWarning(lcPool).noquote() << "cannot connect to" << m_pool->m_settings.redactedUrl()
                                        << "-" << db.lastError().text().simplified();
            return nullptr;
        }
        m_opened.start();
        PGconn *conn = handleOf(db);
        // NOTICEs (e.g. "already exists, skipping") are not errors: keep them out of stderr.
        if (conn)
            PQsetNoticeProcessor(
                conn, [](void *, const char *) {}, nullptr);
        return conn;
    }

    static PGconn *handleOf(const QSqlDatabase &db)
    {
        const QVariant v = db.driver()->handle();
        // QPSQL hands out its libpq connection as a QVariant of PGconn*, which the meta-type
        // system names after libpq's struct tag.
        if (!v.isValid() ||
            (qstrcmp(v.typeName(), "PGconn*") != 0 && qstrcmp(v.typeName(), "pg_conn*") != 0))
            return nullptr;
        return *static_cast<PGconn *const *>(v.constData());
    }

    void loop(QSqlDatabase &db)
    {
        // Open eagerly so the first requests do not pay for it; failure is retried per job.
        if (connection(db))
            m_pool->m_idle.fetch_add(1);
        bool countedIdle = db.isOpen();
        QueuedJob item;
        while (m_pool->take(item, m_overflow ? kOverflowIdleMs : -1)) {
            const double waited = double(item.queued.nsecsElapsed()) / 1e9;
            if (m_pool->m_waitObserver)
                m_pool->m_waitObserver(waited);
            if (waited > m_pool->m_settings.timeoutSeconds) {
                m_pool->m_timeouts.fetch_add(1);
                item.job.fail(DbFailure::Timeout);
                continue;
            }
            if (countedIdle) {
                m_pool->m_idle.fetch_sub(1);
                countedIdle = false;
            }
            PGconn *conn = connection(db);
            if (!conn) {
                item.job.fail(DbFailure::Unavailable);
                continue;
            }
            m_pool->m_active.fetch_add(1);
            PgSession session(conn);
            setCancel(PQgetCancel(conn));
            try {
                item.job.run(session);
            } catch (const DbError &e) {
                // Only a lost connection is reconnected. A statement's error that a job let
                // escape leaves a connection worth keeping, unless it is still inside a
                // transaction (the next job must never run in what this one left open).
                if (e.connectionLost()) {
                    qCWarning(lcPool) << "database connection lost:" << e.what();
                    db.close();
                } else {
                    qCWarning(lcPool).noquote() << "a database job failed:" << e.what()
                                                << "(SQLSTATE" << e.sqlState() << ")";
                    if (PQtransactionStatus(conn) != PQTRANS_IDLE)
                        db.close();
                }
                item.job.fail(DbFailure::Unavailable);
            }
            setCancel(nullptr);
            // A job that caught the failure itself still leaves a connection not to reuse.
            if (db.isOpen() && !session.isHealthy())
                db.close();
            m_pool->m_active.fetch_sub(1);
            item = {};
            if (db.isOpen()) {
                m_pool->m_idle.fetch_add(1);
                countedIdle = true;
            }
        }
        if (countedIdle)
            m_pool->m_idle.fetch_sub(1);
    }

    void setCancel(PGcancel *cancel)
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel)
            PQfreeCancel(m_cancel);
        m_cancel = cancel;
    }

    DbPool *m_pool;
    QString m_name;
    bool m_overflow;
    std::thread m_thread;
    QElapsedTimer m_opened;
    // The running job's cancel handle: PQcancel() may use it from another thread, PQgetCancel()
    // only in this one.
    QMutex m_cancelMutex;
    PGcancel *m_cancel = nullptr;
};

DbPool::DbPool(const DbSettings &settings, QObject *parent) : QObject(parent), m_settings(settings)
{}

DbPool::~DbPool()
{
    stop();
}

QString DbPool::runOnce(const DbSettings &settings, const std::function<void(PgSession &)> &work)
{
    DbSettings single = settings;
    single.poolSize = 1;
    single.maxOverflow = 0;
    DbPool pool(single);
    pool.start();
    std::promise<QString> done;
    pool.submit(DbJob{
        [&](PgSession &s) {
            try {
                work(s);
                done.set_value({});
            } catch (const DbError &e) {
                if (e.connectionLost())
                    throw;
                done.set_value(QString::fromUtf8(e.what()));
            } catch (const std::exception &e) {
                done.set_value(QString::fromUtf8(e.what()));
            }
        },
        [&](DbFailure) {
            done.set_value(
                QStringLiteral("the database at %1 cannot be reached").arg(settings.redactedUrl()));
        }});
    const QString result = done.get_future().get();
    pool.stop();
    return result;
}

void DbPool::start()
{
    std::unique_lock lock(m_mutex);
    m_stopping = false;
    m_closing = false;
    for (int i = 0; i < m_settings.poolSize; ++i)
        spawnWorker(false);
}

void DbPool::stop()
{
    QList<Worker *> workers;
    {
        std::unique_lock lock(m_mutex);
        m_stopping = true;
        m_closing = true;
        m_wake.notify_all();
        workers = m_workers + m_retired;
    }
    for (Worker *w : workers)
        w->join();
    std::unique_lock lock(m_mutex);
    // Jobs still queued get an answer rather than silence.
    while (!m_queue.empty()) {
        QueuedJob j = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        j.job.fail(DbFailure::Unavailable);
        lock.lock();
    }
    qDeleteAll(m_workers);
    m_workers.clear();
    qDeleteAll(m_retired);
    m_retired.clear();
    m_overflowWorkers = 0;
}

int DbPool::cancelRunning()
{
    m_closing = true;
    std::unique_lock lock(m_mutex);
    int cancelled = 0;
    for (Worker *w : std::as_const(m_workers))
        cancelled += w->cancel() ? 1 : 0;
    return cancelled;
}

void DbPool::submit(DbJob job)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping) {
        lock.unlock();
        job.fail(DbFailure::Unavailable);
        return;
    }
    QueuedJob q{std::move(job), {}};
    q.queued.start();
    m_queue.push_back(std::move(q));
    if (m_waitingWorkers < int(m_queue.size()) && m_overflowWorkers < m_settings.maxOverflow)
        spawnWorker(true);
    m_wake.notify_one();
}

DbPool::Stats DbPool::stats() const
{
    std::unique_lock lock(m_mutex);
    Stats s;
    s.active = m_active.load();
    s.idle = m_idle.load();
    s.workers = int(m_workers.size());
    s.waiting = int(m_queue.size());
    s.capacity = m_settings.poolSize + m_settings.maxOverflow;
    s.timeouts = m_timeouts.load();
    return s;
}

void DbPool::setWaitObserver(std::function<void(double)> observer)
{
    m_waitObserver = std::move(observer);
}

bool DbPool::take(QueuedJob &out, int idleLimitMs)
{
    std::unique_lock lock(m_mutex);
    while (m_queue.empty() && !m_stopping) {
        ++m_waitingWorkers;
        bool woke = true;
        if (idleLimitMs < 0)
            m_wake.wait(lock);
        else
            woke = m_wake.wait_for(lock, std::chrono::milliseconds(idleLimitMs)) ==
                   std::cv_status::no_timeout;
        --m_waitingWorkers;
        if (!woke && m_queue.empty())
            return false; // an overflow worker that idled long enough
    }
    if (m_stopping)
        return false;
    out = std::move(m_queue.front());
    m_queue.pop_front();
    return true;
}

void DbPool::spawnWorker(bool overflow)
{
    // Called with m_mutex held. Overflow workers that idled out have left their loop and need
    // no lock any more: joining them here keeps at most a few ended threads around.
    qDeleteAll(m_retired);
    m_retired.clear();
    auto *w = new Worker(this, m_nextWorkerId++, overflow);
    if (overflow)
        ++m_overflowWorkers;
    m_workers.append(w);
    w->start();
}

void DbPool::workerExiting(Worker *w)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return; // stop() joins and deletes
    m_workers.removeOne(w);
    if (w->isOverflow())
        --m_overflowWorkers;
    // Joined and deleted by the next spawnWorker() or by stop().
    m_retired.append(w);
}

} // namespace flowviz::db
