#include "app/models/recentlotsfiltermodel.h"

#include "app/models/recentlotsmodel.h"

namespace flowviz::app {

RecentLotsFilterModel::RecentLotsFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void RecentLotsFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

void RecentLotsFilterModel::setStatus(std::optional<LotStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void RecentLotsFilterModel::setPendingOnly(bool pendingOnly)
{
    if (pendingOnly == m_pendingOnly)
        return;
    m_pendingOnly = pendingOnly;
    invalidateFilter();
}

bool RecentLotsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_text.isEmpty() &&
        !i.data(RecentLotsModel::CodeRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    if (m_status && i.data(RecentLotsModel::StatusRole).toString() != toString(*m_status))
        return false;
    if (m_pendingOnly && !i.data(RecentLotsModel::PendingRole).toBool())
        return false;
    return true;
}

} // namespace flowviz::app
