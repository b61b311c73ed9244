#include "ui/sync/syncpage.h"

#include "ui/sync/correctiondialog.h"
#include "ui/sync/discarddialog.h"

#include "app/cache/localcache.h"
#include "app/models/outboxmodel.h"
#include "app/outbox/outbox.h"
#include "app/sync/syncengine.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace flowviz::ui {

using app::OutboxItem;
using app::OutboxModel;

SyncPage::SyncPage(app::Outbox *outbox, app::SyncEngine *sync, app::LocalCache *cache,
                   QWidget *parent)
    : QWidget(parent), m_outbox(outbox), m_sync(sync), m_cache(cache)
{
    m_model = new OutboxModel(outbox, this);

    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncSummary"));
    m_attentionOnly = new QCheckBox(this);
    m_attentionOnly->setObjectName(QStringLiteral("attentionOnly"));
    m_attentionOnly->setMinimumHeight(44);
    m_syncButton = new QPushButton(this);
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    m_syncButton->setMinimumHeight(48);
    top->addWidget(m_summary, 1);
    top->addWidget(m_attentionOnly);
    top->addWidget(m_syncButton);
    layout->addLayout(top);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("outboxView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setDefaultSectionSize(44);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    auto *details = new QGridLayout;
    m_messageTitle = new QLabel(this);
    m_messageTitle->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("serverMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->addWidget(m_messageTitle, 0, 0);
    details->addWidget(m_message, 0, 1, 1, 3);

    m_correctButton = new QPushButton(this);
    m_correctButton->setObjectName(QStringLiteral("correctButton"));
    m_resendButton = new QPushButton(this);
    m_resendButton->setObjectName(QStringLiteral("resendButton"));
    m_discardButton = new QPushButton(this);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    for (QWidget *w :
         {static_cast<QWidget *>(m_correctButton), static_cast<QWidget *>(m_resendButton),
          static_cast<QWidget *>(m_discardButton)})
        w->setMinimumHeight(48);
    details->addWidget(m_correctButton, 1, 0);
    details->addWidget(m_resendButton, 1, 1);
    details->addWidget(m_discardButton, 1, 3);
    details->setColumnStretch(2, 1);
    layout->addLayout(details);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("syncError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
    m_error->hide();
    layout->addWidget(m_error);

    setTabOrder(m_attentionOnly, m_syncButton);
    setTabOrder(m_syncButton, m_view);
    setTabOrder(m_view, m_correctButton);
    setTabOrder(m_correctButton, m_resendButton);
    setTabOrder(m_resendButton, m_discardButton);
    setFocusProxy(m_view);

    connect(m_attentionOnly, &QCheckBox::toggled, m_model, &OutboxModel::setNeedsAttentionOnly);
    connect(m_syncButton, &QPushButton::clicked, this, &SyncPage::syncNow);
    connect(m_correctButton, &QPushButton::clicked, this, &SyncPage::correctSelected);
    connect(m_resendButton, &QPushButton::clicked, this, &SyncPage::resendSelected);
    connect(m_discardButton, &QPushButton::clicked, this, &SyncPage::discardSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SyncPage::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SyncPage::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SyncPage::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SyncPage::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SyncPage::updateDetails);
    connect(sync, &app::SyncEngine::pendingCountChanged, this, &SyncPage::updateDetails);
    connect(sync, &app::SyncEngine::needsAttentionCountChanged, this, &SyncPage::updateDetails);

    retranslateUi();
}

QString SyncPage::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->idAt(rows.first().row());
}

bool SyncPage::selectItem(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void SyncPage::syncNow()
{
    m_sync->syncNow();
}

void SyncPage::correctSelected()
{
    const QString id = selectedId();
    const auto item = m_outbox->item(id);
    if (!item || item->state != OutboxItem::State::NeedsAttention)
        return;
    CorrectionDialog dialog(item->payload, item->lastError, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_outbox->resend(id, dialog.payload())) {
        showError(tr("The item could not be queued again: %1").arg(m_outbox->errorString()));
        return;
    }
    m_error->hide();
    m_sync->syncNow();
}

void SyncPage::resendSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    if (!m_outbox->resend(id)) {
        showError(tr("The item could not be queued again: %1").arg(m_outbox->errorString()));
        return;
    }
    m_error->hide();
    m_sync->syncNow();
}

bool SyncPage::discardSelected()
{
    const QString id = selectedId();
    const auto item = m_outbox->item(id);
    if (!item) {
        showError(tr("Select the item to discard in the list first."));
        return false;
    }
    if (m_discardDialog)
        return true;
    const int gate = item->payload.value(QStringLiteral("gate_number")).toInt();
    const QString what =
        item->kind == OutboxItem::Kind::Lot
            ? tr("Lot %1 (registered on this workstation)").arg(item->lotCode)
            : tr("The %1 decision for lot %2 at gate %3")
                  .arg(item->payload.value(QStringLiteral("decision")).toString(), item->lotCode)
                  .arg(gate);
    auto *dialog = new DiscardDialog(what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_discardDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, id, dialog] {
        const auto current = m_outbox->item(id);
        if (!current)
            return;
        if (!m_outbox->discard(id, dialog->reason())) {
            showError(tr("The item could not be discarded: %1").arg(m_outbox->errorString()));
            return;
        }
        // A lot that will never reach the server must not stay on this console as pending.
        if (current->kind == OutboxItem::Kind::Lot) {
            const auto lot = m_cache->lot(current->lotCode);
            if (lot && lot->pendingRegistration && lot->id == current->id)
                m_cache->removeLot(current->lotCode);
        }
        m_error->hide();
        m_model->refresh();
    });
    dialog->open();
    return true;
}

void SyncPage::showError(const QString &message)
{
    m_error->setText(QStringLiteral("⚠ ") + message);
    m_error->show();
}

void SyncPage::updateDetails()
{
    const auto *sync = m_sync;
    m_summary->setText(tr("Waiting to be sent: %1    Need your attention: %2")
                           .arg(qMax(0, sync->pendingCount()))
                           .arg(qMax(0, sync->needsAttentionCount())));
    const auto item = m_outbox->item(selectedId());
    const bool attention = item && item->state == OutboxItem::State::NeedsAttention;
    if (!item)
        m_message->setText(tr("Select an item to see what the server said about it."));
    else if (attention)
        m_message->setText(item->lastError.isEmpty() ? tr("(no message)") : item->lastError);
    else if (!item->lastError.isEmpty())
        m_message->setText(tr("Not sent yet. Last attempt: %1").arg(item->lastError));
    else
        m_message->setText(tr("Waiting to be sent. Nothing to do."));
    m_correctButton->setEnabled(attention);
    m_resendButton->setEnabled(attention);
    m_discardButton->setEnabled(attention);
}

void SyncPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SyncPage::retranslateUi()
{
    setWindowTitle(tr("Sync"));
    m_title->setText(tr("Sync with the server"));
    m_attentionOnly->setText(tr("Only items that need attention"));
    m_syncButton->setText(tr("Send now"));
    m_messageTitle->setText(tr("Server's message:"));
    m_correctButton->setText(tr("Correct and send again…"));
    m_resendButton->setText(tr("Send again unchanged"));
    m_discardButton->setText(tr("Discard…"));
    updateDetails();
}

} // namespace flowviz::ui
