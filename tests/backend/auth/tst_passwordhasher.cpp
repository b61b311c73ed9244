// Argon2id password hashes: format, verification, Unicode, and refusals.

#include "backend/auth/passwordhasher.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace passwords = flowviz::auth::passwords;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(passwords::initialize()); }

    void hashIsArgon2id()
    {
        const QByteArray h = passwords::hash(QStringLiteral("correct horse battery"));
        QVERIFY2(h.startsWith("$argon2id$v=19$"), h.constData());
        // Salted: hashing the same password again gives another string.
        const QByteArray again = passwords::hash(QStringLiteral("correct horse battery"));
        QVERIFY(again.startsWith("$argon2id$"));
        QVERIFY(h != again);
        QVERIFY(passwords::verify(again, QStringLiteral("correct horse battery")));
    }

    void verify_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("right") << "correct horse battery"
                               << "correct horse battery" << true;
        QTest::newRow("wrong") << "correct horse battery"
                               << "wrong horse battery" << false;
        QTest::newRow("case differs") << "correct horse battery"
                                      << "Correct horse battery" << false;
        QTest::newRow("trailing space") << "correct horse battery"
                                        << "correct horse battery " << false;
        QTest::newRow("empty attempt") << "correct horse battery"
                                       << "" << false;
        QTest::newRow("unicode right")
            << QStringLiteral("J\u00E9lsz\u00F3-\u0151\u0171-\U0001F511")
            << QStringLiteral("J\u00E9lsz\u00F3-\u0151\u0171-\U0001F511") << true;
        QTest::newRow("unicode wrong accent")
            << QStringLiteral("J\u00E9lsz\u00F3-\u0151\u0171-\U0001F511")
            << QStringLiteral("Jelsz\u00F3-\u0151\u0171-\U0001F511") << false;
        // Compared as UTF-8 bytes: a decomposed form is a different password.
        QTest::newRow("unicode other normal form")
            << QStringLiteral("caf\u00E9") << QStringLiteral("cafe\u0301") << false;
    }
    void verify()
    {
        QFETCH(QString, password);
        QFETCH(QString, attempt);
        QFETCH(bool, accepted);
        const QByteArray h = passwords::hash(password);
        QVERIFY(!h.isEmpty());
        QCOMPARE(passwords::verify(h, attempt), accepted);
    }

    void refusals()
    {
        QVERIFY(!passwords::verify(QByteArray(), QStringLiteral("anything")));
        QVERIFY(!passwords::verify(QByteArray(), QString()));
        QVERIFY(!passwords::verify(QByteArrayLiteral("not-a-hash"), QStringLiteral("not-a-hash")));
        QVERIFY(!passwords::verify(QByteArrayLiteral("$argon2id$v=19$m=65536,t=2,p=1$garbage"),
                                   QStringLiteral("x")));
    }

    void longestPassword()
    {
        // kMaxLength characters of up to four UTF-8 bytes each still verify; beyond that the
        // attempt is refused before hashing.
        const QString longest = QString(passwords::kMaxLength * 4, u'a');
        const QByteArray h = passwords::hash(longest);
        QVERIFY(passwords::verify(h, longest));
        const QString tooLong = longest + u'a';
        QVERIFY(!passwords::verify(passwords::hash(tooLong), tooLong));
    }

    void dummyHash()
    {
        const QByteArray &h = passwords::dummyHash();
        QVERIFY2(h.startsWith("$argon2id$"), h.constData());
        QCOMPARE(&passwords::dummyHash(), &h); // computed once
        QVERIFY(!passwords::verify(h, QString()));
        QVERIFY(!passwords::verify(h, QStringLiteral("flowviz-not-a-user-0")));
    }
    // A burst of argon2 work never runs more than maxConcurrent() computations at once, and
    // every one of them gets its turn.
    void slotsBoundTheConcurrency()
    {
        const int bound = passwords::maxConcurrent();
        QVERIFY(bound >= 1);
        std::atomic_int running{0};
        std::atomic_int peak{0};
        std::atomic_int done{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4 * bound + 2; ++i) {
            threads.emplace_back([&] {
                const passwords::Slot slot;
                const int now = ++running;
                int seen = peak.load();
                while (now > seen && !peak.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                --running;
                ++done;
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(done.load(), 4 * bound + 2);
        QVERIFY2(
            peak.load() <= bound,
            qPrintable(
                QStringLiteral("%1 ran at once, the bound is %2").arg(peak.load()).arg(bound)));
        QVERIFY(peak.load() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
