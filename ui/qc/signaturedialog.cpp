#include "ui/qc/signaturedialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

constexpr int kTouch = 44;
constexpr int kWidth = 540;

} // namespace

SignatureDialog::SignatureDialog(const QString &signer, const QString &meaning,
                                 const QString &action, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("signatureDialog"));
    setWindowTitle(tr("Electronic signature"));
    // A readable width (the layout's minimum would squeeze the texts into a narrow column), and
    // the height to suit it (fitHeight()): left to adjustSize(), a small screen narrows the
    // dialog after its height was chosen for a wider one, and the last lines of the message fall
    // off.
    setMinimumWidth(kWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetDefaultConstraint);
    resize(kWidth, 0);
    m_signer = new QLabel(tr("You are signing as %1. Your signature means:").arg(signer), this);
    m_signer->setObjectName(QStringLiteral("signatureSigner"));
    m_signer->setTextFormat(Qt::PlainText);
    m_signer->setWordWrap(true);
    layout->addWidget(m_signer);
    m_meaning = new QLabel(meaning, this);
    m_meaning->setObjectName(QStringLiteral("signatureMeaning"));
    m_meaning->setTextFormat(Qt::PlainText);
    m_meaning->setWordWrap(true);
    QFont bold = m_meaning->font();
    bold.setBold(true);
    m_meaning->setFont(bold);
    layout->addWidget(m_meaning);
    auto *prompt = new QLabel(tr("Enter your password to sign:"), this);
    layout->addWidget(prompt);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signaturePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumHeight(kTouch);
    prompt->setBuddy(m_password);
    layout->addWidget(m_password);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signatureMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_sign = new QPushButton(action, this);
    m_sign->setObjectName(QStringLiteral("sign"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelSignature"));
    for (QPushButton *b : {m_sign, m_cancel}) {
        b->setMinimumHeight(kTouch);
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    m_sign->setDefault(true);
    m_sign->setAutoDefault(true);
    layout->addLayout(buttons);

    connect(m_sign, &QPushButton::clicked, this, [this] {
        if (m_password->text().isEmpty()) {
            showProblem(tr("Enter your password."));
            return;
        }
        setBusy(true);
        const QString password = m_password->text();
        m_password->clear();
        emit signRequested(password);
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
}

QString SignatureDialog::signer() const
{
    return m_signer->text();
}

QString SignatureDialog::meaning() const
{
    return m_meaning->text();
}

QString SignatureDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SignatureDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void SignatureDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_sign->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
    if (busy)
        showMessage(tr("Signing… this takes a moment."), false);
}

void SignatureDialog::showProblem(const QString &message)
{
    setBusy(false);
    showMessage(message, true);
    m_password->setFocus();
}

void SignatureDialog::showMessage(const QString &message, bool problem)
{
    m_message->setStyleSheet(
        problem ? QStringLiteral("QLabel { color: #b00020; font-weight: bold; }") : QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    fitHeight();
}

void SignatureDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void SignatureDialog::fitHeight()
{
    // Word-wrapped labels need more height the narrower they are: grow to show every line at
    // the width the dialog has.
    layout()->activate();
    const int height = layout()->totalHeightForWidth(width());
    if (height > this->height())
        resize(width(), height);
}

} // namespace flowviz::ui
