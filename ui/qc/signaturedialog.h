#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace flowviz::ui {

// Asks for the user's password again to sign a decision electronically, showing who signs and
// what the signature means. Signing happens on this workstation, so it works offline too; the
// dialog stays open with the problem in full when the password is wrong.
class SignatureDialog : public QDialog
{
    Q_OBJECT

public:
    // `action` is the sign button's text ("Sign and record FAIL").
    SignatureDialog(const QString &signer, const QString &meaning, const QString &action,
                    QWidget *parent = nullptr);

    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signButton() const { return m_sign; }
    QString signer() const;
    QString meaning() const;
    QString message() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showProblem(const QString &message);

public slots:
    // Not while signing: the decision would be recorded after the dialog had gone.
    void reject() override;

signals:
    void signRequested(const QString &password);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showMessage(const QString &message, bool problem);
    void fitHeight();

    QLabel *m_signer = nullptr;
    QLabel *m_meaning = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_busy = false;
};

} // namespace flowviz::ui
