// The supervisor statistics on the wire (domain/wire/stats.h): the exact JSON the server
// answers, times with the plant zone's offset, and what the console reads back.

#include "domain/wire/stats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using flowviz::Decimal;
using namespace flowviz::wire;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QDateTime budapest(int day, int hour, int msec = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0, 0, msec),
                     QTimeZone(QByteArrayLiteral("Europe/Budapest")));
}

LotsStats lotsStats()
{
    LotsStats s;
    s.from = budapest(27, 6);
    s.to = budapest(27, 8);
    s.bucket = QStringLiteral("hour");
    s.timeZone = QStringLiteral("Europe/Budapest");
    s.buckets = {{budapest(27, 6),
                  budapest(27, 7),
                  2,
                  *Decimal::parse(u"30.5"),
                  {{QStringLiteral("RAW"), 1, *Decimal::parse(u"20")},
                   {QStringLiteral("BULK"), 1, *Decimal::parse(u"10.5")}}},
                 {budapest(27, 7), budapest(27, 8), 0, Decimal(), {}}};
    s.totalLots = 2;
    s.totalKg = *Decimal::parse(u"30.5");
    s.totalByType = s.buckets.first().byType;
    return s;
}

QcStats qcStats()
{
    QcStats s;
    s.from = budapest(27, 0);
    s.to = budapest(28, 0);
    s.bucket = QStringLiteral("day");
    s.timeZone = QStringLiteral("Europe/Budapest");
    s.gates = {{1,
                {{QStringLiteral("en"), QStringLiteral("Receipt")},
                 {QStringLiteral("hu"), QStringLiteral("Átvétel")}},
                false},
               {3, {{QStringLiteral("en"), QStringLiteral("Freezing")}}, true}};
    const GateFigures g1{1, {2, 1, 0}, 2, 3, firstPassYield(2, 3)};
    s.buckets = {{budapest(27, 0), budapest(28, 0), {2, 1, 0}, {g1}}};
    s.totalDecisions = {2, 1, 0};
    s.firstPass = 2;
    s.decidedLots = 3;
    s.yield = firstPassYield(2, 3);
    s.totalByGate = {g1, {3, {}, 0, 0, std::nullopt}};
    return s;
}

} // namespace

