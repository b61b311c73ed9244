#pragma once

#include "domain/wire/stats.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

namespace flowviz::app {

class ApiClient;

// The QC decisions behind one bar of the dashboard's "QC outcomes per gate" chart
// (GET /api/v1/stats/qc/decisions): which lots got that outcome at that gate in the range.
class QcDecisionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        TypeColumn,
        GateColumn,
        DecisionColumn,
        DecidedAtColumn,
        OperatorColumn,
        WorkstationColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        DecisionRole, // wire name ("HOLD")
    };

    using Row = wire::DecisionListRow;

    static constexpr int kDefaultLimit = 500;

    explicit QcDecisionsModel(ApiClient *api, QObject *parent = nullptr);

    // Fetches the decisions with `outcome` (PASS, HOLD, FAIL) at `gate` in [from, to).
    void load(const QDateTime &from, const QDateTime &to, int gate, const QString &outcome,
              int limit = kDefaultLimit);
    bool isLoading() const { return m_loading; }
    // All matching decisions, also those past the limit.
    int total() const { return m_total; }
    Row rowAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "✓ PASS", "⚠ HOLD", "✕ FAIL": symbol and word, never colour alone.
    static QString outcomeLabel(const QString &outcome);

signals:
    void loaded();
    void failed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QList<Row> m_rows;
    int m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace flowviz::app
