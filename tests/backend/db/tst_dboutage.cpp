// PostgreSQL stopped under a running server: the server stays up, answers 503 with
// Retry-After quickly (never 500, never a hang), /ready says 503 while /health says 200, and
// once the database is back it recovers by itself. Through PgBouncer, PgBouncer stays up and
// only the database behind it goes away.
//
// This suite stops the fixture's one PostgreSQL cluster, so ctest runs it alone (RUN_SERIAL),
// and every path out of a test starts PostgreSQL again.

#include "tests/backend/robustnessutil.h"
#include "tests/support/httpclient.h"
#include "tests/support/testenv.h"
#include "tests/support/testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <unistd.h>

using namespace flowviz::test;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray lotBody(const QString &code)
{
    return json({{QStringLiteral("lot_code"), code},
                 {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                 {QStringLiteral("weight_kg"), QStringLiteral("250")}});
}

} // namespace

class TestDbOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_pgDir = fixtureValue("FLOWVIZ_TEST_PG_DIR");
        QVERIFY2(!m_pgDir.isEmpty() && QDir(m_pgDir + QStringLiteral("/data")).exists(),
                 "FLOWVIZ_TEST_PG_DIR is not in the fixture's env file");
        QVERIFY(postgresRunning());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_dboutage"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient c(m_server->baseUrl());
        QVERIFY(c.login(QStringLiteral("operator"),
                        TestServer::passwordOf(QStringLiteral("operator"))));
        m_token = c.token();
        m_run = QUuid::createUuid().toString(QUuid::Id128).left(8).toUpper();
    }

    // Whatever happened in a test, the cluster the other suites share runs again after it.
    void cleanup() { QVERIFY(ensurePostgresRunning()); }

    void cleanupTestCase()
    {
        ensurePostgresRunning();
        m_server.reset();
    }

    void databaseStoppedMidRunAndBack()
    {
        HttpClient c(m_server->baseUrl());
        c.setToken(m_token);
        QCOMPARE(c.send("POST", QStringLiteral("/api/v1/lots"),
                        lotBody(m_run + QStringLiteral("-BEFORE")))
                     .status,
                 201);
        QCOMPARE(c.get(QStringLiteral("/ready")).status, 200);

        // Stopped while requests are in flight: each is done (2xx) or refused (503), none
        // fails otherwise or hangs. Writes carry keys, so they can be retried safely later.
        std::unique_ptr<QProcess> stopping;
        QTimer::singleShot(30, [&] {
            stopping =
                startPgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                            QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
        });
        QList<HttpClient::Call> inFlight;
        for (int i = 0; i < 150; ++i) {
            if (i % 3)
                inFlight.append({"POST",
                                 QStringLiteral("/api/v1/lots"),
                                 lotBody(m_run + QStringLiteral("-STOP-%1").arg(i)),
                                 {{"Idempotency-Key", QByteArray("stop-") + m_run.toLatin1() + '-' +
                                                          QByteArray::number(i)}}});
            else
                inFlight.append(
                    {"GET", QStringLiteral("/api/v1/traceability/%1-BEFORE").arg(m_run), {}, {}});
        }
        QElapsedTimer t;
        t.start();
        const QList<Reply> during = c.sendAll(inFlight, 30000);
        const qint64 duringMs = t.elapsed();
        QTRY_VERIFY(stopping);
        QVERIFY(stopping->state() == QProcess::NotRunning || stopping->waitForFinished(90000));
        QCOMPARE(stopping->exitCode(), 0);
        QVERIFY(!postgresRunning());
        int done = 0, refused = 0;
        for (const Reply &r : during) {
            QVERIFY2(r.status == 200 || r.status == 201 || r.status == 503,
                     qPrintable(QStringLiteral("%1 %2 %3")
                                    .arg(r.status)
                                    .arg(r.networkError, QString::fromUtf8(r.body))));
            (r.status == 503 ? refused : done)++;
        }
        qInfo("database stopped under load: %d requests done, %d refused with 503, in %lld ms",
              done, refused, duringMs);

        // Twice: first on connections the database has just dropped, then on reconnects that
        // fail.
        for (int pass = 1; pass <= 2; ++pass) {
            expectUnavailable(c, "POST", QStringLiteral("/api/v1/lots"),
                              lotBody(m_run + QStringLiteral("-DOWN-%1").arg(pass)));
            expectUnavailable(c, "GET", QStringLiteral("/api/v1/lots?limit=10"));
            expectUnavailable(c, "GET",
                              QStringLiteral("/api/v1/traceability/%1-BEFORE").arg(m_run));
            expectUnavailable(c, "POST", QStringLiteral("/api/v1/qc-decisions"),
                              json({{QStringLiteral("lot_code"), m_run + QStringLiteral("-BEFORE")},
                                    {QStringLiteral("decision"), QStringLiteral("PASS")},
                                    {QStringLiteral("gate_number"), 1}}));
            expectUnavailable(c, "POST", QStringLiteral("/api/v1/auth/login"),
                              json({{QStringLiteral("username"), QStringLiteral("operator")},
                                    {QStringLiteral("password"),
                                     TestServer::passwordOf(QStringLiteral("operator"))}}));
            expectUnavailable(c, "GET", QStringLiteral("/ready"));
            if (QTest::currentTestFailed())
                return;
            const Reply health = c.get(QStringLiteral("/health"));
            QCOMPARE(health.status, 200);
        }

        // Many at once, more than the pool has connections: every one answered, quickly.
        QList<HttpClient::Call> burst;
        for (int i = 0; i < 40; ++i) {
            if (i % 2)
                burst.append({"GET", QStringLiteral("/api/v1/lots?limit=5"), {}, {}});
            else
                burst.append({"POST",
                              QStringLiteral("/api/v1/lots"),
                              lotBody(m_run + QStringLiteral("-BURST-%1").arg(i)),
                              {}});
        }
        t.restart();
        const QList<Reply> replies = c.sendAll(burst, 30000);
        const qint64 burstMs = t.elapsed();
        for (const Reply &r : replies) {
            QVERIFY2(r.status == 503,
                     qPrintable(QStringLiteral("%1 %2 %3")
                                    .arg(r.status)
                                    .arg(r.networkError, QString::fromUtf8(r.body))));
            QVERIFY(!r.header("retry-after").isEmpty());
        }
        qInfo("database down: %lld requests at once all answered 503 within %lld ms",
              replies.size(), burstMs);
        QVERIFY2(burstMs < 20000, qPrintable(QString::number(burstMs)));
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->serverOutput()));
        QCOMPARE(c.get(QStringLiteral("/health")).status, 200);

        // The database comes back; the server notices by itself.
        QVERIFY(startPostgres());
        t.restart();
        int ready = 0;
        while (t.elapsed() < 30000) {
            ready = c.send("GET", QStringLiteral("/ready"), {}, {}, 10000).status;
            if (ready == 200)
                break;
            QVERIFY2(ready == 503, qPrintable(QString::number(ready)));
            QThread::msleep(250);
        }
        const qint64 recoveredMs = t.elapsed();
        qInfo("database back: /ready 200 after %lld ms", recoveredMs);
        QCOMPARE(ready, 200);

        // Writes succeed again, on every worker (more requests than connections).
        QList<HttpClient::Call> writes;
        for (int i = 0; i < 30; ++i)
            writes.append({"POST",
                           QStringLiteral("/api/v1/lots"),
                           lotBody(m_run + QStringLiteral("-AFTER-%1").arg(i)),
                           {}});
        for (const Reply &r : c.sendAll(writes, 60000))
            QVERIFY2(r.status == 201, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(
                                          QString::fromUtf8(r.body))));
        QCOMPARE(c.get(QStringLiteral("/api/v1/lots?limit=5")).status, 200);
        // The writes caught by the stop, retried with their keys, are each done exactly once.
        QList<HttpClient::Call> retries;
        for (const HttpClient::Call &call : inFlight) {
            if (call.method == "POST")
                retries.append(call);
        }
        for (const Reply &r : c.sendAll(retries, 60000))
            QVERIFY2(r.status == 201, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(
                                          QString::fromUtf8(r.body))));
        QVERIFY(c.login(QStringLiteral("operator"),
                        TestServer::passwordOf(QStringLiteral("operator"))));

        // Nothing refused with 503 was stored; everything acknowledged was.
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE $1"), {m_run + u'%'}),
            QString::number(31 + retries.size()));
        QVERIFY(m_server->isRunning());
        // A 503 is the expected answer here; a 500 (or an SQL failure) would be a bug.
        const QString log = m_server->serverOutput();
        QVERIFY2(!log.contains(QStringLiteral(" 500 ")), qPrintable(log.right(3000)));
    }