class TestWireStats : public QObject
{
    Q_OBJECT

private slots:
    void lotsJsonIsExact()
    {
        QCOMPARE(compact(lotsStats().toJson()),
                 QByteArray(R"({"bucket":"hour","buckets":[)"
                            R"({"by_type":[{"kg":20,"lot_type":"RAW","lots":1},)"
                            R"({"kg":10.5,"lot_type":"BULK","lots":1}],)"
                            R"("end":"2026-11-27T07:00:00+01:00","kg":30.5,"lots":2,)"
                            R"("start":"2026-11-27T06:00:00+01:00"},)"
                            R"({"by_type":[],"end":"2026-11-27T08:00:00+01:00","kg":0,"lots":0,)"
                            R"("start":"2026-11-27T07:00:00+01:00"}],)"
                            R"("from":"2026-11-27T06:00:00+01:00","time_zone":"Europe/Budapest",)"
                            R"("to":"2026-11-27T08:00:00+01:00","totals":{"by_type":[)"
                            R"({"kg":20,"lot_type":"RAW","lots":1},)"
                            R"({"kg":10.5,"lot_type":"BULK","lots":1}],"kg":30.5,"lots":2}})"));
    }
    void lotsRoundTrip()
    {
        const LotsStats s = lotsStats();
        QCOMPARE(LotsStats::fromJson(s.toJson()), s);
        QCOMPARE(s.buckets.first().type(QStringLiteral("BULK")).lots, 1);
        QCOMPARE(s.buckets.first().type(QStringLiteral("FG")).lots, 0);
    }
    void millisecondsOnlyWhenPresent()
    {
        LotsStats s;
        s.from = budapest(27, 6, 250);
        QCOMPARE(s.toJson().value(u"from").toString(), u"2026-11-27T06:00:00.250+01:00");
    }
    void qcJsonIsExact()
    {
        const QJsonObject o = qcStats().toJson();
        QCOMPARE(compact(o.value(u"gates").toArray().first().toObject()),
                 QByteArray(R"({"gate_number":1,"is_ccp":false,)"
                            R"("name":{"en":"Receipt","hu":"Átvétel"}})"));
        QCOMPARE(compact(o.value(u"totals").toObject()),
                 QByteArray(R"({"by_gate":[{"FAIL":0,"HOLD":1,"PASS":2,"decided_lots":3,)"
                            R"("first_pass":2,"gate_number":1,"yield":0.6667},)"
                            R"({"FAIL":0,"HOLD":0,"PASS":0,"decided_lots":0,"first_pass":0,)"
                            R"("gate_number":3,"yield":null}],)"
                            R"("decided_lots":3,"decisions":{"FAIL":0,"HOLD":1,"PASS":2},)"
                            R"("first_pass":2,"yield":0.6667})"));
    }
    void qcRoundTrip()
    {
        const QcStats s = qcStats();
        QCOMPARE(QcStats::fromJson(s.toJson()), s);
        QCOMPARE(s.gateTotal(3).decidedLots, 0);
        QCOMPARE(s.gateTotal(9).gateNumber, 9);
    }
    void yieldIsRoundedHalfUpExactly()
    {
        QCOMPARE(firstPassYield(0, 0), std::nullopt);
        QCOMPARE(firstPassYield(1, 3), std::optional<double>(0.3333));
        QCOMPARE(firstPassYield(2, 3), std::optional<double>(0.6667));
        QCOMPARE(firstPassYield(1, 8), std::optional<double>(0.125));
        QCOMPARE(firstPassYield(1, 20000), std::optional<double>(0.0001)); // 0.00005 rounds up
        QCOMPARE(firstPassYield(7, 7), std::optional<double>(1.0));
    }
    void gateNameFallsBackToEnglishThenAny()
    {
        const QcStats s = qcStats();
        QCOMPARE(s.gates.at(0).nameIn(QStringLiteral("hu")), u"Átvétel");
        QCOMPARE(s.gates.at(1).nameIn(QStringLiteral("hu")), u"Freezing");
        GateInfo onlyHu{4, {{QStringLiteral("hu"), QStringLiteral("Fagyasztás")}}, false};
        QCOMPARE(onlyHu.nameIn(QStringLiteral("en")), u"Fagyasztás");
        QCOMPARE(GateInfo{}.nameIn(QStringLiteral("en")), QString());
    }
    void decisionListHasNullWorkstation()
    {
        DecisionList l;
        l.total = 7;
        l.decisions = {{QStringLiteral("RAW-1"), QStringLiteral("RAW"), 1, QStringLiteral("PASS"),
                        budapest(27, 6), QStringLiteral("op1"), std::nullopt}};
        QCOMPARE(compact(l.toJson()),
                 QByteArray(R"({"decisions":[{"decided_at":"2026-11-27T06:00:00+01:00",)"
                            R"("decision":"PASS","gate_number":1,"lot_code":"RAW-1",)"
                            R"("lot_type":"RAW","operator":"op1","workstation_id":null}],)"
                            R"("total":7})"));
        QCOMPARE(DecisionList::fromJson(l.toJson()), l);
        // An answer without "total" counts what it lists.
        QJsonObject noTotal = l.toJson();
        noTotal.remove(u"total"_qs);
        QCOMPARE(DecisionList::fromJson(noTotal).total, 1);
    }
    void holdsJsonAndAgeBuckets()
    {
        HoldsStats h;
        h.asOf = budapest(27, 12);
        h.total = 2;
        h.lots = {{QStringLiteral("MIX-1"), QStringLiteral("MIX"), QStringLiteral("HOLD"),
                   budapest(27, 11), 3600, QStringLiteral("RUN-1"), Decimal::parse(u"12.5")},
                  {QStringLiteral("RAW-9"), QStringLiteral("RAW"), QStringLiteral("QUARANTINE"),
                   budapest(27, 11, 500), 1800, std::nullopt, std::nullopt}};
        h.byAge = {{QStringLiteral("<1h"), 3600, 1}, {QStringLiteral(">1h"), std::nullopt, 1}};
        const QJsonObject o = h.toJson();
        QCOMPARE(compact(o.value(u"lots").toArray().at(1).toObject()),
                 QByteArray(R"({"age_seconds":1800,"lot_code":"RAW-9","lot_type":"RAW",)"
                            R"("run_code":null,"since":"2026-11-27T11:00:00.500+01:00",)"
                            R"("status":"QUARANTINE","weight_kg":null})"));
        QCOMPARE(compact(o.value(u"by_age").toArray().at(1).toObject()),
                 QByteArray(R"({"count":1,"label":">1h","max_seconds":null})"));
        QCOMPARE(HoldsStats::fromJson(o), h);
        QCOMPARE(h.lotsInAgeBucket(0).size(), 1);
        QCOMPARE(h.lotsInAgeBucket(0).first().lotCode, u"RAW-9");
        QCOMPARE(h.lotsInAgeBucket(1).first().lotCode, u"MIX-1");
        QVERIFY(h.lotsInAgeBucket(2).isEmpty());
    }
    void workstationsRoundTrip()
    {
        WorkstationsStats w;
        w.asOf = budapest(27, 12);
        w.offlineAfterSeconds = 120;
        w.workstations = {{QStringLiteral("WS-1"), budapest(27, 11), 3600, false, 4,
                           QStringLiteral("0.1.0"), std::nullopt},
                          {QStringLiteral("WS-2"), budapest(27, 12), 5, true, 0,
                           QStringLiteral("0.1.0"), QStringLiteral("op1")}};
        w.online = 1;
        w.offline = 1;
        const QJsonObject o = w.toJson();
        QCOMPARE(
            compact(o.value(u"workstations").toArray().first().toObject()),
            QByteArray(R"({"app_version":"0.1.0","last_heartbeat":)"
                       R"("2026-11-27T11:00:00+01:00","online":false,"pending_sync":4,)"
                       R"("seconds_since_heartbeat":3600,"user":null,"workstation_id":"WS-1"})"));
        QCOMPARE(WorkstationsStats::fromJson(o), w);
    }
    void readsLeniently()
    {
        // What the console kept from an older or damaged answer reads as zeros and empties.
        const QJsonObject junk{{u"buckets"_qs, 3}, {u"totals"_qs, u"x"_qs}, {u"from"_qs, 5}};
        const LotsStats s = LotsStats::fromJson(junk);
        QVERIFY(s.buckets.isEmpty());
        QCOMPARE(s.totalLots, 0);
        QVERIFY(!s.from.isValid());
        QCOMPARE(QcStats::fromJson({}).yield, std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestWireStats)
#include "tst_stats.moc"
