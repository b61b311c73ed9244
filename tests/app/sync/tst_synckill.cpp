// Exactly once under SIGKILL: a headless console (flowviz-outbox-driver) drains its outbox
// while the server is killed at 20 random points (and restarted each time); then another
// outbox is drained while the console itself is killed at 20 random points (and restarted).
// Afterwards every operation is in the database exactly once and none is lost.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include "app/outbox/outbox.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace flowviz::app;
using namespace flowviz::test;

namespace {

constexpr int kLots = 1600;
constexpr int kDecisionEvery = 4; // 400 decisions: 2,000 operations per run
constexpr int kKills = 20;

struct Expected
{
    QSet<QString> lots;
    QHash<QString, QString> decisions; // decision id -> lot id
    int total() const { return int(lots.size() + decisions.size()); }
};

} // namespace

class TestSyncKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const quint32 seed = QRandomGenerator::global()->generate();
        m_random.seed(seed);
        qInfo("random seed %u", seed);
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_synckill"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient http(m_server->baseUrl());
        QVERIFY(http.login(QStringLiteral("operator"),
                           TestServer::passwordOf(QStringLiteral("operator"))));
        m_token = http.token();
    }
    void cleanupTestCase() { m_server.reset(); }

    void serverKilledDuringDrain()
    {
        const QString prefix = QStringLiteral("BULK-20260114-KILLS1");
        const QString file = m_dir.filePath(QStringLiteral("server-kill.sqlite"));
        Expected expected;
        QVERIFY(enqueue(file, prefix, expected));

        QElapsedTimer timer;
        timer.start();
        QProcess driver;
        startDrain(driver, file, QStringLiteral("server-kill"));
        int kills = 0;
        QList<int> killedAt;
        for (int target : targets(expected.total())) {
            if (!waitForProgress(prefix, target, driver))
                break;
            // Somewhere inside the next batch's transaction (a batch of 40 takes a few hundred ms).
            QThread::msleep(m_random.bounded(250));
            killedAt << stored(prefix);
            m_server->kill();
            ++kills;
            QThread::msleep(m_random.bounded(200));
            QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        }
        QVERIFY2(waitForExit(driver, 180000), "the driver did not finish its drain");
        QCOMPARE(driver.exitStatus(), QProcess::NormalExit);
        QVERIFY2(driver.exitCode() == 0, qPrintable(log(QStringLiteral("server-kill"))));
        const qint64 ms = timer.elapsed();
        QCOMPARE(kills, kKills);
        qInfo("server SIGKILLed %d times, at %s of %d stored; %d operations drained in %lld ms "
              "(%.0f ops/s incl. "
              "restarts)",
              kills, qPrintable(list(killedAt)), expected.total(), expected.total(), ms,
              expected.total() * 1000.0 / std::max<qint64>(1, ms));
        verify(file, prefix, expected);
    }

    void consoleKilledDuringDrain()
    {
        const QString prefix = QStringLiteral("BULK-20260114-KILLC1");
        const QString file = m_dir.filePath(QStringLiteral("console-kill.sqlite"));
        Expected expected;
        QVERIFY(enqueue(file, prefix, expected));

        QElapsedTimer timer;
        timer.start();
        QList<int> killedAt;
        for (int target : targets(expected.total())) {
            QProcess driver;
            startDrain(driver, file, QStringLiteral("console-kill"));
            if (!waitForProgress(prefix, target, driver))
                break;
            QThread::msleep(m_random.bounded(25));
            killedAt << stored(prefix);
            driver.kill(); // SIGKILL
            QVERIFY(waitForExit(driver, 10000));
            QCOMPARE(driver.exitStatus(), QProcess::CrashExit);
        }
        QCOMPARE(killedAt.size(), kKills);
        QProcess last;
        startDrain(last, file, QStringLiteral("console-kill"));
        QVERIFY2(waitForExit(last, 180000), "the driver did not finish its drain");
        QVERIFY2(last.exitStatus() == QProcess::NormalExit && last.exitCode() == 0,
                 qPrintable(log(QStringLiteral("console-kill"))));
        const qint64 ms = timer.elapsed();
        const QString output = log(QStringLiteral("console-kill"));
        const int recovered = int(output.count(QStringLiteral("in flight")));
        qInfo("console SIGKILLed %d times, at %s of %d stored; restarts found items in flight %d "
              "times; drained in "
              "%lld ms",
              int(killedAt.size()), qPrintable(list(killedAt)), expected.total(), recovered, ms);
        QVERIFY2(recovered > 0, "no kill caught a batch in flight; the test did not test much");
        verify(file, prefix, expected);
    }