private:
    void expectUnavailable(HttpClient &c, const QByteArray &method, const QString &path,
                           const QByteArray &body = {})
    {
        QElapsedTimer t;
        t.start();
        const Reply r = c.send(method, path, body, {}, 30000);
        const qint64 ms = t.elapsed();
        const QString what = QStringLiteral("%1 %2 -> %3 in %4 ms: %5 %6")
                                 .arg(QString::fromLatin1(method), path)
                                 .arg(r.status)
                                 .arg(ms)
                                 .arg(r.networkError, QString::fromUtf8(r.body));
        qInfo("database down: %s", qPrintable(what.left(160)));
        QVERIFY2(r.status == 503, qPrintable(what));
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), 503);
        bool ok = false;
        QVERIFY2(r.header("retry-after").toInt(&ok) > 0 && ok, qPrintable(what));
        QVERIFY2(ms < 8000, qPrintable(what));
    }

    bool pgCtl(const QStringList &args)
    {
        const std::unique_ptr<QProcess> p = startPgCtl(args);
        if (!p->waitForFinished(90000)) {
            p->kill();
            p->waitForFinished();
            return false;
        }
        return p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0;
    }

    std::unique_ptr<QProcess> startPgCtl(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        const QString pgCtlBin = QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl");
        if (::geteuid() == 0)
            p->start(QStringLiteral("runuser"),
                     QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                 QStringLiteral("--"), pgCtlBin} +
                         args);
        else
            p->start(pgCtlBin, args);
        return p;
    }

    QString dataDir() const { return m_pgDir + QStringLiteral("/data"); }

    bool postgresRunning()
    {
        return pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("status")});
    }

    bool stopPostgres()
    {
        return pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                      QStringLiteral("-w"), QStringLiteral("stop")});
    }

    bool startPostgres()
    {
        return pgCtl({QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                      m_pgDir + QStringLiteral("/postgres.log"), QStringLiteral("-w"),
                      QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")});
    }

    bool ensurePostgresRunning()
    {
        if (m_pgDir.isEmpty() || postgresRunning())
            return true;
        qWarning("starting PostgreSQL again after the test");
        return startPostgres();
    }

    std::unique_ptr<TestServer> m_server;
    QString m_pgDir;
    QByteArray m_token;
    QString m_run;
};

QTEST_GUILESS_MAIN(TestDbOutage)
#include "tst_dboutage.moc"
