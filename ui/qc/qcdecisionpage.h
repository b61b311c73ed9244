#pragma once

#include "qc/decisionrecorder.h"
#include "signaturedialog.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace flowviz::ui {

class StatusBadge;
class TemperatureBadge;

// Records QC decisions: scan a lot, see its card and the gates it has passed, then PASS, HOLD
// or FAIL with large buttons (F2 / F3 / F4). Notes are demanded for HOLD and FAIL, the
// temperature at CCP gates; a FAIL at a CCP gate is signed with the operator's password and
// the card shows who signed, when and what it meant.
class QcDecisionPage : public QWidget
{
    Q_OBJECT

public:
    explicit QcDecisionPage(app::DecisionRecorder *recorder, QWidget *parent = nullptr);

    QString currentLot() const { return m_lotCode; }
    int currentGate() const;
    // The stepper's text for one gate (its state), for tests and screenshots.
    QString gateStateText(int gateNumber) const;
    void setCurrentGate(int number);
    QLineEdit *temperatureEdit() const { return m_temperature; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QPushButton *decisionButton(Decision decision) const { return m_buttons.value(decision); }
    StatusBadge *statusBadge() const { return m_status; }
    // The signature dialog while it is open.
    SignatureDialog *signatureDialog() const { return m_dialog; }
    // Inline messages: "lot_code" (scan), "notes", "temperature_c", "gate_number", "save".
    QString fieldError(const QString &field) const;
    QString signatureText() const;
    QString parentsText() const;
    QString resultText() const;

public slots:
    void handleScan(const QString &code);
    void decide(flowviz::Decision decision);
    void reloadGates();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showLot();
    void updateStepper();
    void setError(const QString &field, const QString &message);
    void showErrors(const app::FieldMessages &errors);
    app::DecisionDraft draft(Decision decision) const;
    void onRecorded(const app::RecordedDecision &decision);
    void openSignature(const app::DecisionDraft &draft);

    app::DecisionRecorder *m_recorder;
    QString m_lotCode;
    QList<app::RecordedDecision> m_serverDecisions; // what the server holds about m_lotCode
    bool m_gateChosenByOperator = false;
    QStringList m_parentCodes;
    bool m_parentsKnown = false;

    QLabel *m_title = nullptr;
    QLabel *m_scanHint = nullptr;
    QGroupBox *m_card = nullptr;
    QLabel *m_cardCode = nullptr;
    QLabel *m_cardDetails = nullptr;
    TemperatureBadge *m_cardTemperature = nullptr;
    StatusBadge *m_status = nullptr;
    QLabel *m_parents = nullptr;
    QLabel *m_signature = nullptr;
    QLabel *m_gatesTitle = nullptr;
    QHBoxLayout *m_stepperLayout = nullptr;
    QButtonGroup *m_stepper = nullptr;
    QLabel *m_temperatureLabel = nullptr;
    QLineEdit *m_temperature = nullptr;
    QLabel *m_notesLabel = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QMap<Decision, QPushButton *> m_buttons;
    QLabel *m_result = nullptr;
    QMap<QString, QLabel *> m_errors;
    QPointer<SignatureDialog> m_dialog;
};

} // namespace flowviz::ui
