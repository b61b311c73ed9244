#include "app/models/outboxmodel.h"

#include <QLocale>

namespace flowviz::app {

namespace {

using State = OutboxItem::State;

bool sameRow(const OutboxItem &a, const OutboxItem &b)
{
    return a.state == b.state && a.attempts == b.attempts && a.lastError == b.lastError &&
           a.lotCode == b.lotCode && a.payload == b.payload;
}

} // namespace

OutboxModel::OutboxModel(Outbox *outbox, QObject *parent)
    : QAbstractTableModel(parent), m_outbox(outbox)
{
    // A burst of outbox changes (a batch of results, many enqueues) costs one reload.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &OutboxModel::refresh);
    if (m_outbox)
        connect(m_outbox, &Outbox::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
    m_items = load();
}

QList<OutboxItem> OutboxModel::load() const
{
    if (!m_outbox)
        return {};
    if (m_needsAttentionOnly)
        return m_outbox->items({State::NeedsAttention});
    return m_outbox->items({State::Pending, State::InFlight, State::NeedsAttention});
}

void OutboxModel::setNeedsAttentionOnly(bool only)
{
    if (only == m_needsAttentionOnly)
        return;
    beginResetModel();
    m_needsAttentionOnly = only;
    m_items = load();
    endResetModel();
}

void OutboxModel::refresh()
{
    m_refreshTimer.stop();
    const QList<OutboxItem> fresh = load();
    // Both lists are in insertion order and an item never moves: walk them together, removing
    // rows that left, inserting rows that arrived, and reporting rows that changed.
    qsizetype row = 0;
    qsizetype next = 0;
    while (row < m_items.size() || next < fresh.size()) {
        if (row < m_items.size() &&
            (next >= fresh.size() || m_items.at(row).seq < fresh.at(next).seq)) {
            qsizetype end = row;
            while (end + 1 < m_items.size() &&
                   (next >= fresh.size() || m_items.at(end + 1).seq < fresh.at(next).seq))
                ++end;
            beginRemoveRows({}, int(row), int(end));
            m_items.remove(row, end - row + 1);
            endRemoveRows();
            continue;
        }
        if (row >= m_items.size() || fresh.at(next).seq < m_items.at(row).seq) {
            qsizetype end = next;
            while (end + 1 < fresh.size() &&
                   (row >= m_items.size() || fresh.at(end + 1).seq < m_items.at(row).seq))
                ++end;
            beginInsertRows({}, int(row), int(row + end - next));
            for (qsizetype i = next; i <= end; ++i)
                m_items.insert(row + (i - next), fresh.at(i));
            endInsertRows();
            row += end - next + 1;
            next = end + 1;
            continue;
        }
        if (!sameRow(m_items.at(row), fresh.at(next))) {
            m_items[row] = fresh.at(next);
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
        ++row;
        ++next;
    }
}

QString OutboxModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).id : QString();
}

int OutboxModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return int(i);
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::kindText(OutboxItem::Kind kind)
{
    return kind == OutboxItem::Kind::Lot ? tr("Lot") : tr("QC decision");
}

QString OutboxModel::stateText(OutboxItem::State state)
{
    switch (state) {
    case State::Pending:
        return tr("Waiting to send");
    case State::InFlight:
        return tr("Sending");
    case State::Done:
        return tr("Sent");
    case State::NeedsAttention:
        return tr("Needs attention");
    case State::Discarded:
        return tr("Discarded");
    }
    return {};
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxItem &it = m_items.at(index.row());
    switch (role) {
    case IdRole:
        return it.id;
    case StateRole:
        return int(it.state);
    case KindRole:
        return int(it.kind);
    case LotCodeRole:
        return it.lotCode;
    case CreatedAtRole:
        return it.createdAt;
    case LastErrorRole:
        return it.lastError;
    case PayloadRole:
        return it.payload;
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindText(it.kind);
        case LotCodeColumn:
            return it.lotCode;
        case CreatedColumn:
            return QLocale().toString(it.createdAt.toLocalTime(), QLocale::ShortFormat);
        case StateColumn:
            return stateText(it.state);
        case AttemptsColumn:
            return it.attempts;
        case LastErrorColumn:
            return it.lastError;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == LastErrorColumn && !it.lastError.isEmpty() ? QVariant(it.lastError)
                                                                            : QVariant();
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case LotCodeColumn:
        return tr("Lot code");
    case CreatedColumn:
        return tr("Recorded");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case LastErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "itemId");
    names.insert(StateRole, "state");
    names.insert(KindRole, "kind");
    names.insert(LotCodeRole, "lotCode");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(LastErrorRole, "lastError");
    names.insert(PayloadRole, "payload");
    return names;
}

} // namespace flowviz::app
