#include "backend/ops/restorecommand.h"

#include "backend/ops/backupmanifest.h"
#include "backend/ops/databasecatalog.h"
#include "backend/ops/exitcodes.h"
#include "backend/ops/pgconnection.h"
#include "backend/ops/pgtools.h"
#include "backend/ops/programthread.h"

#include "backend/db/dbpool.h"
#include "backend/db/migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTextStream>

#include <optional>

namespace flowviz::ops {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "flowviz-server: " << message << Qt::endl;
    return code;
}

QString lastLines(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > 3)
        lines = lines.mid(lines.size() - 3);
    return lines.join(u" / ");
}

// A step that failed: the exit code and the sentence run() prints.
struct Failure
{
    int code;
    QString message;
};

// A backup as given on the command line: the manifest, checked, and the dump it names.
struct Backup
{
    QString dir;
    QString dumpPath;
    BackupManifest manifest;
};

std::optional<Failure> readBackup(const QString &path, int latestSchema, Backup &out)
{
    const QFileInfo given(path);
    if (!given.exists())
        return Failure{exitcode::kUsage, QStringLiteral("%1 does not exist").arg(path)};
    out.dir = given.isDir() ? given.absoluteFilePath() : given.absolutePath();
    const QString manifestPath =
        given.isDir() || given.fileName() == QLatin1String(BackupManifest::kDumpFileName)
            ? QDir(out.dir).filePath(QString::fromLatin1(BackupManifest::kFileName))
            : given.absoluteFilePath();
    QFile manifestFile(manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Failure{exitcode::kBackupDamaged,
                       QStringLiteral("%1 cannot be read: a backup directory holds manifest.json "
                                      "and flowviz.dump")
                           .arg(manifestPath)};
    QString error;
    out.manifest = BackupManifest::fromJson(manifestFile.readAll(), &error);
    if (out.manifest.formatVersion == 0)
        return Failure{exitcode::kBackupDamaged,
                       QStringLiteral("%1 cannot be used: %2").arg(manifestPath, error)};
    if (out.manifest.schemaVersion > latestSchema)
        return Failure{exitcode::kSchemaTooNew,
                       QStringLiteral("the backup holds schema version %1, newer than this "
                                      "flowviz-server knows (%2); restore it with "
                                      "flowviz-server %3 or newer")
                           .arg(out.manifest.schemaVersion)
                           .arg(latestSchema)
                           .arg(out.manifest.serverVersion)};
    out.dumpPath = QDir(out.dir).filePath(out.manifest.dumpFile);
    QFile dumpFile(out.dumpPath);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!dumpFile.open(QIODevice::ReadOnly) || !sha.addData(&dumpFile))
        return Failure{
            exitcode::kBackupDamaged,
            QStringLiteral("%1 cannot be read; the backup is incomplete").arg(out.dumpPath)};
    if (dumpFile.size() != out.manifest.dumpBytes ||
        sha.result().toHex() != out.manifest.dumpSha256)
        return Failure{exitcode::kBackupDamaged,
                       QStringLiteral("%1 does not match its manifest (size or SHA-256 differ): "
                                      "the backup is damaged or was changed; use another backup")
                           .arg(out.dumpPath)};
    return std::nullopt;
}

QString describe(const DatabaseContents &t)
{
    return t.schemaVersion > 0
               ? QStringLiteral("FlowViz data (schema version %1%2)")
                     .arg(t.schemaVersion)
                     .arg(t.lots >= 0 ? QStringLiteral(", %1 lots").arg(t.lots) : QString())
               : QStringLiteral("%1 objects in its public schema").arg(t.objects);
}

// The dump names the public schema itself (pg_dump --schema=public); the target has one
// already, so everything but the schema and its comment is restored: `list` gets the entries.
std::optional<Failure> writeUseList(const QString &pgRestore, const QString &dumpPath,
                                    QTemporaryFile &list)
{
    QProcess listing;
    listing.start(pgRestore, {QStringLiteral("--list"), dumpPath});
    listing.waitForFinished(-1);
    if (listing.exitStatus() != QProcess::NormalExit || listing.exitCode() != 0 || !list.open())
        return Failure{exitcode::kBackupDamaged,
                       QStringLiteral("pg_restore cannot read %1: %2")
                           .arg(dumpPath, lastLines(listing.readAllStandardError()))};
    static const QRegularExpression schemaEntry(
        QStringLiteral("^\\d+; \\d+ \\d+ (SCHEMA - public|COMMENT - SCHEMA public) "));
    for (const QByteArray &line : listing.readAllStandardOutput().split('\n')) {
        if (!schemaEntry.match(QString::fromUtf8(line)).hasMatch())
            list.write(line + '\n');
    }
    list.flush();
    return std::nullopt;
}

