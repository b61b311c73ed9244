#pragma once

#include "backend/db/dbsettings.h"
#include "backend/db/pgsession.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace flowviz::db {

enum class DbFailure
{
    Timeout,
    Unavailable
};

// Work for one connection. Exactly one of `run` and `fail` is called, on a worker thread.
// `run` may throw a DbError: the worker calls `fail(Unavailable)` and, when the connection
// was lost or a transaction is still open on it, opens a fresh one for the next job.
struct DbJob
{
    std::function<void(PgSession &)> run;
    std::function<void(DbFailure)> fail;
};

// A fixed set of dedicated worker threads, each owning one QPSQL connection opened in that
// thread, plus overflow workers that start under load and stop after idling. Jobs that wait
// longer than the pool timeout fail with Timeout.
class DbPool : public QObject
{
    Q_OBJECT

public:
    explicit DbPool(const DbSettings &settings, QObject *parent = nullptr);
    ~DbPool() override;

    // Runs `work` on one fresh connection and waits for it: for start-up and command-line
    // tasks. Returns an empty string, or what went wrong.
    static QString runOnce(const DbSettings &settings,
                           const std::function<void(PgSession &)> &work);

    void start();
    // Lets every worker finish the job it runs, fails the jobs still queued with Unavailable,
    // and joins the workers. Nothing a job calls may be destroyed before this returns.
    void stop();
    // Asks PostgreSQL to cancel the statements running now (from any thread): for a shutdown
    // that will not wait for them any longer. Their jobs fail as a statement error would.
    int cancelRunning();
    // Whether stop() or cancelRunning() was called (and start() not since): a job that runs
    // one piece of work after another stops taking more.
    bool closing() const { return m_closing.load(); }
    void submit(DbJob job);

    struct Stats
    {
        int active = 0;  // connections running a job
        int idle = 0;    // open connections waiting for work
        int workers = 0; // threads, base and overflow
        int waiting = 0; // jobs queued
        int capacity = 0;
        qint64 timeouts = 0;
    };
    Stats stats() const;
    // Called with each job's queue wait in seconds (from worker threads).
    void setWaitObserver(std::function<void(double)> observer);
    const DbSettings &settings() const { return m_settings; }

private:
    class Worker;
    struct QueuedJob
    {
        DbJob job;
        QElapsedTimer queued;
    };

    bool take(QueuedJob &out, int idleLimitMs);
    void spawnWorker(bool overflow);
    void workerExiting(Worker *w);

    DbSettings m_settings;
    // std::mutex and std::condition_variable rather than QMutex and QWaitCondition:
    // ThreadSanitizer sees every wait on them (docs/development.md, "Sanitizers").
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QueuedJob> m_queue;
    QList<Worker *> m_workers;
    QList<Worker *> m_retired; // overflow workers that idled out, to be joined
    int m_overflowWorkers = 0;
    int m_waitingWorkers = 0;
    bool m_stopping = false;
    std::atomic_bool m_closing{false};
    int m_nextWorkerId = 0;
    std::atomic_int m_active{0};
    std::atomic_int m_idle{0};
    std::atomic<qint64> m_timeouts{0};
    std::function<void(double)> m_waitObserver;
};

} // namespace flowviz::db
