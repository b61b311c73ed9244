#include "backend/ops/backupcommand.h"

#include "backend/ops/backupmanifest.h"
#include "backend/ops/databasecatalog.h"
#include "backend/ops/exitcodes.h"
#include "backend/ops/pgconnection.h"
#include "backend/ops/pgtools.h"
#include "backend/ops/programthread.h"

#include "backend/db/migrator.h"
#include "backend/db/pgsession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTextStream>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace flowviz::ops {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "flowviz-server: " << message << Qt::endl;
    return code;
}

// fsync of a file or directory, so that the rename below publishes durable content.
bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

QString freeSpace(const QString &dir)
{
    const QStorageInfo storage(dir);
    return QStringLiteral("%1 MB free").arg(storage.bytesAvailable() / (1024 * 1024));
}

const QRegularExpression &backupNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^flowviz-(\\d{8}T\\d{6}Z)(-\\d+)?$"));
    return pattern;
}

// Removes the half-written directory unless it was published.
class PartialDir
{
public:
    explicit PartialDir(const QString &path) : m_path(path) {}
    ~PartialDir()
    {
        if (!m_published && !m_path.isEmpty())
            QDir(m_path).removeRecursively();
    }
    void published() { m_published = true; }
    const QString &path() const { return m_path; }
    QString filePath(const QString &name) const { return QDir(m_path).filePath(name); }

private:
    QString m_path;
    bool m_published = false;
};

// Opens the read-only transaction whose exported snapshot pg_dump reads, and fills the
// manifest's versions and exact row counts from that same snapshot. Held open until pg_dump
// is done. Returns the snapshot's name; throws when the database cannot be read.
QString openSnapshot(PgConnection &conn, BackupManifest &manifest)
{
    DatabaseCatalog catalog(conn);
    const QString snapshot = catalog.exportSnapshot();
    manifest.createdAt = QDateTime::currentDateTimeUtc();
    db::PgSession session(conn.handle());
    manifest.schemaVersion = db::Migrator::currentVersion(session);
    manifest.postgresVersion = catalog.serverVersion();
    manifest.tables = catalog.tableRowCounts();
    return snapshot;
}

// pg_dump of the snapshot into `dumpPath`; ends the snapshot's transaction.
int dump(const db::DbSettings &settings, const QString &pgDump, const QString &snapshot,
         const QString &dumpPath, PgConnection &conn, const QString &outputDir)
{
    QProcess process;
    process.setProcessEnvironment(PgTools::environment(settings));
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(
        pgDump,
        {QStringLiteral("--format=custom"), QStringLiteral("--schema=public"),
         QStringLiteral("--snapshot=") + snapshot, QStringLiteral("--no-password"),
         QStringLiteral("--lock-wait-timeout=120s"), QStringLiteral("--file=") + dumpPath,
         QStringLiteral("--dbname=") + QString::fromUtf8(PgConnection::conninfo(settings))});
    const bool started = process.waitForStarted(10000);
    if (started)
        process.waitForFinished(-1);
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    try {
        conn.exec(QStringLiteral("COMMIT"));
    } catch (const std::exception &) {
        // pg_dump's own outcome below says what matters.
    }
    if (started && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return exitcode::kOk;
    if (errors.contains(u"No space left on device"))
        return fail(exitcode::kFailure,
                    QStringLiteral("the disk holding %1 is full (%2): free space or choose "
                                   "another --output; nothing was kept")
                        .arg(outputDir, freeSpace(outputDir)));
    return fail(exitcode::kFailure,
                QStringLiteral("pg_dump (%1) failed, nothing was kept: %2")
                    .arg(pgDump, errors.isEmpty() ? process.errorString()
                                                  : errors.split(u'\n').join(u" / ")));
}

// Checksums the dump, writes manifest.json, syncs both and renames the partial directory to
// its final name: the backup appears only once complete.
int publish(BackupManifest &manifest, PartialDir &partial, const QString &finalPath,
            const QString &outputDir)
{
    const QString dumpPath = partial.filePath(manifest.dumpFile);
    QFile dumpFile(dumpPath);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!dumpFile.open(QIODevice::ReadOnly) || !sha.addData(&dumpFile))
        return fail(exitcode::kFailure, QStringLiteral("cannot read back %1").arg(dumpPath));
    manifest.dumpBytes = dumpFile.size();
    manifest.dumpSha256 = sha.result().toHex();
    dumpFile.close();

    QFile manifestFile(partial.filePath(QString::fromLatin1(BackupManifest::kFileName)));
    const QByteArray json = manifest.toJson();
    const bool written = manifestFile.open(QIODevice::WriteOnly) &&
                         manifestFile.write(json) == json.size() && manifestFile.flush() &&
                         ::fsync(manifestFile.handle()) == 0;
    manifestFile.close();
    if (!written || !syncPath(dumpPath, false) || !syncPath(partial.path(), true))
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot write the backup into %1 (%2); nothing was kept")
                        .arg(outputDir, freeSpace(outputDir)));
    if (::rename(QFile::encodeName(partial.path()).constData(),
                 QFile::encodeName(finalPath).constData()) != 0)
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot rename %1 to %2").arg(partial.path(), finalPath));
    partial.published();
    syncPath(outputDir, true);
    return exitcode::kOk;
}

} // namespace

BackupCommand::BackupCommand(const ServerConfig &config) : m_config(config) {}

