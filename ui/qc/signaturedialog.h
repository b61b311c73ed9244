#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace flowviz::ui {

// Asks for the operator's password again to sign a decision electronically, showing what the
// signature means. When the password cannot be checked (offline) it offers a HOLD instead.
class SignatureDialog : public QDialog
{
    Q_OBJECT

public:
    SignatureDialog(const QString &signer, const QString &meaning, QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signButton() const { return m_sign; }
    QPushButton *holdInsteadButton() const { return m_holdInstead; }
    QString message() const;

    void setBusy(bool busy);
    void showProblem(const QString &message, bool offerHold);

signals:
    void signRequested(const QString &password);
    void holdInsteadRequested();

private:
    QLabel *m_message = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_holdInstead = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace flowviz::ui