// Copies pg_restore's SQL into psql, holding back while psql's input is full. False when psql
// ended early (pg_restore is then stopped).
bool pipe(QProcess &restore, QProcess &sql)
{
    while (true) {
        if (restore.bytesAvailable() == 0 && restore.state() == QProcess::NotRunning)
            return true;
        if (restore.bytesAvailable() == 0)
            restore.waitForReadyRead(1000);
        const QByteArray chunk = restore.read(1 << 20);
        if (!chunk.isEmpty())
            sql.write(chunk);
        while (sql.bytesToWrite() > (4 << 20) && sql.state() == QProcess::Running)
            sql.waitForBytesWritten(1000);
        if (sql.state() != QProcess::Running) {
            restore.kill();
            restore.waitForFinished(10000);
            return false;
        }
    }
}

// pg_restore turns the archive into SQL; psql runs it inside one transaction that this process
// commits only after pg_restore succeeded and the row counts match.
int load(const db::DbSettings &settings, const Backup &backup, const QString &useList,
         const QString &pgRestore, const QString &psql, bool replace)
{
    QProcess restore;
    QProcess sql;
    restore.setProcessEnvironment(PgTools::environment(settings));
    sql.setProcessEnvironment(PgTools::environment(settings));
    sql.setStandardOutputFile(QProcess::nullDevice());
    restore.start(pgRestore, {QStringLiteral("--no-owner"), QStringLiteral("--no-acl"),
                              QStringLiteral("--use-list=") + useList, QStringLiteral("--file=-"),
                              backup.dumpPath});
    sql.start(psql,
              {QStringLiteral("--no-psqlrc"), QStringLiteral("--quiet"),
               QStringLiteral("--no-password"), QStringLiteral("--set=ON_ERROR_STOP=1"),
               QStringLiteral("--dbname=") + QString::fromUtf8(PgConnection::conninfo(settings))});
    if (!restore.waitForStarted(10000) || !sql.waitForStarted(10000))
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot start %1 or %2: %3")
                        .arg(pgRestore, psql, restore.errorString() + u' ' + sql.errorString()));
    sql.write(restorescript::prelude(replace));
    const bool psqlDied = !pipe(restore, sql);
    if (!psqlDied)
        restore.waitForFinished(-1);
    const bool restoreOk =
        !psqlDied && restore.exitStatus() == QProcess::NormalExit && restore.exitCode() == 0;
    if (restoreOk)
        sql.write(restorescript::verifyAndCommit(backup.manifest));
    // Without COMMIT, psql ends at the end of its input and PostgreSQL rolls the work back.
    sql.closeWriteChannel();
    sql.waitForFinished(-1);
    const bool sqlOk = sql.exitStatus() == QProcess::NormalExit && sql.exitCode() == 0;
    if (restoreOk && sqlOk)
        return exitcode::kOk;
    const QByteArray why = !sqlOk ? sql.readAllStandardError() : restore.readAllStandardError();
    if (why.contains("lock timeout"))
        return fail(exitcode::kFailure,
                    QStringLiteral("the restore waited 30 s for other sessions to let go of the "
                                   "tables and was rolled back; stop flowviz-server (and other "
                                   "clients of %1) and try again")
                        .arg(settings.database));
    return fail(exitcode::kFailure,
                QStringLiteral("the restore failed and was rolled back, the database is as it "
                               "was: %1")
                    .arg(lastLines(why)));
}

