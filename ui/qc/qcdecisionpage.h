#pragma once

#include "app/qc/decisionrecorder.h"
#include "ui/qc/signaturedialog.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QFont;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace flowviz::ui {

class ReflowGridLayout;
class StatusBadge;
class TemperatureBadge;

// Records QC decisions: scan a lot, see its card and the gates it has passed, then PASS, HOLD
// or FAIL with large buttons (F2 / F3 / F4). Notes are demanded for HOLD and FAIL; at a
// critical control point (CCP) the temperature too, and for HOLD and FAIL the corrective
// action. A temperature outside the CCP's critical limit is flagged as it is typed and PASS
// is refused. Decisions that must be signed (HOLD/FAIL at a CCP, PASS where the gate says so)
// are signed with the operator's password, also offline; the card shows who signed, when and
// what it meant.
class QcDecisionPage : public QWidget
{
    Q_OBJECT

public:
    explicit QcDecisionPage(app::DecisionRecorder *recorder, QWidget *parent = nullptr);

    // The lot on the card: the one a decision goes to (empty while none is shown).
    QString currentLot() const { return m_lotCode; }
    QString currentLotId() const { return m_lotId; }
    // A scanned code is being looked up on the server; the decision buttons are off meanwhile.
    bool isLookingUp() const { return m_lookingUp; }
    // "Status as last known here" when the server could not be asked about the lot; else empty.
    QString freshnessText() const;
    int currentGate() const;
    // The stepper's text for one gate (its state), for tests and screenshots.
    QString gateStateText(int gateNumber) const;
    void setCurrentGate(int number);
    QLineEdit *temperatureEdit() const { return m_temperature; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QPlainTextEdit *correctiveActionEdit() const { return m_correctiveAction; }
    QPushButton *decisionButton(Decision decision) const { return m_buttons.value(decision); }
    StatusBadge *statusBadge() const { return m_status; }
    // The signature dialog while it is open.
    SignatureDialog *signatureDialog() const { return m_dialog; }
    // Inline messages: "lot_code" (scan), "notes", "temperature_c", "corrective_action",
    // "gate_number", "save".
    QString fieldError(const QString &field) const;
    QString signatureText() const;
    // "Critical limit for this lot: ..." while a CCP gate with a limit is chosen; else empty.
    QString limitHintText() const;
    QString parentsText() const;
    QString resultText() const;

public slots:
    void handleScan(const QString &code);
    void decide(flowviz::Decision decision);
    void reloadGates();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's parts, top to bottom.
    void buildScanPrompt(QVBoxLayout *layout);
    QGroupBox *buildLotCard(const QFont &big);
    void buildGateStepper(QVBoxLayout *layout);
    void buildEntryFields(QVBoxLayout *layout);
    void buildDecisionButtons(QVBoxLayout *layout, const QFont &big);
    void connectRecorder();
    void retranslateUi();
    void showLot();
    void onLookedUp(const app::LotLookupResult &result);
    // Empties the card: no lot, no decision can be taken until a scan resolves.
    void clearLot();
    void resetFields();
    // The last decision recorded here went further: on the server, refused, or discarded.
    void updateResult();
    void updateStepper();
    // The gate or lot changed: show the CCP fields or not, and check the limit again.
    void updateCcpFields();
    // Flags a temperature that breaks the critical limit (PASS is then refused).
    void updateLimitWarning();
    void updateButtons();
    void setError(const QString &field, const QString &message);
    void showErrors(const app::FieldMessages &errors);
    app::DecisionDraft draft(Decision decision) const;
    void onRecorded(const app::RecordedDecision &decision);
    void openSignature(const app::DecisionDraft &draft);

    app::DecisionRecorder *m_recorder;
    QString m_lotCode;
    QString m_lotId;
    quint64 m_scan = 0; // which scan the pending lookup answers
    bool m_lookingUp = false;
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
    QLabel *m_freshness = nullptr;
    QLabel *m_gatesTitle = nullptr;
    ReflowGridLayout *m_stepperLayout = nullptr;
    QButtonGroup *m_stepper = nullptr;
    QLabel *m_temperatureLabel = nullptr;
    QLineEdit *m_temperature = nullptr;
    QLabel *m_limitHint = nullptr;
    QLabel *m_notesLabel = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_correctiveLabel = nullptr;
    QPlainTextEdit *m_correctiveAction = nullptr;
    QString m_limitProblem; // the sentence shown while the typed value breaks the limit
    QMap<Decision, QPushButton *> m_buttons;
    QLabel *m_result = nullptr;
    QString m_resultOutboxId; // the outbox item of the last decision recorded here
    QString m_resultLot;
    QMap<QString, QLabel *> m_errors;
    QPointer<SignatureDialog> m_dialog;
};

} // namespace flowviz::ui
