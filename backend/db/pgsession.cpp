#include "backend/db/pgsession.h"

#include <QElapsedTimer>
#include <QVarLengthArray>

#include <libpq-fe.h>

#include <cerrno>
#include <poll.h>

namespace flowviz::db {

namespace {
constexpr const char *kStatementTimeout = "SET LOCAL statement_timeout = '20s'";
// How long a statement may go without an answer before the connection is given up. A
// transaction's first statement gets little: through PgBouncer in transaction mode it is the
// one that waits for a server connection, and PgBouncer holds it for query_wait_timeout
// (120 s by default) while the database is down. Later statements get the server-side
// statement_timeout plus a margin, so that PostgreSQL reports a slow query first.
constexpr int kFirstAnswerMs = 5000;
constexpr int kAnswerMs = 25000;
} // namespace

PgSession::PgSession(pg_conn *conn) : m_conn(conn) {}

PGresult *PgSession::execWithDeadline(const char *sql, int count, const char *const *values,
                                      const int *lengths, int deadlineMs)
{
    if (m_broken)
        throw DbError(QStringLiteral("the connection was given up"), "08006", true);
    if (!PQsendQueryParams(m_conn, sql, count, nullptr, values, lengths, nullptr, 0))
        return nullptr;
    QElapsedTimer timer;
    timer.start();
    PGresult *last = nullptr;
    while (true) {
        while (PQisBusy(m_conn)) {
            const qint64 left = deadlineMs - timer.elapsed();
            if (left <= 0) {
                // The statement is still pending on this connection: it cannot be used again.
                PQclear(last);
                m_broken = true;
                throw DbError(QStringLiteral("no answer from the database within %1 s")
                                  .arg(deadlineMs / 1000),
                              "08006", true);
            }
            pollfd fd{PQsocket(m_conn), POLLIN, 0};
            const int ready = ::poll(&fd, 1, int(left));
            if (ready < 0 && errno != EINTR)
                break;
            if (ready > 0 && !PQconsumeInput(m_conn))
                break; // the connection failed; PQgetResult reports it
        }
        PGresult *r = PQgetResult(m_conn);
        if (!r)
            return last;
        if (last) {
            // Keep the first error, else the last result.
            if (PQresultStatus(last) == PGRES_FATAL_ERROR) {
                PQclear(r);
                continue;
            }
            PQclear(last);
        }
        last = r;
        if (PQstatus(m_conn) != CONNECTION_OK)
            return last;
    }
}

PgResult PgSession::exec(const char *sql, std::initializer_list<SqlValue> params)
{
    return exec(sql, QList<SqlValue>(params));
}

PgResult PgSession::exec(const char *sql, const QList<SqlValue> &params)
{
    QVarLengthArray<const char *, 16> values;
    QVarLengthArray<int, 16> lengths;
    for (const SqlValue &p : params) {
        values.append(p.isNull() ? nullptr : p.text().constData());
        lengths.append(p.isNull() ? 0 : int(p.text().size()));
    }
    PGresult *r = execWithDeadline(sql, int(params.size()), values.constData(), lengths.constData(),
                                   m_nextIsFirst ? kFirstAnswerMs : kAnswerMs);
    m_nextIsFirst = false;
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        raise(r);
    return PgResult(r);
}

void PgSession::execScript(const QByteArray &sql)
{
    PGresult *r = PQexec(m_conn, sql.constData());
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        raise(r);
    PQclear(r);
}

bool PgSession::isHealthy() const
{
    return m_conn && !m_broken && PQstatus(m_conn) == CONNECTION_OK;
}

void PgSession::begin()
{
    m_nextIsFirst = true;
    exec("BEGIN");
    exec(kStatementTimeout);
}

void PgSession::commit()
{
    exec("COMMIT");
}

void PgSession::rollbackQuietly()
{
    if (m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return;
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

void PgSession::savepointStatement(const char *statement, const char *name)
{
    exec(QByteArray(statement).append(name).constData());
}

void PgSession::rollbackToSavepoint(const char *name)
{
    if (m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return;
    savepointStatement("ROLLBACK TO SAVEPOINT ", name);
}

void PgSession::raise(pg_result *r)
{
    QByteArray state;
    QString message;
    QString constraint;
    if (r) {
        state = QByteArray(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        message = QString::fromUtf8(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
        constraint = QString::fromUtf8(PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME));
        PQclear(r);
    }
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    const bool lost = PQstatus(m_conn) != CONNECTION_OK || state.startsWith("08") ||
                      state.startsWith("57P") || state == "53300";
    throw DbError(message, state, lost, constraint);
}

} // namespace flowviz::db