int BackupCommand::run(const Options &options)
{
    const db::DbSettings &settings = m_config.backupDatabase;
    if (settings.port == 6432 && m_config.backupDatabaseUrl == m_config.databaseUrl)
        QTextStream(stderr) << "flowviz-server: warning: the database URL looks like PgBouncer "
                               "(port 6432); pg_dump needs PostgreSQL itself: set "
                               "database/backup_url (FLOWVIZ_BACKUP_DATABASE_URL)"
                            << Qt::endl;

    QString error;
    const auto conn = PgConnection::open(settings, &error);
    if (!conn)
        return fail(exitcode::kDatabaseUnreachable,
                    QStringLiteral("cannot reach the database at %1: %2")
                        .arg(settings.redactedUrl(), error));
    const int serverMajor = conn->serverVersion() / 10000;
    const PgTools tools(m_config.pgBinDir, serverMajor);
    const PgTools::Program pgDump = tools.find(QStringLiteral("pg_dump"), serverMajor);
    const QString toolProblem =
        tools.problem(QStringLiteral("pg_dump"), pgDump, serverMajor,
                      QStringLiteral("dump PostgreSQL %1").arg(serverMajor));
    if (!toolProblem.isEmpty())
        return fail(exitcode::kFailure, toolProblem);

    const QDir outputDir(options.outputDir);
    if (!QDir().mkpath(outputDir.absolutePath()))
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot create the backup directory %1").arg(outputDir.path()));

    BackupManifest manifest;
    manifest.serverVersion = QStringLiteral(FLOWVIZ_VERSION);
    manifest.database = settings.database;
    manifest.pgDumpVersion = pgDump.version;
    QString snapshot;
    try {
        snapshot = openSnapshot(*conn, manifest);
    } catch (const std::exception &e) {
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot read the database %1: %2")
                        .arg(settings.redactedUrl(), QString::fromUtf8(e.what())));
    }
    if (manifest.schemaVersion == 0)
        return fail(exitcode::kFailure,
                    QStringLiteral("the database %1 holds no FlowViz schema (no schema_migrations "
                                   "table): check database/url, or run flowviz-server migrate")
                        .arg(settings.redactedUrl()));

    const QString stamp = manifest.createdAt.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString name = QStringLiteral("flowviz-") + stamp;
    for (int n = 2;
         outputDir.exists(name) || outputDir.exists(u'.' + name + QStringLiteral(".partial")); ++n)
        name = QStringLiteral("flowviz-%1-%2").arg(stamp).arg(n);
    const QString finalPath = outputDir.absoluteFilePath(name);
    const QString partialPath =
        outputDir.absoluteFilePath(u'.' + name + QStringLiteral(".partial"));
    if (!QDir().mkdir(partialPath))
        return fail(exitcode::kFailure, QStringLiteral("cannot create %1 (permissions? %2)")
                                            .arg(partialPath, freeSpace(outputDir.absolutePath())));
    PartialDir partial(partialPath);
    const QString dumpPath = partial.filePath(manifest.dumpFile);

    if (const int code = onProgramThread([&] {
            return dump(settings, pgDump.path, snapshot, dumpPath, *conn, outputDir.absolutePath());
        });
        code != exitcode::kOk)
        return code;

    if (const int code = publish(manifest, partial, finalPath, outputDir.absolutePath());
        code != exitcode::kOk)
        return code;

    qint64 rows = 0;
    for (const auto &table : manifest.tables)
        rows += table.second;
    QTextStream(stdout) << finalPath << Qt::endl;
    QTextStream(stderr) << "flowviz-server: backed up " << settings.redactedUrl() << " (schema "
                        << manifest.schemaVersion << ", " << manifest.tables.size() << " tables, "
                        << rows << " rows, " << manifest.dumpBytes << " bytes)" << Qt::endl;
    return prune(options, name);
}

int BackupCommand::prune(const Options &options, const QString &keep)
{
    if (options.keepDays <= 0 && options.keepLast <= 0)
        return exitcode::kOk;
    const QDir dir(options.outputDir);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Complete backups, newest first (the names sort by time).
    QStringList names;
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (backupNamePattern().match(entry).hasMatch() &&
            QFile::exists(dir.filePath(entry) + u'/' +
                          QString::fromLatin1(BackupManifest::kFileName)))
            names.prepend(entry);
    }
    int removed = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names[i] == keep || i < std::max(options.keepLast, 1))
            continue;
        const QDateTime taken =
            QDateTime::fromString(backupNamePattern().match(names[i]).captured(1),
                                  QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        QDateTime takenUtc = taken;
        takenUtc.setTimeSpec(Qt::UTC);
        if (options.keepDays > 0 && takenUtc.addDays(options.keepDays) > now)
            continue;
        if (QDir(dir.filePath(names[i])).removeRecursively())
            ++removed;
        else
            QTextStream(stderr) << "flowviz-server: warning: cannot remove old backup "
                                << dir.filePath(names[i]) << Qt::endl;
    }
    // Leftovers of backups that crashed (a running one is younger than a day).
    for (const QFileInfo &info :
         dir.entryInfoList({QStringLiteral(".flowviz-*.partial")},
                           QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (info.lastModified().toUTC().addDays(1) < now)
            QDir(info.absoluteFilePath()).removeRecursively();
    }
    if (removed > 0)
        QTextStream(stderr) << "flowviz-server: removed " << removed << " old backup(s) from "
                            << dir.absolutePath() << Qt::endl;
    return exitcode::kOk;
}

} // namespace flowviz::ops
