#pragma once

#include "backend/db/dberror.h"
#include "backend/db/pgresult.h"
#include "backend/db/sqlvalue.h"

#include <QList>

#include <initializer_list>
#include <type_traits>

struct pg_conn;

namespace flowviz::db {

// Statements on one connection through libpq's PQexecParams: unnamed, protocol-level
// parameters, nothing prepared by name, so it works through PgBouncer in transaction mode
// (QPSQL's prepare() issues SQL PREPARE, which does not).
class PgSession
{
public:
    explicit PgSession(pg_conn *conn);

    PgResult exec(const char *sql, std::initializer_list<SqlValue> params = {});
    PgResult exec(const char *sql, const QList<SqlValue> &params);
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
    // transaction. The one place SAVEPOINT statements are written.
    template <typename F> auto savepoint(const char *name, F &&work) -> decltype(work())
    {
        savepointStatement("SAVEPOINT ", name);
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                savepointStatement("RELEASE SAVEPOINT ", name);
            } else {
                auto result = work();
                savepointStatement("RELEASE SAVEPOINT ", name);
                return result;
            }
        } catch (...) {
            rollbackToSavepoint(name);
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
    void savepointStatement(const char *statement, const char *name);
    // Skipped when the connection is gone: the caller's exception says why.
    void rollbackToSavepoint(const char *name);
    [[noreturn]] void raise(pg_result *result);
    // PQexecParams with a deadline for the answer; throws a lost-connection DbError when it
    // passes. Returns null when the statement could not be sent.
    pg_result *execWithDeadline(const char *sql, int count, const char *const *values,
                                const int *lengths, int deadlineMs);

    pg_conn *m_conn;
    bool m_broken = false;     // a statement is still pending: never reuse the connection
    bool m_nextIsFirst = true; // the next statement opens a transaction (or the session)
};

} // namespace flowviz::db
