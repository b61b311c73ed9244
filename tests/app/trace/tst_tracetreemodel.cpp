#include "app/trace/tracetreemodel.h"

#include "app/core/domainlabels.h"
#include "app/trace/tracegraph.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace flowviz;
using flowviz::app::DomainLabels;
using flowviz::app::TraceGraph;
using flowviz::app::TraceTreeModel;

namespace {

using Direction = TraceTreeModel::Direction;

QJsonObject node(const QString &code, const QString &type, const QString &status,
                 const QJsonValue &weight, int level)
{
    return {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), type},
            {QStringLiteral("status"), status},
            {QStringLiteral("weight_kg"), weight},
            {QStringLiteral("temperature_c"), 2.5},
            {QStringLiteral("created_at"), QStringLiteral("2026-01-14T08:00:00.000+01:00")},
            {QStringLiteral("level"), level}};
}

QJsonObject edge(const QString &parent, const QString &child, double kg)
{
    return {{QStringLiteral("parent_lot_code"), parent},
            {QStringLiteral("child_lot_code"), child},
            {QStringLiteral("quantity_used_kg"), kg}};
}

// GET /api/v1/traceability/MIX-1?direction=both&depth=50 as the server answers it:
//
//   RAW-A ─┐                      ┌─ SKW-1 ─┐
//   RAW-B ─┴─ BULK-1 ─┐           │         ├─ FRZ-1 ── FG-1
//                     ├─ MIX-1 ───┴─ SKW-2 ─┘
//            DEB-C ───┘
//
// FRZ-1 is made from both skewer lots, so forward it is reached along two paths.
QJsonObject bothWaysAnswer()
{
    QJsonObject o;
    o.insert(QStringLiteral("root"), QStringLiteral("MIX-1"));
    o.insert(QStringLiteral("direction"), QStringLiteral("both"));
    o.insert(QStringLiteral("depth"), 50);
    o.insert(QStringLiteral("truncated"), false);
    o.insert(QStringLiteral("max_nodes"), 5000);
    o.insert(
        QStringLiteral("nodes"),
        QJsonArray{
            node(QStringLiteral("RAW-A"), QStringLiteral("RAW"), QStringLiteral("CONSUMED"), 250.5,
                 -2),
            node(QStringLiteral("RAW-B"), QStringLiteral("RAW"), QStringLiteral("CONSUMED"), 180,
                 -2),
            node(QStringLiteral("BULK-1"), QStringLiteral("BULK"), QStringLiteral("RELEASED"),
                 400.25, -1),
            node(QStringLiteral("DEB-C"), QStringLiteral("DEB"), QStringLiteral("RELEASED"),
                 QJsonValue::Null, -1),
            node(QStringLiteral("MIX-1"), QStringLiteral("MIX"), QStringLiteral("HOLD"), 300, 0),
            node(QStringLiteral("SKW-1"), QStringLiteral("SKW"), QStringLiteral("RELEASED"), 120,
                 1),
            node(QStringLiteral("SKW-2"), QStringLiteral("SKW"), QStringLiteral("QUARANTINE"),
                 110.75, 1),
            node(QStringLiteral("FRZ-1"), QStringLiteral("FRZ"), QStringLiteral("CREATED"), 200, 2),
            node(QStringLiteral("FG-1"), QStringLiteral("FG"), QStringLiteral("FINISHED"), 195.5,
                 3)});
    o.insert(QStringLiteral("edges"),
             QJsonArray{edge(QStringLiteral("RAW-B"), QStringLiteral("BULK-1"), 180),
                        edge(QStringLiteral("RAW-A"), QStringLiteral("BULK-1"), 220.25),
                        edge(QStringLiteral("DEB-C"), QStringLiteral("MIX-1"), 50),
                        edge(QStringLiteral("BULK-1"), QStringLiteral("MIX-1"), 250.5),
                        edge(QStringLiteral("MIX-1"), QStringLiteral("SKW-2"), 110.75),
                        edge(QStringLiteral("MIX-1"), QStringLiteral("SKW-1"), 120),
                        edge(QStringLiteral("SKW-1"), QStringLiteral("FRZ-1"), 100),
                        edge(QStringLiteral("SKW-2"), QStringLiteral("FRZ-1"), 100),
                        edge(QStringLiteral("FRZ-1"), QStringLiteral("FG-1"), 195.5)});
    return o;
}

QStringList childCodes(const QAbstractItemModel &m, const QModelIndex &parent)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, 0, parent).data(TraceTreeModel::CodeRole).toString();
    return out;
}

// Every item as "indent + code", depth first, to compare a whole tree at once.
void flatten(const QAbstractItemModel &m, const QModelIndex &parent, int depth, QStringList &out)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        out << QString(depth * 2, u' ') + i.data(TraceTreeModel::CodeRole).toString();
        flatten(m, i, depth + 1, out);
    }
}

