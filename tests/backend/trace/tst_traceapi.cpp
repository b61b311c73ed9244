// Traceability over a multi-level genealogy (RAW→DEB→BULK→MIX→SKW→FRZ→FG, with fan-in and
// fan-out): the one-level shape, the graph shape per direction and depth, cycles in bad data,
// the node cap, and lot codes with '/'.

#include "tests/backend/apitestutil.h"

#include "domain/wire/trace.h"

#include <QTest>

using namespace flowviz::test;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

// parent, child, quantity drawn
struct Link
{
    const char *parent;
    const char *child;
    const char *quantity;
};

// Lots in registration order (parents first) with their type and weight.
const QList<std::tuple<const char *, const char *, const char *>> kLots = {
    {"RAW1", "RAW", "400"},  {"RAW2", "RAW", "400"},   {"DEB1", "DEB", "300"},
    {"DEB2", "DEB", "300"},  {"BULK1", "BULK", "500"}, {"MIX1", "MIX", "800"},
    {"MIX2", "MIX", "800"},  {"SKW1", "SKW", "25"},    {"SKW2", "SKW", "25"},
    {"FRZ1", "FRZ", "25"},   {"FG1", "FG", "20"},      {"FG2", "FG", "20"},
    {"FG/2026/1", "FG", "2"}};
const QList<Link> kLinks = {
    {"RAW1", "DEB1", "100"},  {"RAW2", "DEB1", "100"}, {"RAW1", "DEB2", "100"},
    {"DEB1", "BULK1", "50"},  {"DEB2", "BULK1", "50"}, {"BULK1", "MIX1", "100"},
    {"BULK1", "MIX2", "100"}, {"MIX1", "SKW1", "20"},  {"MIX1", "SKW2", "20"},
    {"MIX2", "SKW2", "20"},   {"SKW1", "FRZ1", "10"},  {"SKW2", "FRZ1", "10"},
    {"FRZ1", "FG1", "5"},     {"FRZ1", "FG2", "5"},    {"FG1", "FG/2026/1", "1.5"}};

bool seedGenealogy(HttpClient &client)
{
    for (const auto &[code, type, weight] : kLots) {
        QJsonArray parents;
        for (const Link &l : kLinks) {
            if (qstrcmp(l.child, code) == 0)
                parents.append(
                    parentRef(QString::fromLatin1(l.parent), QString::fromLatin1(l.quantity)));
        }
        const Reply r = client.post(QStringLiteral("/api/v1/lots"),
                                    lotBody(QString::fromLatin1(code), QString::fromLatin1(type),
                                            QString::fromLatin1(weight), {}, parents));
        if (r.status != 201) {
            qWarning("seeding %s failed: %s", code, qPrintable(describe(r)));
            return false;
        }
    }
    return true;
}

QString quantityOf(const char *parent, const char *child)
{
    for (const Link &l : kLinks) {
        if (qstrcmp(l.parent, parent) == 0 && qstrcmp(l.child, child) == 0)
            return QString::fromLatin1(l.quantity);
    }
    return {};
}

// "CODE:level" for every node, in the answer's order.
QStringList nodeOrderOf(const QJsonObject &graph)
{
    QStringList out;
    for (const QJsonValue &v : graph.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        out << QStringLiteral("%1:%2")
                   .arg(n.value(QStringLiteral("lot_code")).toString())
                   .arg(n.value(QStringLiteral("level")).toInt());
    }
    return out;
}

// "CODE:level" for every node, sorted.
QStringList nodesOf(const QJsonObject &graph)
{
    QStringList out = nodeOrderOf(graph);
    out.sort();
    return out;
}

// "PARENT>CHILD" for every edge, sorted.
QStringList edgesOf(const QJsonObject &graph)
{
    QStringList out;
    for (const QJsonValue &v : graph.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        out << e.value(QStringLiteral("parent_lot_code")).toString() + u'>' +
                   e.value(QStringLiteral("child_lot_code")).toString();
    }
    out.sort();
    return out;
}

