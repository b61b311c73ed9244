#include "app/stats/heldlotsmodel.h"

#include "app/models/serverlotsmodel.h"

namespace flowviz::app {

HeldLotsModel::HeldLotsModel(QObject *parent) : QAbstractTableModel(parent) {}

void HeldLotsModel::setLots(const QList<HeldLot> &lots)
{
    beginResetModel();
    m_lots = lots;
    endResetModel();
}

QString HeldLotsModel::durationText(qint64 seconds)
{
    const qint64 minutes = qMax<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

int HeldLotsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lots.size());
}

int HeldLotsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeldLotsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HeldLot &lot = m_lots.at(index.row());
    if (role == CodeRole)
        return lot.lotCode;
    if (role == StatusRole)
        return lot.status;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CodeColumn:
        return lot.lotCode;
    case TypeColumn:
        return lot.lotType;
    case StatusColumn: {
        const auto status = lotStatusFromString(lot.status);
        return status ? ServerLotsModel::statusLabel(*status) : lot.status;
    }
    case SinceColumn:
        return lot.since.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case AgeColumn:
        return durationText(lot.ageSeconds);
    case RunColumn:
        return lot.runCode.value_or(QString());
    case WeightColumn:
        return lot.weightKg ? lot.weightKg->toString() : QString();
    default:
        return {};
    }
}

QVariant HeldLotsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Lot code");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case SinceColumn:
        return tr("Since");
    case AgeColumn:
        return tr("Age");
    case RunColumn:
        return tr("Run");
    case WeightColumn:
        return tr("Weight (kg)");
    default:
        return {};
    }
}

} // namespace flowviz::app
