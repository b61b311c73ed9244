#include "backend/ops/pgconnection.h"

#include <libpq-fe.h>

#include <stdexcept>

namespace flowviz::ops {

namespace {

// A libpq keyword value in single quotes, as conninfo strings want it.
QByteArray quoted(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\");
    v.replace('\'', "\\'");
    return '\'' + v + '\'';
}

} // namespace

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

QByteArray PgConnection::conninfo(const db::DbSettings &s, int connectTimeoutSeconds)
{
    QByteArray info = "host=" + quoted(s.host) + " port=" + QByteArray::number(s.port) +
                      " dbname=" + quoted(s.database) +
                      " connect_timeout=" + QByteArray::number(connectTimeoutSeconds) +
                      " application_name=flowviz-server";
    if (!s.user.isEmpty())
        info += " user=" + quoted(s.user);
    for (const QString &option : s.connectOptions.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = option.indexOf(u'=');
        if (eq > 0)
            info += ' ' + option.left(eq).toUtf8() + '=' + quoted(option.mid(eq + 1));
    }
    return info;
}

std::unique_ptr<PgConnection> PgConnection::open(const db::DbSettings &settings, QString *error,
                                                 int connectTimeoutSeconds)
{
    const QByteArray info = conninfo(settings, connectTimeoutSeconds);
    const QByteArray password = settings.password.toUtf8();
    const char *keys[] = {"dbname", "password", nullptr};
    const char *values[] = {info.constData(), password.isEmpty() ? nullptr : password.constData(),
                            nullptr};
    // expand_dbname: the first dbname is a whole conninfo string.
    PGconn *conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
        if (error) {
            const QString reason = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
            *error = reason.section(u'\n', 0, 0).trimmed();
        }
        PQfinish(conn);
        return nullptr;
    }
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

db::PgResult PgConnection::exec(const QString &sql, const QStringList &params)
{
    QList<QByteArray> values;
    QList<const char *> pointers;
    for (const QString &p : params)
        values.append(p.toUtf8());
    for (const QByteArray &v : values)
        pointers.append(v.constData());
    const QByteArray text = sql.toUtf8();
    PGresult *r = PQexecParams(m_conn, text.constData(), int(pointers.size()), nullptr,
                               pointers.constData(), nullptr, nullptr, 0);
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        QString message =
            r ? QString::fromUtf8(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)) : QString();
        if (message.isEmpty())
            message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        PQclear(r);
        throw std::runtime_error(message.toStdString());
    }
    return db::PgResult(r);
}

QString PgConnection::quoteIdentifier(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    char *escaped = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    const QString result = QString::fromUtf8(escaped);
    PQfreemem(escaped);
    return result;
}

int PgConnection::serverVersion() const
{
    return PQserverVersion(m_conn);
}

} // namespace flowviz::ops
