#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace flowviz::app {
struct ApiError;
class Session;
} // namespace flowviz::app

namespace flowviz::ui {

// Who is working at this station: user name (a badge scan fills it) and password. When the
// server cannot be reached, anyone who logged in online here lately logs in with their own
// password (Session checks it against this workstation's record).
class LoginPage : public QWidget
{
    Q_OBJECT

public:
    explicit LoginPage(flowviz::app::Session *session, QWidget *parent = nullptr);

    // Ready for the next login: the last user name prefilled, the password cleared, the cursor
    // where it is needed, and an optional notice.
    void prepare(const QString &notice = {});
    QString errorText() const;

public slots:
    // A scanned badge is the user name.
    void handleScan(const QString &code);
    void submit();

signals:
    void loggedIn();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showError(const QString &message);
    void onFailed(const flowviz::app::ApiError &error, const QString &message);
    void setBusy(bool busy);

    flowviz::app::Session *m_session;
    QLabel *m_title = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_button = nullptr;
    QLabel *m_message = nullptr;
    bool m_waiting = false;
};

} // namespace flowviz::ui
