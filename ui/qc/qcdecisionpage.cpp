#include "ui/qc/qcdecisionpage.h"

#include "ui/common/fielderror.h"
#include "ui/common/reflowgridlayout.h"
#include "ui/common/statusbadge.h"
#include "ui/common/temperaturebadge.h"
#include "ui/labels/labelrenderer.h"
#include "ui/qc/signaturedialog.h"

#include "app/core/domainlabels.h"
#include "app/outbox/outbox.h"
#include "app/registration/rulemessages.h"
#include "app/session/session.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace flowviz::ui {

namespace {

constexpr int kTouch = 44;

// Keeps the scrolled form exactly as wide as its viewport: the form scrolls vertically only, so
// the lot's status badge and the last gate are never pushed out of sight to the right.
class FitWidth : public QObject
{
public:
    FitWidth(QWidget *form, QObject *parent) : QObject(parent), m_form(form) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            m_form->setFixedWidth(static_cast<QWidget *>(watched)->width());
        return false;
    }

private:
    QWidget *m_form;
};

} // namespace

QcDecisionPage::QcDecisionPage(app::DecisionRecorder *recorder, QWidget *parent)
    : QWidget(parent), m_recorder(recorder)
{
    // The form scrolls on small screens; the card, fields and gates are never squeezed into
    // each other, and the decision buttons stay in view below it.
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("qcForm"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *form = new QWidget(scroll);
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(form);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->installEventFilter(new FitWidth(form, scroll));
    outer->addWidget(scroll, 1);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    buildScanPrompt(layout);
    layout->addWidget(buildLotCard(big));
    buildGateStepper(layout);
    buildEntryFields(layout);
    layout->addStretch(1);
    buildDecisionButtons(outer, big);
    connectRecorder();
    reloadGates();
    retranslateUi();
}

// The hint to scan a label, and where a scan's problem is shown.
void QcDecisionPage::buildScanPrompt(QVBoxLayout *layout)
{
    m_scanHint = new QLabel(this);
    m_scanHint->setWordWrap(true);
    layout->addWidget(m_scanHint);
    QLabel *scanError = makeFieldErrorLabel(this);
    scanError->setObjectName(QStringLiteral("scanMessage"));
    m_errors.insert(QStringLiteral("lot_code"), scanError);
    layout->addWidget(scanError);
}

// The scanned lot: code, status, details, temperature, parents, signature and freshness.
QGroupBox *QcDecisionPage::buildLotCard(const QFont &big)
{
    m_card = new QGroupBox(this);
    m_card->setObjectName(QStringLiteral("lotCard"));
    auto *card = new QVBoxLayout(m_card);
    // The code and the status badge each get a line: a long code and a long status never
    // squeeze each other.
    m_cardCode = new QLabel(m_card);
    m_cardCode->setFont(big);
    m_cardCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    card->addWidget(m_cardCode);
    m_status = new StatusBadge(m_card);
    m_status->setObjectName(QStringLiteral("lotStatus"));
    card->addWidget(m_status, 0, Qt::AlignLeft);
    m_cardDetails = new QLabel(m_card);
    m_cardDetails->setWordWrap(true);
    card->addWidget(m_cardDetails);
    m_cardTemperature = new TemperatureBadge(m_card);
    card->addWidget(m_cardTemperature);
    m_parents = new QLabel(m_card);
    m_parents->setObjectName(QStringLiteral("lotParents"));
    m_parents->setWordWrap(true);
    card->addWidget(m_parents);
    m_signature = new QLabel(m_card);
    m_signature->setObjectName(QStringLiteral("signature"));
    m_signature->setWordWrap(true);
    m_signature->setTextFormat(Qt::PlainText);
    m_signature->hide();
    card->addWidget(m_signature);
    m_freshness = new QLabel(m_card);
    m_freshness->setObjectName(QStringLiteral("lotFreshness"));
    m_freshness->setWordWrap(true);
    m_freshness->hide();
    card->addWidget(m_freshness);
    m_card->hide();
    return m_card;
}

// The gates as buttons that reflow into rows: a gate's name and state are never cut.
void QcDecisionPage::buildGateStepper(QVBoxLayout *layout)
{
    m_gatesTitle = new QLabel(this);
    m_gatesTitle->setWordWrap(true);
    layout->addWidget(m_gatesTitle);
    m_stepperLayout = new ReflowGridLayout;
    layout->addLayout(m_stepperLayout);
    m_stepper = new QButtonGroup(this);
    m_stepper->setExclusive(true);
    connect(m_stepper, &QButtonGroup::idClicked, this, [this] { m_gateChosenByOperator = true; });
    connect(m_stepper, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateCcpFields();
    });
    m_errors.insert(QStringLiteral("gate_number"), makeFieldErrorLabel(this));
    layout->addWidget(m_errors.value(QStringLiteral("gate_number")));
}

