#include "app/trace/recallmodel.h"

#include "app/core/domainlabels.h"
#include "app/models/serverlotsmodel.h"

#include <QLocale>

namespace flowviz::app {

RecallModel::RecallModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecallModel::setReport(const RecallReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int RecallModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int RecallModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecallModel::decisionLabel(Decision decision)
{
    return DomainLabels::decision(decision);
}

QVariant RecallModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecallRow &r = m_report.rows.at(index.row());
    if (role == CodeRole)
        return r.code;
    if (role == StatusRole)
        return toString(r.status);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case LevelColumn:
        return r.level;
    case CodeColumn:
        return r.code;
    case TypeColumn:
        return ServerLotsModel::typeLabel(r.type);
    case StatusColumn:
        return ServerLotsModel::statusLabel(r.status);
    case WeightColumn:
        if (!r.weightKg)
            return sort ? QVariant(-1.0) : QVariant(QString());
        // Sorting only: the shown and exported value stays the exact decimal.
        return sort ? QVariant(r.weightKg->toString().toDouble())
                    : QVariant(r.weightKg->toString());
    case DecisionColumn:
        return r.lastDecision ? decisionLabel(*r.lastDecision) : tr("No decision");
    case GateColumn:
        if (sort)
            return r.lastGate;
        return r.lastDecision ? QString::number(r.lastGate) : QString();
    case DecidedAtColumn:
        if (sort)
            return r.lastDecidedAt;
        return r.lastDecidedAt.isValid()
                   ? QLocale().toString(r.lastDecidedAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case DecidedByColumn:
        return r.lastDecidedBy;
    default:
        return {};
    }
}

QVariant RecallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LevelColumn:
        return tr("Level");
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case WeightColumn:
        return tr("Weight (kg)");
    case DecisionColumn:
        return tr("Latest QC");
    case GateColumn:
        return tr("Gate");
    case DecidedAtColumn:
        return tr("Decided at");
    case DecidedByColumn:
        return tr("Decided by");
    default:
        return {};
    }
}

} // namespace flowviz::app