// pg_restore able to read the dump, and psql; a readable reason when one is missing.
QString findTools(const QString &binDir, const BackupManifest &manifest, int serverMajor,
                  PgTools::Program &pgRestore, PgTools::Program &psql)
{
    const int dumpMajor = manifest.pgDumpVersion.section(u'.', 0, 0).toInt();
    const PgTools tools(binDir, serverMajor);
    pgRestore = tools.find(QStringLiteral("pg_restore"), dumpMajor);
    psql = tools.find(QStringLiteral("psql"));
    const QString problem =
        tools.problem(QStringLiteral("pg_restore"), pgRestore, dumpMajor,
                      QStringLiteral("read a dump written by pg_dump %1").arg(dumpMajor));
    return problem.isEmpty() ? tools.problem(QStringLiteral("psql"), psql, 0, {}) : problem;
}

} // namespace

RestoreCommand::RestoreCommand(const ServerConfig &config) : m_config(config) {}

int RestoreCommand::run(const Options &options)
{
    const db::Migrator migrator;
    Backup backup;
    if (const auto f = readBackup(options.path, migrator.latestVersion(), backup))
        return fail(f->code, f->message);

    // The target database, reached directly (not through PgBouncer).
    const db::DbSettings &settings = m_config.backupDatabase;
    QString error;
    const auto conn = PgConnection::open(settings, &error);
    if (!conn)
        return fail(exitcode::kDatabaseUnreachable,
                    QStringLiteral("cannot reach the database at %1: %2")
                        .arg(settings.redactedUrl(), error));
    PgTools::Program pgRestore;
    PgTools::Program psql;
    if (const QString problem = findTools(m_config.pgBinDir, backup.manifest,
                                          conn->serverVersion() / 10000, pgRestore, psql);
        !problem.isEmpty())
        return fail(exitcode::kFailure, problem);

    DatabaseContents target;
    try {
        target = DatabaseCatalog(*conn).contents();
    } catch (const std::exception &e) {
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot inspect the database %1: %2")
                        .arg(settings.redactedUrl(), QString::fromUtf8(e.what())));
    }
    if (target.objects > 0 && !options.replace)
        return fail(exitcode::kTargetNotEmpty,
                    QStringLiteral("the database %1 already holds %2; stop flowviz-server and "
                                   "pass --replace to replace it with the backup, or restore "
                                   "into an empty database")
                        .arg(settings.redactedUrl(), describe(target)));
    if (target.otherSessions > 0)
        QTextStream(stderr) << "flowviz-server: warning: " << target.otherSessions
                            << " other session(s) are connected to " << settings.database
                            << "; stop flowviz-server while restoring" << Qt::endl;

    QTemporaryFile list;
    if (const auto f =
            onProgramThread([&] { return writeUseList(pgRestore.path, backup.dumpPath, list); }))
        return fail(f->code, f->message);
    QElapsedTimer timer;
    timer.start();
    if (const int code = onProgramThread([&] {
            return load(settings, backup, list.fileName(), pgRestore.path, psql.path,
                        options.replace);
        });
        code != exitcode::kOk)
        return code;
    const double restoreSeconds = double(timer.elapsed()) / 1000.0;

    db::Migrator::Outcome outcome;
    const QString migrateError =
        db::DbPool::runOnce(settings, [&](db::PgSession &s) { outcome = migrator.migrate(s); });
    if (!migrateError.isEmpty())
        return fail(exitcode::kFailure,
                    QStringLiteral("the backup was restored (schema version %1) but migrating it "
                                   "failed: %2; run 'flowviz-server migrate' to try again")
                        .arg(backup.manifest.schemaVersion)
                        .arg(migrateError));
    // Statistics after the migrations, so that indexes they add (expression indexes carry their
    // own statistics) are planned well from the first query.
    DatabaseCatalog(*conn).analyze();
    QTextStream(stdout) << "restored " << backup.dir << " (taken "
                        << backup.manifest.createdAt.toString(Qt::ISODate) << " by flowviz-server "
                        << backup.manifest.serverVersion << ") into " << settings.redactedUrl()
                        << " in " << QString::number(restoreSeconds, 'f', 1)
                        << " s: " << backup.manifest.tables.size()
                        << " tables, row counts match the manifest; schema version "
                        << backup.manifest.schemaVersion << " -> " << outcome.databaseVersion
                        << Qt::endl;
    return exitcode::kOk;
}

} // namespace flowviz::ops
