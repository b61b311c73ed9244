// wire::QcGate and wire::LimitChange: the exact JSON of GET /api/v1/qc-gates and of a gate's
// limit changes, and which gates the console refuses to keep.

#include "domain/wire/gate.h"

#include <QJsonDocument>
#include <QTest>

using flowviz::CriticalLimit;
using flowviz::Decimal;
using flowviz::GateType;
using flowviz::LotType;
using flowviz::wire::LimitChange;
using flowviz::wire::QcGate;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QcGate freezing()
{
    QcGate g;
    g.id = 6;
    g.gateNumber = 6;
    g.name = {{QStringLiteral("en"), QStringLiteral("Freezing")},
              {QStringLiteral("hu"), QStringLiteral("Fagyasztás")}};
    g.gateType = GateType::BLOCKING;
    g.isCcp = true;
    g.passRequiresSignature = true;
    g.criticalLimits = {
        CriticalLimit{LotType::FRZ, std::nullopt, Decimal::parse(u"-18")},
        CriticalLimit{std::nullopt, Decimal::parse(u"-30"), Decimal::parse(u"-12.5")}};
    g.checklist = QJsonArray{QStringLiteral("core temperature")};
    return g;
}

} // namespace

class TestWireGate : public QObject
{
    Q_OBJECT

private slots:
    void gateJsonIsExact()
    {
        QCOMPARE(
            compact(freezing().toJson()),
            QByteArray(R"({"checklist":["core temperature"],"critical_limits":[)"
                       R"({"lot_type":"FRZ","max":-18,"min":null,"parameter":"temperature_c"},)"
                       R"({"lot_type":null,"max":-12.5,"min":-30,"parameter":"temperature_c"}],)"
                       R"("gate_number":6,"gate_type":"BLOCKING","id":6,"is_ccp":true,)"
                       R"("name":{"en":"Freezing","hu":"Fagyasztás"},)"
                       R"("pass_requires_signature":true})"));
    }
    void gateRoundTrip()
    {
        QCOMPARE(QcGate::fromJson(freezing().toJson()), std::optional<QcGate>(freezing()));
    }
    void unusableGatesAreRefused_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("id missing") << u"id"_qs << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("id a string") << u"id"_qs << QJsonValue(u"6"_qs);
        QTest::newRow("unknown gate type") << u"gate_type"_qs << QJsonValue(u"blocking"_qs);
        QTest::newRow("limits not an array") << u"critical_limits"_qs << QJsonValue(u"-18"_qs);
        QTest::newRow("limit of another parameter")
            << u"critical_limits"_qs
            << QJsonValue(QJsonArray{QJsonObject{{u"parameter"_qs, u"ph"_qs}, {u"max"_qs, 4.6}}});
        QTest::newRow("limit without bounds")
            << u"critical_limits"_qs
            << QJsonValue(QJsonArray{QJsonObject{{u"parameter"_qs, u"temperature_c"_qs}}});
        QTest::newRow("limit of an unknown lot type")
            << u"critical_limits"_qs
            << QJsonValue(QJsonArray{QJsonObject{{u"lot_type"_qs, u"XYZ"_qs}, {u"max"_qs, -18}}});
    }
    void unusableGatesAreRefused()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QJsonObject o = freezing().toJson();
        if (value.isUndefined())
            o.remove(member);
        else
            o.insert(member, value);
        QCOMPARE(QcGate::fromJson(o), std::nullopt);
    }
    void noLimitsAndOddChecklistRead()
    {
        QJsonObject o = freezing().toJson();
        o.insert(u"critical_limits"_qs, QJsonValue(QJsonValue::Null));
        o.insert(u"checklist"_qs, QJsonObject{{u"a"_qs, 1}});
        const auto g = QcGate::fromJson(o);
        QVERIFY(g);
        QVERIFY(g->criticalLimits.isEmpty());
        QVERIFY(g->checklist.isEmpty());
    }
    void limitChangeJsonIsExact()
    {
        LimitChange c;
        c.id = 42;
        c.lotType = LotType::FRZ;
        c.parameter = QStringLiteral("temperature_c");
        c.oldMax = Decimal::parse(u"-18");
        c.newMax = Decimal::parse(u"-20");
        c.dbUser = QStringLiteral("flowviz");
        c.reason = QStringLiteral("HACCP plan revision 7");
        c.changedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
        QCOMPARE(compact(c.toJson()),
                 QByteArray(R"({"changed_at":"2026-11-27T09:30:00.000Z","changed_by":null,)"
                            R"("db_user":"flowviz","id":42,"lot_type":"FRZ","new_max":-20,)"
                            R"("new_min":null,"old_max":-18,"old_min":null,)"
                            R"("parameter":"temperature_c","reason":"HACCP plan revision 7"})"));
        QCOMPARE(LimitChange::fromJson(c.toJson()), c);
    }
};

QTEST_APPLESS_MAIN(TestWireGate)
#include "tst_gate.moc"
