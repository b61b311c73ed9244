#include "tests/ui/support/pagefixture.h"

#include "app/cache/cacherefresher.h"
#include "app/cache/localcache.h"
#include "app/suppliers/supplierdirectory.h"
#include "ui/suppliers/supplierspage.h"

#include "tests/support/testserver.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace flowviz;
using flowviz::test::PageConsole;
using flowviz::test::TestServer;

// The Suppliers page as a manager uses it, over a real flowviz-server: a supplier added from
// the form is on the server exactly as typed and in the workstation's list at the next
// refresh; what breaks a rule is refused under its field before anything is sent; a stopped
// supplier leaves the Register page's list; an operator cannot change suppliers.
class TestSuppliersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("ui_suppliers"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_console = std::make_unique<PageConsole>(m_server->baseUrl());
        QString error;
        QVERIFY2(m_console->start(QStringLiteral("manager"), &error), qPrintable(error));
        m_directory = std::make_unique<app::SupplierDirectory>(&m_console->api);
        m_page = std::make_unique<ui::SuppliersPage>(m_directory.get());
        connect(m_page.get(), &ui::SuppliersPage::changed, m_console->refresher.get(),
                &app::CacheRefresher::refresh);
        m_page->resize(1024, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_VERIFY(!m_directory->isBusy());
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_directory.reset();
        m_console.reset();
        m_server.reset();
    }

    void addsASupplierExactlyAsTyped()
    {
        QSignalSpy changed(m_page.get(), &ui::SuppliersPage::changed);
        QTest::keyClicks(m_page->codeEdit(), QStringLiteral("alfold-hus"));
        m_page->nameEdit()->setText(QStringLiteral("Alföld Hús Kft.")); // not typeable by QTest
        m_page->addressEdit()->setPlainText(QStringLiteral("Fő utca 1.\n6000 Kecskemét"));
        QTest::keyClicks(m_page->contactEdit(), QStringLiteral("Kiss Anna, +36 76 123 456"));
        QTest::mouseClick(m_page->addButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
        QTRY_VERIFY(m_page->codes().contains(QStringLiteral("ALFOLD-HUS")));
        QCOMPARE(m_page->message(QString()), QString());
        // The form is empty for the next one.
        QCOMPARE(m_page->codeEdit()->text(), QString());
        QCOMPARE(m_page->nameEdit()->text(), QString());
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT name || '|' || address || '|' || contact || '|' || "
                                    "active FROM suppliers WHERE supplier_code = 'ALFOLD-HUS'")),
                 QStringLiteral("Alföld Hús Kft.|Fő utca 1.\n6000 Kecskemét|Kiss Anna, +36 76 "
                                "123 456|true"));
        // The workstation's list, which the Register page offers, follows.
        QTRY_VERIFY_WITH_TIMEOUT(m_console->cache->supplier(QStringLiteral("ALFOLD-HUS")), 10000);
    }

    void refusesUnderTheFieldBeforeSending_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("contact");
        QTest::addColumn<QString>("field");
        QTest::newRow("accented code") << QStringLiteral("GYŐR-1") << QStringLiteral("Győri Kft.")
                                       << QString() << QStringLiteral("supplier_code");
        QTest::newRow("no code") << QString() << QStringLiteral("Győri Kft.") << QString()
                                 << QStringLiteral("supplier_code");
        QTest::newRow("no name") << QStringLiteral("GYOR-1") << QString() << QString()
                                 << QStringLiteral("name");
        QTest::newRow("name with a space at the end")
            << QStringLiteral("GYOR-1") << QStringLiteral("Győri Kft. ") << QString()
            << QStringLiteral("name");
        QTest::newRow("tab in contact")
            << QStringLiteral("GYOR-1") << QStringLiteral("Győri Kft.")
            << QStringLiteral("Anna\tBéla") << QStringLiteral("contact");
    }
    void refusesUnderTheFieldBeforeSending()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QFETCH(QString, contact);
        QFETCH(QString, field);
        const QString before =
            m_server->db().scalar(QStringLiteral("SELECT count(*) FROM suppliers"));
        m_page->codeEdit()->setText(code);
        m_page->nameEdit()->setText(name);
        m_page->contactEdit()->setText(contact);
        m_page->addressEdit()->clear();
        QTest::mouseClick(m_page->addButton(), Qt::LeftButton);
        QVERIFY2(!m_page->message(field).isEmpty(), qPrintable(field));
        QVERIFY(!m_page->message(QString()).isEmpty());
        QVERIFY(!m_directory->isBusy()); // nothing was sent
        // Kept for correction.
        QCOMPARE(m_page->nameEdit()->text(), name);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT count(*) FROM suppliers")), before);
    }

    void aTakenCodeIsRefusedByTheServer()
    {
        m_page->codeEdit()->setText(QStringLiteral("ALFOLD-HUS"));
        m_page->nameEdit()->setText(QStringLiteral("Another Kft."));
        m_page->contactEdit()->clear();
        QTest::mouseClick(m_page->addButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->message(QString()).contains(QStringLiteral("already exists")));
        QCOMPARE(m_page->nameEdit()->text(), QStringLiteral("Another Kft."));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT name FROM suppliers WHERE supplier_code = 'ALFOLD-HUS'")),
                 QStringLiteral("Alföld Hús Kft."));
    }

    void aStoppedSupplierLeavesTheWorkstationsList()
    {
        QVERIFY(m_page->selectSupplier(QStringLiteral("ALFOLD-HUS")));
        QVERIFY(m_page->activeButton()->isEnabled());
        QVERIFY2(m_page->activeButton()->text().contains(QStringLiteral("Stop")),
                 qPrintable(m_page->activeButton()->text()));
        QTest::mouseClick(m_page->activeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(QStringLiteral(
                "SELECT active::text FROM suppliers WHERE supplier_code = 'ALFOLD-HUS'")),
            QStringLiteral("false"), 10000);
        QTRY_VERIFY2(m_page->activeButton()->text().contains(QStringLiteral("again")),
                     qPrintable(m_page->activeButton()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_console->cache->supplier(QStringLiteral("ALFOLD-HUS")), 10000);
        // And back.
        QTest::mouseClick(m_page->activeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_console->cache->supplier(QStringLiteral("ALFOLD-HUS")), 10000);
    }

    void anOperatorCannotChangeSuppliers()
    {
        PageConsole operatorConsole(m_server->baseUrl(), QStringLiteral("02"));
        QString error;
        QVERIFY2(operatorConsole.start(QStringLiteral("operator"), &error), qPrintable(error));
        app::SupplierDirectory directory(&operatorConsole.api);
        ui::SuppliersPage page(&directory);
        page.codeEdit()->setText(QStringLiteral("OP-1"));
        page.nameEdit()->setText(QStringLiteral("Operator Bt."));
        QTest::mouseClick(page.addButton(), Qt::LeftButton);
        QTRY_VERIFY(page.message(QString()).contains(QStringLiteral("manager")));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM suppliers WHERE supplier_code = 'OP-1'")),
                 QStringLiteral("0"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::SupplierDirectory> m_directory;
    std::unique_ptr<ui::SuppliersPage> m_page;
};

QTEST_MAIN(TestSuppliersPage)
#include "tst_supplierspage.moc"