// The full answer and the compact one describe the same graph: the full one read by the
// console's parser, with what the compact form leaves out blanked.
void compareForms(const QJsonObject &full, const QJsonObject &compact)
{
    flowviz::wire::TraceGraph expected = flowviz::wire::TraceGraph::fromJson(full);
    for (flowviz::wire::TraceNode &n : expected.nodes) {
        n.id = QUuid();
        n.temperatureC.reset();
        n.createdAt = QDateTime();
    }
    const flowviz::wire::TraceGraph got = flowviz::wire::TraceGraph::fromJson(compact);
    QCOMPARE(nodeOrderOf(full).size(), got.nodes.size());
    QCOMPARE(got.edges.size(), expected.edges.size());
    QCOMPARE(got, expected);
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

class TestTraceApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_traceapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = clientFor(*m_server, QStringLiteral("viewer"));
        auto writer = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_client && writer);
        QVERIFY(seedGenealogy(*writer));
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void oneLevelShape_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("parents");
        QTest::addColumn<QStringList>("children");
        QTest::newRow("BULK1 fan-in and fan-out")
            << "BULK1" << words("DEB1 DEB2") << words("MIX1 MIX2");
        QTest::newRow("RAW1 no parents") << "RAW1" << words("") << words("DEB1 DEB2");
        QTest::newRow("DEB1 two raw parents") << "DEB1" << words("RAW1 RAW2") << words("BULK1");
        QTest::newRow("SKW2") << "SKW2" << words("MIX1 MIX2") << words("FRZ1");
        QTest::newRow("FG2 no children") << "FG2" << words("FRZ1") << words("");
        QTest::newRow("lower-case path") << "frz1" << words("SKW1 SKW2") << words("FG1 FG2");
    }
    void oneLevelShape()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, parents);
        QFETCH(QStringList, children);
        const Reply r = m_client->get(QStringLiteral("/api/v1/traceability/") + code);
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("central"))
                     .toObject()
                     .value(QStringLiteral("lot_code"))
                     .toString(),
                 code.toUpper());
        QVERIFY(!o.contains(QStringLiteral("nodes")));
        for (const auto &[key, expected] :
             {std::pair{"parents", parents}, std::pair{"children", children}}) {
            QStringList got;
            for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
                const QJsonObject lot = v.toObject();
                const QString other = lot.value(QStringLiteral("lot_code")).toString();
                got << other;
                const QString central = code.toUpper();
                const QByteArray p = (qstrcmp(key, "parents") == 0 ? other : central).toLatin1();
                const QByteArray c = (qstrcmp(key, "parents") == 0 ? central : other).toLatin1();
                QCOMPARE(lot.value(QStringLiteral("quantity_used_kg")).toDouble(),
                         quantityOf(p.constData(), c.constData()).toDouble());
                QVERIFY(lot.contains(QStringLiteral("lot_type")) &&
                        lot.contains(QStringLiteral("status")));
            }
            QCOMPARE(got, expected);
        }
    }

    void graph_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("edges");
        QTest::newRow("BULK1 both")
            << "BULK1?direction=both&depth=10"
            << words("RAW1:-2 RAW2:-2 DEB1:-1 DEB2:-1 BULK1:0 MIX1:1 MIX2:1 SKW1:2 SKW2:2 FRZ1:3 "
                     "FG1:4 FG2:4 FG/2026/1:5")
            << words("RAW1>DEB1 RAW2>DEB1 RAW1>DEB2 DEB1>BULK1 DEB2>BULK1 BULK1>MIX1 BULK1>MIX2 "
                     "MIX1>SKW1 MIX1>SKW2 "
                     "MIX2>SKW2 SKW1>FRZ1 SKW2>FRZ1 FRZ1>FG1 FRZ1>FG2 FG1>FG/2026/1");
        QTest::newRow("BULK1 backward")
            << "BULK1?direction=backward" << words("RAW1:-2 RAW2:-2 DEB1:-1 DEB2:-1 BULK1:0")
            << words("RAW1>DEB1 RAW2>DEB1 RAW1>DEB2 DEB1>BULK1 DEB2>BULK1");
        QTest::newRow("BULK1 forward depth 2")
            << "BULK1?direction=forward&depth=2" << words("BULK1:0 MIX1:1 MIX2:1 SKW1:2 SKW2:2")
            << words("BULK1>MIX1 BULK1>MIX2 MIX1>SKW1 MIX1>SKW2 MIX2>SKW2");
        QTest::newRow("BULK1 both depth 1")
            << "BULK1?depth=1" << words("DEB1:-1 DEB2:-1 BULK1:0 MIX1:1 MIX2:1")
            << words("DEB1>BULK1 DEB2>BULK1 BULK1>MIX1 BULK1>MIX2");
        QTest::newRow("FG1 backward to the raw lots")
            << "FG1?direction=backward&depth=50"
            << words("FG1:0 FRZ1:-1 SKW1:-2 SKW2:-2 MIX1:-3 MIX2:-3 BULK1:-4 DEB1:-5 DEB2:-5 "
                     "RAW1:-6 RAW2:-6")
            << words("FRZ1>FG1 SKW1>FRZ1 SKW2>FRZ1 MIX1>SKW1 MIX1>SKW2 MIX2>SKW2 BULK1>MIX1 "
                     "BULK1>MIX2 DEB1>BULK1 DEB2>BULK1 "
                     "RAW1>DEB1 RAW2>DEB1 RAW1>DEB2");
        QTest::newRow("FG1 backward depth 3")
            << "FG1?direction=backward&depth=3"
            << words("FG1:0 FRZ1:-1 SKW1:-2 SKW2:-2 MIX1:-3 MIX2:-3")
            << words("FRZ1>FG1 SKW1>FRZ1 SKW2>FRZ1 MIX1>SKW1 MIX1>SKW2 MIX2>SKW2");
        QTest::newRow("RAW1 forward recall")
            << "RAW1?direction=forward"
            << words("RAW1:0 DEB1:1 DEB2:1 BULK1:2 MIX1:3 MIX2:3 SKW1:4 SKW2:4 FRZ1:5 FG1:6 FG2:6 "
                     "FG/2026/1:7")
            << words("RAW1>DEB1 RAW1>DEB2 DEB1>BULK1 DEB2>BULK1 BULK1>MIX1 BULK1>MIX2 MIX1>SKW1 "
                     "MIX1>SKW2 MIX2>SKW2 SKW1>FRZ1 "
                     "SKW2>FRZ1 FRZ1>FG1 FRZ1>FG2 FG1>FG/2026/1");
        QTest::newRow("RAW1 forward depth 1")
            << "RAW1?direction=forward&depth=1" << words("RAW1:0 DEB1:1 DEB2:1")
            << words("RAW1>DEB1 RAW1>DEB2");
        QTest::newRow("MIX2 both depth 1")
            << "MIX2?direction=both&depth=1" << words("BULK1:-1 MIX2:0 SKW2:1")
            << words("BULK1>MIX2 MIX2>SKW2");
        QTest::newRow("RAW2 backward has no ancestors")
            << "RAW2?direction=backward&depth=3" << words("RAW2:0") << words("");
        QTest::newRow("FG2 forward has no descendants")
            << "FG2?direction=forward" << words("FG2:0") << words("");
        QTest::newRow("slash code backward depth 2")
            << "fg%2F2026%2F1?direction=backward&depth=2" << words("FG/2026/1:0 FG1:-1 FRZ1:-2")
            << words("FG1>FG/2026/1 FRZ1>FG1");
    }
    void graph()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, edges);
        const Reply r = m_client->get(QStringLiteral("/api/v1/traceability/") + query);
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(nodesOf(o), sorted(nodes));
        QCOMPARE(edgesOf(o), sorted(edges));
        QCOMPARE(o.value(QStringLiteral("truncated")).toBool(), false);
        QVERIFY(!o.value(QStringLiteral("root")).toString().isEmpty());
        for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray()) {
            const QJsonObject e = v.toObject();
            const QByteArray p = e.value(QStringLiteral("parent_lot_code")).toString().toLatin1();
            const QByteArray c = e.value(QStringLiteral("child_lot_code")).toString().toLatin1();
            QCOMPARE(e.value(QStringLiteral("quantity_used_kg")).toDouble(),
                     quantityOf(p.constData(), c.constData()).toDouble());
        }
    }

    // The compact form (what the console asks for) is the full form's graph without ids,
    // temperatures and times: the same nodes in the same order, the same edges and quantities,
    // read back by the same parser the console uses.
    void compactFormIsTheFullGraph_data() { graph_data(); }
    void compactFormIsTheFullGraph()
    {
        QFETCH(QString, query);
        const Reply full = m_client->get(QStringLiteral("/api/v1/traceability/") + query);
        const Reply compact = m_client->get(QStringLiteral("/api/v1/traceability/") + query +
                                            QStringLiteral("&form=compact"));
        FV_VERIFY_STATUS(full, 200);
        FV_VERIFY_STATUS(compact, 200);
        QCOMPARE(compact.json().value(QStringLiteral("form")).toString(),
                 QStringLiteral("compact"));
        QVERIFY(compact.body.size() < full.body.size());
        compareForms(full.json(), compact.json());
    }
    void compactFormAloneAsksForTheGraph()
    {
        const Reply r = m_client->get(QStringLiteral("/api/v1/traceability/BULK1?form=compact"));
        FV_VERIFY_STATUS(r, 200);
        const flowviz::wire::TraceGraph g = flowviz::wire::TraceGraph::fromJson(r.json());
        QCOMPARE(g.direction, QStringLiteral("both"));
        QCOMPARE(g.nodes.size(), 13);
        QCOMPARE(g.edges.size(), 15);
        // Decimals as PostgreSQL prints them (exact, never through a double): 1.5 kg of FG1.
        QVERIFY2(r.body.contains(",1.50]"), r.body.constData());
        // An explicit full form is the default answer.
        const Reply full =
            m_client->get(QStringLiteral("/api/v1/traceability/BULK1?direction=both&form=full"));
        FV_VERIFY_STATUS(full, 200);
        QVERIFY(full.json().value(QStringLiteral("nodes")).toArray().first().isObject());
        QVERIFY2(
            r.body.size() * 3 < full.body.size(),
            qPrintable(
                QStringLiteral("%1 against %2 bytes").arg(r.body.size()).arg(full.body.size())));
    }

    void slashCodeOneLevel()
    {
        const Reply r = m_client->get(QStringLiteral("/api/v1/traceability/FG%2F2026%2F1"));
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(r.json()
                     .value(QStringLiteral("central"))
                     .toObject()
                     .value(QStringLiteral("lot_code"))
                     .toString(),
                 QStringLiteral("FG/2026/1"));
        QCOMPARE(r.json().value(QStringLiteral("parents")).toArray().size(), 1);
        FV_VERIFY_STATUS(m_client->get(QStringLiteral("/api/v1/lots/FG%2F2026%2F1")), 200);
    }

    // A cycle that only bad data (not the API) can make must not hang the query.
    void cycleInDataTerminates()
    {
        auto writer = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(writer);
        FV_VERIFY_STATUS(writer->post(QStringLiteral("/api/v1/lots"),
                                      lotBody(QStringLiteral("CYC-A"), QStringLiteral("RAW"),
                                              QStringLiteral("100"))),
                         201);
        FV_VERIFY_STATUS(
            writer->post(QStringLiteral("/api/v1/lots"),
                         lotBody(QStringLiteral("CYC-B"), QStringLiteral("DEB"),
                                 QStringLiteral("100"), {},
                                 {parentRef(QStringLiteral("CYC-A"), QStringLiteral("10"))})),
            201);
        FV_VERIFY_STATUS(
            writer->post(QStringLiteral("/api/v1/lots"),
                         lotBody(QStringLiteral("CYC-C"), QStringLiteral("BULK"),
                                 QStringLiteral("100"), {},
                                 {parentRef(QStringLiteral("CYC-B"), QStringLiteral("10"))})),
            201);
        for (const auto &[p, c] : {std::pair{"CYC-C", "CYC-A"}, std::pair{"CYC-B", "CYC-A"},
                                   std::pair{"CYC-C", "CYC-B"}}) {
            m_server->db().exec(
                QStringLiteral(
                    "INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg) "
                    "SELECT p.id, c.id, 1 FROM lots p, lots c WHERE p.lot_code = '%1' AND "
                    "c.lot_code = '%2'")
                    .arg(QLatin1String(p), QLatin1String(c)));
        }
        for (const char *direction : {"both", "forward", "backward"}) {
            const Reply r =
                m_client->get(QStringLiteral("/api/v1/traceability/CYC-A?depth=50&direction=") +
                              QLatin1String(direction));
            FV_VERIFY_STATUS(r, 200);
            QStringList codes;
            for (const QJsonValue &v : r.json().value(QStringLiteral("nodes")).toArray())
                codes << v.toObject().value(QStringLiteral("lot_code")).toString();
            codes.sort();
            QCOMPARE(codes, words("CYC-A CYC-B CYC-C"));
            QCOMPARE(edgesOf(r.json()),
                     words("CYC-A>CYC-B CYC-B>CYC-A CYC-B>CYC-C CYC-C>CYC-A CYC-C>CYC-B"));
        }
        FV_VERIFY_STATUS(m_client->get(QStringLiteral("/api/v1/traceability/CYC-B")), 200);
    }

    void badParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("direction sideways") << "direction=sideways"
                                            << "direction";
        QTest::newRow("depth 0") << "depth=0"
                                 << "depth";
        QTest::newRow("depth -1") << "depth=-1"
                                  << "depth";
        QTest::newRow("depth word") << "depth=deep"
                                    << "depth";
        QTest::newRow("depth over the maximum") << "depth=51"
                                                << "depth";
        QTest::newRow("direction ok, depth bad") << "direction=both&depth=1.5"
                                                 << "depth";
        QTest::newRow("form unknown") << "direction=both&form=tiny"
                                      << "form";
        QTest::newRow("form upper case") << "form=COMPACT"
                                         << "form";
    }
    void badParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const Reply r = m_client->get(QStringLiteral("/api/v1/traceability/BULK1?") + query);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(r.json().value(QStringLiteral("errors"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("field"))
                         .toString() == field,
                 qPrintable(describe(r)));
    }

    void unknownLotIs404()
    {
        FV_VERIFY_PROBLEM(m_client->get(QStringLiteral("/api/v1/traceability/NOPE-1")), 404);
        FV_VERIFY_PROBLEM(
            m_client->get(QStringLiteral("/api/v1/traceability/NOPE-1?direction=forward")), 404);
    }

    void nodeCapTruncates()
    {
        TestServer capped(QStringLiteral("tst_traceapi_cap"),
                          noRateLimits() + QStringList{QStringLiteral("--trace-max-nodes"),
                                                       QStringLiteral("10")});
        QVERIFY2(capped.start(), qPrintable(capped.serverOutput()));
        auto writer = clientFor(capped, QStringLiteral("operator"));
        QVERIFY(writer);
        QVERIFY(seedGenealogy(*writer));
        const Reply r =
            writer->get(QStringLiteral("/api/v1/traceability/BULK1?direction=both&depth=10"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("max_nodes")).toInt(), 10);
        // The lots nearest the root are kept: levels -2..3; FG1, FG2 (4) and FG/2026/1 (5) are cut.
        QCOMPARE(
            nodesOf(o),
            sorted(words(
                "RAW1:-2 RAW2:-2 DEB1:-1 DEB2:-1 BULK1:0 MIX1:1 MIX2:1 SKW1:2 SKW2:2 FRZ1:3")));
        // In one fixed order: by distance, ancestors before descendants, then by code.
        QCOMPARE(nodeOrderOf(o), words("BULK1:0 DEB1:-1 DEB2:-1 MIX1:1 MIX2:1 RAW1:-2 RAW2:-2 "
                                       "SKW1:2 SKW2:2 FRZ1:3"));
        QCOMPARE(edgesOf(o), sorted(words("RAW1>DEB1 RAW2>DEB1 RAW1>DEB2 DEB1>BULK1 DEB2>BULK1 "
                                          "BULK1>MIX1 BULK1>MIX2 MIX1>SKW1 "
                                          "MIX1>SKW2 MIX2>SKW2 SKW1>FRZ1 SKW2>FRZ1")));
        // The compact form keeps the same lots and only the edges between them.
        const Reply compact = writer->get(
            QStringLiteral("/api/v1/traceability/BULK1?direction=both&depth=10&form=compact"));
        FV_VERIFY_STATUS(compact, 200);
        QCOMPARE(compact.json().value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(compact.json().value(QStringLiteral("max_nodes")).toInt(), 10);
        compareForms(o, compact.json());
        // Exactly at the cap is not truncated.
        const Reply exact =
            writer->get(QStringLiteral("/api/v1/traceability/FRZ1?direction=backward"));
        FV_VERIFY_STATUS(exact, 200);
        QCOMPARE(exact.json().value(QStringLiteral("nodes")).toArray().size(), 10);
        QCOMPARE(exact.json().value(QStringLiteral("truncated")).toBool(), false);
        const Reply exactCompact = writer->get(
            QStringLiteral("/api/v1/traceability/FRZ1?direction=backward&form=compact"));
        FV_VERIFY_STATUS(exactCompact, 200);
        QCOMPARE(exactCompact.json().value(QStringLiteral("nodes")).toArray().size(), 10);
        QCOMPARE(exactCompact.json().value(QStringLiteral("truncated")).toBool(), false);
    }

    // Issue 14, finding 4: a truncated answer keeps the lots nearest the root, the root always,
    // and the same lots on every call. Ancestors are stored before their descendants, so a
    // backward trace meets the farthest lots first in the table: an answer cut in storage
    // order would drop the near ones and the root.
    void truncationKeepsTheNearestLots()
    {
        TestServer capped(QStringLiteral("tst_traceapi_near"),
                          noRateLimits() + QStringList{QStringLiteral("--trace-max-nodes"),
                                                       QStringLiteral("10")});
        QVERIFY2(capped.start(), qPrintable(capped.serverOutput()));
        auto writer = clientFor(capped, QStringLiteral("operator"));
        QVERIFY(writer);
        // 8 levels deep, each lot made from the one before and from 3 raw lots of its own.
        const QStringList types{QStringLiteral("RAW"),  QStringLiteral("DEB"),
                                QStringLiteral("BULK"), QStringLiteral("MIX"),
                                QStringLiteral("SKW"),  QStringLiteral("FRZ"),
                                QStringLiteral("FG")};
        QString previous;
        QStringList chain;
        for (int level = 0; level < 8; ++level) {
            QJsonArray parents;
            if (!previous.isEmpty()) {
                parents.append(parentRef(previous, QStringLiteral("1.00")));
                for (int r = 0; r < 3; ++r) {
                    const QString raw = QStringLiteral("NR%1-%2").arg(level).arg(r);
                    FV_VERIFY_STATUS(writer->post(QStringLiteral("/api/v1/lots"),
                                                  lotBody(raw, QStringLiteral("RAW"),
                                                          QStringLiteral("5.00"), {}, {})),
                                     201);
                    parents.append(parentRef(raw, QStringLiteral("1.00")));
                }
            }
            const QString code = QStringLiteral("NC%1").arg(level);
            FV_VERIFY_STATUS(writer->post(QStringLiteral("/api/v1/lots"),
                                          lotBody(code, types.at(qMin(level, 6)),
                                                  QStringLiteral("50.00"), {}, parents)),
                             201);
            chain << code;
            previous = code;
        }
        QStringList first;
        for (int call = 0; call < 5; ++call) {
            const Reply r = writer->get(QStringLiteral("/api/v1/traceability/NC7?direction=backward"
                                                       "&depth=20"));
            FV_VERIFY_STATUS(r, 200);
            const QJsonObject o = r.json();
            QCOMPARE(o.value(QStringLiteral("truncated")).toBool(), true);
            const QStringList nodes = nodesOf(o);
            QCOMPARE(nodes.size(), 10);
            // The root, its 4 parents (level -1), their 4 (level -2), then one of level -3:
            // never a farther lot.
            QVERIFY2(nodes.contains(QStringLiteral("NC7:0")), qPrintable(nodes.join(u' ')));
            QVERIFY2(nodes.contains(QStringLiteral("NC6:-1")), qPrintable(nodes.join(u' ')));
            QVERIFY2(nodes.contains(QStringLiteral("NC5:-2")), qPrintable(nodes.join(u' ')));
            int perLevel[4] = {0, 0, 0, 0};
            for (const QString &n : nodes) {
                const int level = n.section(u':', 1).toInt();
                QVERIFY2(level >= -3 && level <= 0, qPrintable(nodes.join(u' ')));
                ++perLevel[-level];
            }
            QCOMPARE(perLevel[1], 4);
            QCOMPARE(perLevel[2], 4);
            QCOMPARE(perLevel[3], 1);
            // Which lot of level -3 is kept, and the order, are decided by the codes, not by
            // the random lot ids: the same on every copy of the data.
            QCOMPARE(nodeOrderOf(o), words("NC7:0 NC6:-1 NR7-0:-1 NR7-1:-1 NR7-2:-1 NC5:-2 "
                                           "NR6-0:-2 NR6-1:-2 NR6-2:-2 NC4:-3"));
            if (call == 0)
                first = nodes;
            QCOMPARE(nodes, first); // the same lots every time
        }
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_GUILESS_MAIN(TestTraceApi)
#include "tst_traceapi.moc"
