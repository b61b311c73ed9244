#include "backend/db/migrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <stdexcept>

namespace flowviz::db {

namespace {
// Any fixed number; all FlowViz servers agree on it.
constexpr const char *kLockKey = "7346251981";
} // namespace

Migrator::Migrator()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        m_migrations.append({m.captured(1).toInt(), m.captured(2), f.readAll()});
    }
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

int Migrator::currentVersion(PgSession &session)
{
    const PgResult exists =
        session.exec("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS e");
    if (!exists.toBool(0, "e"))
        return 0;
    const PgResult r = session.exec("SELECT coalesce(max(version), 0) AS v FROM schema_migrations");
    return int(r.toInt(0, "v"));
}

QString Migrator::schemaTooNewMessage(int databaseVersion, int latestVersion)
{
    return QStringLiteral("the database schema is at version %1, newer than this flowviz-server "
                          "knows (%2); install the newer server")
        .arg(databaseVersion)
        .arg(latestVersion);
}

Migrator::Outcome Migrator::migrate(PgSession &session) const
{
    return session.transaction([&] {
        session.exec("SELECT pg_advisory_xact_lock($1::bigint)", {kLockKey});
        session.exec("SET LOCAL statement_timeout = 0");
        session.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     " version integer PRIMARY KEY,"
                     " name text NOT NULL,"
                     " applied_at timestamptz(3) NOT NULL DEFAULT now())");
        Outcome out;
        const int current = currentVersion(session);
        if (current > latestVersion())
            throw std::runtime_error(schemaTooNewMessage(current, latestVersion()).toStdString());
        for (const Migration &m : m_migrations) {
            if (m.version <= current)
                continue;
            session.execScript(m.sql);
            session.exec("INSERT INTO schema_migrations (version, name) VALUES ($1::int, $2)",
                         {m.version, m.name});
            out.applied.append(m.version);
        }
        out.databaseVersion = std::max(current, out.applied.isEmpty() ? 0 : out.applied.last());
        return out;
    });
}

} // namespace flowviz::db
