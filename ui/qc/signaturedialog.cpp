#include "signaturedialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

SignatureDialog::SignatureDialog(const QString &signer, const QString &meaning, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("signatureDialog"));
    setWindowTitle(tr("Electronic signature"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("You are signing as %1. Your signature means:").arg(signer), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *meaningLabel = new QLabel(meaning, this);
    meaningLabel->setObjectName(QStringLiteral("signatureMeaning"));
    meaningLabel->setWordWrap(true);
    QFont bold = meaningLabel->font();
    bold.setBold(true);
    meaningLabel->setFont(bold);
    layout->addWidget(meaningLabel);
    layout->addWidget(new QLabel(tr("Enter your password to sign:"), this));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signaturePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumHeight(44);
    layout->addWidget(m_password);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signatureMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_sign = new QPushButton(tr("Sign and record FAIL"), this);
    m_sign->setObjectName(QStringLiteral("sign"));
    m_sign->setDefault(true);
    m_holdInstead = new QPushButton(tr("Put on HOLD instead"), this);
    m_holdInstead->setObjectName(QStringLiteral("holdInstead"));
    m_holdInstead->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    for (QPushButton *b : {m_sign, m_holdInstead, m_cancel}) {
        b->setMinimumHeight(44);
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    m_sign->setAutoDefault(true);
    layout->addLayout(buttons);

    connect(m_sign, &QPushButton::clicked, this, [this] {
        if (m_password->text().isEmpty()) {
            showProblem(tr("Enter your password."), false);
            return;
        }
        setBusy(true);
        const QString password = m_password->text();
        m_password->clear();
        emit signRequested(password);
    });
    connect(m_holdInstead, &QPushButton::clicked, this, &SignatureDialog::holdInsteadRequested);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
}

QString SignatureDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SignatureDialog::setBusy(bool busy)
{
    m_sign->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (busy) {
        m_message->setText(tr("Checking your password…"));
        m_message->show();
    }
}

void SignatureDialog::showProblem(const QString &message, bool offerHold)
{
    setBusy(false);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_holdInstead->setVisible(offerHold);
    m_password->setFocus();
}

} // namespace flowviz::ui
