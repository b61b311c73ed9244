#include "app/codes/lotcodegenerator.h"

#include "domain/validation.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using flowviz::LotType;
using flowviz::app::LotCodeGenerator;

namespace {

const QTimeZone kBudapest(QByteArrayLiteral("Europe/Budapest"));

// Child mode: issue `count` codes, print them, then die by SIGKILL without closing anything.
int issueAndDie(const char *path, int count)
{
    LotCodeGenerator gen(QString::fromLocal8Bit(path), QStringLiteral("DUNA"),
                         QStringLiteral("01"));
    for (int i = 0; i < count; ++i) {
        const auto code = gen.next(LotType::BULK);
        if (!code)
            return 2;
        std::printf("%s\n", qPrintable(*code));
    }
    std::fflush(stdout);
    ::kill(::getpid(), SIGKILL);
    return 3;
}

qint64 sequenceOf(const QString &code)
{
    return code.section(u'-', -1).toLongLong();
}

} // namespace

class TestLotCodeGenerator : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void formatMatchesTheExample()
    {
        QCOMPARE(LotCodeGenerator::format(LotType::BULK, QDate(2026, 1, 14), QStringLiteral("DUNA"),
                                          QStringLiteral("01"), 5001),
                 QStringLiteral("BULK-20260114-DUNA01-5001"));
        QCOMPARE(LotCodeGenerator::format(LotType::FG, QDate(2026, 1, 14), QStringLiteral("DUNA"),
                                          QStringLiteral("01"), 7),
                 QStringLiteral("FG-20260114-DUNA01-0007"));
    }

    void issuesValidCodesInThePlantsDate()
    {
        LotCodeGenerator gen(path(), QStringLiteral(" duna "), QStringLiteral("01"), kBudapest);
        QVERIFY2(gen.isValid(), qPrintable(gen.errorString()));
        QCOMPARE(gen.site(), QStringLiteral("DUNA"));
        // 23:30 UTC on 13 January is already 14 January in Budapest.
        const QDateTime lateUtc(QDate(2026, 1, 13), QTime(23, 30), Qt::UTC);
        const auto first = gen.next(LotType::BULK, lateUtc);
        QVERIFY2(first, qPrintable(gen.errorString()));
        QCOMPARE(*first, QStringLiteral("BULK-20260114-DUNA01-0001"));
        const auto second = gen.next(LotType::RAW, lateUtc.addSecs(-3600));
        QVERIFY(second);
        QCOMPARE(*second, QStringLiteral("RAW-20260113-DUNA01-0002"));
        for (LotType t : flowviz::allLotTypes()) {
            const auto code = gen.next(t);
            QVERIFY(code);
            QVERIFY2(!flowviz::rules::checkLotCode(*code), qPrintable(*code));
            QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]+-\\d{8}-DUNA01-\\d{4,}$"))
                        .match(*code)
                        .hasMatch());
        }
        QCOMPARE(gen.lastSequence(), 2 + flowviz::allLotTypes().size());
    }

    void rejectsBadSiteOrWorkstation_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("workstation");
        QTest::newRow("site too short") << "D"
                                        << "01";
        QTest::newRow("site too long") << "DUNAVARSANY"
                                       << "01";
        QTest::newRow("site with dash") << "DU-NA"
                                        << "01";
        QTest::newRow("site accented") << QStringLiteral("DUNAÁ") << "01";
        QTest::newRow("workstation empty") << "DUNA"
                                           << "";
        QTest::newRow("workstation one char") << "DUNA"
                                              << "1";
        QTest::newRow("workstation three chars") << "DUNA"
                                                 << "001";
        QTest::newRow("workstation symbol") << "DUNA"
                                            << "0_";
    }
    void rejectsBadSiteOrWorkstation()
    {
        QFETCH(QString, site);
        QFETCH(QString, workstation);
        LotCodeGenerator gen(path(), site, workstation);
        QVERIFY(!gen.isValid());
        QVERIFY(!gen.errorString().isEmpty());
        QVERIFY(!gen.next(LotType::RAW));
    }

    void twoWorkstationsNeverCollide()
    {
        // Same file even (the worst case): the sequence is kept per site+workstation, and the
        // workstation is part of every code.
        LotCodeGenerator a(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
        LotCodeGenerator b(path(), QStringLiteral("DUNA"), QStringLiteral("02"));
        LotCodeGenerator c(m_dir.filePath(QStringLiteral("other-workstation.db")),
                           QStringLiteral("DUNA"), QStringLiteral("03"));
        const QDateTime now(QDate(2026, 1, 14), QTime(8, 0), Qt::UTC);
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            for (LotCodeGenerator *g : {&a, &b, &c}) {
                const auto code = g->next(LotType::BULK, now);
                QVERIFY(code);
                QVERIFY2(!seen.contains(*code), qPrintable(*code));
                seen.insert(*code);
            }
        }
        QCOMPARE(seen.size(), 600);
        QCOMPARE(a.lastSequence(), 200);
        QCOMPARE(b.lastSequence(), 200);
    }

    void siteAndWorkstationSplitOneWayOnly()
    {
        // With a variable-width workstation "DUN"+"A01" would print like "DUNA"+"01".
        QVERIFY(LotCodeGenerator::checkWorkstation(QStringLiteral("A01")).has_value());
    }

    void sequenceSurvivesReopen()
    {
        QString last;
        {
            LotCodeGenerator gen(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
            for (int i = 0; i < 5; ++i)
                last = gen.next(LotType::MIX).value_or(QString());
        }
        QCOMPARE(sequenceOf(last), 5);
        LotCodeGenerator again(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
        QCOMPARE(again.lastSequence(), 5);
        QCOMPARE(sequenceOf(again.next(LotType::MIX).value_or(QString())), 6);
    }

    void twoGeneratorsOnOneFileShareTheSequence()
    {
        // Two processes of one workstation (say the console restarted while the old one hung)
        // still never hand out the same number.
        LotCodeGenerator a(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
        LotCodeGenerator b(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
        QSet<qint64> seen;
        for (int i = 0; i < 50; ++i) {
            for (LotCodeGenerator *g : {&a, &b}) {
                const qint64 s = sequenceOf(g->next(LotType::RAW).value_or(QString()));
                QVERIFY(s > 0);
                QVERIFY(!seen.contains(s));
                seen.insert(s);
            }
        }
    }

    void crashRightAfterIssuingNeverReusesTheCode()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--issue-and-die"), path(), QStringLiteral("3")});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QStringList issued =
            QString::fromLocal8Bit(child.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(issued.size(), 3);
        QCOMPARE(sequenceOf(issued.last()), 3);

        LotCodeGenerator after(path(), QStringLiteral("DUNA"), QStringLiteral("01"));
        QVERIFY2(after.isValid(), qPrintable(after.errorString()));
        QCOMPARE(after.lastSequence(), 3);
        const auto next = after.next(LotType::BULK);
        QVERIFY(next);
        QVERIFY(!issued.contains(*next));
        QCOMPARE(sequenceOf(*next), 4);
    }

private:
    // A fresh file per test function.
    QString path() const
    {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                              QStringLiteral(".db"));
    }
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--issue-and-die") == 0) {
        QCoreApplication app(argc, argv);
        return issueAndDie(argv[2], QByteArray(argv[3]).toInt());
    }
    QCoreApplication app(argc, argv);
    TestLotCodeGenerator test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lotcodegenerator.moc"
