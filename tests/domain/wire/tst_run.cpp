// wire::Run and wire::CreateRun: one toJson/fromJson each, the exact JSON the API answers.

#include "domain/wire/run.h"

#include <QJsonDocument>
#include <QTest>

using flowviz::Decimal;
using flowviz::RunStatus;
using flowviz::wire::CreateRun;
using flowviz::wire::Run;

namespace {

Run completedRun()
{
    Run r;
    r.id = QUuid(QStringLiteral("6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10"));
    r.runCode = QStringLiteral("RUN-2026-01-14-A");
    r.status = RunStatus::COMPLETED;
    r.operatorId = QUuid(QStringLiteral("11111111-2222-3333-4444-555555555555"));
    r.operatorUsername = QStringLiteral("mgr");
    r.dailyTargetKg = Decimal::parse(u"1250.5");
    r.startedAt = QDateTime(QDate(2026, 1, 14), QTime(6, 0, 0, 125), Qt::UTC);
    r.endedAt = QDateTime(QDate(2026, 1, 14), QTime(14, 30), Qt::UTC);
    r.lotCount = 3;
    r.totalKg = *Decimal::parse(u"812.25");
    return r;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWireRun : public QObject
{
    Q_OBJECT

private slots:
    void runJsonIsExact()
    {
        QCOMPARE(compact(completedRun().toJson()),
                 QByteArray(R"({"daily_target_kg":1250.5,"ended_at":"2026-01-14T14:30:00.000Z",)"
                            R"("id":"6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10","lot_count":3,)"
                            R"("operator":"mgr","operator_id":"11111111-2222-3333-4444-)"
                            R"(555555555555","run_code":"RUN-2026-01-14-A",)"
                            R"("started_at":"2026-01-14T06:00:00.125Z","status":"COMPLETED",)"
                            R"("total_kg":812.25})"));
    }
    void openRunHasNulls()
    {
        Run r = completedRun();
        r.status = RunStatus::ACTIVE;
        r.endedAt = {};
        r.operatorId.reset();
        r.operatorUsername.reset();
        r.dailyTargetKg.reset();
        r.totalKg = Decimal();
        const QJsonObject o = r.toJson();
        QVERIFY(o.value(QStringLiteral("ended_at")).isNull());
        QVERIFY(o.value(QStringLiteral("operator_id")).isNull());
        QVERIFY(o.value(QStringLiteral("operator")).isNull());
        QVERIFY(o.value(QStringLiteral("daily_target_kg")).isNull());
        QCOMPARE(o.value(QStringLiteral("total_kg")), QJsonValue(0));
        QCOMPARE(o.size(), 10);
        QCOMPARE(Run::fromJson(o), r);
    }
    void runRoundTrip()
    {
        const Run r = completedRun();
        QCOMPARE(Run::fromJson(r.toJson()), r);
        QCOMPARE(Run::fromJson(r.toJson()).toJson(), r.toJson());
    }
    void createRunJson()
    {
        CreateRun c;
        c.runCode = QStringLiteral("RUN-1");
        QCOMPARE(compact(c.toJson()), QByteArray(R"({"run_code":"RUN-1"})"));
        c.id = QUuid(QStringLiteral("6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10"));
        c.dailyTargetKg = Decimal::parse(u"900");
        QCOMPARE(compact(c.toJson()),
                 QByteArray(R"({"daily_target_kg":900,"id":"6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10",)"
                            R"("run_code":"RUN-1"})"));
        QCOMPARE(CreateRun::fromJson(c.toJson()), c);
    }
};

QTEST_GUILESS_MAIN(TestWireRun)
#include "tst_run.moc"
