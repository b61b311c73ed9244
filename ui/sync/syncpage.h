#pragma once

#include "ui/sync/discarddialog.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace flowviz::app {
class LocalCache;
class Outbox;
class OutboxModel;
class SyncEngine;
} // namespace flowviz::app

namespace flowviz::ui {

// What has not reached the server yet, and what the server refused: the operator reads the
// server's message, corrects the item and sends it again, or discards it with a reason.
class SyncPage : public QWidget
{
    Q_OBJECT

public:
    // `cache` loses a lot whose registration is discarded; `sync` sends what is queued again.
    SyncPage(flowviz::app::Outbox *outbox, flowviz::app::SyncEngine *sync,
             flowviz::app::LocalCache *cache, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    flowviz::app::OutboxModel *model() const { return m_model; }
    // The outbox id of the selected item, or empty.
    QString selectedId() const;
    bool selectItem(const QString &id);
    // The discard question while it is open.
    DiscardDialog *discardDialog() const { return m_discardDialog; }

public slots:
    void syncNow();
    // Opens the correction dialog for the selected item; on OK it is queued again.
    void correctSelected();
    void resendSelected();
    // Asks (DiscardDialog) whether to discard the selected item, and why; discards it on
    // "Discard". Returns whether the question is open.
    bool discardSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateDetails();
    void showError(const QString &message);

    flowviz::app::Outbox *m_outbox;
    flowviz::app::SyncEngine *m_sync;
    flowviz::app::LocalCache *m_cache;
    flowviz::app::OutboxModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_attentionOnly = nullptr;
    QPushButton *m_syncButton = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_messageTitle = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_correctButton = nullptr;
    QPushButton *m_resendButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QPointer<DiscardDialog> m_discardDialog;
    QLabel *m_error = nullptr;
};

} // namespace flowviz::ui
