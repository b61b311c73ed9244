#include "backend/db/pgsession.h"

#include <QElapsedTimer>
#include <QVarLengthArray>

#include <libpq-fe.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <poll.h>
#include <stdexcept>
#include <utility>

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

bool PgSession::awaitResult(const QElapsedTimer &timer, int deadlineMs)
{
    while (PQisBusy(m_conn)) {
        const qint64 left = deadlineMs - timer.elapsed();
        if (left <= 0)
            return false;
        pollfd fd{PQsocket(m_conn), POLLIN, 0};
        const int ready = ::poll(&fd, 1, int(left));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0 && !PQconsumeInput(m_conn))
            break; // the connection failed; PQgetResult reports it
    }
    return true;
}

void PgSession::giveUp(int deadlineMs)
{
    // A statement is still pending on this connection: it cannot be used again.
    m_broken = true;
    throw DbError(QStringLiteral("no answer from the database within %1 s").arg(deadlineMs / 1000),
                  "08006", true);
}

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
        if (!awaitResult(timer, deadlineMs)) {
            PQclear(last);
            giveUp(deadlineMs);
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

namespace {

// libpq's parameter arrays for `params`, pointing into it.
struct ParamArrays
{
    explicit ParamArrays(const QList<SqlValue> &params)
    {
        for (const SqlValue &p : params) {
            values.append(p.isNull() ? nullptr : p.text().constData());
            lengths.append(p.isNull() ? 0 : int(p.text().size()));
        }
    }
    QVarLengthArray<const char *, 16> values;
    QVarLengthArray<int, 16> lengths;
};

} // namespace

PgResult PgSession::exec(const char *sql, const QList<SqlValue> &params)
{
    if (m_refusal)
        std::rethrow_exception(m_refusal);
    if (!m_queue.isEmpty()) {
        const PgPending pending = queue(QByteArray(sql), params);
        flush();
        return *pending.m_state->result;
    }
    const ParamArrays p(params);
    PGresult *r =
        execWithDeadline(sql, int(params.size()), p.values.constData(), p.lengths.constData(),
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

const PgResult &PgPending::result() const
{
    if (!m_state->result)
        m_state->session->flush();
    if (!m_state->result)
        throw std::logic_error("the result of a statement that was discarded unsent");
    return *m_state->result;
}

PgPending PgSession::queue(QByteArray sql, QList<SqlValue> params,
                           std::function<void(const PgResult &)> check)
{
    auto state = std::make_shared<PgPending::State>();
    state->session = this;
    m_queue.append({std::move(sql), std::move(params), state, std::move(check)});
    return PgPending(state);
}

void PgSession::flush()
{
    if (m_refusal)
        std::rethrow_exception(m_refusal);
    if (m_queue.isEmpty())
        return;
    const QList<Queued> batch = std::exchange(m_queue, {});
    m_beginQueued = false;
    PGresult *error = nullptr;
    const QList<PgResult> results = runPipeline(batch, &error);
    // The statements before a failed one did run: their checks still speak first (a disabled
    // account is told so, not that its lot code is taken).
    for (qsizetype i = 0; i < results.size(); ++i)
        batch[i].pending->result = results[i];
    try {
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (batch[i].check)
                batch[i].check(results[i]);
        }
    } catch (...) {
        PQclear(error);
        // A refusal is the whole transaction's: should a caller catch it and go on, every
        // later statement (and the COMMIT) throws it again, so nothing of it is committed.
        m_refusal = std::current_exception();
        throw;
    }
    if (error)
        raise(error);
}

QList<PgResult> PgSession::runPipeline(const QList<Queued> &batch, pg_result **error)
{
    if (m_broken)
        throw DbError(QStringLiteral("the connection was given up"), "08006", true);
    int deadlineMs = m_nextIsFirst ? kFirstAnswerMs : kAnswerMs;
    m_nextIsFirst = false;
    if (!PQenterPipelineMode(m_conn))
        raise(nullptr);
    for (const Queued &q : batch) {
        const ParamArrays p(q.params);
        if (!PQsendQueryParams(m_conn, q.sql.constData(), int(q.params.size()), nullptr,
                               p.values.constData(), p.lengths.constData(), nullptr, 0)) {
            m_broken = true;
            raise(nullptr);
        }
    }
    if (!PQpipelineSync(m_conn)) {
        m_broken = true;
        raise(nullptr);
    }
    QElapsedTimer timer;
    timer.start();
    QList<PgResult> out;
    out.reserve(batch.size());
    std::unique_ptr<PGresult, void (*)(PGresult *)> firstError(nullptr, PQclear);
    // One result per statement, each followed by a null, then the sync's.
    const auto next = [&] {
        if (!awaitResult(timer, deadlineMs))
            giveUp(deadlineMs);
        deadlineMs = kAnswerMs;
        timer.restart();
        PGresult *r = PQgetResult(m_conn);
        if (PQstatus(m_conn) != CONNECTION_OK) {
            PQclear(r);
            m_broken = true;
            raise(firstError.release());
        }
        return r;
    };
    for (qsizetype i = 0; i < batch.size(); ++i) {
        PGresult *r = next();
        const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
            out.append(PgResult(r));
        else if (!firstError && st != PGRES_PIPELINE_ABORTED && r)
            firstError.reset(r);
        else
            PQclear(r);
        while (PGresult *extra = r ? next() : nullptr)
            PQclear(extra);
    }
    PGresult *sync = next();
    const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
    PQclear(sync);
    if (!synced || !PQexitPipelineMode(m_conn)) {
        m_broken = true;
        throw DbError(QStringLiteral("the database's answers went out of step"), "08006", true);
    }
    *error = firstError.release();
    return out;
}

void PgSession::begin()
{
    // BEGIN and the timeout go with the transaction's first round trip.
    m_nextIsFirst = true;
    m_refusal = nullptr;
    queue("BEGIN");
    queue(kStatementTimeout);
    m_beginQueued = true;
}

void PgSession::commit()
{
    // A refusal found by a check must come before the COMMIT, so its round trip goes first.
    if (std::any_of(m_queue.cbegin(), m_queue.cend(),
                    [](const Queued &q) { return bool(q.check); }))
        flush();
    // PostgreSQL answers COMMIT in a failed transaction with ROLLBACK, not an error: the work
    // is then reported failed, never done.
    if (const QByteArray tag = exec("COMMIT").commandTag(); tag != "COMMIT")
        throw DbError(QStringLiteral("the transaction was rolled back at COMMIT (%1)")
                          .arg(QString::fromLatin1(tag)),
                      "40000", false);
}

void PgSession::rollbackQuietly()
{
    const bool nothingSent = m_beginQueued;
    m_queue.clear();
    m_refusal = nullptr;
    m_beginQueued = false;
    if (nothingSent || m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return;
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

void PgSession::rollbackToSavepoint(const char *name, const PgPending &opened)
{
    const auto at = std::find_if(m_queue.begin(), m_queue.end(),
                                 [&](const Queued &q) { return q.pending == opened.m_state; });
    if (at != m_queue.end()) {
        m_queue.erase(at, m_queue.end());
        return;
    }
    // Everything still queued was queued after the SAVEPOINT went: it is undone unsent.
    m_queue.clear();
    if (!opened.m_state->result || m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return;
    exec(QByteArray("ROLLBACK TO SAVEPOINT ").append(name).constData());
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
