#include "pgsession.h"

#include <QVarLengthArray>

#include <libpq-fe.h>

namespace flowviz::db {

namespace {
constexpr const char *kStatementTimeout = "SET LOCAL statement_timeout = '20s'";
}

PgSession::PgSession(pg_conn *conn) : m_conn(conn) {}

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
    PGresult *r = PQexecParams(m_conn, sql, int(params.size()), nullptr, values.constData(),
                               lengths.constData(), nullptr, 0);
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
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void PgSession::begin()
{
    exec("BEGIN");
    exec(kStatementTimeout);
}

void PgSession::commit()
{
    exec("COMMIT");
}

void PgSession::rollbackQuietly()
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        return;
    PQclear(PQexec(m_conn, "ROLLBACK"));
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
