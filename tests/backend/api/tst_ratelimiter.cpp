// RateLimiter: fixed one-minute windows per (bucket, key) on a clock the caller passes in.

#include "backend/api/ratelimiter.h"

#include <QTest>

using flowviz::api::RateLimiter;

namespace {
constexpr qint64 kT0 = 1700000000000; // milliseconds since the epoch, like the real clock
const QString kWrites = QStringLiteral("writes");
const QString kReads = QStringLiteral("lot_reads");
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");
} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void limitThenRefuse_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("100") << 100;
    }
    void limitThenRefuse()
    {
        QFETCH(int, limit);
        RateLimiter l;
        for (int i = 0; i < limit; ++i)
            QCOMPARE(l.hit(kWrites, kAlice, limit, kT0 + i), 0);
        const int retry = l.hit(kWrites, kAlice, limit, kT0 + limit);
        QVERIFY2(retry >= 1 && retry <= 60, QByteArray::number(retry).constData());
        QCOMPARE(retry, 60); // under a second into the window
        // Refused calls do not extend the window and keep being refused.
        QCOMPARE(l.hit(kWrites, kAlice, limit, kT0 + 30000), 30);
    }

    void retryAfterCountsDown_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::addColumn<int>("retry");

        QTest::newRow("0 ms") << qint64(0) << 60;
        QTest::newRow("1 ms") << qint64(1) << 60;
        QTest::newRow("999 ms") << qint64(999) << 60;
        QTest::newRow("1000 ms") << qint64(1000) << 59;
        QTest::newRow("1001 ms") << qint64(1001) << 59;
        QTest::newRow("30 s") << qint64(30000) << 30;
        QTest::newRow("58.999 s") << qint64(58999) << 2;
        QTest::newRow("59 s") << qint64(59000) << 1;
        QTest::newRow("59.999 s") << qint64(59999) << 1;
    }
    void retryAfterCountsDown()
    {
        QFETCH(qint64, offsetMs);
        QFETCH(int, retry);
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0 + offsetMs), retry);
    }

    void retryAfterAlwaysWithinOneMinute()
    {
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 2, kT0), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 2, kT0 + 5), 0);
        for (qint64 t = kT0 + 5; t < kT0 + 60000; t += 997) {
            const int retry = l.hit(kWrites, kAlice, 2, t);
            QVERIFY2(retry >= 1 && retry <= 60, QByteArray::number(retry).constData());
            QCOMPARE(retry, int((kT0 + 60000 - t + 999) / 1000));
        }
    }

    void windowResetsAfterOneMinute()
    {
        RateLimiter l;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(l.hit(kWrites, kAlice, 3, kT0 + 10 * i), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 3, kT0 + 59999), 1);
        // Exactly 60 s after the first call the window starts again with a full allowance.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(l.hit(kWrites, kAlice, 3, kT0 + 60000 + i), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 3, kT0 + 60003), 60);
        // And again after a long pause.
        QCOMPARE(l.hit(kWrites, kAlice, 3, kT0 + 3600000), 0);
    }

    void windowStartsAtFirstCallNotOnTheMinute()
    {
        RateLimiter l;
        const qint64 start = kT0 + 45000;
        QCOMPARE(l.hit(kWrites, kAlice, 1, start), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0 + 60000), 45); // still in the first window
        QCOMPARE(l.hit(kWrites, kAlice, 1, start + 60000), 0);
    }

    void keysAreIndependent()
    {
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 2, kT0), 0);
        QCOMPARE(l.hit(kWrites, kAlice, 2, kT0 + 1), 0);
        QVERIFY(l.hit(kWrites, kAlice, 2, kT0 + 2) > 0);
        QCOMPARE(l.hit(kWrites, kBob, 2, kT0 + 3), 0);
        QCOMPARE(l.hit(kWrites, kBob, 2, kT0 + 4), 0);
        QVERIFY(l.hit(kWrites, kBob, 2, kT0 + 5) > 0);
        QVERIFY(l.hit(kWrites, kAlice, 2, kT0 + 6) > 0);
    }

    void bucketsAreIndependent()
    {
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0), 0);
        QVERIFY(l.hit(kWrites, kAlice, 1, kT0 + 1) > 0);
        QCOMPARE(l.hit(kReads, kAlice, 1, kT0 + 2), 0);
        QVERIFY(l.hit(kReads, kAlice, 1, kT0 + 3) > 0);
        QCOMPARE(l.hit(QStringLiteral("traceability"), kAlice, 1, kT0 + 4), 0);
    }

    void bucketAndKeyDoNotRunTogether()
    {
        RateLimiter l;
        QCOMPARE(l.hit(QStringLiteral("ab"), QStringLiteral("c"), 1, kT0), 0);
        QCOMPARE(l.hit(QStringLiteral("a"), QStringLiteral("bc"), 1, kT0), 0);
    }

    void zeroLimitRefusesEverything()
    {
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 0, kT0), 60);
    }

    void sweepKeepsLiveWindows()
    {
        // Old windows are swept once a minute; a window still running must survive a sweep.
        RateLimiter l;
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0), 0);
        QCOMPARE(l.hit(kWrites, kBob, 1, kT0 + 50000), 0);
        // This call sweeps (more than 60 s since the last sweep) and drops alice's window.
        QCOMPARE(l.hit(kReads, kAlice, 1, kT0 + 70000), 0);
        QCOMPARE(l.hit(kWrites, kBob, 1, kT0 + 70001), 40);
        QCOMPARE(l.hit(kWrites, kAlice, 1, kT0 + 70002), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
