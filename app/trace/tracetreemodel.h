#pragma once

#include "app/trace/tracegraph.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace flowviz::app {

// A lot's genealogy as a tree: the root lot, under it its parents (Backward) or children
// (Forward), and so on across every level. A lot reached along two paths appears under each
// of its parents, as a recall needs to see it.
class TraceTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Direction
    {
        Backward,
        Forward
    };
    enum Column
    {
        CodeColumn,
        TypeColumn,
        StatusColumn,
        WeightColumn,
        QuantityColumn,
        LevelColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        TypeRole,     // wire name
        StatusRole,   // wire name, for colour
        WeightRole,   // canonical decimal text
        QuantityRole, // kg drawn along the edge to the item's tree parent
        LevelRole,    // int, as the server numbers it
    };
    Q_ENUM(Role)

    // Guards against pathological graphs: no tree grows beyond this many items.
    static constexpr int kMaxItems = 20000;

    explicit TraceTreeModel(Direction direction, QObject *parent = nullptr);
    ~TraceTreeModel() override;

    Direction direction() const { return m_direction; }
    void setGraph(const TraceGraph &graph);
    void clear();
    // Items could not all be shown (graph truncated by the server or kMaxItems reached).
    bool isTruncated() const { return m_truncated; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Item
    {
        TraceNode node;
        std::optional<Decimal> quantityKg;
        Item *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Item>> children;
    };
    void grow(Item *item, const TraceGraph &graph, QStringList &path, int &count);
    Item *itemAt(const QModelIndex &index) const;

    Direction m_direction;
    std::unique_ptr<Item> m_root; // invisible; its one child is the traced lot
    bool m_truncated = false;
};

} // namespace flowviz::app
