#include "app/models/gatesmodel.h"

#include "app/core/domainlabels.h"

namespace flowviz::app {

GatesModel::GatesModel(LocalCache *cache, QObject *parent)
    : QAbstractListModel(parent), m_cache(cache)
{
    if (m_cache)
        connect(m_cache, &LocalCache::gatesChanged, this, &GatesModel::reload);
    reload();
}

void GatesModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                         {Qt::DisplayRole, NameRole, Qt::ToolTipRole});
}

void GatesModel::reload()
{
    const QList<CachedGate> next = m_cache ? m_cache->gates() : QList<CachedGate>();
    if (next == m_rows)
        return;
    // Gates change rarely (an administrator edits them), so a reset is the honest signal.
    beginResetModel();
    m_rows = next;
    endResetModel();
}

int GatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedGate &g = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return DomainLabels::gate(g.number, g.name(m_language), g.isCcp);
    case Qt::ToolTipRole:
        return g.isCcp ? tr("Critical control point: record the measured temperature.")
                       : QVariant();
    case IdRole:
        return g.id;
    case NumberRole:
        return g.number;
    case NameRole:
        return g.name(m_language);
    case TypeRole:
        return toString(g.type);
    case CcpRole:
        return g.isCcp;
    default:
        return {};
    }
}

QHash<int, QByteArray> GatesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "gateId");
    names.insert(NumberRole, "number");
    names.insert(NameRole, "name");
    names.insert(TypeRole, "gateType");
    names.insert(CcpRole, "ccp");
    return names;
}

} // namespace flowviz::app
