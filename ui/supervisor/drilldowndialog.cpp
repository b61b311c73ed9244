#include "ui/supervisor/drilldowndialog.h"

#include "ui/lots/lotstatusdelegate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace flowviz::ui {

DrillDownDialog::DrillDownDialog(QWidget *parent) : QDialog(parent)
{
    resize(900, 480);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_view = new QTableView(this);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(40);
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (QPushButton *close = buttons->button(QDialogButtonBox::Close))
        close->setMinimumHeight(44);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
}

void DrillDownDialog::setContent(const QString &title, QAbstractItemModel *model, int statusRole)
{
    setWindowTitle(title);
    m_title->setText(title);
    m_state->clear();
    QAbstractItemDelegate *old = m_view->itemDelegate();
    m_view->setItemDelegate(statusRole > 0 ? static_cast<QAbstractItemDelegate *>(
                                                 new LotStatusDelegate(statusRole, m_view))
                                           : new QStyledItemDelegate(m_view));
    if (old && old->parent() == m_view)
        old->deleteLater();
    m_view->setModel(model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
}

void DrillDownDialog::setState(const QString &text)
{
    m_state->setText(text);
}

QString DrillDownDialog::title() const
{
    return m_title->text();
}

QString DrillDownDialog::state() const
{
    return m_state->text();
}

} // namespace flowviz::ui
