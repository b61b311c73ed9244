// PgSession's queued statements (libpq pipelines) against the fixture's PostgreSQL, direct
// and through PgBouncer in transaction mode: they run in order, the first failure is thrown
// and skips the rest of its round trip, a check refuses the work before anything commits, and
// what was queued but never sent is discarded with the transaction.

#include "backend/db/dbpool.h"
#include "backend/db/dbsettings.h"
#include "backend/db/pgsession.h"

#include "tests/support/testdb.h"
#include "tests/support/testenv.h"

#include <QTest>

#include <future>

#include <stdexcept>

using namespace flowviz;
using namespace flowviz::test;

namespace {

struct Refused : std::runtime_error
{
    Refused() : std::runtime_error("refused") {}
};

} // namespace

class TestPgSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void queuedStatementsRunInOrderWithTheNextExec();
    void firstFailureIsThrownAndSkipsTheRest();
    void anEarlierCheckSpeaksBeforeALaterFailure();
    void aCheckRefusesBeforeTheCommit();
    void aCaughtRefusalStillRefusesTheTransaction();
    void unsentStatementsAreDiscardedWithTheTransaction();
    void aSavepointUndoesWhatWasQueuedInside();
    void anUnsentSavepointKeepsWhatWasQueuedBeforeIt();
    void aFailureBeforeTheSavepointFailsTheCommit();
    void deferredValuesReadTheirRows();
    void aJobsEscapedErrorLeavesNoTransactionBehind();

private:
    // Runs `work` on a fresh session of the suite's database; the error text, or empty.
    QString run(const std::function<void(db::PgSession &)> &work);
    int rows();

    std::unique_ptr<TestDb> m_db;
    db::DbSettings m_settings;
};

QString TestPgSession::run(const std::function<void(db::PgSession &)> &work)
{
    return db::DbPool::runOnce(m_settings, work);
}

int TestPgSession::rows()
{
    return m_db->scalar(QStringLiteral("SELECT count(*) FROM t")).toInt();
}

void TestPgSession::initTestCase()
{
    // Its own database per route: ctest runs the direct and the PgBouncer run side by side.
    m_db = std::make_unique<TestDb>(TestEnv::get().viaPgBouncer
                                        ? QStringLiteral("flowviz_pgsession_pgb")
                                        : QStringLiteral("flowviz_pgsession_pg"));
    m_db->exec(QStringLiteral("CREATE TABLE t (n int PRIMARY KEY)"));
    QString error;
    const auto settings =
        db::DbSettings::fromUrl(TestEnv::get().serverUrlFor(m_db->name()), &error);
    QVERIFY2(settings, qPrintable(error));
    m_settings = *settings;
}

void TestPgSession::queuedStatementsRunInOrderWithTheNextExec()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    int seen = -1;
    QString after;
    const QString error = run([&](db::PgSession &s) {
        s.transaction([&] {
            s.queue("INSERT INTO t VALUES (1)");
            const db::PgPending pending = s.queue("INSERT INTO t VALUES (2) RETURNING n");
            // The count runs after both inserts, in the same round trip.
            seen = int(s.exec("SELECT count(*) AS c FROM t").toInt(0, "c"));
            after = pending.result().text(0, "n");
        });
    });
    QCOMPARE(error, QString());
    QCOMPARE(seen, 2);
    QCOMPARE(after, QStringLiteral("2"));
    QCOMPARE(rows(), 2);
}

void TestPgSession::firstFailureIsThrownAndSkipsTheRest()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    QByteArray state;
    bool usableAfter = false;
    const QString error = run([&](db::PgSession &s) {
        try {
            s.transaction([&] {
                s.queue("INSERT INTO t VALUES (1)");
                s.queue("SELECT 1 / 0");
                s.queue("INSERT INTO t VALUES (2)");
                s.flush();
            });
        } catch (const db::DbError &e) {
            state = e.sqlState();
        }
        // The session is in step with the server: the next transaction works.
        s.transaction([&] { s.exec("INSERT INTO t VALUES (3)"); });
        usableAfter = s.isHealthy();
    });
    QCOMPARE(error, QString());
    QCOMPARE(state, QByteArray("22012")); // division_by_zero
    QVERIFY(usableAfter);
    QCOMPARE(m_db->query(QStringLiteral("SELECT n FROM t ORDER BY n")),
             QList<QStringList>{{QStringLiteral("3")}});
}

