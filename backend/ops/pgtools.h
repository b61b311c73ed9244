#pragma once

#include "backend/db/dbsettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace flowviz::ops {

// Finds PostgreSQL's client programs (pg_dump, pg_restore, psql) and says how to run them
// against a database: the password travels in PGPASSWORD, never on a command line.
class PgTools
{
public:
    // `binDir`: when set, the only place looked at. Otherwise PATH, then
    // /usr/lib/postgresql/<serverMajor>/bin, then /usr/lib/postgresql/15/bin.
    explicit PgTools(const QString &binDir = {}, int serverMajor = 0);

    struct Program
    {
        QString path; // empty when not found
        int major = 0;
        QString version; // e.g. "15.4"
    };
    // The program `name`, preferring one whose major version is at least `minMajor`.
    Program find(const QString &name, int minMajor = 0) const;
    // A readable reason why `name` cannot be used, or empty.
    QString problem(const QString &name, const Program &p, int minMajor, const QString &why) const;

    static QProcessEnvironment environment(const db::DbSettings &settings);
    static QString versionOf(const QString &program, int *major);

private:
    QStringList m_dirs;
    bool m_pathToo = true;
};

} // namespace flowviz::ops
