#include "tests/support/testserver.h"
#include "tests/ui/support/pagefixture.h"

#include "app/recalls/recalldesk.h"
#include "ui/recalls/recallspage.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using namespace flowviz::test;

// The Recalls page over a real flowviz-server, as a manager uses it: a recall is opened only on
// a second touch that says what it will do, and not when anything changed in between; what it
// reached (the lots put on HOLD, the customers to contact) is what the server stored; a second
// recall of the lot is refused with the open one named; a drill holds nothing; the PDF report
// and the workbook are written and read back; the recall closes with a note; an auditor reads
// and cannot open or close.
class TestRecallsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("ui_recalls"));
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        // RAW-R1 went into FG-R1 (half of it shipped to SPAR and gone) and FG-R2 (in the
        // plant); RAW-R9 is unrelated.
        TestDb &db = m_server->db();
        db.exec(QStringLiteral("INSERT INTO customers (customer_code, name, contact) VALUES "
                               "('SPAR', 'SPAR Magyarország Kft.', '+36 22 555 0100')"));
        db.exec(
            QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, weight_kg) VALUES "
                           "('RAW-R1', 'RAW', 'CONSUMED', 100), ('FG-R1', 'FG', 'RELEASED', 20), "
                           "('FG-R2', 'FG', 'RELEASED', 20), ('RAW-R9', 'RAW', 'RELEASED', 50)"));
        db.exec(QStringLiteral(
            "INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, quantity_used_kg) "
            "SELECT p.id, c.id, 20 FROM lots p, lots c WHERE p.lot_code = 'RAW-R1' "
            "AND c.lot_code IN ('FG-R1', 'FG-R2')"));
        db.exec(QStringLiteral("INSERT INTO shipments (reference, customer_id, ship_date, "
                               "carrier) SELECT 'DN-7', id, DATE '2026-12-01', 'Waberer''s' "
                               "FROM customers WHERE customer_code = 'SPAR'"));
        db.exec(QStringLiteral("INSERT INTO shipment_lines (shipment_id, lot_id, quantity_kg) "
                               "SELECT s.id, l.id, 10 FROM shipments s, lots l "
                               "WHERE s.reference = 'DN-7' AND l.lot_code = 'FG-R1'"));
        db.exec(QStringLiteral("UPDATE shipments SET status = 'DISPATCHED', dispatched_at = "
                               "now() WHERE reference = 'DN-7'"));

        m_console = std::make_unique<PageConsole>(m_server->baseUrl());
        QString error;
        QVERIFY2(m_console->start(QStringLiteral("manager"), &error), qPrintable(error));
        m_desk = std::make_unique<app::RecallDesk>(&m_console->api);
        m_page = std::make_unique<ui::RecallsPage>(m_desk.get());
        m_page->setUser(QStringLiteral("Margit Manager"), true);
        m_page->resize(1280, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_VERIFY(!m_desk->isBusy());
    }
    void cleanupTestCase()
    {
        m_page.reset();
        m_desk.reset();
        m_console.reset();
        m_server.reset();
    }

    void refusesWhatIsMissingBeforeSending()
    {
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(!m_page->message(QStringLiteral("lot_code")).isEmpty());
        QVERIFY(!m_page->message(QStringLiteral("reason")).isEmpty());
        m_page->handleScan(QStringLiteral("RAW-R1"));
        m_page->reasonEdit()->setPlainText(QStringLiteral("   short   "));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(m_page->message(QStringLiteral("lot_code")).isEmpty());
        QVERIFY(!m_page->message(QStringLiteral("reason")).isEmpty());
        QVERIFY(!m_desk->isBusy());
        QCOMPARE(recallCount(), 0);
    }

    void aRecallOpensOnTheSecondTouchOnly()
    {
        m_page->handleScan(QStringLiteral("raw-r1"));
        m_page->reasonEdit()->setPlainText(QStringLiteral("Supplier reported Listeria in lot L7"));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(m_page->confirmLabel()->isVisible());
        QVERIFY2(m_page->confirmLabel()->text().contains(QStringLiteral("RAW-R1")),
                 qPrintable(m_page->confirmLabel()->text()));
        // A different label scanned after the first touch: the touch no longer counts.
        m_page->handleScan(QStringLiteral("RAW-R9"));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(m_page->confirmLabel()->text().contains(QStringLiteral("RAW-R9")));
        QTest::qWait(300);
        QCOMPARE(recallCount(), 0);
        // Back to the right lot, and two touches.
        m_page->handleScan(QStringLiteral("RAW-R1"));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->current().has_value(), 20000);
        QVERIFY(!m_page->confirmLabel()->isVisible());
        const wire::Recall recall = *m_desk->current();
        QCOMPARE(recall.lotCode, QStringLiteral("RAW-R1"));
        QVERIFY(!recall.drill);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT string_agg(l.lot_code || '=' || l.status, ' ' ORDER BY l.lot_code) "
                     "FROM recall_holds h JOIN lots l ON l.id = h.lot_id")),
                 QStringLiteral("FG-R1=HOLD FG-R2=HOLD"));
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT status FROM lots WHERE lot_code = "
                                                      "'RAW-R9'")),
                 QStringLiteral("RELEASED"));
        QTRY_COMPARE(m_page->customersTable()->rowCount(), 1);
        QCOMPARE(m_page->customersTable()->item(0, 0)->text(), QStringLiteral("SPAR"));
        QCOMPARE(m_page->customersTable()->item(0, 2)->text(), QStringLiteral("+36 22 555 0100"));
        QVERIFY(m_page->notice().contains(recall.reference));
        QTRY_VERIFY(m_page->recallReferences().contains(recall.reference));
        QVERIFY(m_page->currentLabel()->text().contains(recall.reference));
        QCOMPARE(m_page->lotEdit()->text(), QString());
        m_reference = recall.reference;
    }

    void aSecondRecallOfTheLotNamesTheOpenOne()
    {
        m_page->handleScan(QStringLiteral("RAW-R1"));
        m_page->reasonEdit()->setPlainText(QStringLiteral("Second report from the supplier"));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->message(QString()).isEmpty(), 20000);
        QVERIFY2(m_page->message(QString()).contains(m_reference),
                 qPrintable(m_page->message(QString())));
        QCOMPARE(recallCount(), 1);
    }

    void aDrillHoldsNothing()
    {
        const QString holds = m_server->db().scalar(QStringLiteral("SELECT count(*) FROM "
                                                                   "recall_holds"));
        m_page->handleScan(QStringLiteral("RAW-R9"));
        m_page->reasonEdit()->setPlainText(QStringLiteral("Yearly trace test, BRCGS 3.9.3"));
        m_page->drillBox()->setChecked(true);
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QVERIFY(m_page->confirmLabel()->text().contains(QStringLiteral("RAW-R9")));
        QVERIFY(m_page->confirmLabel()->text().contains(QStringLiteral("drill")));
        QTest::mouseClick(m_page->openButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->current() && m_desk->current()->drill, 20000);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT count(*) FROM recall_holds")), holds);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT status FROM lots WHERE lot_code = "
                                                      "'RAW-R9'")),
                 QStringLiteral("RELEASED"));
        QVERIFY(!m_page->drillBox()->isChecked());
        QTRY_VERIFY(m_page->selectRecall(m_reference));
        QTRY_VERIFY(m_desk->current() && m_desk->current()->reference == m_reference);
    }

    void thePdfReportNamesWhatToDo()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("recall.pdf"));
        QVERIFY(m_page->savePdf(pdf));
        QVERIFY(m_page->notice().contains(QStringLiteral("recall.pdf")));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed");
        QProcess p;
        p.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &expected :
             {m_reference, QStringLiteral("RAW-R1"), QStringLiteral("Listeria"),
              QStringLiteral("SPAR Magyarország Kft."), QStringLiteral("+36 22 555 0100"),
              QStringLiteral("DN-7"), QStringLiteral("FG-R1"), QStringLiteral("FG-R2"),
              QStringLiteral("Margit Manager")})
            QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));
        // A place that cannot be written is said, and nothing claims it was saved.
        QVERIFY(!m_page->savePdf(QStringLiteral("/nonexistent-dir/recall.pdf")));
        QVERIFY(!m_page->message(QString()).isEmpty());
        QCOMPARE(m_page->notice(), QString());
    }

    void theWorkbookIsTheServers()
    {
        QTemporaryDir dir;
        const QString xlsx = dir.filePath(QStringLiteral("recall.xlsx"));
        m_page->saveWorkbook(xlsx);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->notice().isEmpty(), 20000);
        QVERIFY(QFile::exists(xlsx));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import json, sys, openpyxl\n"
                                     "b = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                                     "c = [r for r in b['Customers to contact'].iter_rows("
                                     "values_only=True)]\n"
                                     "print(json.dumps({'sheets': b.sheetnames, 'first': "
                                     "list(c[1])}, default=str))\n"),
                      xlsx});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject book = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QCOMPARE(book.value(QStringLiteral("sheets")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("Recall"), QStringLiteral("Customers to contact"),
                              QStringLiteral("Shipments"), QStringLiteral("Lots"),
                              QStringLiteral("FSMA 204 KDE")}));
        QCOMPARE(book.value(QStringLiteral("first")).toArray().at(0).toString(),
                 QStringLiteral("SPAR"));
    }

    void closesWithANoteOnTheSecondTouch()
    {
        m_page->noteEdit()->setText(QStringLiteral("ok"));
        QTest::mouseClick(m_page->closeButton(), Qt::LeftButton);
        QVERIFY(!m_page->message(QStringLiteral("note")).isEmpty());
        m_page->noteEdit()->setText(QStringLiteral("Customers called; SPAR returned 10 kg."));
        QTest::mouseClick(m_page->closeButton(), Qt::LeftButton);
        QVERIFY(m_page->closeButton()->text().contains(m_reference));
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT status FROM recalls WHERE "
                                                      "reference = '%1'")
                                           .arg(m_reference)),
                 QStringLiteral("OPEN"));
        QTest::mouseClick(m_page->closeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_desk->current() && m_desk->current()->status == RecallStatus::CLOSED, 20000);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT status || '|' || close_note FROM "
                                                      "recalls WHERE reference = '%1'")
                                           .arg(m_reference)),
                 QStringLiteral("CLOSED|Customers called; SPAR returned 10 kg."));
        QVERIFY(!m_page->closeButton()->isEnabled());
        QVERIFY(m_page->notice().contains(m_reference));
    }

    void anAuditorReadsOnly()
    {
        m_page->setUser(QStringLiteral("Aurél Auditor"), false);
        QVERIFY(!m_page->openButton()->isEnabled());
        QVERIFY(!m_page->lotEdit()->isEnabled());
        QVERIFY(!m_page->closeButton()->isEnabled());
        QVERIFY(m_page->pdfButton()->isEnabled());
        QVERIFY(m_page->workbookButton()->isEnabled());
        m_page->handleScan(QStringLiteral("RAW-R9"));
        QCOMPARE(m_page->lotEdit()->text(), QString());
        m_page->setUser(QStringLiteral("Margit Manager"), true);
    }

private:
    // Recalls on the server, drills aside.
    int recallCount()
    {
        return m_server->db()
            .scalar(QStringLiteral("SELECT count(*) FROM recalls WHERE NOT "
                                   "drill"))
            .toInt();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::RecallDesk> m_desk;
    std::unique_ptr<ui::RecallsPage> m_page;
    QString m_reference;
};

QTEST_MAIN(TestRecallsPage)
#include "tst_recallspage.moc"