void TestPgSession::anEarlierCheckSpeaksBeforeALaterFailure()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    bool refused = false;
    const QString error = run([&](db::PgSession &s) {
        try {
            s.transaction([&] {
                s.queue("SELECT 1", {}, [](const db::PgResult &) { throw Refused(); });
                s.exec("INSERT INTO t VALUES (1), (1)"); // a unique violation
            });
        } catch (const Refused &) {
            refused = true;
        }
    });
    QCOMPARE(error, QString());
    QVERIFY(refused);
    QCOMPARE(rows(), 0);
}

void TestPgSession::aCheckRefusesBeforeTheCommit()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    bool refused = false;
    const QString error = run([&](db::PgSession &s) {
        try {
            // The work ends with its insert and the check still queued: the COMMIT must not go
            // in their round trip.
            s.transaction([&] {
                s.queue("INSERT INTO t VALUES (1)");
                s.queue("SELECT 1", {}, [](const db::PgResult &) { throw Refused(); });
            });
        } catch (const Refused &) {
            refused = true;
        }
    });
    QCOMPARE(error, QString());
    QVERIFY(refused);
    QCOMPARE(rows(), 0);
}

void TestPgSession::aCaughtRefusalStillRefusesTheTransaction()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    int refusals = 0;
    bool nextTransactionRan = false;
    const QString error = run([&](db::PgSession &s) {
        try {
            s.transaction([&] {
                s.queue("INSERT INTO t VALUES (1)");
                s.queue("SELECT 1", {}, [](const db::PgResult &) { throw Refused(); });
                // A caller that reports the refusal as one item's result and goes on (as a
                // sync batch does with each operation's failure).
                try {
                    s.flush();
                } catch (const Refused &) {
                    ++refusals;
                }
                try {
                    s.exec("INSERT INTO t VALUES (2)");
                } catch (const Refused &) {
                    ++refusals;
                }
            });
        } catch (const Refused &) {
            ++refusals; // the COMMIT
        }
        // The refusal ends with its transaction.
        s.transaction([&] { s.exec("INSERT INTO t VALUES (3)"); });
        nextTransactionRan = true;
    });
    QCOMPARE(error, QString());
    QCOMPARE(refusals, 3);
    QVERIFY(nextTransactionRan);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT string_agg(n::text, ',') FROM t")),
             QStringLiteral("3"));
}

void TestPgSession::unsentStatementsAreDiscardedWithTheTransaction()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    bool discarded = false;
    const QString error = run([&](db::PgSession &s) {
        std::optional<db::PgPending> pending;
        try {
            s.transaction([&] {
                pending = s.queue("INSERT INTO t VALUES (1) RETURNING n");
                throw Refused();
            });
        } catch (const Refused &) {
        }
        try {
            pending->result();
        } catch (const std::logic_error &) {
            discarded = true;
        }
        s.transaction([&] { s.exec("INSERT INTO t VALUES (2)"); });
    });
    QCOMPARE(error, QString());
    QVERIFY(discarded);
    QCOMPARE(m_db->query(QStringLiteral("SELECT n FROM t ORDER BY n")),
             QList<QStringList>{{QStringLiteral("2")}});
}

void TestPgSession::aSavepointUndoesWhatWasQueuedInside()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    const QString error = run([&](db::PgSession &s) {
        s.transaction([&] {
            s.exec("INSERT INTO t VALUES (1)");
            try {
                s.savepoint("step", [&] {
                    s.exec("INSERT INTO t VALUES (2)");
                    s.queue("INSERT INTO t VALUES (3)");
                    throw Refused();
                });
            } catch (const Refused &) {
            }
            try {
                s.savepoint("step", [&] {
                    s.queue("INSERT INTO t VALUES (4)");
                    s.exec("INSERT INTO t VALUES (4)"); // a unique violation in the pipeline
                });
            } catch (const db::DbError &) {
            }
            s.queue("INSERT INTO t VALUES (5)");
        });
    });
    QCOMPARE(error, QString());
    QCOMPARE(m_db->query(QStringLiteral("SELECT n FROM t ORDER BY n")),
             (QList<QStringList>{{QStringLiteral("1")}, {QStringLiteral("5")}}));
}

