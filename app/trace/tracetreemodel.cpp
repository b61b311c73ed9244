#include "app/trace/tracetreemodel.h"

#include "app/models/serverlotsmodel.h"

namespace flowviz::app {

TraceTreeModel::TraceTreeModel(Direction direction, QObject *parent)
    : QAbstractItemModel(parent), m_direction(direction), m_root(std::make_unique<Item>())
{}

TraceTreeModel::~TraceTreeModel() = default;

void TraceTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Item>();
    m_truncated = false;
    endResetModel();
}

void TraceTreeModel::setGraph(const TraceGraph &graph)
{
    beginResetModel();
    m_root = std::make_unique<Item>();
    m_truncated = graph.truncated;
    if (!graph.isEmpty()) {
        auto top = std::make_unique<Item>();
        top->node = graph.nodes.value(graph.root, TraceNode{graph.root, {}, {}, {}, 0});
        top->parent = m_root.get();
        QStringList path;
        int count = 1;
        grow(top.get(), graph, path, count);
        m_root->children.push_back(std::move(top));
    }
    endResetModel();
}

void TraceTreeModel::grow(Item *item, const TraceGraph &graph, QStringList &path, int &count)
{
    path.append(item->node.code);
    const QList<TraceEdge> edges = m_direction == Direction::Backward
                                       ? graph.parentsOf(item->node.code)
                                       : graph.childrenOf(item->node.code);
    for (const TraceEdge &e : edges) {
        const QString next = m_direction == Direction::Backward ? e.parentCode : e.childCode;
        if (path.contains(next))
            continue; // a cycle in bad data: do not follow it around
        if (count >= kMaxItems) {
            m_truncated = true;
            break;
        }
        auto child = std::make_unique<Item>();
        child->node = graph.nodes.value(next, TraceNode{next, {}, {}, {}, 0});
        child->quantityKg = e.quantityUsedKg;
        child->parent = item;
        child->row = int(item->children.size());
        ++count;
        Item *raw = child.get();
        item->children.push_back(std::move(child));
        grow(raw, graph, path, count);
    }
    path.removeLast();
}

TraceTreeModel::Item *TraceTreeModel::itemAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex TraceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Item *p = itemAt(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex TraceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Item *item = itemAt(child);
    Item *p = item->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int TraceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemAt(parent)->children.size());
}

int TraceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TraceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item *item = itemAt(index);
    const TraceNode &n = item->node;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return n.code;
        case TypeColumn:
            return ServerLotsModel::typeLabel(n.type);
        case StatusColumn:
            return ServerLotsModel::statusLabel(n.status);
        case WeightColumn:
            return n.weightKg ? n.weightKg->toString() : QString();
        case QuantityColumn:
            return item->quantityKg ? item->quantityKg->toString() : QString();
        case LevelColumn:
            return n.level;
        default:
            return {};
        }
    case CodeRole:
        return n.code;
    case TypeRole:
        return toString(n.type);
    case StatusRole:
        return toString(n.status);
    case WeightRole:
        return n.weightKg ? n.weightKg->toString() : QString();
    case QuantityRole:
        return item->quantityKg ? item->quantityKg->toString() : QString();
    case LevelRole:
        return n.level;
    default:
        return {};
    }
}

QVariant TraceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case WeightColumn:
        return tr("Weight (kg)");
    case QuantityColumn:
        return m_direction == Direction::Backward ? tr("Used (kg)") : tr("Drawn (kg)");
    case LevelColumn:
        return tr("Level");
    default:
        return {};
    }
}

QHash<int, QByteArray> TraceTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(TypeRole, "type");
    names.insert(StatusRole, "status");
    names.insert(WeightRole, "weightKg");
    names.insert(QuantityRole, "quantityKg");
    names.insert(LevelRole, "level");
    return names;
}

} // namespace flowviz::app
