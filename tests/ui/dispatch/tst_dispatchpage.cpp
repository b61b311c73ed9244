#include "tests/backend/apitestutil.h"
#include "tests/ui/support/pagefixture.h"

#include "app/dispatch/shipmentdesk.h"
#include "ui/dispatch/dispatchpage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace flowviz;
using namespace flowviz::test;

// The Dispatch page at the loading dock, over a real flowviz-server: a shipment opened from the
// form; an FG label scanned and its kilograms confirmed becomes a line exactly as confirmed; a
// label scanned by mistake and replaced by the next scan never becomes one; every refusal (not
// finished goods, not reviewed, already on the shipment, more than is left, kilograms that are
// not a number) is a sentence under its field and stores nothing; a line comes off; Dispatch
// needs a second touch and then the shipment has left.
class TestDispatchPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("ui_dispatch"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operatorApi = clientFor(*m_server, QStringLiteral("operator"));
        m_managerApi = clientFor(*m_server, QStringLiteral("manager"));
        QVERIFY(m_operatorApi && m_managerApi);
        FV_VERIFY_STATUS(
            m_managerApi->post(
                QStringLiteral("/api/v1/customers"),
                QJsonObject{
                    {QStringLiteral("customer_code"), QStringLiteral("SPAR")},
                    {QStringLiteral("name"), QStringLiteral("SPAR Magyarország Kft.")},
                    {QStringLiteral("ship_to"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("ship_to_code"), QStringLiteral("BICSKE")},
                         {QStringLiteral("name"), QStringLiteral("Bicske DC")},
                         {QStringLiteral("address"), QStringLiteral("Bicske, Kossuth u. 1.")}}}}}),
            201);
        // Two reviewed FG lots of 20 kg, one not reviewed, and a frozen lot (not FG).
        makeFgLot(QStringLiteral("FRZ-1"), QStringLiteral("FG-1"), true);
        makeFgLot(QStringLiteral("FRZ-3"), QStringLiteral("FG-3"), true);
        makeFgLot(QStringLiteral("FRZ-2"), QStringLiteral("FG-2"), false);

        m_console = std::make_unique<PageConsole>(m_server->baseUrl());
        QString error;
        QVERIFY2(m_console->start(QStringLiteral("operator"), &error), qPrintable(error));
        m_desk = std::make_unique<app::ShipmentDesk>(&m_console->api);
        m_page = std::make_unique<ui::DispatchPage>(m_desk.get());
        m_page->resize(1280, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_VERIFY(!m_desk->isBusy());
        QTRY_COMPARE(m_page->customerBox()->count(), 2);
    }
    void cleanupTestCase()
    {
        m_page.reset();
        m_desk.reset();
        m_console.reset();
        m_operatorApi.reset();
        m_managerApi.reset();
        m_server.reset();
    }

    void opensAShipmentFromTheForm()
    {
        // Nothing to scan onto yet.
        m_page->handleScan(QStringLiteral("FG-1"));
        QVERIFY(!m_page->message(QString()).isEmpty());
        QVERIFY(!m_page->quantityEdit()->isEnabled());
        // A reference outside the alphabet is refused before anything is sent.
        m_page->referenceEdit()->setText(QStringLiteral("SZÁLLÍTÓ-1"));
        m_page->customerBox()->setCurrentIndex(
            m_page->customerBox()->findData(QStringLiteral("SPAR")));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(!m_page->message(QStringLiteral("reference")).isEmpty());
        QVERIFY(!m_desk->isBusy());
        QCOMPARE(rowCount(*m_server, QStringLiteral("shipments")), 0);

        m_page->referenceEdit()->setText(QStringLiteral("dn-100"));
        QCOMPARE(m_page->shipToBox()->count(), 2);
        m_page->shipToBox()->setCurrentIndex(1);
        m_page->dateEdit()->setDate(QDate(2026, 12, 7));
        m_page->carrierEdit()->setText(QStringLiteral("Waberer's"));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTRY_VERIFY(m_desk->current().has_value());
        QTRY_VERIFY(m_page->shipmentReferences().contains(QStringLiteral("DN-100")));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT s.status || '|' || s.ship_date || '|' || t.ship_to_code || '|' || "
                     "s.carrier FROM shipments s JOIN ship_to_locations t ON t.id = s.ship_to_id "
                     "WHERE s.reference = 'DN-100'")),
                 QStringLiteral("OPEN|2026-12-07|BICSKE|Waberer's"));
        QVERIFY(m_page->currentLabel()->text().contains(QStringLiteral("DN-100")));
        // The form is empty for the next shipment; the page says what to do now.
        QCOMPARE(m_page->referenceEdit()->text(), QString());
        QVERIFY(m_page->notice().contains(QStringLiteral("DN-100")));
    }

    void aConfirmedScanBecomesALineExactlyAsConfirmed()
    {
        m_page->handleScan(QStringLiteral("fg-1"));
        // The lot's weight is offered; the operator types what goes.
        QTRY_VERIFY(m_page->quantityEdit()->isEnabled());
        QCOMPARE(m_page->quantityEdit()->text(), QLocale().toString(20.0, 'f', 2));
        QVERIFY(m_page->quantityEdit()->hasFocus());
        m_page->quantityEdit()->setText(QLocale().toString(12.5, 'f', 1));
        QTest::keyClick(m_page->quantityEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_page->lineCodes(), QStringList{QStringLiteral("FG-1")});
        QVERIFY(m_page->notice().contains(QStringLiteral("FG-1")));
        QCOMPARE(lineKg(QStringLiteral("FG-1")), QStringLiteral("12.50"));
        QVERIFY(!m_page->quantityEdit()->isEnabled());
    }

    void aLabelReplacedByTheNextScanNeverBecomesALine()
    {
        m_page->handleScan(QStringLiteral("FG-3"));
        QTRY_VERIFY(m_page->quantityEdit()->isEnabled());
        // Another label before the kilograms were confirmed: FG-3 waits no more.
        m_page->handleScan(QStringLiteral("FRZ-1"));
        QTRY_VERIFY(!m_page->message(QStringLiteral("lot_code")).isEmpty());
        QVERIFY(m_page->message(QStringLiteral("lot_code")).contains(QStringLiteral("FRZ-1")));
        QVERIFY(!m_page->quantityEdit()->isEnabled());
        QTest::mouseClick(m_page->addLineButton(), Qt::LeftButton);
        QVERIFY(!m_desk->isBusy());
        QCOMPARE(m_page->lineCodes(), QStringList{QStringLiteral("FG-1")});
        QCOMPARE(lineCount(), 1);
    }

    // Kilograms typed before the lot's lookup answers (a slow server, a quick hand) are not
    // taken for a lot code: the field keeps the scanned code, and the lot is offered as usual.
    void keysTypedBeforeTheLookupAnswersAreNotALotCode()
    {
        m_page->handleScan(QStringLiteral("FG-3"));
        QVERIFY(m_page->lotEdit()->isReadOnly());
        QVERIFY(m_page->notice().contains(QStringLiteral("FG-3")));
        QTest::keyClicks(m_page->lotEdit(), QStringLiteral("12.5"));
        QTest::keyClick(m_page->lotEdit(), Qt::Key_Return);
        QCOMPARE(m_page->lotEdit()->text(), QStringLiteral("FG-3"));
        QTRY_VERIFY(m_page->quantityEdit()->isEnabled());
        QVERIFY(!m_page->lotEdit()->isReadOnly());
        QCOMPARE(m_page->lotEdit()->text(), QStringLiteral("FG-3"));
        QCOMPARE(m_page->message(QStringLiteral("lot_code")), QString());
        QCOMPARE(m_page->notice(), QString());
        QVERIFY(m_page->quantityEdit()->hasFocus());
        // A refused lookup gives the field back too.
        m_page->handleScan(QStringLiteral("FG-404"));
        QTRY_VERIFY(!m_page->message(QStringLiteral("lot_code")).isEmpty());
        QVERIFY(!m_page->lotEdit()->isReadOnly());
    }

    void refusalsAreSentencesAndStoreNothing_data()
    {
        QTest::addColumn<QString>("lot");
        QTest::addColumn<QString>("kg");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("not reviewed") << QStringLiteral("FG-2") << QStringLiteral("5") << QString()
                                      << QStringLiteral("review");
        QTest::newRow("already on the shipment") << QStringLiteral("FG-1") << QStringLiteral("1")
                                                 << QString() << QStringLiteral("already");
        QTest::newRow("more than is left") << QStringLiteral("FG-3") << QStringLiteral("20.01")
                                           << QString() << QStringLiteral("left");
        QTest::newRow("not a number") << QStringLiteral("FG-3") << QStringLiteral("FG-4")
                                      << QStringLiteral("quantity_kg") << QStringLiteral("number");
        QTest::newRow("three decimals") << QStringLiteral("FG-3") << QStringLiteral("1.255")
                                        << QStringLiteral("quantity_kg") << QStringLiteral("2");
        QTest::newRow("nothing") << QStringLiteral("FG-3") << QStringLiteral("0")
                                 << QStringLiteral("quantity_kg") << QStringLiteral("0");
        QTest::newRow("unknown lot") << QStringLiteral("FG-404") << QString()
                                     << QStringLiteral("lot_code") << QStringLiteral("FG-404");
    }
    void refusalsAreSentencesAndStoreNothing()
    {
        QFETCH(QString, lot);
        QFETCH(QString, kg);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const int before = lineCount();
        m_page->handleScan(lot);
        if (kg.isEmpty()) {
            QTRY_VERIFY(!m_page->message(field).isEmpty());
        } else {
            QTRY_VERIFY(m_page->quantityEdit()->isEnabled());
            m_page->quantityEdit()->setText(QString(kg).replace(u'.', QLocale().decimalPoint()));
            QTest::mouseClick(m_page->addLineButton(), Qt::LeftButton);
            QTRY_VERIFY(!m_desk->isBusy());
            QTRY_VERIFY(!m_page->message(field).isEmpty());
        }
        QVERIFY2(m_page->message(field).contains(words), qPrintable(m_page->message(field)));
        QCOMPARE(m_page->notice(), QString());
        QCOMPARE(lineCount(), before);
    }

    void aLineComesOffAndTheShipmentLeavesOnTheSecondTouch()
    {
        // FG-3's full weight goes, then comes off again.
        m_page->handleScan(QStringLiteral("FG-3"));
        QTRY_VERIFY(m_page->quantityEdit()->isEnabled());
        QTest::mouseClick(m_page->addLineButton(), Qt::LeftButton);
        QTRY_COMPARE(m_page->lineCodes().size(), 2);
        QCOMPARE(lineKg(QStringLiteral("FG-3")), QStringLiteral("20.00"));
        m_page->linesTable()->selectRow(int(m_page->lineCodes().indexOf(QStringLiteral("FG-3"))));
        QVERIFY(m_page->removeLineButton()->isEnabled());
        QTest::mouseClick(m_page->removeLineButton(), Qt::LeftButton);
        QTRY_COMPARE(m_page->lineCodes(), QStringList{QStringLiteral("FG-1")});
        QCOMPARE(lineCount(), 1);
        QVERIFY(m_page->notice().contains(QStringLiteral("FG-3")));

        // The first touch only asks; the second dispatches.
        QVERIFY(m_page->dispatchButton()->isEnabled());
        QTest::mouseClick(m_page->dispatchButton(), Qt::LeftButton);
        QVERIFY(m_page->dispatchButton()->text().contains(QStringLiteral("DN-100")));
        QTest::qWait(200);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM shipments WHERE reference = 'DN-100'")),
                 QStringLiteral("OPEN"));
        QTest::mouseClick(m_page->dispatchButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->notice().contains(QStringLiteral("dispatched")));
        QVERIFY(m_page->notice().contains(QStringLiteral("DN-100")));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM shipments WHERE reference = 'DN-100'")),
                 QStringLiteral("DISPATCHED"));
        QTRY_VERIFY(!m_page->shipmentReferences().contains(QStringLiteral("DN-100")));
        QVERIFY(!m_desk->current().has_value());
        QVERIFY(!m_page->dispatchButton()->isEnabled());
    }