void TestPgSession::anUnsentSavepointKeepsWhatWasQueuedBeforeIt()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    const QString error = run([&](db::PgSession &s) {
        s.transaction([&] {
            s.queue("INSERT INTO t VALUES (1)");
            try {
                s.savepoint("step", [&] {
                    s.queue("INSERT INTO t VALUES (2)");
                    throw Refused(); // before anything of the savepoint was sent
                });
            } catch (const Refused &) {
            }
            s.savepoint("step", [&] { s.queue("INSERT INTO t VALUES (3)"); });
        });
    });
    QCOMPARE(error, QString());
    QCOMPARE(m_db->query(QStringLiteral("SELECT n FROM t ORDER BY n")),
             (QList<QStringList>{{QStringLiteral("1")}, {QStringLiteral("3")}}));
}

void TestPgSession::aFailureBeforeTheSavepointFailsTheCommit()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    QByteArray inside;
    QByteArray atCommit;
    const QString error = run([&](db::PgSession &s) {
        try {
            s.transaction([&] {
                s.queue("INSERT INTO t VALUES (1)");
                s.queue("SELECT 1 / 0"); // earlier work, failing in the savepoint's round trip
                try {
                    s.savepoint("step", [&] { s.exec("INSERT INTO t VALUES (2)"); });
                } catch (const db::DbError &e) {
                    inside = e.sqlState(); // reported as the savepoint's failure...
                }
                // ...and the transaction goes on as if only that had failed. PostgreSQL
                // answers its COMMIT with ROLLBACK: that is an error, not a success.
            });
        } catch (const db::DbError &e) {
            atCommit = e.sqlState();
        }
    });
    QCOMPARE(error, QString());
    QCOMPARE(inside, QByteArray("22012"));
    QCOMPARE(atCommit, QByteArray("40000"));
    QCOMPARE(rows(), 0);
}

void TestPgSession::deferredValuesReadTheirRows()
{
    m_db->exec(QStringLiteral("TRUNCATE t"));
    int sum = 0;
    const QString error = run([&](db::PgSession &s) {
        s.transaction([&] {
            const db::PgDeferred<int> a(s.queue("SELECT 40 AS v"),
                                        [](const db::PgResult &r) { return int(r.toInt(0, "v")); });
            const db::PgDeferred<int> b(2);
            sum = a.get() + b.get();
        });
    });
    QCOMPARE(error, QString());
    QCOMPARE(sum, 42);
}

QTEST_GUILESS_MAIN(TestPgSession)
#include "tst_pgsession.moc"

void TestPgSession::aJobsEscapedErrorLeavesNoTransactionBehind()
{
    // One connection, so that every job runs on what the one before left.
    db::DbSettings single = m_settings;
    single.poolSize = 1;
    single.maxOverflow = 0;
    db::DbPool pool(single);
    pool.start();
    // Runs `work` as the next job: "ok", "failed" (fail() was called) or the error of a later
    // statement.
    const auto job = [&pool](const std::function<QString(db::PgSession &)> &work) {
        std::promise<QString> done;
        pool.submit(db::DbJob{[&](db::PgSession &s) { done.set_value(work(s)); },
                              [&](db::DbFailure) { done.set_value(QStringLiteral("failed")); }});
        return done.get_future().get();
    };
    const auto pid = [](db::PgSession &s) {
        return s.exec("SELECT pg_backend_pid()::text AS p").text(0, "p");
    };
    const QString before = job(pid);
    QVERIFY(!before.isEmpty());
    // A statement's error escapes a job outside a transaction: the job fails, the connection
    // stays (the same server process answers next, when nothing stands between).
    QCOMPARE(job([](db::PgSession &s) {
                 s.exec("SELECT 1 / 0");
                 return QStringLiteral("ok");
             }),
             QStringLiteral("failed"));
    const QString after = job(pid);
    if (!TestEnv::get().viaPgBouncer)
        QCOMPARE(after, before);
    // An error that escapes inside a transaction the job opened itself: the next job does not
    // run in that aborted transaction (it would answer 25P02 to everything).
    QCOMPARE(job([](db::PgSession &s) {
                 s.exec("BEGIN");
                 s.exec("SELECT 1 / 0");
                 return QStringLiteral("ok");
             }),
             QStringLiteral("failed"));
    QCOMPARE(job([](db::PgSession &s) {
                 try {
                     return s.exec("SELECT 'clean' AS c").text(0, "c");
                 } catch (const db::DbError &e) {
                     return QString::fromUtf8(e.sqlState());
                 }
             }),
             QStringLiteral("clean"));
    pool.stop();
}
