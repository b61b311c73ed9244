#pragma once

#include "backend/db/pgsession.h"

#include <QList>
#include <QString>

namespace flowviz::db {

// Applies the versioned SQL files compiled into the binary (:/migrations/NNNN_name.sql) in
// one transaction under an advisory lock, so several servers starting at once are safe.
class Migrator
{
public:
    struct Migration
    {
        int version;
        QString name;
        QByteArray sql;
    };

    Migrator();

    const QList<Migration> &migrations() const { return m_migrations; }
    int latestVersion() const;

    struct Outcome
    {
        QList<int> applied;
        int databaseVersion = 0;
    };
    // Throws DbError on SQL failures and std::runtime_error when the database holds a
    // newer schema than this binary knows.
    Outcome migrate(PgSession &session) const;
    // The highest applied version, or 0 on an empty database.
    static int currentVersion(PgSession &session);
    // What `migrate` throws, and start-up and restore say, when the database is ahead.
    static QString schemaTooNewMessage(int databaseVersion, int latestVersion);

private:
    QList<Migration> m_migrations;
};

} // namespace flowviz::db
