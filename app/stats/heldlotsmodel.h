#pragma once

#include "app/stats/statssnapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace flowviz::app {

// Lots on HOLD or in QUARANTINE from the stats API's holds answer, for the dashboard's
// "open holds by age" drill-down (filtered here, the answer already lists them all).
class HeldLotsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        TypeColumn,
        StatusColumn,
        SinceColumn,
        AgeColumn,
        RunColumn,
        WeightColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        StatusRole, // wire name ("HOLD"), for colour
    };

    explicit HeldLotsModel(QObject *parent = nullptr);

    void setLots(const QList<HeldLot> &lots);
    HeldLot lotAt(int row) const { return m_lots.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "2 h 05 min", "3 d 4 h".
    static QString durationText(qint64 seconds);

private:
    QList<HeldLot> m_lots;
};

} // namespace flowviz::app
