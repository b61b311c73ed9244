#pragma once

#include "backend/db/dbsettings.h"
#include "backend/db/pgresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

namespace flowviz::ops {

// One plain libpq connection for the IT commands (backup, restore, start-up checks):
// statements without the API's deadlines, since counting a large table may take minutes.
class PgConnection
{
public:
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Null with libpq's reason (first line) in `error` when the connection fails.
    static std::unique_ptr<PgConnection> open(const db::DbSettings &settings, QString *error,
                                              int connectTimeoutSeconds = 5);
    // libpq keywords for `settings`, without the password (it goes in PGPASSWORD).
    static QByteArray conninfo(const db::DbSettings &settings, int connectTimeoutSeconds = 5);

    // Throws std::runtime_error with the server's message when the statement fails.
    db::PgResult exec(const QString &sql, const QStringList &params = {});
    QString quoteIdentifier(const QString &name) const;
    int serverVersion() const; // e.g. 150004
    pg_conn *handle() const { return m_conn; }

private:
    explicit PgConnection(pg_conn *conn) : m_conn(conn) {}
    pg_conn *m_conn;
};

} // namespace flowviz::ops
