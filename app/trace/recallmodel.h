#pragma once

#include "app/trace/recallreport.h"

#include <QAbstractTableModel>

namespace flowviz::app {

// The rows of a recall report for a table view; SortRole gives each column a value that
// sorts correctly (numbers as numbers, times as times).
class RecallModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LevelColumn,
        CodeColumn,
        TypeColumn,
        StatusColumn,
        WeightColumn,
        DecisionColumn,
        GateColumn,
        DecidedAtColumn,
        DecidedByColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        CodeRole,
        StatusRole, // wire name, for colour
    };

    explicit RecallModel(QObject *parent = nullptr);

    void setReport(const RecallReport &report);
    const RecallReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString decisionLabel(Decision decision);

private:
    RecallReport m_report;
};

} // namespace flowviz::app
