#include "ui/login/loginpage.h"

#include "app/api/apierror.h"
#include "app/session/session.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowviz::ui {

LoginPage::LoginPage(app::Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *box = new QWidget(this);
    box->setMaximumWidth(520);
    auto *layout = new QVBoxLayout(box);
    m_title = new QLabel(box);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    m_userLabel = new QLabel(box);
    m_user = new QLineEdit(box);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setMinimumHeight(48);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel = new QLabel(box);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumHeight(48);
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    layout->addLayout(form);

    m_button = new QPushButton(box);
    m_button->setObjectName(QStringLiteral("loginButton"));
    m_button->setMinimumHeight(64);
    m_button->setDefault(true);
    QFont buttonFont = m_button->font();
    buttonFont.setPointSizeF(buttonFont.pointSizeF() * 1.3);
    buttonFont.setBold(true);
    m_button->setFont(buttonFont);
    layout->addWidget(m_button);

    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 2);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_button);

    connect(m_user, &QLineEdit::returnPressed, this, [this] {
        if (m_password->text().isEmpty())
            m_password->setFocus(Qt::OtherFocusReason);
        else
            submit();
    });
    connect(m_password, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_button, &QPushButton::clicked, this, &LoginPage::submit);

    connect(session, &app::Session::loggedIn, this, [this] {
        if (!m_waiting)
            return;
        setBusy(false);
        m_password->clear();
        m_message->hide();
        emit loggedIn();
    });
    connect(session, &app::Session::loginFailed, this, &LoginPage::onFailed);

    retranslateUi();
    prepare();
}

void LoginPage::prepare(const QString &notice)
{
    m_password->clear();
    const QString last = m_session->lastUsername();
    if (m_user->text().isEmpty() && !last.isEmpty())
        m_user->setText(last);
    if (notice.isEmpty())
        m_message->hide();
    else
        showError(notice);
    if (m_user->text().isEmpty())
        m_user->setFocus(Qt::OtherFocusReason);
    else
        m_password->setFocus(Qt::OtherFocusReason);
}

QString LoginPage::errorText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void LoginPage::handleScan(const QString &code)
{
    m_user->setText(code.trimmed());
    m_password->clear();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LoginPage::submit()
{
    if (m_waiting)
        return;
    const QString user = m_user->text().trimmed();
    if (user.isEmpty()) {
        showError(tr("Enter your user name or scan your badge."));
        m_user->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    setBusy(true);
    m_message->hide();
    m_session->login(user, m_password->text());
}

void LoginPage::onFailed(const app::ApiError &, const QString &message)
{
    if (!m_waiting)
        return;
    // Session says why, also when the server cannot be reached and the password was checked
    // against this workstation's record (never logged in here, too long ago, wrong password).
    setBusy(false);
    m_password->clear();
    showError(message);
    m_password->setFocus(Qt::OtherFocusReason);
}

void LoginPage::setBusy(bool busy)
{
    m_waiting = busy;
    m_button->setEnabled(!busy);
    m_button->setText(busy ? tr("Logging in…") : tr("Log in"));
}

void LoginPage::showError(const QString &message)
{
    m_message->setText(QStringLiteral("⚠ ") + message);
    m_message->show();
}

void LoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LoginPage::retranslateUi()
{
    m_title->setText(tr("Log in to FlowViz"));
    m_userLabel->setText(tr("&User name:"));
    m_user->setPlaceholderText(tr("Type it or scan your badge"));
    m_passwordLabel->setText(tr("&Password:"));
    m_button->setText(m_waiting ? tr("Logging in…") : tr("Log in"));
}

} // namespace flowviz::ui
