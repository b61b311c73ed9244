#pragma once

#include "app/outbox/outbox.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace flowviz::app {

// The outbox as the operator sees it: what has not reached the server yet and what needs
// their attention, oldest first.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        LotCodeColumn,
        CreatedColumn,
        StateColumn,
        AttemptsColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole, // OutboxItem::State as int
        KindRole,  // OutboxItem::Kind as int
        LotCodeRole,
        CreatedAtRole,
        LastErrorRole,
        PayloadRole, // QJsonObject
    };

    explicit OutboxModel(Outbox *outbox, QObject *parent = nullptr);

    // Only items that need attention (the operator's to-do list), or everything not yet done.
    void setNeedsAttentionOnly(bool only);
    bool needsAttentionOnly() const { return m_needsAttentionOnly; }

    // Reads the outbox again now (changes are otherwise picked up on the next event loop turn).
    void refresh();

    QString idAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString kindText(OutboxItem::Kind kind);
    static QString stateText(OutboxItem::State state);

private:
    QList<OutboxItem> load() const;

    QPointer<Outbox> m_outbox;
    QList<OutboxItem> m_items;
    bool m_needsAttentionOnly = false;
    QTimer m_refreshTimer;
};

} // namespace flowviz::app
