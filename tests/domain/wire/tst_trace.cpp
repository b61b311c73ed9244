// wire::TraceGraph and TraceNeighbours: the traceability answers as the server writes them,
// read back unchanged by the console.

#include "domain/wire/trace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace flowviz;
using namespace flowviz::wire;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Decimal dec(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

TraceGraph sampleGraph()
{
    TraceGraph g;
    g.root = QStringLiteral("MIX-1");
    g.direction = QStringLiteral("backward");
    g.depth = 3;
    TraceNode root;
    root.id = QUuid::fromString(QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
    root.lotCode = QStringLiteral("MIX-1");
    root.type = LotType::MIX;
    root.status = LotStatus::HOLD;
    root.weightKg = dec("300");
    root.createdAt =
        QDateTime::fromString(QStringLiteral("2026-01-14T09:30:00.120+01:00"), Qt::ISODateWithMs);
    TraceNode parent;
    parent.id = QUuid::fromString(QStringLiteral("11111111-2222-4333-8444-555555555555"));
    parent.lotCode = QStringLiteral("BULK-7");
    parent.type = LotType::BULK;
    parent.status = LotStatus::RELEASED;
    parent.temperatureC = dec("-18.5");
    parent.createdAt =
        QDateTime::fromString(QStringLiteral("2026-01-13T07:00:00.000Z"), Qt::ISODateWithMs);
    parent.level = -1;
    g.nodes = {root, parent};
    g.edges = {{QStringLiteral("BULK-7"), QStringLiteral("MIX-1"), dec("120.25")}};
    g.truncated = true;
    g.maxNodes = 2;
    return g;
}

} // namespace

class TestWireTrace : public QObject
{
    Q_OBJECT

private slots:
    void graphIsWrittenAsTheServerAnswers()
    {
        QCOMPARE(
            compact(sampleGraph().toJson()),
            QByteArray(
                R"({"depth":3,"direction":"backward","edges":[{"child_lot_code":"MIX-1",)"
                R"("parent_lot_code":"BULK-7","quantity_used_kg":120.25}],"max_nodes":2,)"
                R"("nodes":[{"created_at":"2026-01-14T08:30:00.120Z",)"
                R"("id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","level":0,"lot_code":"MIX-1",)"
                R"("lot_type":"MIX","status":"HOLD","temperature_c":null,"weight_kg":300},)"
                R"({"created_at":"2026-01-13T07:00:00.000Z",)"
                R"("id":"11111111-2222-4333-8444-555555555555","level":-1,)"
                R"("lot_code":"BULK-7","lot_type":"BULK","status":"RELEASED",)"
                R"("temperature_c":-18.5,"weight_kg":null}],"root":"MIX-1","truncated":true})"));
    }

    void graphReadsBackUnchanged()
    {
        const TraceGraph g = sampleGraph();
        QCOMPARE(TraceGraph::fromJson(g.toJson()), g);
    }

    void graphReadsTolerantly()
    {
        // Unknown members are ignored; missing ones stay empty; a node with an unknown type
        // keeps the default rather than failing the whole answer.
        const QJsonObject o{
            {QStringLiteral("root"), QStringLiteral("X")},
            {QStringLiteral("extra"), 1},
            {QStringLiteral("nodes"),
             QJsonArray{QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("X")},
                                    {QStringLiteral("lot_type"), QStringLiteral("NEW")}}}}};
        const TraceGraph g = TraceGraph::fromJson(o);
        QCOMPARE(g.root, QStringLiteral("X"));
        QCOMPARE(g.nodes.size(), 1);
        QVERIFY(g.nodes.first().type == LotType::RAW);
        QVERIFY(!g.nodes.first().weightKg);
        QVERIFY(g.edges.isEmpty());
        QVERIFY(!g.truncated);
    }

    void compactGraphReads()
    {
        // ?form=compact: nodes [code, type, status, weight, level], edges [parent index,
        // child index, quantity]; an edge pointing outside the nodes is dropped, not guessed.
        const QJsonDocument doc = QJsonDocument::fromJson(
            R"({"root":"MIX-1","direction":"backward","depth":3,"form":"compact",)"
            R"("nodes":[["MIX-1","MIX","HOLD",300.00,0],["BULK-7","BULK","RELEASED",null,-1]],)"
            R"("edges":[[1,0,120.25],[0,2,1],[-1,0,1]],"truncated":true,"max_nodes":2})");
        const TraceGraph g = TraceGraph::fromJson(doc.object());
        TraceGraph expected = sampleGraph();
        for (TraceNode &n : expected.nodes) {
            n.id = QUuid();
            n.temperatureC.reset();
            n.createdAt = QDateTime();
        }
        QCOMPARE(g, expected);
    }

    void neighboursCarryStoredLotsWithQuantities()
    {
        TraceNeighbours n;
        n.central.id = QUuid::fromString(QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        n.central.lotCode = QStringLiteral("MIX-1");
        n.central.type = LotType::MIX;
        n.central.temperatureStatus = Reading::Critical; // not part of a traceability answer
        Lot parent;
        parent.lotCode = QStringLiteral("BULK-7");
        parent.type = LotType::BULK;
        n.parents = {{parent, dec("1.5")}};
        const QJsonObject o = n.toJson();
        const QJsonObject central = o.value(QStringLiteral("central")).toObject();
        QCOMPARE(central.value(QStringLiteral("lot_code")).toString(), QStringLiteral("MIX-1"));
        QVERIFY(!central.contains(QStringLiteral("temperature_status")));
        QVERIFY(!central.contains(QStringLiteral("weight_status")));
        QVERIFY(!central.contains(QStringLiteral("parents")));
        const QJsonArray parents = o.value(QStringLiteral("parents")).toArray();
        QCOMPARE(parents.size(), 1);
        QCOMPARE(parents.first().toObject().value(QStringLiteral("quantity_used_kg")).toDouble(),
                 1.5);
        QVERIFY(o.value(QStringLiteral("children")).toArray().isEmpty());

        const TraceNeighbours back = TraceNeighbours::fromJson(o);
        QCOMPARE(back.central.lotCode, QStringLiteral("MIX-1"));
        QVERIFY(!back.central.temperatureStatus);
        QCOMPARE(back.parents.size(), 1);
        QCOMPARE(back.parents.first().lot.lotCode, QStringLiteral("BULK-7"));
        QCOMPARE(back.parents.first().quantityUsedKg, std::optional<Decimal>(dec("1.5")));
    }
};

QTEST_GUILESS_MAIN(TestWireTrace)
#include "tst_trace.moc"
