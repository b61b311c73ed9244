#include "tests/ui/support/pagefixture.h"

#include "app/qc/decisionrecorder.h"
#include "ui/common/statusbadge.h"
#include "ui/qc/qcdecisionpage.h"
#include "ui/qc/signaturedialog.h"

#include "domain/decisionsignature.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace flowviz;
using flowviz::test::HttpClient;
using flowviz::test::PageConsole;
using flowviz::test::Reply;
using flowviz::test::TestServer;

// The QC decision page over the real app core and a real flowviz-server: HOLD without notes is
// refused inline and sends nothing; at the CCP gate 7 a temperature outside the critical limit
// is flagged as it is typed and PASS is refused, HOLD and FAIL need a corrective action, and a
// FAIL is signed with the operator's password on the workstation (online or offline); the
// server verifies the signature when the decision syncs and keeps who signed and what it meant.
class TestQcDecisionPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(signing::initialize());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("ui_qc"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        const QList<QJsonObject> lots{
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-QC-P")},
             {QStringLiteral("lot_type"), QStringLiteral("RAW")},
             {QStringLiteral("weight_kg"), QStringLiteral("200.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("2.0")}},
            {{QStringLiteral("lot_code"), QStringLiteral("SKW-QC-1")},
             {QStringLiteral("lot_type"), QStringLiteral("SKW")},
             {QStringLiteral("weight_kg"), QStringLiteral("50.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("2.0")},
             {QStringLiteral("parents"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("RAW-QC-P")},
                              {QStringLiteral("quantity_used_kg"), QStringLiteral("50.00")}}}}},
            {{QStringLiteral("lot_code"), QStringLiteral("FRZ-QC-2")},
             {QStringLiteral("lot_type"), QStringLiteral("FRZ")},
             {QStringLiteral("weight_kg"), QStringLiteral("30.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("-18.0")}},
            {{QStringLiteral("lot_code"), QStringLiteral("FRZ-QC-3")},
             {QStringLiteral("lot_type"), QStringLiteral("FRZ")},
             {QStringLiteral("weight_kg"), QStringLiteral("25.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("-18.5")}},
            {{QStringLiteral("lot_code"), QStringLiteral("FRZ-QC-4")},
             {QStringLiteral("lot_type"), QStringLiteral("FRZ")},
             {QStringLiteral("weight_kg"), QStringLiteral("20.00")},
             {QStringLiteral("temperature_c"), QStringLiteral("-18.5")}}};
        for (const QJsonObject &lot : lots) {
            const Reply r = manager.post(QStringLiteral("/api/v1/lots"), lot);
            QVERIFY2(r.status == 201, r.body.constData());
        }
        m_console = std::make_unique<PageConsole>(m_server->baseUrl());
        QString error;
        QVERIFY2(m_console->start(QStringLiteral("operator"), &error), qPrintable(error));
        m_recorder = std::make_unique<app::DecisionRecorder>(
            m_console->cache.get(), m_console->outbox.get(), &m_console->api,
            m_console->session.get(), m_console->workstationId);
        m_page = std::make_unique<ui::QcDecisionPage>(m_recorder.get());
        m_page->resize(1000, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_recorder.reset();
        m_console.reset();
        m_server.reset();
    }

    void showsTheCardOfAScannedLot()
    {
        QVERIFY(scan(QStringLiteral("skw-qc-1")));
        QCOMPARE(m_page->currentLot(), QStringLiteral("SKW-QC-1"));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::CREATED);
        QTRY_VERIFY(m_page->parentsText().contains(QStringLiteral("RAW-QC-P")));
        QVERIFY(m_page->currentGate() > 0);
        for (Decision d : allDecisions())
            QVERIFY(m_page->decisionButton(d)->height() >= 44);
    }

    // Finding 1: a scan that does not resolve empties the card at once; F2 then records
    // nothing, and above all not a decision on the lot shown before.
    void unknownScanClearsTheCardAndDisablesTheButtons()
    {
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        QCOMPARE(m_page->currentLot(), QStringLiteral("SKW-QC-1"));
        QVERIFY(m_page->decisionButton(Decision::HOLD)->isEnabled());
        const int before = m_console->outbox->items().size();

        m_page->handleScan(QStringLiteral("NOPE-404-X"));
        // Before the server has answered, the previous lot is already gone.
        QVERIFY(m_page->currentLot().isEmpty());
        QVERIFY(!decisionButtonsEnabled());
        QTRY_VERIFY(!m_page->isLookingUp());
        QVERIFY(m_page->currentLot().isEmpty());
        QVERIFY(!decisionButtonsEnabled());
        QVERIFY2(
            m_page->fieldError(QStringLiteral("lot_code")).contains(QStringLiteral("NOPE-404-X")),
            qPrintable(m_page->fieldError(QStringLiteral("lot_code"))));
        QVERIFY(!m_page->findChild<QWidget *>(QStringLiteral("lotCard"))->isVisible());
        QTest::keyClick(m_page.get(), Qt::Key_F2);
        QTest::keyClick(m_page.get(), Qt::Key_F3);
        m_page->decide(Decision::PASS);
        QCOMPARE(m_console->outbox->items().size(), before);

        // Not a lot code at all: the same.
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        QVERIFY(decisionButtonsEnabled());
        QVERIFY(scan(QStringLiteral("??")));
        QVERIFY(m_page->currentLot().isEmpty());
        QVERIFY(!decisionButtonsEnabled());
        QCOMPARE(m_console->outbox->items().size(), before);
    }

    // Finding 1: a lot registered at another workstation a moment ago is looked up on the server
    // (this workstation's cache does not know it yet) and its current status is shown.
    void lotRegisteredElsewhereIsLookedUpFresh()
    {
        const Reply r = postLot(QStringLiteral("RAW-QC-NEW"), QStringLiteral("RAW"));
        QVERIFY2(r.status == 201, r.body.constData());
        QVERIFY(!m_console->cache->lot(QStringLiteral("RAW-QC-NEW")));
        QVERIFY(scan(QStringLiteral("RAW-QC-NEW")));
        QCOMPARE(m_page->currentLot(), QStringLiteral("RAW-QC-NEW"));
        QCOMPARE(m_page->currentLotId(), r.json().value(QStringLiteral("id")).toString());
        QVERIFY(m_page->freshnessText().isEmpty());
        QVERIFY(decisionButtonsEnabled());

        // Put on HOLD elsewhere: the cache still says CREATED, the card shows HOLD.
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        const Reply hold = manager.post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-QC-NEW")},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("notes"), QStringLiteral("Foreign body found at intake")}});
        QVERIFY2(hold.status == 201, hold.body.constData());
        QVERIFY(m_console->cache->lot(QStringLiteral("RAW-QC-NEW"))->status == LotStatus::CREATED);
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        QVERIFY(scan(QStringLiteral("RAW-QC-NEW")));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::HOLD);
    }

    // Finding 1: the decision names the lot that was on the card by its id, and the page says
    // which lot each recorded decision went to, even after the card moved on.
    void decisionCarriesTheLotIdAndNamesItsLot()
    {
        QVERIFY(scan(QStringLiteral("RAW-QC-NEW")));
        const QString id = m_page->currentLotId();
        QVERIFY(!id.isEmpty());
        m_page->setCurrentGate(2);
        m_page->notesEdit()->setPlainText(QStringLiteral("Checked again after the hold"));
        QTest::mouseClick(m_page->decisionButton(Decision::HOLD), Qt::LeftButton);
        const app::OutboxItem item = m_console->outbox->items().last();
        QCOMPARE(item.payload.value(QStringLiteral("lot_id")).toString(), id);
        QCOMPARE(item.payload.value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("RAW-QC-NEW"));
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        QVERIFY2(m_page->resultText().contains(QStringLiteral("RAW-QC-NEW")),
                 qPrintable(m_page->resultText()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->outbox->item(item.id)->state == app::OutboxItem::State::Done, 20000);
        QTRY_VERIFY2(m_page->resultText().contains(QStringLiteral("on the server")),
                     qPrintable(m_page->resultText()));

        // A draft whose lot id is no longer the cached lot's is refused, nothing queued.
        app::DecisionDraft draft;
        draft.lotCode = QStringLiteral("RAW-QC-NEW");
        draft.lotId = QStringLiteral("00000000-0000-4000-8000-000000000001");
        draft.gateNumber = 2;
        draft.decision = Decision::HOLD;
        draft.notes = QStringLiteral("Checked again after the hold");
        QVERIFY(m_recorder->validate(draft).contains(QStringLiteral("lot_code")));
    }

    // Finding 3 (QC side): a decision the server refuses later is shown as refused at once.
    void refusedDecisionIsShownAsRefused()
    {
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        m_console->sync->stop();
        m_page->setCurrentGate(2);
        m_page->notesEdit()->setPlainText(QStringLiteral("Label smudged, lot held for check"));
        QTest::mouseClick(m_page->decisionButton(Decision::HOLD), Qt::LeftButton);
        const app::OutboxItem item = m_console->outbox->items().last();
        QVERIFY(m_page->resultText().contains(QStringLiteral("will be sent")));
        QVERIFY(m_console->outbox->markNeedsAttention(item.id, 409,
                                                      QStringLiteral("Lot is already rejected.")));
        QVERIFY2(m_page->resultText().contains(QStringLiteral("refused")),
                 qPrintable(m_page->resultText()));
        QVERIFY(m_console->outbox->discard(item.id, QStringLiteral("test: refused")));
        QVERIFY2(m_page->resultText().contains(QStringLiteral("discarded")),
                 qPrintable(m_page->resultText()));
        // The lot no longer shows the HOLD that never reached the server.
        const auto lot = m_console->cache->lot(QStringLiteral("SKW-QC-1"));
        QVERIFY(lot && lot->status == LotStatus::CREATED && !lot->pendingStatus);
        QVERIFY(m_page->statusBadge()->status() == LotStatus::CREATED);
        m_console->sync->start();
    }

    void stepperShowsGatesPassedElsewhere()
    {
        // A PASS at gate 1 recorded at another workstation shows in the stepper once the lot
        // is scanned here: the history comes from the server.
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        const Reply r = manager.post(QStringLiteral("/api/v1/qc-decisions"),
                                     {{QStringLiteral("lot_code"), QStringLiteral("RAW-QC-P")},
                                      {QStringLiteral("gate_number"), 1},
                                      {QStringLiteral("decision"), QStringLiteral("PASS")}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QString before = m_page->gateStateText(1);
        QVERIFY(scan(QStringLiteral("RAW-QC-P")));
        QTRY_VERIFY2(m_page->gateStateText(1) != before &&
                         m_page->gateStateText(1).contains(QChar(0x2714)),
                     qPrintable(m_page->gateStateText(1)));
        QVERIFY(m_page->currentGate() != 1); // the next open gate is offered, not the passed one
    }

    void holdWithoutNotesShowsTheErrorAndSendsNothing()
    {
        QVERIFY(scan(QStringLiteral("SKW-QC-1")));
        m_page->setCurrentGate(1);
        m_page->notesEdit()->setPlainText(QStringLiteral("  short "));
        const int before = m_console->outbox->items().size();
        QTest::mouseClick(m_page->decisionButton(Decision::HOLD), Qt::LeftButton);
        QVERIFY(!m_page->fieldError(QStringLiteral("notes")).isEmpty());
        QCOMPARE(m_console->outbox->items().size(), before);
        QCOMPARE(toString(m_console->cache->lot(QStringLiteral("SKW-QC-1"))->status),
                 QStringLiteral("CREATED"));

        // With notes it is recorded, shown at once, and reaches the server.
        m_page->notesEdit()->setPlainText(
            QStringLiteral("Skewers unevenly loaded, check the line"));
        QCOMPARE(m_page->decisionButton(Decision::HOLD)->shortcut(), QKeySequence(Qt::Key_F3));
        QTest::mouseClick(m_page->decisionButton(Decision::HOLD), Qt::LeftButton);
        QCOMPARE(m_page->fieldError(QStringLiteral("notes")), QString());
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        QVERIFY(m_page->statusBadge()->status() == LotStatus::HOLD);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->db().scalar(QStringLiteral(
                                      "SELECT status FROM lots WHERE lot_code = 'SKW-QC-1'")),
                                  QStringLiteral("HOLD"), 20000);
    }

    void ccpPassWarnsAtOnceWhenTheLimitIsBroken()
    {
        // Gate 7 (Freezing) is a CCP with the gate-wide critical limit -18.0 °C or colder.
        QVERIFY(scan(QStringLiteral("FRZ-QC-2")));
        m_page->setCurrentGate(7);
        QVERIFY(m_page->correctiveActionEdit()->isVisibleTo(m_page.get()));
        // The limit is shown before anything is typed.
        QVERIFY2(m_page->limitHintText().contains(QStringLiteral("-18.0 °C or colder")),
                 qPrintable(m_page->limitHintText()));
        QPushButton *pass = m_page->decisionButton(Decision::PASS);
        QVERIFY(pass->isEnabled());
        const int before = m_console->outbox->items().size();

        // The warning appears as the value is typed, before any button is pressed, and PASS is
        // refused. (This suite runs in English: the decimal point is '.', and a comma is a group
        // separator, refused; the Hungarian comma is covered by tst_registerlotpage.)
        m_page->temperatureEdit()->setFocus();
        QTest::keyClicks(m_page->temperatureEdit(), QStringLiteral("-5.0"));
        const QString warning = m_page->fieldError(QStringLiteral("temperature_c"));
        QVERIFY2(warning.contains(QStringLiteral("critical limit")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("-5.0 °C")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("-18.0 °C")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("HOLD or FAIL")), qPrintable(warning));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("temperatureMessage"))
                    ->isVisibleTo(m_page.get()));
        QVERIFY(!pass->isEnabled());
        QVERIFY(pass->toolTip().contains(QStringLiteral("critical limit")));
        QVERIFY(m_page->decisionButton(Decision::HOLD)->isEnabled());
        QVERIFY(m_page->decisionButton(Decision::FAIL)->isEnabled());
        QTest::mouseClick(pass, Qt::LeftButton);
        QTest::keyClick(m_page.get(), Qt::Key_F2);
        m_page->decide(Decision::PASS); // however it is asked for
        QVERIFY(!m_page->signatureDialog());
        QCOMPARE(m_console->outbox->items().size(), before);
        QVERIFY(m_page->fieldError(QStringLiteral("temperature_c"))
                    .contains(QStringLiteral("critical limit")));
        QCOMPARE(toString(m_console->cache->lot(QStringLiteral("FRZ-QC-2"))->status),
                 QStringLiteral("CREATED"));

        // A value within the limit clears the warning at once; at the limit is within.
        m_page->temperatureEdit()->selectAll();
        QTest::keyClicks(m_page->temperatureEdit(), QStringLiteral("-18.0"));
        QCOMPARE(m_page->fieldError(QStringLiteral("temperature_c")), QString());
        QVERIFY(pass->isEnabled());
        m_page->temperatureEdit()->selectAll();
        QTest::keyClicks(m_page->temperatureEdit(), QStringLiteral("-17.9"));
        QVERIFY(!m_page->fieldError(QStringLiteral("temperature_c")).isEmpty());
        QVERIFY(!pass->isEnabled());

        // Another gate (no CCP) has no limit and no corrective action.
        m_page->setCurrentGate(1);
        QCOMPARE(m_page->fieldError(QStringLiteral("temperature_c")), QString());
        QVERIFY(pass->isEnabled());
        QVERIFY(!m_page->correctiveActionEdit()->isVisibleTo(m_page.get()));
        QCOMPARE(m_page->limitHintText(), QString());
        m_page->setCurrentGate(7);
        QVERIFY(!pass->isEnabled());
        m_page->temperatureEdit()->clear();
    }

    void correctiveActionIsRequiredAtTheCcp()
    {
        QVERIFY(scan(QStringLiteral("FRZ-QC-2")));
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(
            QStringLiteral("Core temperature too high after the tunnel"));
        m_page->temperatureEdit()->setText(QStringLiteral("-5.0"));
        m_page->correctiveActionEdit()->setPlainText(QStringLiteral("  moved  "));
        const int before = m_console->outbox->items().size();
        for (Decision d : {Decision::HOLD, Decision::FAIL}) {
            QTest::mouseClick(m_page->decisionButton(d), Qt::LeftButton);
            const QString error = m_page->fieldError(QStringLiteral("corrective_action"));
            QVERIFY2(error.contains(QStringLiteral("corrective action")), qPrintable(error));
            QVERIFY(!m_page->signatureDialog());
            QCOMPARE(m_console->outbox->items().size(), before);
        }
        m_page->correctiveActionEdit()->clear();
    }

    void failAtTheCcpGateIsSigned()
    {
        QVERIFY(scan(QStringLiteral("FRZ-QC-2")));
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(
            QStringLiteral("Core temperature too high after the tunnel"));
        const int before = m_console->outbox->items().size();
        // The temperature is demanded at a CCP gate.
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        QVERIFY(!m_page->fieldError(QStringLiteral("temperature_c")).isEmpty());
        QVERIFY(!m_page->signatureDialog());
        m_page->temperatureEdit()->setText(QStringLiteral("-5.0"));
        m_page->correctiveActionEdit()->setPlainText(
            QStringLiteral("Lot moved to the blast freezer, tunnel 2 stopped for service"));
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        QVERIFY(m_page->signatureDialog());
        QCOMPARE(m_console->outbox->items().size(), before);

        // The dialog says who signs and what it means.
        ui::SignatureDialog *dialog = m_page->signatureDialog();
        QVERIFY(dialog->signer().contains(QStringLiteral("operator")));
        QVERIFY(dialog->meaning().contains(QStringLiteral("FRZ-QC-2")));
        QVERIFY(dialog->meaning().contains(QStringLiteral("FAIL")));

        // A wrong password signs and records nothing, keeps the operator logged in and the
        // dialog open with the whole message in view.
        dialog->passwordEdit()->setText(QStringLiteral("not-my-password"));
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(QStringLiteral("wrong")), 20000);
        QCOMPARE(m_console->outbox->items().size(), before);
        QVERIFY(m_console->session->isValid());
        QVERIFY(m_page->signatureDialog());
        QCOMPARE(toString(m_console->cache->lot(QStringLiteral("FRZ-QC-2"))->status),
                 QStringLiteral("CREATED"));
        const auto *message = dialog->findChild<QLabel *>(QStringLiteral("signatureMessage"));
        QVERIFY(message->isVisibleTo(dialog));
        QVERIFY2(message->height() >= message->heightForWidth(message->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(message->height())
                                .arg(message->heightForWidth(message->width()))));

        const QString password = TestServer::passwordOf(QStringLiteral("operator"));
        dialog->passwordEdit()->setText(password);
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->signatureDialog(), 20000);
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        const app::OutboxItem item = m_console->outbox->items().last();
        const QByteArray queued = QJsonDocument(item.payload).toJson();
        QVERIFY(!queued.contains("signature_password"));
        QVERIFY(!queued.contains("digital_signature"));
        QVERIFY(!queued.contains(password.toUtf8()));
        QVERIFY(item.payload.value(QStringLiteral("signature")).isObject());
        QVERIFY2(m_page->signatureText().contains(QStringLiteral("(operator) signed")),
                 qPrintable(m_page->signatureText()));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::REJECTED);

        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->outbox->item(item.id)->state == app::OutboxItem::State::Done, 20000);
        QCOMPARE(m_console->outbox->item(item.id)->lastStatus, 201);
        const QJsonObject stored = serverDecision(QStringLiteral("FRZ-QC-2"), item.id);
        QCOMPARE(stored.value(QStringLiteral("decision")).toString(), QStringLiteral("FAIL"));
        const auto temperature = Decimal::fromJson(stored.value(QStringLiteral("temperature_c")));
        QVERIFY(temperature);
        QCOMPARE(temperature->toString(), QStringLiteral("-5"));
        QVERIFY(stored.value(QStringLiteral("deviation")).toBool());
        QCOMPARE(stored.value(QStringLiteral("corrective_action")).toString(),
                 QStringLiteral("Lot moved to the blast freezer, tunnel 2 stopped for service"));
        const QJsonObject signature = stored.value(QStringLiteral("signature")).toObject();
        QCOMPARE(signature.value(QStringLiteral("signer")).toString(), QStringLiteral("operator"));
        QVERIFY(signature.value(QStringLiteral("meaning"))
                    .toString()
                    .contains(QStringLiteral("FRZ-QC-2")));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'FRZ-QC-2'")),
                 QStringLiteral("REJECTED"));
    }

    void aSignedRecordChangedInTheQueueIsRefused()
    {
        // Nothing leaves the outbox while the record is tampered with.
        m_console->sync->stop();
        QVERIFY(scan(QStringLiteral("FRZ-QC-4")));
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(QStringLiteral("Tunnel alarm during the night"));
        m_page->temperatureEdit()->setText(QStringLiteral("-10.0"));
        m_page->correctiveActionEdit()->setPlainText(
            QStringLiteral("Lot quarantined, tunnel checked by maintenance"));
        QTest::mouseClick(m_page->decisionButton(Decision::HOLD), Qt::LeftButton);
        ui::SignatureDialog *dialog = m_page->signatureDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->meaning().contains(QStringLiteral("HOLD")));
        dialog->passwordEdit()->setText(TestServer::passwordOf(QStringLiteral("operator")));
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->signatureDialog(), 20000);
        const app::OutboxItem item = m_console->outbox->items().last();
        QVERIFY(item.payload.value(QStringLiteral("signature")).isObject());

        // The notes are changed after signing: the server refuses the record, explains it in
        // the operator's words, and stores nothing.
        QJsonObject changed = item.payload;
        changed.insert(QStringLiteral("notes"), QStringLiteral("Everything was fine after all"));
        QVERIFY(m_console->outbox->resend(item.id, changed));
        m_console->sync->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_console->outbox->item(item.id)->state ==
                                     app::OutboxItem::State::NeedsAttention,
                                 20000);
        const app::OutboxItem refused = *m_console->outbox->item(item.id);
        QCOMPARE(refused.lastStatus, 422);
        QVERIFY2(refused.lastError.contains(QStringLiteral("could not verify the electronic "
                                                           "signature")),
                 qPrintable(refused.lastError));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                     "WHERE l.lot_code = 'FRZ-QC-4'")),
                 QStringLiteral("0"));
        QVERIFY(m_console->outbox->discard(item.id, QStringLiteral("test: tampered record")));
    }

    void offlineFailIsSignedAndAcceptedAfterSync()
    {
        QVERIFY(scan(QStringLiteral("FRZ-QC-3")));
        QCOMPARE(m_page->currentLot(), QStringLiteral("FRZ-QC-3"));
        m_server->stop();
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(QStringLiteral("Tunnel door left open overnight"));
        m_page->temperatureEdit()->setText(QStringLiteral("-3.5"));
        m_page->correctiveActionEdit()->setPlainText(
            QStringLiteral("Lot set aside for destruction; door alarm repaired"));
        const int before = m_console->outbox->items().size();
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        ui::SignatureDialog *dialog = m_page->signatureDialog();
        QVERIFY(dialog);
        dialog->passwordEdit()->setText(TestServer::passwordOf(QStringLiteral("operator")));
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        // Signed here, without the server, and queued.
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->signatureDialog(), 20000);
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        const app::OutboxItem item = m_console->outbox->items().last();
        QCOMPARE(item.payload.value(QStringLiteral("decision")).toString(), QStringLiteral("FAIL"));
        QCOMPARE(item.payload.value(QStringLiteral("signature"))
                     .toObject()
                     .value(QStringLiteral("signer"))
                     .toString(),
                 QStringLiteral("operator"));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::REJECTED);
        QVERIFY(m_console->session->isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_console->sync->consecutiveFailures() > 0, 20000);
        QVERIFY(m_console->outbox->item(item.id)->state != app::OutboxItem::State::Done);

        // The server is back: the sync engine delivers it and the server verifies it.
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->outbox->item(item.id)->state == app::OutboxItem::State::Done, 30000);
        QCOMPARE(m_console->outbox->item(item.id)->lastStatus, 201);
        const QJsonObject stored = serverDecision(QStringLiteral("FRZ-QC-3"), item.id);
        QCOMPARE(stored.value(QStringLiteral("corrective_action")).toString(),
                 QStringLiteral("Lot set aside for destruction; door alarm repaired"));
        const QJsonObject signature = stored.value(QStringLiteral("signature")).toObject();
        QCOMPARE(signature.value(QStringLiteral("signer")).toString(), QStringLiteral("operator"));
        QCOMPARE(signature.value(QStringLiteral("key_id")).toString(),
                 item.payload.value(QStringLiteral("signature"))
                     .toObject()
                     .value(QStringLiteral("key_id"))
                     .toString());
        QVERIFY(!signature.value(QStringLiteral("record_hash")).toString().isEmpty());
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'FRZ-QC-3'")),
                 QStringLiteral("REJECTED"));
    }

