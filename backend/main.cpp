// flowviz-server: the FlowViz HTTP API, and the IT commands that go with it.

#include "backend/auth/passwordhasher.h"
#include "backend/config/serverconfig.h"
#include "backend/db/dbpool.h"
#include "backend/db/migrator.h"
#include "backend/ops/backupcommand.h"
#include "backend/ops/exitcodes.h"
#include "backend/ops/restorecommand.h"
#include "backend/ops/startupcheck.h"
#include "backend/server/application.h"
#include "backend/server/signalwatcher.h"
#include "backend/users/signingkeyrepository.h"
#include "backend/users/userrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace flowviz;

namespace {

int fail(const QString &message, int code = ops::exitcode::kFailure)
{
    QTextStream(stderr) << "flowviz-server: " << message << Qt::endl;
    return code;
}

// A whole number option of backup, or -1 when it is not one.
int countOption(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return 0;
    bool ok = false;
    const int n = parser.value(name).toInt(&ok);
    return ok && n >= 0 && n <= 100000 ? n : -1;
}

QString readPassword()
{
    QTextStream in(stdin);
    const QString password = in.readLine();
    return password;
}

int userCommand(const ServerConfig &config, const QStringList &args,
                const QCommandLineParser &parser)
{
    if (args.size() < 3)
        return fail(QStringLiteral(
            "usage: flowviz-server user add|passwd|disable|enable NAME [--role ROLE]"));
    const QString action = args[1];
    const QString name = args[2].trimmed();
    QString message;
    int status = 0;
    std::function<void(db::PgSession &)> work;
    if (action == u"add") {
        const auto role = roleFromString(parser.value(QStringLiteral("role")).toUpper());
        if (!role)
            return fail(
                QStringLiteral("--role must be one of ADMIN, MANAGER, AUDITOR, OPERATOR, VIEWER"));
        const QString password = readPassword();
        if (password.size() < auth::passwords::kMinLength)
            return fail(QStringLiteral(
                            "the password (read from standard input) needs at least %1 characters")
                            .arg(auth::passwords::kMinLength));
        const QByteArray hash = auth::passwords::hash(password);
        const QString fullName = parser.value(QStringLiteral("full-name"));
        work = [&status, &message, name, fullName, role, hash, password](db::PgSession &s) {
            s.transaction([&] {
                if (hash.isEmpty())
                    throw std::runtime_error("password hashing failed");
                users::UserRepository repo(s);
                if (!repo.add(name, fullName, *role, hash)) {
                    status = 3;
                    message = QStringLiteral("user %1 already exists").arg(name);
                } else {
                    // The user's signing key, sealed under the same password.
                    users::SigningKeyRepository keys(s);
                    users::enrolSigningKey(keys, repo.findByName(name)->id, password);
                    message = QStringLiteral("user %1 added as %2").arg(name, toString(*role));
                }
            });
        };
    } else if (action == u"passwd") {
        const QString password = readPassword();
        if (password.size() < auth::passwords::kMinLength)
            return fail(QStringLiteral(
                            "the password (read from standard input) needs at least %1 characters")
                            .arg(auth::passwords::kMinLength));
        const QByteArray hash = auth::passwords::hash(password);
        work = [&status, &message, name, hash, password](db::PgSession &s) {
            s.transaction([&] {
                if (hash.isEmpty())
                    throw std::runtime_error("password hashing failed");
                users::UserRepository repo(s);
                status = repo.setPassword(name, hash) ? 0 : 2;
                // The old signing key is sealed under the old password, which may be known to
                // someone else now: retire it and seal a new one under the new password.
                if (status == 0) {
                    users::SigningKeyRepository keys(s);
                    users::enrolSigningKey(keys, repo.findByName(name)->id, password);
                }
                message = status ? QStringLiteral("no user %1").arg(name)
                                 : QStringLiteral("password of %1 changed").arg(name);
            });
        };
    } else if (action == u"disable" || action == u"enable") {
        const bool enable = action == u"enable";
        work = [&status, &message, name, enable](db::PgSession &s) {
            s.transaction([&] {
                status = users::UserRepository(s).setActive(name, enable) ? 0 : 2;
                message = status ? QStringLiteral("no user %1").arg(name)
                                 : QStringLiteral("user %1 %2")
                                       .arg(name, enable ? u"enabled"_qs : u"disabled"_qs);
            });
        };
    } else {
        return fail(QStringLiteral("unknown user command \"%1\" (add, passwd, disable, enable)")
                        .arg(action));
    }
    const QString error = db::DbPool::runOnce(config.database, work);
    if (!error.isEmpty())
        return fail(error);
    QTextStream(status ? stderr : stdout) << message << Qt::endl;
    return status;
}

// The commands, the options of every command and the exit codes, as --help shows them.
void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "FlowViz lot traceability and QC server.\n\n"
        "Commands:\n"
        "  serve (default)           serve the HTTP API\n"
        "  migrate                   apply database migrations and exit\n"
        "  user add NAME --role R    add a user; the password is read from standard input\n"
        "  user passwd NAME          set a user's password from standard input\n"
        "  user disable|enable NAME  disable or re-enable a user\n"
        "  backup [--output DIR]     pg_dump plus manifest into DIR/flowviz-<UTC time>/\n"
        "         [--keep-days N] [--keep-last K]\n"
        "                            then delete backups older than N days, keeping K newest\n"
        "  restore PATH [--replace]  restore a backup directory into the database of\n"
        "                            --backup-database-url (default: --database-url);\n"
        "                            --replace overwrites the FlowViz data it holds\n\n"
        "Exit codes: 0 done, 1 failed, 2 usage, 3 database unreachable, 4 database or backup\n"
        "newer than this server, 5 restore target not empty, 6 backup damaged, 7 configuration\n"
        "missing or invalid."));
    parser.addHelpOption();
    parser.addVersionOption();
    ServerConfig::addOptions(parser);
    parser.addOption(
        {QStringLiteral("role"), QStringLiteral("Role for 'user add'."), QStringLiteral("role")});
    parser.addOption({QStringLiteral("full-name"), QStringLiteral("Full name for 'user add'."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("output"),
                      QStringLiteral("Directory for 'backup' (default: the current directory)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("keep-days"),
                      QStringLiteral("After 'backup': delete backups older than this many days."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("keep-last"),
                      QStringLiteral("After 'backup': always keep this many newest backups."),
                      QStringLiteral("k")});
    parser.addOption({QStringLiteral("replace"),
                      QStringLiteral("For 'restore': replace the data the database holds.")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("serve, migrate, user, backup or restore"));
}

int backupCommand(const ServerConfig &config, const QStringList &args,
                  const QCommandLineParser &parser)
{
    ops::BackupCommand::Options options;
    options.outputDir = parser.isSet(QStringLiteral("output"))
                            ? parser.value(QStringLiteral("output"))
                            : QStringLiteral(".");
    options.keepDays = countOption(parser, QStringLiteral("keep-days"));
    options.keepLast = countOption(parser, QStringLiteral("keep-last"));
    if (args.size() != 1 || options.keepDays < 0 || options.keepLast < 0)
        return fail(QStringLiteral("usage: flowviz-server backup [--output DIR] "
                                   "[--keep-days N] [--keep-last K]"),
                    ops::exitcode::kUsage);
    return ops::BackupCommand(config).run(options);
}

int migrateCommand(const ServerConfig &config)
{
    db::Migrator migrator;
    db::Migrator::Outcome outcome;
    const QString error = db::DbPool::runOnce(
        config.database, [&](db::PgSession &s) { outcome = migrator.migrate(s); });
    if (!error.isEmpty())
        return fail(error);
    QTextStream(stdout) << "schema at version " << outcome.databaseVersion << " (applied "
                        << outcome.applied.size() << " migration(s))" << Qt::endl;
    return 0;
}

// glibc gives every thread that allocates its own malloc arena, up to eight per core; the
// server's 35 DB and HTTP worker threads then each keep freed memory in their own heaps, and
// the process stayed at 73-76 MB after the 10 k sync drain instead of 43-44 MB with two
// arenas, at the same speed (docs/performance.md). MALLOC_ARENA_MAX, when set, still wins.
void limitMallocArenas()
{
#ifdef __GLIBC__
    if (std::getenv("MALLOC_ARENA_MAX") == nullptr)
        mallopt(M_ARENA_MAX, 2);
#endif
}

// What a burst of large answers freed (a recall's workbooks, a month of KDE events as JSON,
// full traces) stays in glibc's heaps, mostly between blocks still in use, where free() never
// gives it back: the server stayed at 89 MB after the whole benchmark where the write sections
// alone left 46 MB, and at 57-60 MB with this. malloc_trim() hands the free pages back, every
// ten seconds: 0.3 ms at the median during the benchmark, 16 ms at most (docs/performance.md).
void trimMallocHeapsPeriodically(QObject *owner)
{
#ifdef __GLIBC__
    auto *timer = new QTimer(owner);
    timer->callOnTimeout([] { malloc_trim(0); });
    timer->start(std::chrono::seconds(10));
#else
    Q_UNUSED(owner)
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    limitMallocArenas();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flowviz-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWVIZ_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}WARN %{endif}"
                                      "%{if-critical}CRIT %{endif}%{category} %{message}"));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    if (!auth::passwords::initialize())
        return fail(QStringLiteral("libsodium failed to initialise"));

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    const bool serving = command == u"serve";
    if (!serving && command != u"migrate" && command != u"user" && command != u"backup" &&
        command != u"restore")
        return fail(QStringLiteral("unknown command \"%1\"; see --help").arg(command),
                    ops::exitcode::kUsage);

    QString error;
    const auto config = ServerConfig::resolve(parser, serving, &error);
    if (!config)
        return fail(error, ops::exitcode::kConfiguration);

    if (command == u"backup")
        return backupCommand(*config, args, parser);
    if (command == u"restore") {
        if (args.size() != 2)
            return fail(QStringLiteral("usage: flowviz-server restore BACKUP_DIR [--replace]"),
                        ops::exitcode::kUsage);
        return ops::RestoreCommand(*config).run({args[1], parser.isSet(QStringLiteral("replace"))});
    }

    if (command == u"migrate" || serving) {
        // Refuse early and in one line: an unreachable database, or one a newer server
        // migrated. systemd's Restart=on-failure takes it from there.
        const auto check = ops::StartupCheck::run(*config);
        if (check.exitCode != ops::exitcode::kOk)
            return fail(check.message, check.exitCode);
    }

    if (command == u"migrate")
        return migrateCommand(*config);
    if (command == u"user")
        return userCommand(*config, args, parser);

    // Before the server, and so destroyed after it: a signal during start-up or teardown is
    // taken by the watcher, not by the default action that would end the process on the spot.
    server::SignalWatcher watcher;
    server::Application server(*config);
    if (!server.start(&error))
        return fail(error);
    trimMallocHeapsPeriodically(&server);
    // SIGTERM/SIGINT drain the server; the event loop ends once nothing is served any longer,
    // and ~Application joins the DB workers before it tears down what they use.
    QObject::connect(&watcher, &server::SignalWatcher::terminationRequested, &server,
                     &server::Application::shutdown);
    QObject::connect(&server, &server::Application::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
