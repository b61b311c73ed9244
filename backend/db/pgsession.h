#pragma once

#include "dberror.h"
#include "pgresult.h"
#include "sqlvalue.h"

#include <QList>

#include <initializer_list>

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

    // False once the connection failed or a statement went unanswered past its deadline;
    // the pool then closes the connection instead of reusing it.
    bool isHealthy() const;
    pg_conn *handle() const { return m_conn; }

private:
    void begin();
    void commit();
    void rollbackQuietly();
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
