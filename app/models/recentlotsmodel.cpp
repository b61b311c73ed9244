#include "app/models/recentlotsmodel.h"

#include "app/core/domainlabels.h"

#include <QSet>

namespace flowviz::app {

RecentLotsModel::RecentLotsModel(LocalCache *cache, QObject *parent)
    : QAbstractTableModel(parent), m_cache(cache)
{
    if (m_cache)
        connect(m_cache, &LocalCache::lotsChanged, this, &RecentLotsModel::reload);
    reload();
}

void RecentLotsModel::setLimit(int limit)
{
    if (limit == m_limit)
        return;
    m_limit = limit;
    reload();
}

int RecentLotsModel::rowOf(const QString &code) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].code == code)
            return i;
    }
    return -1;
}

void RecentLotsModel::reload()
{
    const QList<CachedLot> next = m_cache ? m_cache->recentLots(m_limit) : QList<CachedLot>();
    QSet<QString> nextCodes;
    for (const CachedLot &l : next)
        nextCodes.insert(l.code);

    // 1. Rows that are gone, removed in contiguous blocks from the bottom up.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (nextCodes.contains(m_rows[i].code))
            continue;
        const int last = i;
        while (i > 0 && !nextCodes.contains(m_rows[i - 1].code))
            --i;
        beginRemoveRows({}, i, last);
        m_rows.remove(i, last - i + 1);
        endRemoveRows();
    }

    // 2. Now every current row is in `next`: walk it, moving, inserting or updating.
    for (int i = 0; i < next.size(); ++i) {
        const CachedLot &want = next[i];
        if (i >= m_rows.size() || m_rows[i].code != want.code) {
            int from = -1;
            for (int j = i + 1; j < m_rows.size(); ++j) {
                if (m_rows[j].code == want.code) {
                    from = j;
                    break;
                }
            }
            if (from < 0) {
                beginInsertRows({}, i, i);
                m_rows.insert(i, want);
                endInsertRows();
                continue;
            }
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
        }
        if (!(m_rows[i] == want)) {
            m_rows[i] = want;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
    Q_ASSERT(m_rows.size() == next.size());
}

int RecentLotsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentLotsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentLotsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedLot &lot = m_rows[index.row()];
    const auto text = [](const std::optional<Decimal> &d) { return d ? d->toString() : QString(); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return lot.code;
        case TypeColumn:
            return toString(lot.type);
        case WeightColumn:
            return lot.weightKg ? tr("%1 kg").arg(lot.weightKg->toString()) : QString();
        case TemperatureColumn:
            return lot.temperatureC ? tr("%1 °C").arg(lot.temperatureC->toString()) : QString();
        case StatusColumn:
            return DomainLabels::lotStatus(lot.status);
        case PendingColumn:
            return lot.isPending() ? tr("Pending") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (lot.pendingRegistration)
            return tr("Registered here; not yet on the server.");
        if (lot.pendingStatus)
            return tr("A QC decision made here has not reached the server yet.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == WeightColumn || index.column() == TemperatureColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case CodeRole:
        return lot.code;
    case TypeRole:
        return toString(lot.type);
    case WeightRole:
        return text(lot.weightKg);
    case TemperatureRole:
        return text(lot.temperatureC);
    case StatusRole:
        return toString(lot.status);
    case PendingRole:
        return lot.isPending();
    case PendingRegistrationRole:
        return lot.pendingRegistration;
    case CreatedAtRole:
        return lot.createdAt;
    case RunCodeRole:
        return lot.runCode;
    case IdRole:
        return lot.id;
    default:
        return {};
    }
}

QVariant RecentLotsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case WeightColumn:
        return tr("Weight");
    case TemperatureColumn:
        return tr("Temperature");
    case StatusColumn:
        return tr("Status");
    case PendingColumn:
        return tr("Sync");
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentLotsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(TypeRole, "lotType");
    names.insert(WeightRole, "weightKg");
    names.insert(TemperatureRole, "temperatureC");
    names.insert(StatusRole, "status");
    names.insert(PendingRole, "pending");
    names.insert(PendingRegistrationRole, "pendingRegistration");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(RunCodeRole, "runCode");
    names.insert(IdRole, "lotId");
    return names;
}

} // namespace flowviz::app
