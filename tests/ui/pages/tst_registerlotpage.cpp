#include "pagefixture.h"

#include "common/statusbadge.h"
#include "common/temperaturebadge.h"
#include "lots/registerlotpage.h"
#include "registration/lotregistrar.h"
#include "scanner/scannerinput.h"

#include "support/httpclient.h"
#include "support/testserver.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace flowviz;
using flowviz::test::HttpClient;
using flowviz::test::PageConsole;
using flowviz::test::Reply;
using flowviz::test::TestServer;

// The Register lot page over the real app core and a real flowviz-server: a lot registered by
// scanner input reaches the database, parents on HOLD are refused at the scan, and a lot
// registered while the server is down shows as pending and syncs when it is back.
class TestRegisterLotPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            QStringLiteral("ui_register"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        Reply r = manager.post(QStringLiteral("/api/v1/production-runs"),
                               {{QStringLiteral("run_code"), QStringLiteral("RUN-PAGE-1")}});
        QVERIFY2(r.status == 201, r.body.constData());
        for (const QString &code :
             {QStringLiteral("RAW-PAGE-OK"), QStringLiteral("RAW-PAGE-HOLD")}) {
            r = manager.post(QStringLiteral("/api/v1/lots"),
                             {{QStringLiteral("lot_code"), code},
                              {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                              {QStringLiteral("weight_kg"), QStringLiteral("100.00")},
                              {QStringLiteral("temperature_c"), QStringLiteral("2.0")}});
            QVERIFY2(r.status == 201, r.body.constData());
        }
        r = manager.post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-PAGE-HOLD")},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("notes"), QStringLiteral("Packaging torn at receiving")}});
        QVERIFY2(r.status == 201, r.body.constData());

        m_console = std::make_unique<PageConsole>(m_server->baseUrl());
        QString error;
        QVERIFY2(m_console->start(QStringLiteral("operator"), &error), qPrintable(error));
        m_registrar =
            std::make_unique<app::LotRegistrar>(m_console->cache.get(), m_console->outbox.get(),
                                                m_console->codes.get(), m_console->workstationId);
        m_registrar->setApiClient(&m_console->api);
        m_page = std::make_unique<ui::RegisterLotPage>(m_registrar.get());
        m_scanner = std::make_unique<ui::ScannerInput>();
        qApp->installEventFilter(m_scanner.get());
        connect(m_scanner.get(), &ui::ScannerInput::scanned, m_page.get(),
                &ui::RegisterLotPage::handleScan);
        m_page->resize(900, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase()
    {
        m_scanner.reset();
        m_page.reset();
        m_registrar.reset();
        m_console.reset();
        m_server.reset();
    }

    void registersAScannedLotThatReachesTheDatabase()
    {
        QCOMPARE(m_page->runCombo()->findData(QStringLiteral("RUN-PAGE-1")) >= 0, true);
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("DEB")));
        m_page->runCombo()->setCurrentIndex(
            m_page->runCombo()->findData(QStringLiteral("RUN-PAGE-1")));
        QTest::keyClicks(m_page->weightEdit(), QStringLiteral("42.50"), Qt::NoModifier, 100);
        m_scanner->flush();
        QTest::keyClicks(m_page->temperatureEdit(), QStringLiteral("3.0"), Qt::NoModifier, 100);
        m_scanner->flush();
        QTRY_COMPARE(m_page->temperatureEdit()->text(), QStringLiteral("3.0"));
        QVERIFY(m_page->temperatureBadge()->reading().has_value());

        // The parent's label is scanned: a fast burst ending with Enter, while the weight field
        // has the focus; nothing of it lands in the field.
        m_page->weightEdit()->setFocus();
        QTest::keyClicks(m_page->weightEdit(), QStringLiteral("RAW-PAGE-OK"));
        QTest::keyClick(m_page->weightEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_page->parentCodes(), QStringList{QStringLiteral("RAW-PAGE-OK")});
        QCOMPARE(m_page->weightEdit()->text(), QStringLiteral("42.50"));
        QVERIFY(m_page->setParentQuantity(QStringLiteral("RAW-PAGE-OK"), QStringLiteral("40")));

        const int before = m_console->outbox->items().size();
        QSignalSpy saved(m_page.get(), &ui::RegisterLotPage::lotSaved);
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(m_page->fieldError(QStringLiteral("save")), QString());
        const QString code = m_page->lastLotCode();
        QVERIFY2(code.startsWith(QStringLiteral("DEB-")) &&
                     code.contains(QStringLiteral("-TEST01-")),
                 qPrintable(code));
        QCOMPARE(m_console->outbox->items().size(), before + 1);
        QVERIFY(m_page->printButton()->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = $1"),
                                  {code}),
            QStringLiteral("1"), 20000);
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT weight_kg::text FROM lots WHERE lot_code = $1"), {code}),
            QStringLiteral("42.50"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lot_genealogy g JOIN lots c ON c.id = "
                                    "g.child_lot_id JOIN lots p ON p.id = g.parent_lot_id WHERE "
                                    "c.lot_code = $1 AND p.lot_code = 'RAW-PAGE-OK'"),
                     {code}),
                 QStringLiteral("1"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->savedStatus()->isPending(), 10000);
    }

    void refusesAParentOnHoldAtTheScan()
    {
        m_page->handleScan(QStringLiteral("RAW-PAGE-HOLD"));
        QTRY_VERIFY(!m_page->fieldError(QStringLiteral("scan")).isEmpty());
        const QString message = m_page->fieldError(QStringLiteral("scan"));
        QVERIFY2(message.contains(QStringLiteral("RAW-PAGE-HOLD")) &&
                     message.contains(QStringLiteral("HOLD")) &&
                     message.contains(QStringLiteral("release")),
                 qPrintable(message));
        QVERIFY(!m_page->parentCodes().contains(QStringLiteral("RAW-PAGE-HOLD")));
    }

    void showsInlineErrorsAndQueuesNothing()
    {
        const int before = m_console->outbox->items().size();
        m_page->weightEdit()->setText(QStringLiteral("12.345"));
        m_page->temperatureEdit()->clear();
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QVERIFY(!m_page->fieldError(QStringLiteral("weight_kg")).isEmpty());
        QVERIFY(!m_page->fieldError(QStringLiteral("temperature_c")).isEmpty());
        QCOMPARE(m_console->outbox->items().size(), before);
    }

    void registersOfflineAndSyncsWhenTheServerIsBack()
    {
        m_server->stop();
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("RAW")));
        m_page->runCombo()->setCurrentIndex(0);
        m_page->weightEdit()->setText(QStringLiteral("10.00"));
        m_page->temperatureEdit()->setText(QStringLiteral("1.5"));
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(m_page->fieldError(QStringLiteral("save")), QString());
        QCOMPARE(m_page->fieldError(QStringLiteral("weight_kg")), QString());
        const QString code = m_page->lastLotCode();
        QVERIFY(!code.isEmpty());
        QVERIFY(m_page->savedStatus()->isPending());
        QVERIFY(m_page->savedStatus()->text().contains(QStringLiteral("waiting to sync")));
        const auto cached = m_console->cache->lot(code);
        QVERIFY(cached && cached->pendingRegistration);
        QTRY_VERIFY_WITH_TIMEOUT(m_console->sync->state() == app::SyncEngine::State::Offline,
                                 10000);
        QVERIFY(m_page->savedStatus()->isPending());

        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_console->sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->savedStatus()->isPending(), 30000);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT workstation_id FROM lots WHERE lot_code = $1"), {code}),
                 m_console->workstationId);
        QVERIFY(!m_console->cache->lot(code)->pendingRegistration);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PageConsole> m_console;
    std::unique_ptr<app::LotRegistrar> m_registrar;
    std::unique_ptr<ui::RegisterLotPage> m_page;
    std::unique_ptr<ui::ScannerInput> m_scanner;
};

QTEST_MAIN(TestRegisterLotPage)
#include "tst_registerlotpage.moc"
