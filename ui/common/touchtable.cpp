#include "ui/common/touchtable.h"

#include <QHeaderView>
#include <QTableWidget>

namespace flowviz::ui {

QTableWidget *touchTable(int columns, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(kTouchHeight);
    return table;
}

QStringList columnTexts(const QTableWidget *table, int column)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return out;
}

int rowOf(const QTableWidget *table, int column, const QString &text)
{
    return int(columnTexts(table, column).indexOf(text));
}

} // namespace flowviz::ui
