#include "backend/ops/restorecommand.h"

#include "backend/ops/backupmanifest.h"
#include "backend/ops/exitcodes.h"
#include "backend/ops/pgconnection.h"
#include "backend/ops/pgtools.h"

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

namespace flowviz::ops {

namespace {

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "flowviz-server: " << message << Qt::endl;
    return code;
}

// Everything FlowViz keeps in the public schema (tables, views, sequences, functions, types),
// dropped inside the restore's transaction; extension members are left alone.
constexpr const char *kDropPublicObjects = R"SQL(
DO $flowviz_drop$
DECLARE
    o record;
BEGIN
    FOR o IN
        SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
                      CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                     WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
                                     ELSE 'TABLE' END,
                      n.nspname, c.relname) AS stmt
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype = 'e')
         ORDER BY c.relkind = 'S'
    LOOP
        EXECUTE o.stmt;
    END LOOP;
    FOR o IN
        SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) AS stmt
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
    LOOP
        EXECUTE o.stmt;
    END LOOP;
    FOR o IN
        SELECT format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype) AS stmt
          FROM pg_type t
         WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                              AND d.deptype = 'e')
    LOOP
        EXECUTE o.stmt;
    END LOOP;
END
$flowviz_drop$;
)SQL";

// A DO block that raises (and so rolls the whole restore back) unless the public schema holds
// exactly the manifest's tables with exactly its row counts and schema version.
QByteArray verificationSql(const BackupManifest &m)
{
    QByteArray sql = "DO $flowviz_verify$\nDECLARE\n    n bigint;\n    extra text;\nBEGIN\n";
    QByteArrayList names;
    for (const auto &[table, rows] : m.tables) {
        // Names were checked against ^[a-z_][a-z0-9_]*$ when the manifest was read.
        const QByteArray t = table.toUtf8();
        names << "'" + t + "'";
        sql += "    SELECT count(*) INTO n FROM public.\"" + t + "\";\n    IF n <> " +
               QByteArray::number(rows) + " THEN RAISE EXCEPTION 'table " + t +
               " holds % rows after the restore, the manifest says " + QByteArray::number(rows) +
               "', n; END IF;\n";
    }
    sql += "    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO extra FROM "
           "pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace "
           "WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN (" +
           names.join(", ") +
           ");\n    IF extra IS NOT NULL THEN RAISE EXCEPTION 'tables not in the manifest: %', "
           "extra; END IF;\n";
    sql +=
        "    SELECT coalesce(max(version), 0) INTO n FROM public.schema_migrations;\n    IF n <> " +
        QByteArray::number(m.schemaVersion) +
        " THEN RAISE EXCEPTION 'the restored schema is at version %, the manifest says " +
        QByteArray::number(m.schemaVersion) + "', n; END IF;\nEND\n$flowviz_verify$;\n";
    return sql;
}

QString lastLines(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > 3)
        lines = lines.mid(lines.size() - 3);
    return lines.join(u" / ");
}

} // namespace

RestoreCommand::RestoreCommand(const ServerConfig &config) : m_config(config) {}

