// The lot status a QC decision leads to, and which statuses may be drawn from as a parent.

#include "domain/lotstatusrules.h"

#include <QTest>

using flowviz::Decision;
using flowviz::LotStatus;
namespace statusrules = flowviz::statusrules;

class TestLotStatusRules : public QObject
{
    Q_OBJECT

private slots:
    void statusAfter_data()
    {
        QTest::addColumn<Decision>("decision");
        QTest::addColumn<QString>("status");

        QTest::newRow("PASS") << Decision::PASS << "RELEASED";
        QTest::newRow("HOLD") << Decision::HOLD << "HOLD";
        QTest::newRow("FAIL") << Decision::FAIL << "REJECTED";
    }
    void statusAfter()
    {
        QFETCH(Decision, decision);
        QFETCH(QString, status);
        QCOMPARE(flowviz::toString(statusrules::statusAfter(decision)), status);
    }

    void everyDecisionIsCovered()
    {
        QCOMPARE(flowviz::allDecisions().size(), 3);
        for (const Decision d : flowviz::allDecisions())
            QVERIFY(statusrules::statusAfter(d) != LotStatus::CREATED);
    }

    void parentRefusalReason_data()
    {
        QTest::addColumn<LotStatus>("status");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QString>("mentions"); // a word the reason must contain

        QTest::newRow("CREATED") << LotStatus::CREATED << false << "";
        QTest::newRow("QUARANTINE") << LotStatus::QUARANTINE << true << "QUARANTINE";
        QTest::newRow("RELEASED") << LotStatus::RELEASED << false << "";
        QTest::newRow("HOLD") << LotStatus::HOLD << true << "HOLD";
        QTest::newRow("REJECTED") << LotStatus::REJECTED << true << "REJECTED";
        QTest::newRow("CONSUMED") << LotStatus::CONSUMED << false << "";
        QTest::newRow("FINISHED") << LotStatus::FINISHED << false << "";
    }
    void parentRefusalReason()
    {
        QFETCH(LotStatus, status);
        QFETCH(bool, refused);
        QFETCH(QString, mentions);
        const auto reason = statusrules::parentRefusalReason(status);
        QCOMPARE(reason.has_value(), refused);
        if (refused) {
            QVERIFY2(reason->contains(mentions), qPrintable(*reason));
            // The operator is told what to do, not only what is wrong.
            QVERIFY2(reason->contains(QStringLiteral("ask QC")) ||
                         reason->contains(QStringLiteral("must not be used")),
                     qPrintable(*reason));
        }
    }

    void everyStatusIsInTheTable()
    {
        // The data table above names every status; a new enumerator must be added to it.
        QCOMPARE(flowviz::allLotStatuses().size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestLotStatusRules)
#include "tst_lotstatusrules.moc"