private:
    // Scans `code` and waits until the page has looked it up (on the server, as it is online).
    bool scan(const QString &code)
    {
        m_page->handleScan(code);
        return QTest::qWaitFor([this] { return !m_page->isLookingUp(); }, 20000);
    }
    bool decisionButtonsEnabled() const
    {
        for (Decision d : allDecisions()) {
            if (m_page->decisionButton(d)->isEnabled())
                return true;
        }
        return false;
    }
    Reply postLot(const QString &code, const QString &type)
    {
        HttpClient manager(m_server->baseUrl());
        if (!manager.login(QStringLiteral("manager"),
                           TestServer::passwordOf(QStringLiteral("manager"))))
            return {};
        return manager.post(QStringLiteral("/api/v1/lots"),
                            {{QStringLiteral("lot_code"), code},
                             {QStringLiteral("lot_type"), type},
                             {QStringLiteral("weight_kg"), QStringLiteral("10.00")},
                             {QStringLiteral("temperature_c"), QStringLiteral("2.0")}});
    }

    // The decision `id` as the server holds it (GET /api/v1/lots/{code}/qc-decisions).
    QJsonObject serverDecision(const QString &code, const QString &id)
    {
        HttpClient manager(m_server->baseUrl());
        if (!manager.login(QStringLiteral("manager"),
                           TestServer::passwordOf(QStringLiteral("manager"))))
            return {};
        const Reply r = manager.get(QStringLiteral("/api/v1/lots/%1/qc-decisions").arg(code));
        if (r.status != 200) {
            qWarning("qc-decisions of %s: %d %s", qPrintable(code), r.status, r.body.constData());
            return {};
        }
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray()) {
            if (v.toObject()
                    .value(QStringLiteral("id"))
                    .toString()
                    .compare(id, Qt::CaseInsensitive) == 0)
                return v.toObject();
        }
        qWarning("decision %s is not in %s", qPrintable(id), r.body.constData());
        return {};
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::DecisionRecorder> m_recorder;
    std::unique_ptr<ui::QcDecisionPage> m_page;
};

QTEST_MAIN(TestQcDecisionPage)
#include "tst_qcdecisionpage.moc"
