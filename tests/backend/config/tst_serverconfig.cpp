// ServerConfig and RateLimits: parsing, defaults and the precedence
// command line > FLOWVIZ_* environment > INI file > default.

#include "backend/config/serverconfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using flowviz::RateLimits;
using flowviz::ServerConfig;

namespace {

const QString kUrl = QStringLiteral("postgresql://flowviz:pw@127.0.0.1:6432/flowviz");

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void clearEnvironment()
    {
        const QStringList keys = QProcessEnvironment::systemEnvironment().keys();
        for (const QString &key : keys) {
            if (key.startsWith(QStringLiteral("FLOWVIZ_")))
                qunsetenv(key.toLocal8Bit().constData());
        }
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    // Resolves with the given command line arguments (after the program name).
    static std::optional<ServerConfig> resolve(const QStringList &args, bool needSecret,
                                               QString *error)
    {
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("flowviz-server")} + args)) {
            *error = QStringLiteral("parser: ") + parser.errorText();
            return std::nullopt;
        }
        return ServerConfig::resolve(parser, needSecret, error);
    }

    static QStringList withUrl(const QStringList &args)
    {
        return QStringList{QStringLiteral("--database-url"), kUrl} + args;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { clearEnvironment(); }
    void cleanup() { clearEnvironment(); }

    // ---- RateLimits::parse

    void rateLimits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<int>("login");
        QTest::addColumn<int>("writes");
        QTest::addColumn<int>("lotReads");
        QTest::addColumn<int>("trace");

        QTest::newRow("off") << "off" << false << 10 << 100 << 200 << 50;
        QTest::newRow("OFF padded") << " OFF " << false << 10 << 100 << 200 << 50;
        QTest::newRow("false") << "false" << false << 10 << 100 << 200 << 50;
        QTest::newRow("0") << "0" << false << 10 << 100 << 200 << 50;
        QTest::newRow("empty: defaults") << "" << true << 10 << 100 << 200 << 50;
        QTest::newRow("on: defaults") << "on" << true << 10 << 100 << 200 << 50;
        QTest::newRow("login and writes") << "login=5,writes=7" << true << 5 << 7 << 200 << 50;
        QTest::newRow("reads and trace")
            << "lot_reads=1,traceability=2" << true << 10 << 100 << 1 << 2;
        QTest::newRow("all four") << "login=1,writes=2,lot_reads=3,traceability=4" << true << 1 << 2
                                  << 3 << 4;
        QTest::newRow("blanks and case") << " LOGIN = 5 , Writes=7 " << true << 5 << 7 << 200 << 50;
        QTest::newRow("empty item skipped") << "login=5,,writes=7," << true << 5 << 7 << 200 << 50;
        QTest::newRow("last one wins") << "login=5,login=6" << true << 6 << 100 << 200 << 50;
    }
    void rateLimits()
    {
        QFETCH(QString, text);
        QFETCH(bool, enabled);
        QFETCH(int, login);
        QFETCH(int, writes);
        QFETCH(int, lotReads);
        QFETCH(int, trace);
        QString error;
        const auto r = RateLimits::parse(text, &error);
        QVERIFY2(r.has_value(), qPrintable(error));
        QCOMPARE(r->enabled, enabled);
        QCOMPARE(r->loginPerMinute, login);
        QCOMPARE(r->writesPerMinute, writes);
        QCOMPARE(r->lotReadsPerMinute, lotReads);
        QCOMPARE(r->traceabilityPerMinute, trace);
    }

    void rateLimitErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("unknown key") << "logins=5"
                                     << "unknown rate limit \"logins\"";
        QTest::newRow("unknown after known") << "login=5,uploads=1"
                                             << "\"uploads\"";
        QTest::newRow("zero") << "login=0"
                              << "above 0";
        QTest::newRow("negative") << "writes=-1"
                                  << "above 0";
        QTest::newRow("not a number") << "writes=many"
                                      << "above 0";
        QTest::newRow("fraction") << "writes=1.5"
                                  << "above 0";
        QTest::newRow("no value") << "writes="
                                  << "above 0";
        QTest::newRow("no equals") << "writes"
                                   << "above 0";
        QTest::newRow("two equals") << "writes=1=2"
                                    << "above 0";
        QTest::newRow("no key") << "=5"
                                << "unknown rate limit";
        QTest::newRow("yes is not on") << "yes"
                                       << "above 0";
    }
    void rateLimitErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!RateLimits::parse(text, &error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    // ---- ServerConfig::resolve

    void defaults()
    {
        QString error;
        const auto c = resolve(withUrl({}), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->databaseUrl, kUrl);
        QCOMPARE(c->database.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->database.port, 6432);
        QCOMPARE(c->database.poolSize, 25);
        QCOMPARE(c->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c->listenPort, quint16(8000));
        QCOMPARE(c->tokenLifetimeSeconds, 43200);
        QVERIFY(c->rateLimits.enabled);
        QCOMPARE(c->rateLimits.loginPerMinute, 10);
        QCOMPARE(c->maxBodyBytes, qint64(1048576));
        QCOMPARE(c->idleTimeoutSeconds, 30);
        QCOMPARE(c->shutdownGraceSeconds, 20);
        QCOMPARE(c->traceMaxNodes, 5000);
        QVERIFY(c->migrateOnStart);
        QCOMPARE(c->plantTimeZone, QStringLiteral("Europe/Budapest"));
        QVERIFY(c->jwtSecret.isEmpty());
    }

    void missingDatabaseUrl()
    {
        QString error;
        QVERIFY(!resolve({}, false, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("FLOWVIZ_DATABASE_URL")), qPrintable(error));
        // An INI file without a database section does not help either.
        const QString ini = writeFile(QStringLiteral("nodb.ini"), "[server]\nlisten=127.0.0.1:1\n");
        error.clear();
        QVERIFY(!resolve({QStringLiteral("--config"), ini}, false, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("no database")), qPrintable(error));
    }

    void invalidDatabaseUrl()
    {
        QString error;
        QVERIFY(!resolve({QStringLiteral("--database-url"), QStringLiteral("mysql://x@y/z")}, false,
                         &error)
                     .has_value());
        QVERIFY2(error.contains(QStringLiteral("postgresql://")), qPrintable(error));
    }

    void missingConfigFile()
    {
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.ini"));
        QVERIFY(
            !resolve(withUrl({QStringLiteral("--config"), missing}), false, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }

    // One setting from each source in turn: command line > environment > INI > default.
    void precedence_data()
    {
        QTest::addColumn<QString>("cli");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("ini");
        QTest::addColumn<int>("expected");

        QTest::newRow("default") << ""
                                 << ""
                                 << "" << 43200;
        QTest::newRow("INI") << ""
                             << ""
                             << "600" << 600;
        QTest::newRow("environment") << ""
                                     << "700"
                                     << "" << 700;
        QTest::newRow("command line") << "800"
                                      << ""
                                      << "" << 800;
        QTest::newRow("environment over INI") << ""
                                              << "700"
                                              << "600" << 700;
        QTest::newRow("command line over INI") << "800"
                                               << ""
                                               << "600" << 800;
        QTest::newRow("command line over environment") << "800"
                                                       << "700"
                                                       << "" << 800;
        QTest::newRow("command line over both") << "800"
                                                << "700"
                                                << "600" << 800;
    }
    void precedence()
    {
        QFETCH(QString, cli);
        QFETCH(QString, env);
        QFETCH(QString, ini);
        QFETCH(int, expected);
        QStringList args;
        if (!ini.isEmpty()) {
            const QString path = writeFile(QStringLiteral("precedence.ini"),
                                           "[auth]\ntoken_lifetime=" + ini.toLatin1() + '\n');
            args << QStringLiteral("--config") << path;
        }
        if (!env.isEmpty())
            qputenv("FLOWVIZ_TOKEN_LIFETIME", env.toLatin1());
        if (!cli.isEmpty())
            args << QStringLiteral("--token-lifetime") << cli;
        QString error;
        const auto c = resolve(withUrl(args), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->tokenLifetimeSeconds, expected);
    }

    void precedenceAcrossSettings()
    {
        const QString ini =
            writeFile(QStringLiteral("all.ini"), "[database]\n"
                                                 "url=postgresql://ini@ini-host/ini_db\n"
                                                 "pool_size=3\n"
                                                 "[server]\n"
                                                 "listen=127.0.0.1:7001\n"
                                                 "max_body_bytes=2048\n"
                                                 "shutdown_grace=7\n"
                                                 "plant_time_zone=Europe/Vienna\n"
                                                 "[auth]\n"
                                                 "token_lifetime=600\n"
                                                 "[traceability]\n"
                                                 "max_nodes=123\n");
        qputenv("FLOWVIZ_CONFIG", ini.toLocal8Bit()); // the INI file itself from the environment
        qputenv("FLOWVIZ_DATABASE_URL", "postgresql://env@env-host/env_db");
        qputenv("FLOWVIZ_LISTEN", "127.0.0.1:7002");
        qputenv("FLOWVIZ_POOL_SIZE", "4");
        qputenv("FLOWVIZ_TRACE_MAX_NODES", "456");
        QString error;
        const auto c = resolve({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:7003"),
                                QStringLiteral("--pool-size"), QStringLiteral("5")},
                               false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->database.host, QStringLiteral("env-host"));   // env over INI
        QCOMPARE(c->database.database, QStringLiteral("env_db")); // env over INI
        QCOMPARE(c->listenPort, quint16(7003));                   // command line over env
        QCOMPARE(c->database.poolSize, 5);                        // command line over env, INI
        QCOMPARE(c->traceMaxNodes, 456);                          // env over INI
        QCOMPARE(c->tokenLifetimeSeconds, 600);                   // INI over default
        QCOMPARE(c->maxBodyBytes, qint64(2048));                  // INI over default
        QCOMPARE(c->shutdownGraceSeconds, 7);                     // INI over default
        QCOMPARE(c->plantTimeZone, QStringLiteral("Europe/Vienna"));
        QCOMPARE(c->idleTimeoutSeconds, 30); // default
    }

    void unknownPlantTimeZone()
    {
        QString error;
        QVERIFY(
            !resolve(withUrl({QStringLiteral("--plant-time-zone"), QStringLiteral("Mars/Olympus")}),
                     false, &error)
                 .has_value());
        QVERIFY2(error.contains(u"Mars/Olympus") && error.contains(u"time zone"),
                 qPrintable(error));
        const auto c = resolve(
            withUrl({QStringLiteral("--plant-time-zone"), QStringLiteral("America/New_York")}),
            false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->plantTimeZone, QStringLiteral("America/New_York"));
    }

    void rateLimitsFromEachSource()
    {
        QString error;
        auto c = resolve(withUrl({QStringLiteral("--rate-limits"), QStringLiteral("off")}), false,
                         &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QVERIFY(!c->rateLimits.enabled);

        qputenv("FLOWVIZ_RATE_LIMITS", "login=5,writes=7");
        c = resolve(withUrl({}), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QVERIFY(c->rateLimits.enabled);
        QCOMPARE(c->rateLimits.loginPerMinute, 5);
        QCOMPARE(c->rateLimits.writesPerMinute, 7);
        qunsetenv("FLOWVIZ_RATE_LIMITS");

        qputenv("FLOWVIZ_RATE_LIMITS", "login=0");
        QVERIFY(!resolve(withUrl({}), false, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("above 0")), qPrintable(error));
        qunsetenv("FLOWVIZ_RATE_LIMITS");

        const QString ini =
            writeFile(QStringLiteral("rl.ini"), "[server]\nrate_limits=\"login=3,writes=4\"\n");
        c = resolve(withUrl({QStringLiteral("--config"), ini}), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->rateLimits.loginPerMinute, 3);
        QCOMPARE(c->rateLimits.writesPerMinute, 4);
    }

    void rateLimitsInIniWithoutQuotes()
    {
        // QSettings reads an unquoted value with commas as a list; ServerConfig then takes
        // QVariant(QStringList).toString(), which is empty, so the limits silently stay at
        // their defaults.
        const QString ini =
            writeFile(QStringLiteral("rl2.ini"), "[server]\nrate_limits=login=3,writes=4\n");
        QString error;
        const auto c = resolve(withUrl({QStringLiteral("--config"), ini}), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        QCOMPARE(c->rateLimits.loginPerMinute, 3);
    }

    void jwtSecret_data()
    {
        QTest::addColumn<QByteArray>("envSecret");
        QTest::addColumn<QByteArray>("fileContent"); // "-": no file given
        QTest::addColumn<bool>("needSecret");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("secret");

        const QByteArray s31(31, 'k');
        const QByteArray s32(32, 'k');
        const QByteArray f32(32, 'f');
        QTest::newRow("none, not needed")
            << QByteArray() << QByteArray("-") << false << true << QByteArray();
        QTest::newRow("none, needed")
            << QByteArray() << QByteArray("-") << true << false << QByteArray();
        QTest::newRow("env 31 bytes") << s31 << QByteArray("-") << true << false << QByteArray();
        QTest::newRow("env 32 bytes") << s32 << QByteArray("-") << true << true << s32;
        QTest::newRow("env 31 bytes, not needed") << s31 << QByteArray("-") << false << true << s31;
        QTest::newRow("file 32 bytes") << QByteArray() << f32 << true << true << f32;
        QTest::newRow("file 32 bytes and newline") << QByteArray() << f32 + '\n'
                                                   << true << true << f32;
        QTest::newRow("file 31 bytes and newline") << QByteArray() << QByteArray(31, 'f') + "\n"
                                                   << true << false << QByteArray();
        QTest::newRow("file blank")
            << QByteArray() << QByteArray(" \n\n") << true << false << QByteArray();
        QTest::newRow("file wins over env") << s32 << f32 << true << true << f32;
    }
    void jwtSecret()
    {
        QFETCH(QByteArray, envSecret);
        QFETCH(QByteArray, fileContent);
        QFETCH(bool, needSecret);
        QFETCH(bool, ok);
        QFETCH(QByteArray, secret);
        if (!envSecret.isEmpty())
            qputenv("FLOWVIZ_JWT_SECRET", envSecret);
        QStringList args;
        if (fileContent != "-")
            args << QStringLiteral("--jwt-secret-file")
                 << writeFile(QStringLiteral("jwt.secret"), fileContent);
        QString error;
        const auto c = resolve(withUrl(args), needSecret, &error);
        QCOMPARE(c.has_value(), ok);
        if (ok)
            QCOMPARE(c->jwtSecret, secret);
        else
            QVERIFY2(error.contains(QStringLiteral("32 bytes")), qPrintable(error));
    }

    void jwtSecretFileMissing()
    {
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("no.secret"));
        QVERIFY(!resolve(withUrl({QStringLiteral("--jwt-secret-file"), missing}), false, &error)
                     .has_value());
        QVERIFY2(error.contains(missing), qPrintable(error));
    }

    void listen_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");

        QTest::newRow("loopback") << "127.0.0.1:8000" << true << "127.0.0.1" << 8000;
        QTest::newRow("any") << "0.0.0.0:9000" << true << "0.0.0.0" << 9000;
        QTest::newRow("localhost") << "localhost:8080" << true << "127.0.0.1" << 8080;
        QTest::newRow("IPv6 in brackets") << "[::1]:8443" << true << "::1" << 8443;
        QTest::newRow("IPv6 any") << "[::]:80" << true << "::" << 80;
        QTest::newRow("highest port") << "127.0.0.1:65535" << true << "127.0.0.1" << 65535;
        QTest::newRow("port 0: any free port") << "127.0.0.1:0" << true << "127.0.0.1" << 0;
        QTest::newRow("port too large") << "127.0.0.1:65536" << false << "" << 0;
        QTest::newRow("negative port") << "127.0.0.1:-1" << false << "" << 0;
        QTest::newRow("port not a number") << "127.0.0.1:http" << false << "" << 0;
        QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
        QTest::newRow("empty port") << "127.0.0.1:" << false << "" << 0;
        QTest::newRow("no host") << ":8000" << false << "" << 0;
        QTest::newRow("host name") << "example.com:8000" << false << "" << 0;
        QTest::newRow("bad address") << "300.1.1.1:8000" << false << "" << 0;
        QTest::newRow("empty") << "" << false << "" << 0;
    }
    void listen()
    {
        QFETCH(QString, listen);
        QFETCH(bool, ok);
        QFETCH(QString, address);
        QFETCH(int, port);
        QString error;
        const auto c = resolve(withUrl({QStringLiteral("--listen"), listen}), false, &error);
        QCOMPARE(c.has_value(), ok);
        if (ok) {
            QCOMPARE(c->listenAddress, QHostAddress(address));
            QCOMPARE(int(c->listenPort), port);
        } else {
            QVERIFY2(error.contains(QStringLiteral("--listen must be host:port")),
                     qPrintable(error));
        }
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");

        QTest::newRow("token lifetime 59") << "--token-lifetime"
                                           << "59" << false;
        QTest::newRow("token lifetime 60") << "--token-lifetime"
                                           << "60" << true;
        QTest::newRow("token lifetime 1 week") << "--token-lifetime"
                                               << "604800" << true;
        QTest::newRow("token lifetime 1 week + 1") << "--token-lifetime"
                                                   << "604801" << false;
        QTest::newRow("token lifetime words") << "--token-lifetime"
                                              << "12h" << false;
        QTest::newRow("pool size 0") << "--pool-size"
                                     << "0" << false;
        QTest::newRow("pool size 1") << "--pool-size"
                                     << "1" << true;
        QTest::newRow("pool size 500") << "--pool-size"
                                       << "500" << true;
        QTest::newRow("pool size 501") << "--pool-size"
                                       << "501" << false;
        QTest::newRow("pool overflow 0") << "--pool-overflow"
                                         << "0" << true;
        QTest::newRow("pool overflow -1") << "--pool-overflow"
                                          << "-1" << false;
        QTest::newRow("max body 1023") << "--max-body-bytes"
                                       << "1023" << false;
        QTest::newRow("max body 1024") << "--max-body-bytes"
                                       << "1024" << true;
        QTest::newRow("max body 64 MiB") << "--max-body-bytes"
                                         << "67108864" << true;
        QTest::newRow("max body 64 MiB + 1") << "--max-body-bytes"
                                             << "67108865" << false;
        QTest::newRow("idle timeout 0") << "--idle-timeout"
                                        << "0" << false;
        QTest::newRow("shutdown grace 0") << "--shutdown-grace"
                                          << "0" << true;
        QTest::newRow("shutdown grace 3600") << "--shutdown-grace"
                                             << "3600" << true;
        QTest::newRow("shutdown grace 3601") << "--shutdown-grace"
                                             << "3601" << false;
        QTest::newRow("shutdown grace -1") << "--shutdown-grace"
                                           << "-1" << false;
        QTest::newRow("shutdown grace 1.5") << "--shutdown-grace"
                                            << "1.5" << false;
        QTest::newRow("drain delay 0") << "--drain-delay"
                                       << "0" << true;
        QTest::newRow("drain delay 300") << "--drain-delay"
                                         << "300" << true;
        QTest::newRow("drain delay 301") << "--drain-delay"
                                         << "301" << false;
        QTest::newRow("drain delay -1") << "--drain-delay"
                                        << "-1" << false;
        QTest::newRow("trace max nodes 9") << "--trace-max-nodes"
                                           << "9" << false;
        QTest::newRow("trace max nodes 10") << "--trace-max-nodes"
                                            << "10" << true;
        QTest::newRow("pool timeout huge") << "--pool-timeout"
                                           << "99999999999" << false;
    }
    void numbers()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        QString error;
        const auto c = resolve(withUrl({option, value}), false, &error);
        QCOMPARE(c.has_value(), ok);
        if (!ok) {
            QVERIFY2(error.contains(option) && error.contains(value), qPrintable(error));
        }
    }

    void skipMigrations_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<bool>("migrate");

        QTest::newRow("default") << QStringList() << QByteArray() << true;
        QTest::newRow("option") << QStringList{QStringLiteral("--skip-migrations")} << QByteArray()
                                << false;
        QTest::newRow("env 1") << QStringList() << QByteArray("1") << false;
        QTest::newRow("env true") << QStringList() << QByteArray("true") << false;
        QTest::newRow("env 0") << QStringList() << QByteArray("0") << true;
        QTest::newRow("env false") << QStringList() << QByteArray("false") << true;
    }
    void skipMigrations()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, env);
        QFETCH(bool, migrate);
        if (!env.isEmpty())
            qputenv("FLOWVIZ_SKIP_MIGRATIONS", env);
        QString error;
        const auto c = resolve(withUrl(args), false, &error);
        QVERIFY2(c.has_value(), qPrintable(error));
        // Any non-empty FLOWVIZ_SKIP_MIGRATIONS, "0" and "false" included, skips migrations.
        QCOMPARE(c->migrateOnStart, migrate);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
