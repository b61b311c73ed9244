#pragma once

#include "domain/enums.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace flowviz::app {

// Narrows a RecentLotsModel by a text in the lot code, a status and/or pending lots only.
class RecentLotsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecentLotsFilterModel(QObject *parent = nullptr);

    // Case-insensitive part of the lot code (a scanned code matches itself).
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStatus(std::optional<LotStatus> status);
    std::optional<LotStatus> status() const { return m_status; }
    void setPendingOnly(bool pendingOnly);
    bool pendingOnly() const { return m_pendingOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<LotStatus> m_status;
    bool m_pendingOnly = false;
};

} // namespace flowviz::app
