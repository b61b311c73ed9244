#include "app/models/gatesmodel.h"

#include "app/cache/localcache.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using flowviz::app::GatesModel;
using flowviz::app::LocalCache;

namespace {

QJsonObject gateJson(int number, bool ccp)
{
    return {{QStringLiteral("id"), 100 + number},
            {QStringLiteral("gate_number"), number},
            {QStringLiteral("name"),
             QJsonObject{{QStringLiteral("hu"), QStringLiteral("Kapu %1").arg(number)},
                         {QStringLiteral("en"), QStringLiteral("Gate %1").arg(number)}}},
            {QStringLiteral("gate_type"), QStringLiteral("CHECKPOINT")},
            {QStringLiteral("is_ccp"), ccp},
            {QStringLiteral("checklist"), QJsonArray()}};
}

} // namespace

class TestGatesModel : public QObject
{
    Q_OBJECT

private slots:
    void listsGatesInTheChosenLanguage()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.db")));
        GatesModel model(&cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(cache.applyGates({gateJson(2, true), gateJson(1, false)}));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(GatesModel::NumberRole).toInt(), 1);
        QCOMPARE(model.index(0).data(GatesModel::NameRole).toString(), QStringLiteral("Gate 1"));
        QCOMPARE(model.index(1).data(GatesModel::CcpRole).toBool(), true);
        QCOMPARE(model.index(1).data(GatesModel::IdRole).toInt(), 102);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLanguage(QStringLiteral("hu"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1).data(GatesModel::NameRole).toString(), QStringLiteral("Kapu 2"));
        QVERIFY(model.index(1).data().toString().contains(QStringLiteral("Kapu 2")));

        // The same list again changes nothing; a different one resets.
        QVERIFY(cache.applyGates({gateJson(2, true), gateJson(1, false)}));
        QCOMPARE(resets.size(), 1);
        QVERIFY(cache.applyGates({gateJson(3, false)}));
        QCOMPARE(resets.size(), 2);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGatesModel)
#include "tst_gatesmodel.moc"