private:
    // QProcess::waitForFinished() answers false for a process that has already ended, and the
    // event loops run by the HTTP client (the server's restart, its readiness probe) may have
    // seen a driver end already: a drain finished during the last restart is a finished drain.
    static bool waitForExit(QProcess &process, int ms)
    {
        return process.state() == QProcess::NotRunning || process.waitForFinished(ms);
    }

    // Queues the operations through the driver (one durable enqueue each) and reads back what
    // the outbox holds.
    bool enqueue(const QString &file, const QString &prefix, Expected &expected)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(FLOWVIZ_OUTBOX_DRIVER),
                {QStringLiteral("--outbox"), file, QStringLiteral("--enqueue-lots"),
                 QString::number(kLots), QStringLiteral("--decision-every"),
                 QString::number(kDecisionEvery), QStringLiteral("--code-prefix"), prefix});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            qWarning("enqueue failed: %s", p.readAll().constData());
            return false;
        }
        Outbox box(file);
        for (const OutboxItem &it : box.items()) {
            if (it.kind == OutboxItem::Kind::Lot)
                expected.lots.insert(it.id);
            else
                expected.decisions.insert(it.id,
                                          it.payload.value(QStringLiteral("lot_id")).toString());
        }
        return expected.total() == kLots + kLots / kDecisionEvery;
    }

    void startDrain(QProcess &driver, const QString &file, const QString &logName)
    {
        driver.setProcessChannelMode(QProcess::MergedChannels);
        driver.setStandardOutputFile(m_dir.filePath(logName + QStringLiteral(".log")),
                                     QIODevice::Append);
        // Small batches give more distinct points to kill at; short backoff keeps the run short.
        driver.start(QStringLiteral(FLOWVIZ_OUTBOX_DRIVER),
                     {QStringLiteral("--outbox"), file, QStringLiteral("--drain"),
                      QStringLiteral("--server"), m_server->baseUrl().toString(),
                      QStringLiteral("--token"), QString::fromLatin1(m_token),
                      QStringLiteral("--batch-size"), QStringLiteral("40"),
                      QStringLiteral("--backoff-min"), QStringLiteral("50"),
                      QStringLiteral("--backoff-max"), QStringLiteral("400")});
        QVERIFY(driver.waitForStarted());
    }

    QString log(const QString &logName) const
    {
        QFile f(m_dir.filePath(logName + QStringLiteral(".log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // 20 distinct random points in the drain, as numbers of operations already stored.
    QList<int> targets(int total)
    {
        QSet<int> points;
        while (points.size() < kKills)
            points.insert(int(total * 0.02) + int(m_random.bounded(int(total * 0.93))));
        QList<int> out(points.begin(), points.end());
        std::sort(out.begin(), out.end());
        return out;
    }

    int stored(const QString &prefix)
    {
        return m_server->db()
            .scalar(QStringLiteral(
                        "SELECT (SELECT count(*) FROM lots WHERE lot_code LIKE $1) + "
                        "(SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                        "WHERE l.lot_code LIKE $1)"),
                    {prefix + QStringLiteral("-%")})
            .toInt();
    }

    bool waitForProgress(const QString &prefix, int target, QProcess &driver)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            if (stored(prefix) >= target)
                return true;
            if (driver.state() == QProcess::NotRunning) {
                qWarning("the driver ended before %d operations were stored", target);
                return false;
            }
            QThread::msleep(3);
        }
        qWarning("no progress to %d operations in 60 s", target);
        return false;
    }

    void verify(const QString &file, const QString &prefix, const Expected &expected)
    {
        const QString like = prefix + QStringLiteral("-%");
        QSet<QString> lots;
        const auto lotRows = m_server->db().query(
            QStringLiteral("SELECT id FROM lots WHERE lot_code LIKE $1"), {like});
        for (const QStringList &row : lotRows)
            lots.insert(row.at(0));
        QCOMPARE(lotRows.size(), expected.lots.size());
        QVERIFY(lots == expected.lots);
        QHash<QString, QString> decisions;
        const auto decisionRows = m_server->db().query(
            QStringLiteral(
                "SELECT d.id, d.lot_id FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                "WHERE l.lot_code LIKE $1"),
            {like});
        for (const QStringList &row : decisionRows)
            decisions.insert(row.at(0), row.at(1));
        QCOMPARE(decisionRows.size(), expected.decisions.size());
        QVERIFY(decisions == expected.decisions);
        Outbox box(file);
        QCOMPARE(box.pendingCount(), 0);
        QCOMPARE(box.needsAttentionCount(), 0);
        QCOMPARE(box.count(OutboxItem::State::Done), expected.total());
    }

    static QString list(const QList<int> &values)
    {
        QStringList out;
        for (int v : values)
            out << QString::number(v);
        return out.join(u',');
    }

    QTemporaryDir m_dir;
    QRandomGenerator m_random;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
