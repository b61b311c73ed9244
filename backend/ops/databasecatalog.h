#pragma once

#include "backend/ops/backupmanifest.h"
#include "backend/ops/pgconnection.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace flowviz::ops {

// What a database holds, as the restore sees it before it starts.
struct DatabaseContents
{
    qint64 objects = 0;    // tables, views, sequences and functions in the public schema
    int schemaVersion = 0; // 0: no FlowViz schema
    qint64 lots = -1;      // -1: no lots table
    int otherSessions = 0; // other connections to the same database
};

// The SQL of the IT commands (backup, restore): catalog queries and the session settings they
// need, over one plain connection without the API's deadlines.
class DatabaseCatalog
{
public:
    explicit DatabaseCatalog(PgConnection &conn) : m_conn(conn) {}

    // Starts the read-only repeatable-read transaction whose snapshot pg_dump reads (no
    // statement or idle timeout: it stays open while pg_dump runs) and exports it.
    QString exportSnapshot();
    QString serverVersion(); // "15.4"
    // Every table of the public schema by name, with its exact row count.
    QList<QPair<QString, qint64>> tableRowCounts();
    DatabaseContents contents();
    // Fresh planner statistics; a failure is reported on stderr as a warning, not thrown.
    void analyze();

private:
    QString value(const char *sql);

    PgConnection &m_conn;
};

// The script psql runs around pg_restore's output, in one transaction: the prelude opens it
// (and, for --replace, drops what FlowViz keeps in the public schema); verifyAndCommit checks
// the restored tables against the manifest and commits. Without the commit, psql ends at the
// end of its input and PostgreSQL rolls everything back.
namespace restorescript {
QByteArray prelude(bool replace);
QByteArray verifyAndCommit(const BackupManifest &manifest);
} // namespace restorescript

} // namespace flowviz::ops
