#include "ui/sync/discarddialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

DiscardDialog::DiscardDialog(const QString &what, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("discardDialog"));
    setWindowTitle(tr("Discard for good?"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("%1 will never reach the server and cannot be sent again. A lot "
                               "discarded here is not registered: do not use its label. This "
                               "cannot be undone.")
                                .arg(what),
                            this);
    text->setObjectName(QStringLiteral("discardWhat"));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *label = new QLabel(tr("&Why is it discarded? (kept with the item)"), this);
    label->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("discardReason"));
    m_reason->setMinimumHeight(44);
    m_reason->setMaxLength(500);
    label->setBuddy(m_reason);
    layout->addWidget(label);
    layout->addWidget(m_reason);

    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("Keep it"), QDialogButtonBox::RejectRole);
    m_keep->setObjectName(QStringLiteral("keepButton"));
    m_discard = buttons->addButton(tr("Discard"), QDialogButtonBox::DestructiveRole);
    m_discard->setObjectName(QStringLiteral("confirmDiscard"));
    m_discard->setEnabled(false);
    for (QPushButton *b : {m_keep, m_discard})
        b->setMinimumHeight(48);
    // Keeping is the default: Enter in the reason field does not throw the item away.
    m_keep->setDefault(true);
    layout->addWidget(buttons);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this] { m_discard->setEnabled(reason().size() >= kMinReason); });
    connect(m_discard, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString DiscardDialog::reason() const
{
    return m_reason->text().simplified();
}

} // namespace flowviz::ui
