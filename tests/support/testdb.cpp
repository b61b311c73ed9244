#include "tests/support/testdb.h"

#include "tests/support/testenv.h"

#include <QTest>
#include <QUrl>

#include <libpq-fe.h>

namespace flowviz::test {

namespace {

void adminExec(pg_conn *conn, const QByteArray &sql)
{
    PGresult *r = PQexec(conn, sql.constData());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok)
        qWarning("SQL failed: %s: %s", sql.constData(), PQerrorMessage(conn));
    PQclear(r);
}

} // namespace

pg_conn *TestDb::connect(const QString &database)
{
    const QByteArray url = TestEnv::get().directUrlFor(database).toUtf8();
    pg_conn *conn = PQconnectdb(url.constData());
    if (PQstatus(conn) != CONNECTION_OK)
        qFatal("cannot connect to the test PostgreSQL (%s): %s", url.constData(),
               PQerrorMessage(conn));
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return conn;
}

TestDb::TestDb(const QString &name) : m_name(name)
{
    pg_conn *admin = connect(QStringLiteral("postgres"));
    adminExec(admin, "DROP DATABASE IF EXISTS \"" + name.toUtf8() + "\" WITH (FORCE)");
    adminExec(admin, "CREATE DATABASE \"" + name.toUtf8() + "\"");
    PQfinish(admin);
    m_conn = connect(name);
}

TestDb::TestDb(const QString &name, Borrowed) : m_name(name), m_conn(connect(name)), m_owner(false)
{}

std::unique_ptr<TestDb> TestDb::secondConnection() const
{
    return std::unique_ptr<TestDb>(new TestDb(m_name, Borrowed{}));
}

TestDb::~TestDb()
{
    PQfinish(m_conn);
    if (!m_owner || qEnvironmentVariableIsSet("FLOWVIZ_TEST_KEEP_DB"))
        return;
    pg_conn *admin = connect(QStringLiteral("postgres"));
    adminExec(admin, "DROP DATABASE IF EXISTS \"" + m_name.toUtf8() + "\" WITH (FORCE)");
    PQfinish(admin);
}

QList<QStringList> TestDb::query(const QString &sql, const QStringList &params)
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        PQreset(m_conn);
    QList<QByteArray> values;
    QList<const char *> pointers;
    for (const QString &p : params)
        values.append(p.toUtf8());
    for (const QByteArray &v : values)
        pointers.append(v.constData());
    const QByteArray text = sql.toUtf8();
    PGresult *r = PQexecParams(m_conn, text.constData(), int(pointers.size()), nullptr,
                               pointers.constData(), nullptr, nullptr, 0);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        // The server restarted since the last query (a suite that stops PostgreSQL): once more
        // on a new connection.
        PQclear(r);
        PQreset(m_conn);
        r = PQexecParams(m_conn, text.constData(), int(pointers.size()), nullptr,
                         pointers.constData(), nullptr, nullptr, 0);
    }
    QList<QStringList> rows;
    const auto status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QByteArray message = QByteArray(PQerrorMessage(m_conn)) + " in: " + text;
        PQclear(r);
        QTest::qFail(message.constData(), __FILE__, __LINE__);
        return rows;
    }
    for (int i = 0; i < PQntuples(r); ++i) {
        QStringList row;
        for (int c = 0; c < PQnfields(r); ++c)
            row.append(PQgetisnull(r, i, c) ? QString() : QString::fromUtf8(PQgetvalue(r, i, c)));
        rows.append(row);
    }
    PQclear(r);
    return rows;
}

QString TestDb::scalar(const QString &sql, const QStringList &params)
{
    const auto rows = query(sql, params);
    return rows.isEmpty() || rows.first().isEmpty() ? QString() : rows.first().first();
}

void TestDb::exec(const QString &sql)
{
    query(sql);
}

} // namespace flowviz::test