private:
    int lineCount() { return rowCount(*m_server, QStringLiteral("shipment_lines")); }
    QString lineKg(const QString &lot)
    {
        return m_server->db().scalar(
            QStringLiteral("SELECT sl.quantity_kg FROM shipment_lines sl JOIN lots l ON l.id = "
                           "sl.lot_id WHERE l.lot_code = '%1'")
                .arg(lot));
    }
    // An FG lot of 20 kg made from a frozen lot with a CCP decision, released; reviewed by the
    // manager when `reviewed`.
    void makeFgLot(const QString &frz, const QString &fg, bool reviewed)
    {
        const QString lots = QStringLiteral("/api/v1/lots");
        const QString decisions = QStringLiteral("/api/v1/qc-decisions");
        FV_VERIFY_STATUS(
            m_operatorApi->post(lots, lotBody(frz, QStringLiteral("FRZ"), QStringLiteral("20"),
                                              QStringLiteral("-20"))),
            201);
        QJsonObject ccp = decisionBody(frz, QStringLiteral("PASS"), 7);
        ccp.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-20")));
        FV_VERIFY_STATUS(m_operatorApi->post(decisions, ccp), 201);
        FV_VERIFY_STATUS(
            m_operatorApi->post(lots,
                                lotBody(fg, QStringLiteral("FG"), QStringLiteral("20"), QString(),
                                        QJsonArray{parentRef(frz, QStringLiteral("20"))})),
            201);
        FV_VERIFY_STATUS(
            m_operatorApi->post(decisions, decisionBody(fg, QStringLiteral("PASS"), 8)), 201);
        if (!reviewed)
            return;
        const QString review = lots + u'/' + fg + QStringLiteral("/ccp-review");
        const Reply seen = m_managerApi->get(review);
        FV_VERIFY_STATUS(seen, 200);
        FV_VERIFY_STATUS(
            m_managerApi->post(
                review,
                QJsonObject{
                    {QStringLiteral("records_digest"),
                     seen.json().value(QStringLiteral("records_digest"))},
                    {QStringLiteral("signature"),
                     QJsonObject{{QStringLiteral("signer"), QStringLiteral("manager")},
                                 {QStringLiteral("password"),
                                  TestServer::passwordOf(QStringLiteral("manager"))},
                                 {QStringLiteral("meaning"),
                                  QStringLiteral("CCP records reviewed before shipping")}}}}),
            201);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operatorApi;
    std::unique_ptr<HttpClient> m_managerApi;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::ShipmentDesk> m_desk;
    std::unique_ptr<ui::DispatchPage> m_page;
};

QTEST_MAIN(TestDispatchPage)
#include "tst_dispatchpage.moc"