int RestoreCommand::run(const Options &options)
{
    // The backup: directory or manifest, then the dump it names.
    const QFileInfo given(options.path);
    if (!given.exists())
        return fail(exitcode::kUsage, QStringLiteral("%1 does not exist").arg(options.path));
    const QString backupDir = given.isDir() ? given.absoluteFilePath() : given.absolutePath();
    const QString manifestPath =
        given.isDir() || given.fileName() == QLatin1String(BackupManifest::kDumpFileName)
            ? QDir(backupDir).filePath(QString::fromLatin1(BackupManifest::kFileName))
            : given.absoluteFilePath();
    QFile manifestFile(manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly))
        return fail(exitcode::kBackupDamaged,
                    QStringLiteral("%1 cannot be read: a backup directory holds manifest.json and "
                                   "flowviz.dump")
                        .arg(manifestPath));
    QString error;
    const BackupManifest manifest = BackupManifest::fromJson(manifestFile.readAll(), &error);
    if (manifest.formatVersion == 0)
        return fail(exitcode::kBackupDamaged,
                    QStringLiteral("%1 cannot be used: %2").arg(manifestPath, error));

    const db::Migrator migrator;
    if (manifest.schemaVersion > migrator.latestVersion())
        return fail(exitcode::kSchemaTooNew,
                    QStringLiteral("the backup holds schema version %1, newer than this "
                                   "flowviz-server knows (%2); restore it with flowviz-server %3 "
                                   "or newer")
                        .arg(manifest.schemaVersion)
                        .arg(migrator.latestVersion())
                        .arg(manifest.serverVersion));

    const QString dumpPath = QDir(backupDir).filePath(manifest.dumpFile);
    QFile dumpFile(dumpPath);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!dumpFile.open(QIODevice::ReadOnly) || !sha.addData(&dumpFile))
        return fail(exitcode::kBackupDamaged,
                    QStringLiteral("%1 cannot be read; the backup is incomplete").arg(dumpPath));
    if (dumpFile.size() != manifest.dumpBytes || sha.result().toHex() != manifest.dumpSha256)
        return fail(exitcode::kBackupDamaged,
                    QStringLiteral("%1 does not match its manifest (size or SHA-256 differ): the "
                                   "backup is damaged or was changed; use another backup")
                        .arg(dumpPath));
    dumpFile.close();

    // The target database, reached directly (not through PgBouncer).
    const db::DbSettings &settings = m_config.backupDatabase;
    const auto conn = PgConnection::open(settings, &error);
    if (!conn)
        return fail(exitcode::kDatabaseUnreachable,
                    QStringLiteral("cannot reach the database at %1: %2")
                        .arg(settings.redactedUrl(), error));
    const int serverMajor = conn->serverVersion() / 10000;
    const int dumpMajor = manifest.pgDumpVersion.section(u'.', 0, 0).toInt();
    const PgTools tools(m_config.pgBinDir, serverMajor);
    const PgTools::Program pgRestore = tools.find(QStringLiteral("pg_restore"), dumpMajor);
    const PgTools::Program psql = tools.find(QStringLiteral("psql"));
    QString toolProblem =
        tools.problem(QStringLiteral("pg_restore"), pgRestore, dumpMajor,
                      QStringLiteral("read a dump written by pg_dump %1").arg(dumpMajor));
    if (toolProblem.isEmpty())
        toolProblem = tools.problem(QStringLiteral("psql"), psql, 0, {});
    if (!toolProblem.isEmpty())
        return fail(exitcode::kFailure, toolProblem);

    int targetVersion = 0;
    qint64 objects = 0;
    qint64 lots = -1;
    int otherSessions = 0;
    try {
        objects = conn->exec(QStringLiteral(
                                 "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                 "n.oid = c.relnamespace WHERE n.nspname = 'public' AND "
                                 "c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')) + (SELECT count(*) "
                                 "FROM pg_proc WHERE pronamespace = 'public'::regnamespace)"))
                      .text(0, 0)
                      .toLongLong();
        if (conn->exec(QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"))
                .text(0, 0) == u"t")
            targetVersion = conn->exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM "
                                                      "public.schema_migrations"))
                                .text(0, 0)
                                .toInt();
        if (conn->exec(QStringLiteral("SELECT to_regclass('public.lots') IS NOT NULL"))
                .text(0, 0) == u"t")
            lots = conn->exec(QStringLiteral("SELECT count(*) FROM public.lots"))
                       .text(0, 0)
                       .toLongLong();
        otherSessions = conn->exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                  "datname = current_database() AND pid <> "
                                                  "pg_backend_pid()"))
                            .text(0, 0)
                            .toInt();
    } catch (const std::exception &e) {
        return fail(exitcode::kFailure,
                    QStringLiteral("cannot inspect the database %1: %2")
                        .arg(settings.redactedUrl(), QString::fromUtf8(e.what())));
    }
    if (objects > 0 && !options.replace) {
        const QString holds =
            targetVersion > 0
                ? QStringLiteral("FlowViz data (schema version %1%2)")
                      .arg(targetVersion)
                      .arg(lots >= 0 ? QStringLiteral(", %1 lots").arg(lots) : QString())
                : QStringLiteral("%1 objects in its public schema").arg(objects);
        return fail(exitcode::kTargetNotEmpty,
                    QStringLiteral("the database %1 already holds %2; stop flowviz-server and "
                                   "pass --replace to replace it with the backup, or restore "
                                   "into an empty database")
                        .arg(settings.redactedUrl(), holds));
    }
    if (otherSessions > 0)
        QTextStream(stderr) << "flowviz-server: warning: " << otherSessions
                            << " other session(s) are connected to " << settings.database
                            << "; stop flowviz-server while restoring" << Qt::endl;

    // The dump names the public schema itself (pg_dump --schema=public); the target has one
    // already, so everything but the schema and its comment is restored.
    QTemporaryFile list;
    {
        QProcess listing;
        listing.start(pgRestore.path, {QStringLiteral("--list"), dumpPath});
        listing.waitForFinished(-1);
        if (listing.exitStatus() != QProcess::NormalExit || listing.exitCode() != 0 || !list.open())
            return fail(exitcode::kBackupDamaged,
                        QStringLiteral("pg_restore cannot read %1: %2")
                            .arg(dumpPath, lastLines(listing.readAllStandardError())));
        static const QRegularExpression schemaEntry(
            QStringLiteral("^\\d+; \\d+ \\d+ (SCHEMA - public|COMMENT - SCHEMA public) "));
        for (const QByteArray &line : listing.readAllStandardOutput().split('\n')) {
            if (!schemaEntry.match(QString::fromUtf8(line)).hasMatch())
                list.write(line + '\n');
        }
        list.flush();
    }

    // pg_restore turns the archive into SQL; psql runs it inside one transaction that this
    // process commits only after pg_restore succeeded and the row counts match.
    QElapsedTimer timer;
    timer.start();
    QProcess restore;
    QProcess sql;
    restore.setProcessEnvironment(PgTools::environment(settings));
    sql.setProcessEnvironment(PgTools::environment(settings));
    sql.setStandardOutputFile(QProcess::nullDevice());
    restore.start(pgRestore.path, {QStringLiteral("--no-owner"), QStringLiteral("--no-acl"),
                                   QStringLiteral("--use-list=") + list.fileName(),
                                   QStringLiteral("--file=-"), dumpPath});
    sql.start(psql.path,
              {QStringLiteral("--no-psqlrc"), QStringLiteral("--quiet"),
               QStringLiteral("--no-password"), QStringLiteral("--set=ON_ERROR_STOP=1"),
               QStringLiteral("--dbname=") + QString::fromUtf8(PgConnection::conninfo(settings))});
    if (!restore.waitForStarted(10000) || !sql.waitForStarted(10000))
        return fail(exitcode::kFailure, QStringLiteral("cannot start %1 or %2: %3")
                                            .arg(pgRestore.path, psql.path,
                                                 restore.errorString() + u' ' + sql.errorString()));
    QByteArray prelude = "SET client_min_messages = warning;\nBEGIN;\nSET LOCAL lock_timeout = "
                         "'30s';\n";
    if (options.replace)
        prelude += kDropPublicObjects;
    sql.write(prelude);
    bool psqlDied = false;
    while (true) {
        if (restore.bytesAvailable() == 0 && restore.state() == QProcess::NotRunning)
            break;
        if (restore.bytesAvailable() == 0)
            restore.waitForReadyRead(1000);
        const QByteArray chunk = restore.read(1 << 20);
        if (!chunk.isEmpty())
            sql.write(chunk);
        while (sql.bytesToWrite() > (4 << 20) && sql.state() == QProcess::Running)
            sql.waitForBytesWritten(1000);
        if (sql.state() != QProcess::Running) {
            psqlDied = true;
            restore.kill();
            restore.waitForFinished(10000);
            break;
        }
    }
    if (!psqlDied)
        restore.waitForFinished(-1);
    const bool restoreOk =
        !psqlDied && restore.exitStatus() == QProcess::NormalExit && restore.exitCode() == 0;
    if (restoreOk)
        sql.write(verificationSql(manifest) + "COMMIT;\n");
    // Without COMMIT, psql ends at the end of its input and PostgreSQL rolls the work back.
    sql.closeWriteChannel();
    sql.waitForFinished(-1);
    const bool sqlOk = sql.exitStatus() == QProcess::NormalExit && sql.exitCode() == 0;
    if (!restoreOk || !sqlOk) {
        const QByteArray why = !sqlOk ? sql.readAllStandardError() : restore.readAllStandardError();
        if (why.contains("lock timeout"))
            return fail(exitcode::kFailure,
                        QStringLiteral("the restore waited 30 s for other sessions to let go of "
                                       "the tables and was rolled back; stop flowviz-server (and "
                                       "other clients of %1) and try again")
                            .arg(settings.database));
        return fail(exitcode::kFailure,
                    QStringLiteral("the restore failed and was rolled back, the database is as it "
                                   "was: %1")
                        .arg(lastLines(why)));
    }
    const double restoreSeconds = double(timer.elapsed()) / 1000.0;

    db::Migrator::Outcome outcome;
    const QString migrateError =
        db::DbPool::runOnce(settings, [&](db::PgSession &s) { outcome = migrator.migrate(s); });
    if (!migrateError.isEmpty())
        return fail(exitcode::kFailure,
                    QStringLiteral("the backup was restored (schema version %1) but migrating it "
                                   "failed: %2; run 'flowviz-server migrate' to try again")
                        .arg(manifest.schemaVersion)
                        .arg(migrateError));
    // Statistics after the migrations, so that indexes they add (expression indexes carry
    // their own statistics) are planned well from the first query.
    try {
        conn->exec(QStringLiteral("SET statement_timeout = 0"));
        conn->exec(QStringLiteral("ANALYZE"));
    } catch (const std::exception &e) {
        QTextStream(stderr) << "flowviz-server: warning: ANALYZE after the restore failed: "
                            << e.what() << Qt::endl;
    }
    QTextStream(stdout) << "restored " << backupDir << " (taken "
                        << manifest.createdAt.toString(Qt::ISODate) << " by flowviz-server "
                        << manifest.serverVersion << ") into " << settings.redactedUrl() << " in "
                        << QString::number(restoreSeconds, 'f', 1)
                        << " s: " << manifest.tables.size()
                        << " tables, row counts match the manifest; schema version "
                        << manifest.schemaVersion << " -> " << outcome.databaseVersion << Qt::endl;
    return exitcode::kOk;
}

} // namespace flowviz::ops
