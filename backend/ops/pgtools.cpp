#include "backend/ops/pgtools.h"

#include "backend/ops/programthread.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace flowviz::ops {

PgTools::PgTools(const QString &binDir, int serverMajor)
{
    if (!binDir.isEmpty()) {
        m_dirs << binDir;
        m_pathToo = false;
        return;
    }
    if (serverMajor > 0)
        m_dirs << QStringLiteral("/usr/lib/postgresql/%1/bin").arg(serverMajor);
    m_dirs << QStringLiteral("/usr/lib/postgresql/15/bin");
}

QString PgTools::versionOf(const QString &program, int *major)
{
    return onProgramThread([&] {
        QProcess p;
        p.start(program, {QStringLiteral("--version")});
        if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return QString();
        // "pg_dump (PostgreSQL) 15.4 (Debian 15.4-0+deb12u1)"
        static const QRegularExpression pattern(
            QStringLiteral("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?"));
        const auto m = pattern.match(QString::fromUtf8(p.readAllStandardOutput()));
        if (!m.hasMatch())
            return QString();
        if (major)
            *major = m.captured(1).toInt();
        return m.captured(1) + m.captured(2);
    });
}

PgTools::Program PgTools::find(const QString &name, int minMajor) const
{
    QStringList candidates;
    if (m_pathToo) {
        const QString inPath = QStandardPaths::findExecutable(name);
        if (!inPath.isEmpty())
            candidates << inPath;
    }
    for (const QString &dir : m_dirs) {
        const QString path = QDir(dir).filePath(name);
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable() && !candidates.contains(path))
            candidates << path;
    }
    Program first;
    for (const QString &path : candidates) {
        Program p;
        p.path = path;
        p.version = versionOf(path, &p.major);
        if (p.version.isEmpty())
            continue;
        if (p.major >= minMajor)
            return p;
        if (first.path.isEmpty())
            first = p;
    }
    return first;
}

QString PgTools::problem(const QString &name, const Program &p, int minMajor,
                         const QString &why) const
{
    if (p.path.isEmpty())
        return QStringLiteral("%1 was not found (looked in %2); install postgresql-client-15 or "
                              "set FLOWVIZ_PG_BINDIR")
            .arg(name,
                 (m_pathToo ? QStringList{QStringLiteral("PATH")} : QStringList{}).join(u", ") +
                     (m_pathToo ? QStringLiteral(", ") : QString()) + m_dirs.join(u", "));
    if (p.major < minMajor)
        return QStringLiteral("%1 %2 (%3) cannot %4, which needs version %5 or newer; install "
                              "postgresql-client-%5 or set FLOWVIZ_PG_BINDIR")
            .arg(name, p.version, p.path, why)
            .arg(minMajor);
    return {};
}

QProcessEnvironment PgTools::environment(const db::DbSettings &settings)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Whatever the caller's shell had must not redirect the tools elsewhere.
    for (const char *name : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE",
                             "PGOPTIONS", "PGHOSTADDR"})
        env.remove(QString::fromLatin1(name));
    if (!settings.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), settings.password);
    env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("flowviz-server"));
    return env;
}

} // namespace flowviz::ops