// Measured temperature, notes and (for a CCP outside its limit) the corrective action.
void QcDecisionPage::buildEntryFields(QVBoxLayout *layout)
{
    m_temperatureLabel = new QLabel(this);
    m_temperatureLabel->setWordWrap(true);
    layout->addWidget(m_temperatureLabel);
    m_temperature = new QLineEdit(this);
    m_temperature->setObjectName(QStringLiteral("qcTemperature"));
    m_temperature->setMinimumHeight(kTouch);
    m_temperature->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    layout->addWidget(m_temperature);
    m_limitHint = new QLabel(this);
    m_limitHint->setObjectName(QStringLiteral("limitHint"));
    m_limitHint->setWordWrap(true);
    m_limitHint->hide();
    layout->addWidget(m_limitHint);
    QLabel *temperatureError = makeFieldErrorLabel(this);
    temperatureError->setObjectName(QStringLiteral("temperatureMessage"));
    m_errors.insert(QStringLiteral("temperature_c"), temperatureError);
    layout->addWidget(temperatureError);
    // Checked on every keystroke: the operator sees a broken limit before choosing.
    connect(m_temperature, &QLineEdit::textEdited, this, [this] {
        setError(QStringLiteral("temperature_c"), QString());
        updateLimitWarning();
    });
    m_notesLabel = new QLabel(this);
    m_notesLabel->setWordWrap(true);
    layout->addWidget(m_notesLabel);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("qcNotes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(120);
    layout->addWidget(m_notes);
    m_errors.insert(QStringLiteral("notes"), makeFieldErrorLabel(this));
    layout->addWidget(m_errors.value(QStringLiteral("notes")));
    m_correctiveLabel = new QLabel(this);
    m_correctiveLabel->setWordWrap(true);
    layout->addWidget(m_correctiveLabel);
    m_correctiveAction = new QPlainTextEdit(this);
    m_correctiveAction->setObjectName(QStringLiteral("qcCorrectiveAction"));
    m_correctiveAction->setTabChangesFocus(true);
    m_correctiveAction->setMaximumHeight(120);
    layout->addWidget(m_correctiveAction);
    m_errors.insert(QStringLiteral("corrective_action"), makeFieldErrorLabel(this));
    layout->addWidget(m_errors.value(QStringLiteral("corrective_action")));
    m_correctiveLabel->hide();
    m_correctiveAction->hide();
}

// PASS, HOLD and FAIL as large coloured buttons below the scrolling form, with the result.
void QcDecisionPage::buildDecisionButtons(QVBoxLayout *layout, const QFont &big)
{
    auto *buttons = new QHBoxLayout;
    const QList<std::pair<Decision, QString>> colours{{Decision::PASS, QStringLiteral("#1b7f3b")},
                                                      {Decision::HOLD, QStringLiteral("#a86500")},
                                                      {Decision::FAIL, QStringLiteral("#b00020")}};
    for (int i = 0; i < colours.size(); ++i) {
        const Decision d = colours[i].first;
        auto *b = new QPushButton(this);
        b->setObjectName(QStringLiteral("decide") + toString(d));
        b->setMinimumHeight(2 * kTouch);
        b->setFont(big);
        b->setStyleSheet(QStringLiteral("QPushButton { color: white; background: %1; }"
                                        "QPushButton:disabled { background: #9e9e9e; }")
                             .arg(colours[i].second));
        b->setEnabled(false);
        connect(b, &QPushButton::clicked, this, [this, d] { decide(d); });
        m_buttons.insert(d, b);
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);
    m_errors.insert(QStringLiteral("save"), makeFieldErrorLabel(this));
    layout->addWidget(m_errors.value(QStringLiteral("save")));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("qcResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
}

// Follows what the recorder, the cache and the outbox report.
void QcDecisionPage::connectRecorder()
{
    connect(m_recorder, &app::DecisionRecorder::recorded, this, &QcDecisionPage::onRecorded);
    connect(m_recorder->cache(), &app::LocalCache::gatesChanged, this,
            &QcDecisionPage::reloadGates);
    connect(m_recorder->cache(), &app::LocalCache::lotsChanged, this, [this] {
        if (m_lotCode.isEmpty())
            return;
        // The code on the card may now name another lot (e.g. a queued registration was
        // discarded): the card is emptied rather than showing, and deciding on, that one.
        const auto lot = m_recorder->cache()->lot(m_lotCode);
        if (!lot || lot->id != m_lotId) {
            const QString code = m_lotCode;
            clearLot();
            setError(
                QStringLiteral("lot_code"),
                tr("\u2716 Lot %1 changed on this workstation. Scan its label again.").arg(code));
            return;
        }
        showLot();
    });
    connect(m_recorder, &app::DecisionRecorder::signatureFailed, this,
            [this](app::DecisionRecorder::SignatureProblem, const QString &message) {
                if (m_dialog)
                    m_dialog->showProblem(message);
                else
                    setError(QStringLiteral("save"), message);
            });
    connect(m_recorder->outbox(), &app::Outbox::changed, this, [this] {
        updateStepper();
        updateResult();
    });
}

void QcDecisionPage::retranslateUi()
{
    m_title->setText(tr("QC decision"));
    m_scanHint->setText(tr("Scan the label of the lot you are checking."));
    m_card->setTitle(tr("Lot"));
    m_gatesTitle->setText(tr("QC gate"));
    m_temperatureLabel->setText(
        tr("Measured temperature (°C) — required at critical control points"));
    // Written as numbers are typed here: "-18,5" in Hungarian.
    m_temperature->setPlaceholderText(
        tr("e.g. %1").arg(app::RuleMessages::asTyped(QStringLiteral("-18.5"))));
    m_notesLabel->setText(tr("Notes — required for HOLD and FAIL (at least %1 characters)")
                              .arg(rules::kNotesMinForHoldOrFail));
    m_correctiveLabel->setText(
        tr("Corrective action — required for HOLD and FAIL at this critical control point: what "
           "was done with the product and the process (at least %1 characters)")
            .arg(rules::kCorrectiveActionMin));
    m_buttons.value(Decision::PASS)
        ->setText(tr("\u2714 %1 (F2)").arg(app::DomainLabels::decision(Decision::PASS)));
    m_buttons.value(Decision::HOLD)
        ->setText(tr("\u275A\u275A %1 (F3)").arg(app::DomainLabels::decision(Decision::HOLD)));
    m_buttons.value(Decision::FAIL)
        ->setText(tr("\u2716 %1 (F4)").arg(app::DomainLabels::decision(Decision::FAIL)));
    // setText() resets a button's shortcut to the text's mnemonic: set the keys after it.
    m_buttons.value(Decision::PASS)->setShortcut(QKeySequence(Qt::Key_F2));
    m_buttons.value(Decision::HOLD)->setShortcut(QKeySequence(Qt::Key_F3));
    m_buttons.value(Decision::FAIL)->setShortcut(QKeySequence(Qt::Key_F4));
    reloadGates();
    if (!m_lotCode.isEmpty())
        showLot();
    updateLimitWarning();
}

void QcDecisionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

int QcDecisionPage::currentGate() const
{
    return m_stepper->checkedId();
}

void QcDecisionPage::setCurrentGate(int number)
{
    if (QAbstractButton *b = m_stepper->button(number)) {
        b->setChecked(true);
        m_gateChosenByOperator = true; // a gate picked on purpose is kept when history arrives
    }
}

void QcDecisionPage::reloadGates()
{
    const int current = currentGate();
    for (QAbstractButton *b : m_stepper->buttons()) {
        m_stepper->removeButton(b);
        delete b;
    }
    for (const app::CachedGate &gate : m_recorder->cache()->gates()) {
        auto *b = new QPushButton(this);
        b->setCheckable(true);
        b->setMinimumHeight(kTouch + 16);
        b->setObjectName(QStringLiteral("gate%1").arg(gate.number));
        m_stepper->addButton(b, gate.number);
        m_stepperLayout->addWidget(b);
    }
    if (current > 0)
        setCurrentGate(current);
    updateStepper();
    updateCcpFields();
}

QString QcDecisionPage::gateStateText(int gateNumber) const
{
    const QAbstractButton *b = m_stepper->button(gateNumber);
    return b ? b->text() : QString();
}

void QcDecisionPage::updateStepper()
{
    const QString language =
        QLocale().language() == QLocale::Hungarian ? QStringLiteral("hu") : QStringLiteral("en");
    QList<app::RecordedDecision> decisions = m_serverDecisions;
    if (!m_lotCode.isEmpty()) {
        for (const app::RecordedDecision &d : m_recorder->decisionsFor(m_lotCode)) {
            // A decision from here that already reached the server is in its list once.
            const bool known = std::any_of(m_serverDecisions.begin(), m_serverDecisions.end(),
                                           [&d](const app::RecordedDecision &s) {
                                               return s.gateNumber == d.gateNumber &&
                                                      s.decision == d.decision &&
                                                      s.decidedAt.toMSecsSinceEpoch() ==
                                                          d.decidedAt.toMSecsSinceEpoch();
                                           });
            if (!known)
                decisions.append(d);
        }
    }
    std::stable_sort(decisions.begin(), decisions.end(),
                     [](const app::RecordedDecision &a, const app::RecordedDecision &b) {
                         return a.decidedAt < b.decidedAt;
                     });
    int firstOpen = -1;
    for (const app::CachedGate &gate : m_recorder->cache()->gates()) {
        QAbstractButton *b = m_stepper->button(gate.number);
        if (!b)
            continue;
        std::optional<Decision> last;
        for (const app::RecordedDecision &d : decisions) {
            if (d.gateNumber == gate.number)
                last = d.decision;
        }
        QString state = last ? QStringLiteral("%1 %2").arg(
                                   *last == Decision::PASS   ? QStringLiteral("\u2714")
                                   : *last == Decision::HOLD ? QStringLiteral("\u275A\u275A")
                                                             : QStringLiteral("\u2716"),
                                   app::DomainLabels::decision(*last))
                             : tr("not checked");
        if (firstOpen < 0 && (!last || *last != Decision::PASS))
            firstOpen = gate.number;
        b->setText(app::DomainLabels::gate(gate.number, gate.name(language), gate.isCcp) + u'\n' +
                   state);
    }
    if (currentGate() < 0 && firstOpen > 0) {
        if (QAbstractButton *b = m_stepper->button(firstOpen))
            b->setChecked(true); // offered, not chosen: history may still move it
    }
}

QString QcDecisionPage::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString QcDecisionPage::signatureText() const
{
    return m_signature->isHidden() ? QString() : m_signature->text();
}

QString QcDecisionPage::parentsText() const
{
    return m_parents->text();
}

QString QcDecisionPage::resultText() const
{
    return m_result->text();
}

void QcDecisionPage::setError(const QString &field, const QString &message)
{
    if (QLabel *label = m_errors.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

void QcDecisionPage::showErrors(const app::FieldMessages &errors)
{
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        setError(it.key(), errors.value(it.key()));
    // A broken limit stays in view whatever else was said.
    if (!errors.contains(QStringLiteral("temperature_c")))
        updateLimitWarning();
}

void QcDecisionPage::updateCcpFields()
{
    const bool ccp = m_recorder->isCcp(draft(Decision::HOLD));
    m_correctiveLabel->setVisible(ccp);
    m_correctiveAction->setVisible(ccp);
    if (!ccp)
        setError(QStringLiteral("corrective_action"), QString());
    updateLimitWarning();
}

QString QcDecisionPage::limitHintText() const
{
    return m_limitHint->isHidden() ? QString() : m_limitHint->text();
}

void QcDecisionPage::updateLimitWarning()
{
    const auto limit = m_recorder->criticalLimit(draft(Decision::PASS));
    if (limit)
        m_limitHint->setText(tr("Critical limit for this lot at this gate: %1")
                                 .arg(app::RuleMessages::limitText(*limit)));
    m_limitHint->setVisible(limit.has_value());

    const QString problem =
        m_lotCode.isEmpty() ? QString() : m_recorder->limitProblem(draft(Decision::PASS));
    if (!problem.isEmpty())
        setError(QStringLiteral("temperature_c"), QStringLiteral("\u26A0 ") + problem);
    else if (!m_limitProblem.isEmpty() && fieldError(QStringLiteral("temperature_c")) ==
                                              QStringLiteral("\u26A0 ") + m_limitProblem)
        setError(QStringLiteral("temperature_c"), QString());
    m_limitProblem = problem;
    updateButtons();
}

void QcDecisionPage::updateButtons()
{
    const auto lot = m_lotCode.isEmpty() ? std::nullopt : m_recorder->cache()->lot(m_lotCode);
    const bool lotKnown = !m_lookingUp && lot && lot->id == m_lotId;
    for (QPushButton *b : std::as_const(m_buttons))
        b->setEnabled(lotKnown);
    // PASS outside the critical limit is refused here already; the server refuses it too.
    QPushButton *pass = m_buttons.value(Decision::PASS);
    pass->setEnabled(lotKnown && m_limitProblem.isEmpty());
    pass->setToolTip(m_limitProblem);
}

void QcDecisionPage::handleScan(const QString &code)
{
    const QString normalized = rules::normalizeLotCode(code);
    const quint64 scan = ++m_scan;
    // From this moment no decision can go to the lot shown before: a scan that does not resolve
    // leaves the card empty.
    if (normalized != m_lotCode)
        clearLot();
    m_lookingUp = true;
    setError(QStringLiteral("lot_code"), QString());
    m_scanHint->setText(tr("Looking up lot %1…").arg(normalized));
    updateButtons();
    QPointer<QcDecisionPage> self(this);
    m_recorder->lookupLot(normalized, this, [self, scan](const app::LotLookupResult &result) {
        if (self && self->m_scan == scan)
            self->onLookedUp(result);
    });
}

void QcDecisionPage::onLookedUp(const app::LotLookupResult &result)
{
    m_lookingUp = false;
    m_scanHint->setText(tr("Scan the label of the lot you are checking."));
    if (!result.found() || (result.code != m_lotCode && !m_lotCode.isEmpty())) {
        clearLot();
        setError(
            QStringLiteral("lot_code"),
            result.invalidCode
                ? tr("\u2716 \"%1\" is not a lot code. Scan the label of the lot.").arg(result.code)
            : result.notRegistered
                ? tr("\u2716 Lot %1 is not registered. Check the label.").arg(result.code)
                : tr("\u2716 Lot %1 is not known on this workstation and the server cannot "
                     "be reached to check it. Try again when the connection is back.")
                      .arg(result.code));
        return;
    }
    showErrors({});
    m_freshness->setText(
        result.source == app::LotLookupResult::Source::Cache
            ? tr("Status as last known on this workstation: the server could not be asked.")
            : QString());
    m_freshness->setVisible(!m_freshness->text().isEmpty());
    if (result.code != m_lotCode || result.lot->id != m_lotId) {
        clearLot();
        m_lotCode = result.code;
        m_lotId = result.lot->id;
        QPointer<QcDecisionPage> self(this);
        const QString lot = m_lotCode;
        // The gates the lot passed elsewhere come from the server; decisions made here and
        // not yet synced are added to them.
        m_recorder->lookupHistory(m_lotCode, this,
                                  [self, lot](const QList<app::RecordedDecision> &decisions, bool) {
                                      if (!self || self->m_lotCode != lot)
                                          return;
                                      self->m_serverDecisions = decisions;
                                      // Unless the operator picked a gate meanwhile, offer the
                                      // first one the lot has not passed.
                                      if (!self->m_gateChosenByOperator) {
                                          self->m_stepper->setExclusive(false);
                                          if (QAbstractButton *b = self->m_stepper->checkedButton())
                                              b->setChecked(false);
                                          self->m_stepper->setExclusive(true);
                                      }
                                      self->updateStepper();
                                  });
        m_recorder->lookupParents(m_lotCode, this,
                                  [self, lot](const QStringList &parents, bool known) {
                                      if (!self || self->m_lotCode != lot)
                                          return;
                                      self->m_parentCodes = parents;
                                      self->m_parentsKnown = known;
                                      self->showLot();
                                  });
    }
    // A signed decision recorded here earlier shows on the card.
    for (const app::RecordedDecision &d : m_recorder->decisionsFor(m_lotCode)) {
        if (d.signature) {
            m_signature->setText(tr("Signed: %1").arg(d.signature->text));
            m_signature->show();
        }
    }
    showLot();
    updateStepper();
    updateCcpFields();
}

void QcDecisionPage::clearLot()
{
    m_lotCode.clear();
    m_lotId.clear();
    resetFields();
    m_signature->hide();
    m_freshness->hide();
    m_stepper->setExclusive(false);
    if (QAbstractButton *b = m_stepper->checkedButton())
        b->setChecked(false);
    m_stepper->setExclusive(true);
    m_parentCodes.clear();
    m_parentsKnown = false;
    m_serverDecisions.clear();
    m_gateChosenByOperator = false;
    m_card->hide();
    updateStepper();
    updateCcpFields();
}

void QcDecisionPage::resetFields()
{
    m_notes->clear();
    m_temperature->clear();
    m_correctiveAction->clear();
}

void QcDecisionPage::updateResult()
{
    if (m_resultOutboxId.isEmpty())
        return;
    const auto item = m_recorder->outbox()->item(m_resultOutboxId);
    if (!item)
        return;
    const auto decision =
        decisionFromString(item->payload.value(QStringLiteral("decision")).toString());
    const QString name = decision ? app::DomainLabels::decision(*decision) : QString();
    const int gate = item->payload.value(QStringLiteral("gate_number")).toInt();
    switch (item->state) {
    case app::OutboxItem::State::Done:
        m_result->setText(tr("%1 recorded for lot %2 at gate %3 and on the server.")
                              .arg(name, m_resultLot)
                              .arg(gate));
        break;
    case app::OutboxItem::State::NeedsAttention:
        m_result->setText(tr("\u2716 The server refused the %1 for lot %2 at gate %3: %4 It is "
                             "not recorded. See the Sync page.")
                              .arg(name, m_resultLot)
                              .arg(gate)
                              .arg(item->lastError));
        break;
    case app::OutboxItem::State::Discarded:
        m_result->setText(tr("\u2716 The %1 for lot %2 at gate %3 was discarded: it is not "
                             "recorded.")
                              .arg(name, m_resultLot)
                              .arg(gate));
        break;
    case app::OutboxItem::State::Pending:
    case app::OutboxItem::State::InFlight:
        break;
    }
}

QString QcDecisionPage::freshnessText() const
{
    return m_freshness->isHidden() ? QString() : m_freshness->text();
}

void QcDecisionPage::showLot()
{
    const auto lot = m_recorder->cache()->lot(m_lotCode);
    updateButtons();
    if (!lot) {
        m_card->hide();
        return;
    }
    m_card->show();
    m_cardCode->setText(lot->code);
    m_status->setStatus(lot->status, lot->isPending());
    m_cardDetails->setText(
        tr("%1 · %2 · run %3")
            .arg(app::DomainLabels::lotType(lot->type),
                 lot->weightKg ? LabelRenderer::formatWeight(*lot->weightKg) : tr("weight unknown"),
                 lot->runCode.isEmpty() ? tr("none") : lot->runCode));
    m_cardTemperature->setReading(lot->temperatureC, m_recorder->cache()->profile(lot->type));
    if (!m_parentsKnown)
        m_parents->setText(tr("Made from: not known here (the server cannot be reached)."));
    else if (m_parentCodes.isEmpty())
        m_parents->setText(tr("Made from: no parent lots (raw material)."));
    else
        m_parents->setText(tr("Made from: %1").arg(m_parentCodes.join(QStringLiteral(", "))));
}

app::DecisionDraft QcDecisionPage::draft(Decision decision) const
{
    app::DecisionDraft d;
    d.lotCode = m_lotCode;
    d.lotId = m_lotId;
    d.gateNumber = currentGate();
    d.decision = decision;
    d.notes = m_notes->toPlainText();
    d.temperatureC = m_temperature->text();
    // Only where the field is offered (critical control points).
    if (!m_correctiveAction->isHidden())
        d.correctiveAction = m_correctiveAction->toPlainText();
    return d;
}

void QcDecisionPage::decide(Decision decision)
{
    const app::DecisionDraft d = draft(decision);
    app::FieldMessages errors = m_recorder->validate(d);
    const QString temperature = errors.value(QStringLiteral("temperature_c"));
    if (!temperature.isEmpty() && temperature == m_recorder->limitProblem(d))
        errors.insert(QStringLiteral("temperature_c"), QStringLiteral("\u26A0 ") + temperature);
    showErrors(errors);
    if (!errors.isEmpty()) {
        if (errors.contains(QStringLiteral("notes")))
            m_notes->setFocus();
        else if (errors.contains(QStringLiteral("temperature_c")))
            m_temperature->setFocus();
        else if (errors.contains(QStringLiteral("corrective_action")))
            m_correctiveAction->setFocus();
        return;
    }
    if (m_recorder->requiresSignature(d)) {
        openSignature(d);
        return;
    }
    showErrors(m_recorder->record(d));
}

void QcDecisionPage::openSignature(const app::DecisionDraft &d)
{
    const app::SessionUser user =
        m_recorder->session() ? m_recorder->session()->user() : app::SessionUser();
    const QString signer = user.fullName.isEmpty()
                               ? user.username
                               : QStringLiteral("%1 (%2)").arg(user.fullName, user.username);
    auto *dialog = new SignatureDialog(
        signer, m_recorder->signatureMeaning(d),
        tr("Sign and record %1").arg(app::DomainLabels::decision(d.decision)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &SignatureDialog::signRequested, this,
            [this, d](const QString &password) { m_recorder->recordSigned(d, password); });
    dialog->open();
}

void QcDecisionPage::onRecorded(const app::RecordedDecision &decision)
{
    if (decision.signature && m_dialog)
        m_dialog->accept();
    // Says which lot the decision went to, whatever the card shows by now.
    m_result->setText(tr("%1 recorded for lot %2 at gate %3. It will be sent to the server "
                         "automatically.")
                          .arg(app::DomainLabels::decision(decision.decision), decision.lotCode)
                          .arg(decision.gateNumber));
    m_resultOutboxId = decision.outboxId;
    m_resultLot = decision.lotCode;
    if (decision.lotCode != m_lotCode)
        return;
    if (decision.signature) {
        m_signature->setText(tr("Signed: %1").arg(decision.signature->text));
        m_signature->show();
    }
    m_notes->clear();
    m_temperature->clear();
    m_correctiveAction->clear();
    showLot();
    updateStepper();
    updateLimitWarning();
}

} // namespace flowviz::ui
