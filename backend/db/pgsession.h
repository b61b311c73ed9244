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
    template<typename F>
    auto transaction(F &&work) -> decltype(work())
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

    bool isHealthy() const;
    pg_conn *handle() const { return m_conn; }

private:
    void begin();
    void commit();
    void rollbackQuietly();
    [[noreturn]] void raise(pg_result *result);

    pg_conn *m_conn;
};

} // namespace flowviz::db
