#include "pagefixture.h"

#include "common/statusbadge.h"
#include "qc/decisionrecorder.h"
#include "qc/qcdecisionpage.h"
#include "qc/signaturedialog.h"

#include "support/httpclient.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
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
// refused inline and sends nothing; a FAIL at the CCP gate 7 needs the operator's password as
// an electronic signature, and the stored decision carries who signed and what it meant.
class TestQcDecisionPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
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
             {QStringLiteral("temperature_c"), QStringLiteral("-18.0")}}};
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
        m_page->handleScan(QStringLiteral("skw-qc-1"));
        QCOMPARE(m_page->currentLot(), QStringLiteral("SKW-QC-1"));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::CREATED);
        QTRY_VERIFY(m_page->parentsText().contains(QStringLiteral("RAW-QC-P")));
        QVERIFY(m_page->currentGate() > 0);
        for (Decision d : allDecisions())
            QVERIFY(m_page->decisionButton(d)->height() >= 44);
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
        m_page->handleScan(QStringLiteral("RAW-QC-P"));
        QTRY_VERIFY2(m_page->gateStateText(1) != before &&
                         m_page->gateStateText(1).contains(QChar(0x2714)),
                     qPrintable(m_page->gateStateText(1)));
        QVERIFY(m_page->currentGate() != 1); // the next open gate is offered, not the passed one
    }

    void holdWithoutNotesShowsTheErrorAndSendsNothing()
    {
        m_page->handleScan(QStringLiteral("SKW-QC-1"));
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

    void failAtTheCcpGateIsSigned()
    {
        m_page->handleScan(QStringLiteral("FRZ-QC-2"));
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(
            QStringLiteral("Core temperature too high after the tunnel"));
        const int before = m_console->outbox->items().size();
        // The temperature is demanded at a CCP gate.
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        QVERIFY(!m_page->fieldError(QStringLiteral("temperature_c")).isEmpty());
        QVERIFY(!m_page->signatureDialog());
        m_page->temperatureEdit()->setText(QStringLiteral("-5.0"));
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        QVERIFY(m_page->signatureDialog());
        QCOMPARE(m_console->outbox->items().size(), before);

        // A wrong password signs nothing and keeps the operator logged in.
        ui::SignatureDialog *dialog = m_page->signatureDialog();
        dialog->passwordEdit()->setText(QStringLiteral("not-my-password"));
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(QStringLiteral("wrong")), 10000);
        QCOMPARE(m_console->outbox->items().size(), before);
        QVERIFY(m_console->session->isValid());

        const QString password = TestServer::passwordOf(QStringLiteral("operator"));
        dialog->passwordEdit()->setText(password);
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->signatureDialog(), 10000);
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        const app::OutboxItem item = m_console->outbox->items().last();
        QVERIFY(!item.payload.contains(QStringLiteral("signature_password")));
        QVERIFY(!QString::fromUtf8(QJsonDocument(item.payload).toJson()).contains(password));
        QVERIFY2(m_page->signatureText().contains(QStringLiteral("(operator) signed")),
                 qPrintable(m_page->signatureText()));
        QVERIFY(m_page->statusBadge()->status() == LotStatus::REJECTED);

        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                               "WHERE l.lot_code = 'FRZ-QC-2' AND d.decision = 'FAIL'")),
            QStringLiteral("1"), 20000);
        const auto rows = m_server->db().query(
            QStringLiteral("SELECT d.digital_signature, d.signature_meaning, d.temperature_c::text "
                           "FROM qc_decisions d "
                           "JOIN lots l ON l.id = d.lot_id WHERE l.lot_code = 'FRZ-QC-2'"));
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows[0][0].contains(QStringLiteral("(operator) signed ")), qPrintable(rows[0][0]));
        QVERIFY2(rows[0][0].endsWith(rows[0][1]), qPrintable(rows[0][0]));
        QVERIFY2(rows[0][1].contains(QStringLiteral("FRZ-QC-2")), qPrintable(rows[0][1]));
        QCOMPARE(rows[0][2], QStringLiteral("-5.0"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'FRZ-QC-2'")),
                 QStringLiteral("REJECTED"));
    }

    void unsignableOfflineOffersHold()
    {
        m_page->handleScan(QStringLiteral("SKW-QC-1"));
        m_page->setCurrentGate(7);
        m_page->notesEdit()->setPlainText(QStringLiteral("Metal fragment found on the skewer"));
        m_page->temperatureEdit()->setText(QStringLiteral("4.0"));
        m_server->stop();
        QTest::mouseClick(m_page->decisionButton(Decision::FAIL), Qt::LeftButton);
        ui::SignatureDialog *dialog = m_page->signatureDialog();
        QVERIFY(dialog);
        dialog->passwordEdit()->setText(TestServer::passwordOf(QStringLiteral("operator")));
        QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->holdInsteadButton()->isVisibleTo(dialog), 10000);
        const int before = m_console->outbox->items().size();
        QTest::mouseClick(dialog->holdInsteadButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_page->signatureDialog());
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        QCOMPARE(
            m_console->outbox->items().last().payload.value(QStringLiteral("decision")).toString(),
            QStringLiteral("HOLD"));
        QVERIFY(m_console->session->isValid());
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::DecisionRecorder> m_recorder;
    std::unique_ptr<ui::QcDecisionPage> m_page;
};

QTEST_MAIN(TestQcDecisionPage)
#include "tst_qcdecisionpage.moc"
