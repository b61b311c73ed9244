#pragma once

#include "backend/db/dberror.h"
#include "backend/db/pgresult.h"
#include "backend/db/sqlvalue.h"

#include <QElapsedTimer>
#include <QList>

#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <type_traits>

struct pg_conn;

namespace flowviz::db {

class PgSession;

// A statement queued on a session (PgSession::queue): its rows once the round trip that
// carries it has come back. result() sends the queue first when it has not gone yet.
class PgPending
{
public:
    const PgResult &result() const;

private:
    friend class PgSession;
    struct State
    {
        PgSession *session = nullptr;
        std::optional<PgResult> result;
    };
    explicit PgPending(std::shared_ptr<State> state) : m_state(std::move(state)) {}
    std::shared_ptr<State> m_state;
};

// A queued statement's result read as T.
template <typename T> class PgDeferred
{
public:
    PgDeferred(PgPending pending, std::function<T(const PgResult &)> read)
        : m_pending(std::move(pending)), m_read(std::move(read))
    {}
    // Known without asking the database.
    explicit PgDeferred(T value) : m_value(std::move(value)) {}
    T get() const { return m_pending ? m_read(m_pending->result()) : *m_value; }

private:
    std::optional<PgPending> m_pending;
    std::function<T(const PgResult &)> m_read;
    std::optional<T> m_value;
};

// Statements on one connection through libpq's PQexecParams: unnamed, protocol-level
// parameters, nothing prepared by name, so it works through PgBouncer in transaction mode
// (QPSQL's prepare() issues SQL PREPARE, which does not).
class PgSession
{
public:
    explicit PgSession(pg_conn *conn);

    PgResult exec(const char *sql, std::initializer_list<SqlValue> params = {});
    PgResult exec(const char *sql, const QList<SqlValue> &params);

    // Round trips, not statements, are what a request waits for. queue() sends nothing yet:
    // the statement goes, in order, with the next round trip (exec(), flush(), a
    // PgPending's result(), the COMMIT), all of them in one libpq pipeline. The first
    // failing statement's error is thrown and the rest of that round trip is skipped, as in
    // the transaction it is part of. `check` runs when the round trip is back, before any
    // result is used, and may throw to refuse the work: a round trip that holds a check
    // goes before the COMMIT, never with it, and once a check has refused, every later
    // statement of the transaction throws the same refusal (nothing of it can commit).
    PgPending queue(QByteArray sql, QList<SqlValue> params = {},
                    std::function<void(const PgResult &)> check = {});
    void flush();
    // Several statements in one string, without parameters (migrations).
    void execScript(const QByteArray &sql);

    // Runs `work` inside BEGIN ... COMMIT with a statement timeout; rolls back and rethrows
    // when it throws.
    template <typename F> auto transaction(F &&work) -> decltype(work())
    {
        begin();
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                commit();
            } else {
                auto result = work();
                commit();
                return result;
            }
        } catch (...) {
            rollbackQuietly();
            throw;
        }
    }

    // Runs `work` inside SAVEPOINT `name` of the open transaction: released when `work`
    // returns, rolled back to when it throws (and the exception rethrown), so a caller that
    // catches the failure (a unique violation, one sync operation's problem) keeps a usable
    // transaction. The SAVEPOINT and its RELEASE are queued: they cost no round trip of their
    // own. The one place SAVEPOINT statements are written.
    template <typename F> auto savepoint(const char *name, F &&work) -> decltype(work())
    {
        const PgPending opened = queue(QByteArray("SAVEPOINT ").append(name));
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                queue(QByteArray("RELEASE SAVEPOINT ").append(name));
            } else {
                auto result = work();
                queue(QByteArray("RELEASE SAVEPOINT ").append(name));
                return result;
            }
        } catch (...) {
            rollbackToSavepoint(name, opened);
            throw;
        }
    }

    // False once the connection failed or a statement went unanswered past its deadline;
    // the pool then closes the connection instead of reusing it.
    bool isHealthy() const;
    pg_conn *handle() const { return m_conn; }

private:
    void begin();
    void commit();
    void rollbackQuietly();
    // Undoes what the savepoint `opened` holds: unsent, it is dropped from the queue with all
    // queued after it; sent, the rest of the queue is dropped and ROLLBACK TO SAVEPOINT sent.
    // Skipped when the connection is gone or the SAVEPOINT never ran (the round trip failed
    // before it): the caller's exception says why, and the COMMIT will not pass.
    void rollbackToSavepoint(const char *name, const PgPending &opened);
    [[noreturn]] void raise(pg_result *result);
    // Waits until a result can be read without blocking; false when `deadlineMs` after
    // `timer` started passed first.
    bool awaitResult(const QElapsedTimer &timer, int deadlineMs);
    [[noreturn]] void giveUp(int deadlineMs);
    // PQexecParams with a deadline for the answer; throws a lost-connection DbError when it
    // passes. Returns null when the statement could not be sent.
    pg_result *execWithDeadline(const char *sql, int count, const char *const *values,
                                const int *lengths, int deadlineMs);

    struct Queued
    {
        QByteArray sql;
        QList<SqlValue> params;
        std::shared_ptr<PgPending::State> pending;
        std::function<void(const PgResult &)> check;
    };
    // Sends `batch` in one pipeline. Returns the results in order up to the first failed
    // statement, whose error goes to `error` (null when all ran); throws when the connection
    // failed.
    QList<PgResult> runPipeline(const QList<Queued> &batch, pg_result **error);

    pg_conn *m_conn;
    QList<Queued> m_queue;
    bool m_beginQueued = false;   // the open transaction's BEGIN has not been sent yet
    bool m_broken = false;        // a statement is still pending: never reuse the connection
    bool m_nextIsFirst = true;    // the next statement opens a transaction (or the session)
    std::exception_ptr m_refusal; // what a check of the open transaction refused it with
};

} // namespace flowviz::db
