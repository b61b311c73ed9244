#include "ui/lots/lotstatusdelegate.h"

namespace flowviz::ui {

LotStatusDelegate::LotStatusDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent), m_statusRole(statusRole)
{}

QColor LotStatusDelegate::colorFor(const QString &status)
{
    if (status == QLatin1String("RELEASED"))
        return QColor(0xd4, 0xf0, 0xd4);
    if (status == QLatin1String("HOLD"))
        return QColor(0xff, 0xe8, 0xa8);
    if (status == QLatin1String("QUARANTINE"))
        return QColor(0xff, 0xd2, 0xa8);
    if (status == QLatin1String("REJECTED"))
        return QColor(0xf8, 0xc4, 0xc4);
    if (status == QLatin1String("CONSUMED") || status == QLatin1String("FINISHED"))
        return QColor(0xe4, 0xe4, 0xe4);
    return QColor(0xe0, 0xec, 0xfa); // CREATED
}

void LotStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString status = index.data(m_statusRole).toString();
    if (!status.isEmpty()) {
        option->backgroundBrush = colorFor(status);
        option->palette.setColor(QPalette::Text, Qt::black);
    }
}

} // namespace flowviz::ui
