// DbSettings::fromUrl: PostgreSQL URIs as libpq and our deployment write them.

#include "backend/db/dbsettings.h"

#include <QTest>
#include <QUrl>

using flowviz::db::DbSettings;

class TestDbSettings : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options");

        QTest::newRow("full") << "postgresql://flowviz:secret@db.example.com:6432/flowviz_prod"
                              << "db.example.com" << 6432 << "flowviz"
                              << "secret"
                              << "flowviz_prod"
                              << "";
        QTest::newRow("postgres scheme") << "postgres://app:pw@10.0.0.5:5433/lots"
                                         << "10.0.0.5" << 5433 << "app"
                                         << "pw"
                                         << "lots"
                                         << "";
        QTest::newRow("default port") << "postgresql://app:pw@localhost/lots"
                                      << "localhost" << 5432 << "app"
                                      << "pw"
                                      << "lots"
                                      << "";
        QTest::newRow("encoded @ : / in password")
            << "postgresql://app:p%40ss%3Aw%2Frd@db:5432/lots"
            << "db" << 5432 << "app"
            << "p@ss:w/rd"
            << "lots"
            << "";
        QTest::newRow("encoded percent and space in password")
            << "postgresql://app:100%25%20sure@db/lots"
            << "db" << 5432 << "app"
            << "100% sure"
            << "lots"
            << "";
        QTest::newRow("encoded @ in user") << "postgresql://app%40corp:pw@db/lots"
                                           << "db" << 5432 << "app@corp"
                                           << "pw"
                                           << "lots"
                                           << "";
        QTest::newRow("no password") << "postgresql://app@db/lots"
                                     << "db" << 5432 << "app"
                                     << ""
                                     << "lots"
                                     << "";
        QTest::newRow("no user") << "postgresql://db/lots"
                                 << "db" << 5432 << ""
                                 << ""
                                 << "lots"
                                 << "";
        QTest::newRow("no database") << "postgresql://app:pw@db:5432"
                                     << "db" << 5432 << "app"
                                     << "pw"
                                     << "flowviz"
                                     << "";
        QTest::newRow("no database, slash") << "postgresql://app:pw@db:5432/"
                                            << "db" << 5432 << "app"
                                            << "pw"
                                            << "flowviz"
                                            << "";
        QTest::newRow("no host") << "postgresql:///lots"
                                 << "127.0.0.1" << 5432 << ""
                                 << ""
                                 << "lots"
                                 << "";
        QTest::newRow("IPv6") << "postgresql://app:pw@[::1]:5433/lots"
                              << "::1" << 5433 << "app"
                              << "pw"
                              << "lots"
                              << "";
        QTest::newRow("query options")
            << "postgresql://app:pw@db/lots?sslmode=require&connect_timeout=5"
            << "db" << 5432 << "app"
            << "pw"
            << "lots"
            << "sslmode=require;connect_timeout=5";
        QTest::newRow("socket directory") << "postgresql:///lots?host=/var/run/postgresql"
                                          << "/var/run/postgresql" << 5432 << ""
                                          << ""
                                          << "lots"
                                          << "";
        QTest::newRow("socket directory, encoded, with user and options")
            << "postgresql://app@/lots?host=%2Ftmp%2Fpg&sslmode=disable"
            << "/tmp/pg" << 5432 << "app"
            << ""
            << "lots"
            << "sslmode=disable";
        QTest::newRow("encoded database name") << "postgresql://app:pw@db/my%20lots"
                                               << "db" << 5432 << "app"
                                               << "pw"
                                               << "my lots"
                                               << "";
    }
    void parse()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, database);
        QFETCH(QString, options);
        QString error;
        const auto s = DbSettings::fromUrl(url, &error);
        QVERIFY2(s.has_value(), qPrintable(error));
        QCOMPARE(s->host, host);
        QCOMPARE(s->port, port);
        QCOMPARE(s->user, user);
        QCOMPARE(s->password, password);
        QCOMPARE(s->database, database);
        QCOMPARE(s->connectOptions, options);
        QVERIFY(error.isEmpty());
        // Pool settings are not part of the URL and keep their defaults.
        QCOMPARE(s->poolSize, DbSettings().poolSize);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty") << "";
        QTest::newRow("no scheme") << "app:pw@db/lots";
        QTest::newRow("mysql") << "mysql://app:pw@db/lots";
        QTest::newRow("http") << "http://db:5432/lots";
        QTest::newRow("scheme upper case prefix only") << "postgresqlx://db/lots";
        QTest::newRow("key=value string") << "host=db dbname=lots";
        QTest::newRow("port not a number") << "postgresql://app:pw@db:abc/lots";
        QTest::newRow("port too large") << "postgresql://app:pw@db:65536/lots";
        QTest::newRow("unencoded space") << "postgresql://app:pw@d b/lots";
    }
    void rejects()
    {
        QFETCH(QString, url);
        QString error;
        QVERIFY(!DbSettings::fromUrl(url, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("postgresql://")), qPrintable(error));
        QVERIFY(!DbSettings::fromUrl(url, nullptr).has_value()); // no error wanted: no crash
    }

    void redactedUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("password"); // must not appear, decoded or encoded
        QTest::addColumn<QString>("redacted");

        QTest::newRow("plain") << "postgresql://flowviz:s3cr3t-pw@db.example.com:6432/flowviz"
                               << "s3cr3t-pw"
                               << "postgresql://flowviz:***@db.example.com:6432/flowviz";
        QTest::newRow("encoded") << "postgresql://app:p%40ss%3Aw0rd@db/lots"
                                 << "p@ss:w0rd"
                                 << "postgresql://app:***@db:5432/lots";
        QTest::newRow("no password") << "postgresql://app@db/lots"
                                     << ""
                                     << "postgresql://app@db:5432/lots";
        QTest::newRow("password in query") << "postgresql://app@db/lots?password=hunter2x"
                                           << "hunter2x"
                                           << "postgresql://app@db:5432/lots";
    }
    void redactedUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, password);
        QFETCH(QString, redacted);
        const auto s = DbSettings::fromUrl(url, nullptr);
        QVERIFY(s.has_value());
        const QString r = s->redactedUrl();
        QCOMPARE(r, redacted);
        if (!password.isEmpty()) {
            QVERIFY2(!r.contains(password), qPrintable(r));
            QVERIFY2(!r.contains(QString::fromLatin1(QUrl::toPercentEncoding(password))),
                     qPrintable(r));
        }
    }
};

QTEST_GUILESS_MAIN(TestDbSettings)
#include "tst_dbsettings.moc"
