#pragma once

#include "app/cache/localcache.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace flowviz::app {

// Recent lots from the LocalCache, newest first, one column per field. Follows the cache
// with fine-grained inserts, removals, moves and dataChanged, so views keep selection and
// scroll position while lots arrive or change status.
class RecentLotsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        TypeColumn,
        WeightColumn,
        TemperatureColumn,
        StatusColumn,
        PendingColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        TypeRole,        // wire name ("BULK")
        WeightRole,      // canonical decimal text in kg, empty when unknown
        TemperatureRole, // canonical decimal text in °C, empty when unknown
        StatusRole,      // wire name ("HOLD")
        PendingRole,     // bool: something about this lot has not reached the server yet
        PendingRegistrationRole,
        CreatedAtRole,
        RunCodeRole,
        IdRole,
    };
    Q_ENUM(Role)

    explicit RecentLotsModel(LocalCache *cache, QObject *parent = nullptr);

    // How many lots to show (default 200).
    void setLimit(int limit);
    int limit() const { return m_limit; }
    CachedLot lotAt(int row) const { return m_rows.value(row); }
    // The row of `code`, or -1.
    int rowOf(const QString &code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    // Re-reads the cache and applies the difference.
    void reload();

private:
    QPointer<LocalCache> m_cache;
    QList<CachedLot> m_rows;
    int m_limit = 200;
};

} // namespace flowviz::app