QStringList flat(const QAbstractItemModel &m)
{
    QStringList out;
    flatten(m, {}, 0, out);
    return out;
}

QModelIndex find(const QAbstractItemModel &m, const QStringList &path)
{
    QModelIndex at;
    for (const QString &code : path) {
        const int row = int(childCodes(m, at).indexOf(code));
        if (row < 0)
            return {};
        at = m.index(row, 0, at);
    }
    return at;
}

} // namespace

class TestTraceTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyUntilAGraphIsSet()
    {
        TraceTreeModel model(Direction::Forward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(TraceTreeModel::ColumnCount));
        QVERIFY(!model.isTruncated());
        QVERIFY(!model.index(0, 0).isValid());
        QVERIFY(!model.headerData(TraceTreeModel::CodeColumn, Qt::Horizontal).toString().isEmpty());
        // An answer without a root (nothing traced) stays empty.
        model.setGraph(TraceGraph::fromJson({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void forwardTreeRepeatsALotReachedAlongTwoPaths()
    {
        TraceTreeModel model(Direction::Forward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setGraph(TraceGraph::fromJson(bothWaysAnswer()));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(flat(model), (QStringList{
                                  QStringLiteral("MIX-1"),
                                  QStringLiteral("  SKW-1"),
                                  QStringLiteral("    FRZ-1"),
                                  QStringLiteral("      FG-1"),
                                  QStringLiteral("  SKW-2"),
                                  QStringLiteral("    FRZ-1"),
                                  QStringLiteral("      FG-1"),
                              }));
        QVERIFY(!model.isTruncated());

        // The root lot: no edge leads to it, so no quantity.
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(root.data(TraceTreeModel::TypeRole).toString(), QStringLiteral("MIX"));
        QCOMPARE(root.data(TraceTreeModel::StatusRole).toString(), QStringLiteral("HOLD"));
        QCOMPARE(root.data(TraceTreeModel::LevelRole).toInt(), 0);
        QCOMPARE(root.data(TraceTreeModel::WeightRole).toString(), QStringLiteral("300"));
        QCOMPARE(root.data(TraceTreeModel::QuantityRole).toString(), QString());
        QVERIFY(!model.parent(root).isValid());

        // The second copy of FRZ-1 carries the quantity drawn along its own edge.
        const QModelIndex frzViaSkw2 = find(
            model, {QStringLiteral("MIX-1"), QStringLiteral("SKW-2"), QStringLiteral("FRZ-1")});
        QVERIFY(frzViaSkw2.isValid());
        QCOMPARE(frzViaSkw2.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("100"));
        QCOMPARE(frzViaSkw2.data(TraceTreeModel::LevelRole).toInt(), 2);
        QCOMPARE(model.parent(frzViaSkw2).data(TraceTreeModel::CodeRole).toString(),
                 QStringLiteral("SKW-2"));
        const QModelIndex skw2 = model.index(1, 0, root);
        QCOMPARE(skw2.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("110.75"));
        QCOMPARE(skw2.data(TraceTreeModel::StatusRole).toString(), QStringLiteral("QUARANTINE"));

        // Display columns: exact decimals, level as a number, labels from DomainLabels.
        const QModelIndex fg = find(model, {QStringLiteral("MIX-1"), QStringLiteral("SKW-1"),
                                            QStringLiteral("FRZ-1"), QStringLiteral("FG-1")});
        QVERIFY(fg.isValid());
        const auto cell = [&](int column) { return fg.siblingAtColumn(column).data(); };
        QCOMPARE(cell(TraceTreeModel::CodeColumn).toString(), QStringLiteral("FG-1"));
        QCOMPARE(cell(TraceTreeModel::TypeColumn).toString(), DomainLabels::lotType(LotType::FG));
        QCOMPARE(cell(TraceTreeModel::StatusColumn).toString(),
                 DomainLabels::lotStatus(LotStatus::FINISHED));
        QCOMPARE(cell(TraceTreeModel::WeightColumn).toString(), QStringLiteral("195.5"));
        QCOMPARE(cell(TraceTreeModel::QuantityColumn).toString(), QStringLiteral("195.5"));
        QCOMPARE(cell(TraceTreeModel::LevelColumn).toInt(), 3);
        // Only the first column has children.
        QCOMPARE(model.rowCount(fg.parent().siblingAtColumn(TraceTreeModel::TypeColumn)), 0);
    }

    void backwardTreeListsParentsSortedByCode()
    {
        TraceTreeModel model(Direction::Backward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(TraceGraph::fromJson(bothWaysAnswer()));
        QCOMPARE(flat(model), (QStringList{
                                  QStringLiteral("MIX-1"),
                                  QStringLiteral("  BULK-1"),
                                  QStringLiteral("    RAW-A"),
                                  QStringLiteral("    RAW-B"),
                                  QStringLiteral("  DEB-C"),
                              }));
        const QModelIndex rawA = find(
            model, {QStringLiteral("MIX-1"), QStringLiteral("BULK-1"), QStringLiteral("RAW-A")});
        QCOMPARE(rawA.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("220.25"));
        QCOMPARE(rawA.data(TraceTreeModel::LevelRole).toInt(), -2);
        QCOMPARE(rawA.data(TraceTreeModel::WeightRole).toString(), QStringLiteral("250.5"));
        // A lot without a weight shows an empty cell, not "0".
        const QModelIndex debC = find(model, {QStringLiteral("MIX-1"), QStringLiteral("DEB-C")});
        QCOMPARE(debC.data(TraceTreeModel::WeightRole).toString(), QString());
        QCOMPARE(debC.siblingAtColumn(TraceTreeModel::WeightColumn).data().toString(), QString());
        QCOMPARE(debC.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("50"));

        // The quantity header says which way the kilograms go.
        TraceTreeModel forward(Direction::Forward);
        QVERIFY(model.headerData(TraceTreeModel::QuantityColumn, Qt::Horizontal) !=
                forward.headerData(TraceTreeModel::QuantityColumn, Qt::Horizontal));
        QCOMPARE(model.roleNames().value(TraceTreeModel::QuantityRole), QByteArray("quantityKg"));
    }

    void aCycleInBadDataIsNotFollowedAround()
    {
        QJsonObject o = bothWaysAnswer();
        QJsonArray edges = o.value(QStringLiteral("edges")).toArray();
        edges.append(edge(QStringLiteral("FG-1"), QStringLiteral("MIX-1"), 1));
        o.insert(QStringLiteral("edges"), edges);
        TraceTreeModel model(Direction::Forward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(TraceGraph::fromJson(o));
        // The same seven items: FG-1 → MIX-1 would lead back to the root.
        QCOMPARE(flat(model).size(), 7);
        const QModelIndex fg = find(model, {QStringLiteral("MIX-1"), QStringLiteral("SKW-1"),
                                            QStringLiteral("FRZ-1"), QStringLiteral("FG-1")});
        QCOMPARE(model.rowCount(fg), 0);
    }

    void aLotMissingFromTheNodesStillShowsByCode()
    {
        QJsonObject o = bothWaysAnswer();
        QJsonArray edges = o.value(QStringLiteral("edges")).toArray();
        edges.append(edge(QStringLiteral("FG-1"), QStringLiteral("FG-2"), 10));
        o.insert(QStringLiteral("edges"), edges);
        TraceTreeModel model(Direction::Forward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(TraceGraph::fromJson(o));
        const QModelIndex fg2 =
            find(model, {QStringLiteral("MIX-1"), QStringLiteral("SKW-2"), QStringLiteral("FRZ-1"),
                         QStringLiteral("FG-1"), QStringLiteral("FG-2")});
        QVERIFY(fg2.isValid());
        QCOMPARE(fg2.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("10"));
        QCOMPARE(fg2.data(TraceTreeModel::WeightRole).toString(), QString());
    }

    void truncationFromTheServerOrTheItemLimit()
    {
        QJsonObject o = bothWaysAnswer();
        o.insert(QStringLiteral("truncated"), true);
        TraceTreeModel model(Direction::Forward);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(TraceGraph::fromJson(o));
        QVERIFY(model.isTruncated());
        model.clear();
        QVERIFY(!model.isTruncated());
        QCOMPARE(model.rowCount(), 0);

        // A ladder of 16 levels, each lot made from both lots of the level before: the tree
        // would double at every level (2^17 items), so it stops at kMaxItems.
        TraceGraph g;
        g.root = QStringLiteral("L0-A");
        QStringList previous{g.root};
        g.nodes.insert(g.root, {g.root, LotType::RAW, LotStatus::RELEASED, std::nullopt, 0});
        for (int level = 1; level <= 16; ++level) {
            QStringList current;
            for (const QString &side : {QStringLiteral("A"), QStringLiteral("B")}) {
                const QString code = QStringLiteral("L%1-%2").arg(level).arg(side);
                g.nodes.insert(code, {code, LotType::MIX, LotStatus::CREATED, std::nullopt, level});
                for (const QString &p : previous)
                    g.edges.append({p, code, Decimal::fromUnits(1, 0)});
                current << code;
            }
            previous = current;
        }
        TraceTreeModel big(Direction::Forward);
        big.setGraph(g);
        QVERIFY(big.isTruncated());
        int items = 0;
        std::function<void(const QModelIndex &)> count = [&](const QModelIndex &parent) {
            for (int r = 0; r < big.rowCount(parent); ++r) {
                ++items;
                count(big.index(r, 0, parent));
            }
        };
        count({});
        QCOMPARE(items, TraceTreeModel::kMaxItems);
    }
};

QTEST_GUILESS_MAIN(TestTraceTreeModel)
#include "tst_tracetreemodel.moc"
