#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace flowviz::ui {

// Tints a row's cells by the lot status found under `statusRole` (a wire name such as
// "HOLD"); the status column keeps its text, so status is never shown by colour alone.
class LotStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit LotStatusDelegate(int statusRole, QObject *parent = nullptr);

    static QColor colorFor(const QString &status);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_statusRole;
};

} // namespace flowviz::ui
