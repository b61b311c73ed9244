#include "tests/ui/support/pagefixture.h"

#include "app/registration/lotregistrar.h"
#include "ui/common/statusbadge.h"
#include "ui/common/temperaturebadge.h"
#include "ui/lots/registerlotpage.h"
#include "ui/scanner/scannerinput.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
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
        r = manager.post(QStringLiteral("/api/v1/suppliers"),
                         {{QStringLiteral("supplier_code"), QStringLiteral("ALFOLD-HUS")},
                          {QStringLiteral("name"), QStringLiteral("Alföld Hús Kft.")}});
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
        // As the shell does: the scan with its data, for a supplier's GS1 label.
        connect(m_scanner.get(), &ui::ScannerInput::scanned, m_page.get(),
                &ui::RegisterLotPage::handleLabelScan);
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

    // Finding 3: a parent put on HOLD elsewhere after this workstation cached it is refused at
    // the scan (its status is asked of the server); a lot the server refuses later is shown as
    // refused, then as discarded, instead of "saved".
    void parentStatusIsFreshAndARefusalIsShownAtOnce()
    {
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        Reply r = manager.post(QStringLiteral("/api/v1/lots"),
                               {{QStringLiteral("lot_code"), QStringLiteral("RAW-PAGE-LATE")},
                                {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                                {QStringLiteral("weight_kg"), QStringLiteral("100.00")},
                                {QStringLiteral("temperature_c"), QStringLiteral("2.0")}});
        QVERIFY2(r.status == 201, r.body.constData());
        m_page->handleScan(QStringLiteral("RAW-PAGE-LATE"));
        QTRY_VERIFY(m_page->parentCodes().contains(QStringLiteral("RAW-PAGE-LATE")));

        // QC holds it at another workstation while this one is offline to the server's sync.
        m_console->sync->stop();
        r = manager.post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-PAGE-LATE")},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("notes"), QStringLiteral("Metal detector alarm at 10:02")}});
        QVERIFY2(r.status == 201, r.body.constData());
        QVERIFY(m_console->cache->lot(QStringLiteral("RAW-PAGE-LATE"))->status ==
                LotStatus::CREATED);
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("DEB")));
        m_page->runCombo()->setCurrentIndex(0);
        m_page->weightEdit()->setText(QStringLiteral("20.00"));
        m_page->temperatureEdit()->setText(QStringLiteral("3.0"));
        QVERIFY(m_page->setParentQuantity(QStringLiteral("RAW-PAGE-LATE"), QStringLiteral("20")));
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(m_page->fieldError(QStringLiteral("save")), QString());
        const QString code = m_page->lastLotCode();
        QVERIFY(!code.isEmpty());
        QVERIFY(m_page->savedText().contains(QStringLiteral("will be sent")));

        // The server refuses it (parent on HOLD): the page says so, not "saved".
        m_console->sync->start();
        QTRY_VERIFY2_WITH_TIMEOUT(m_page->savedText().contains(QStringLiteral("refused")),
                                  qPrintable(m_page->savedText()), 20000);
        QVERIFY(!m_page->savedText().contains(QStringLiteral("will be sent")));
        QVERIFY(!m_page->printButton()->isEnabled());
        const auto item = m_console->outbox->items().last();
        QVERIFY(m_console->outbox->discard(item.id, QStringLiteral("test: parent on hold")));
        QTRY_VERIFY2(m_page->savedText().contains(QStringLiteral("discarded")),
                     qPrintable(m_page->savedText()));

        // Scanned again, the parent's fresh status is used: refused at the scan.
        m_page->handleScan(QStringLiteral("RAW-PAGE-LATE"));
        QTRY_VERIFY(!m_page->fieldError(QStringLiteral("scan")).isEmpty());
        QVERIFY2(m_page->fieldError(QStringLiteral("scan")).contains(QStringLiteral("HOLD")),
                 qPrintable(m_page->fieldError(QStringLiteral("scan"))));
        QVERIFY(!m_page->parentCodes().contains(QStringLiteral("RAW-PAGE-LATE")));
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

    // Finding 4: the Hungarian placeholder shows "12,50", so "12,50" is what operators type.
    // The locale's decimal point and '.' both work, exactly; a group separator never does.
    void acceptsTheLocaleDecimalPointExactly()
    {
        const QLocale previous;
        const auto restore = qScopeGuard([previous, this] {
            QLocale::setDefault(previous);
            QEvent change(QEvent::LanguageChange);
            QCoreApplication::sendEvent(m_page.get(), &change);
        });
        QLocale::setDefault(QLocale(QLocale::Hungarian, QLocale::Hungary));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(m_page.get(), &change);
        QVERIFY2(m_page->weightEdit()->placeholderText().contains(QStringLiteral("12,50")),
                 qPrintable(m_page->weightEdit()->placeholderText()));
        QVERIFY2(m_page->temperatureEdit()->placeholderText().contains(QStringLiteral("3,5")),
                 qPrintable(m_page->temperatureEdit()->placeholderText()));

        // Typed on the page, with the scanner watching, and saved with one tap.
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("FRZ")));
        m_page->runCombo()->setCurrentIndex(0);
        m_page->weightEdit()->clear();
        m_page->temperatureEdit()->clear();
        m_page->parentsTable()->setRowCount(0);
        m_page->weightEdit()->setFocus();
        QTest::keyClicks(m_page->weightEdit(), QStringLiteral("12,50"), Qt::NoModifier, 100);
        m_page->temperatureEdit()->setFocus();
        QTest::keyClicks(m_page->temperatureEdit(), QStringLiteral("-18,0"), Qt::NoModifier, 100);
        QSignalSpy saved(m_page.get(), &ui::RegisterLotPage::lotSaved);
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(m_page->fieldError(QStringLiteral("weight_kg")), QString());
        QCOMPARE(m_page->fieldError(QStringLiteral("temperature_c")), QString());
        QCOMPARE(saved.size(), 1);
        const QString code = m_page->lastLotCode();
        const auto cached = m_console->cache->lot(code);
        QVERIFY(cached && cached->weightKg && cached->temperatureC);
        QCOMPARE(*cached->weightKg, Decimal::fromUnits(1250, 2));
        QCOMPARE(*cached->temperatureC, Decimal::fromUnits(-180, 1));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(
                QStringLiteral("SELECT weight_kg::text || ' ' || temperature_c::text FROM lots "
                               "WHERE lot_code = $1"),
                {code}),
            QStringLiteral("12.50 -18.0"), 20000);

        // Through LotRegistrar: a parent quantity with the comma, a typographic minus.
        app::LotDraft draft;
        draft.type = LotType::DEB;
        draft.weightKg = QStringLiteral("40,25");
        draft.temperatureC = QStringLiteral("\u22122,5");
        draft.parents = {{QStringLiteral("RAW-PAGE-OK"), QStringLiteral("40,25")}};
        QVERIFY2(m_registrar->validate(draft).isEmpty(),
                 qPrintable(m_registrar->validate(draft).values().join(u' ')));
        const auto result = m_registrar->registerLot(draft);
        QVERIFY(result.ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(
                QStringLiteral("SELECT c.weight_kg::text || ' ' || c.temperature_c::text || ' ' "
                               "|| g.quantity_used_kg::text FROM lots c JOIN lot_genealogy g ON "
                               "g.child_lot_id = c.id WHERE c.lot_code = $1"),
                {result.lotCode}),
            QStringLiteral("40.25 -2.5 40.25"), 20000);

        // In English the comma groups thousands: "1,250" is refused, never 1250 or 1.25, and
        // the message shows the number as it is typed here.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        draft.weightKg = QStringLiteral("1,250");
        draft.temperatureC = QStringLiteral("-18,0");
        draft.parents.clear();
        const app::FieldMessages errors = m_registrar->validate(draft);
        QVERIFY(errors.value(QStringLiteral("weight_kg")).contains(QStringLiteral("12.50")));
        QVERIFY(errors.contains(QStringLiteral("temperature_c")));
        draft.weightKg = QStringLiteral("12.50");
        draft.temperatureC = QStringLiteral("-18.0");
        QVERIFY2(m_registrar->validate(draft).isEmpty(),
                 qPrintable(m_registrar->validate(draft).values().join(u' ')));
    }

    // Issue 16: a RAW lot is received from the supplier's GS1-128 label, scanned at scanner
    // speed; each label replaces every label field (two labels never mix), the supplier is
    // chosen, and the receipt reaches the database exactly as read.
    void receivesARawLotFromTheSuppliersLabel()
    {
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("RAW")));
        m_page->runCombo()->setCurrentIndex(0);
        m_page->parentsTable()->setRowCount(0);
        QVERIFY(m_page->receiptBox()->isVisible());
        QVERIFY(!m_page->parentsTable()->isVisible());
        QVERIFY(m_page->supplierCombo()->findData(QStringLiteral("ALFOLD-HUS")) > 0);
        QCOMPARE(m_page->receivedOnEdit()->date(), QDate::currentDate());

        // The printed form of a label with all four elements, as the scanner types it.
        m_page->weightEdit()->setFocus();
        QTest::keyClicks(m_page->weightEdit(),
                         QStringLiteral("(01)09501101530003(17)270300(10)Lot-a7(37)12"));
        QTest::keyClick(m_page->weightEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_page->supplierLotEdit()->text(), QStringLiteral("Lot-a7"));
        QCOMPARE(m_page->weightEdit()->text(), QString());
        QCOMPARE(m_page->gtinEdit()->text(), QStringLiteral("09501101530003"));
        // Day 00: the month's last day.
        QCOMPARE(m_page->expiresOnEdit()->date(), QDate(2027, 3, 31));
        QCOMPARE(m_page->unitsEdit()->text(), QStringLiteral("12"));
        QVERIFY2(m_page->receiptScanText().contains(QStringLiteral("from the label")),
                 qPrintable(m_page->receiptScanText()));
        QVERIFY(m_page->parentCodes().isEmpty());

        // A second label without expiry and count: nothing of the first one stays.
        m_page->handleLabelScan(QStringLiteral("B2"), QStringLiteral("]C10109501101530003") +
                                                          QChar(0x1d) + QStringLiteral("10b2"));
        QCOMPARE(m_page->supplierLotEdit()->text(), QStringLiteral("b2"));
        QCOMPARE(m_page->gtinEdit()->text(), QStringLiteral("09501101530003"));
        QCOMPARE(m_page->expiresOnEdit()->date(), m_page->expiresOnEdit()->minimumDate());
        QCOMPARE(m_page->unitsEdit()->text(), QString());

        // No supplier chosen: refused, nothing queued.
        const int before = m_console->outbox->items().size();
        m_page->supplierCombo()->setCurrentIndex(0);
        m_page->weightEdit()->setText(QStringLiteral("250.00"));
        m_page->temperatureEdit()->setText(QStringLiteral("2.0"));
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QVERIFY(!m_page->fieldError(QStringLiteral("receipt.supplier_code")).isEmpty());
        QCOMPARE(m_console->outbox->items().size(), before);

        // A mistyped GTIN and an expiry before the day received: refused, nothing queued.
        m_page->supplierCombo()->setCurrentIndex(
            m_page->supplierCombo()->findData(QStringLiteral("ALFOLD-HUS")));
        m_page->gtinEdit()->setText(QStringLiteral("09501101530004"));
        m_page->expiresOnEdit()->setDate(QDate::currentDate().addDays(-1));
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QVERIFY2(
            m_page->fieldError(QStringLiteral("receipt.gtin")).contains(QStringLiteral("check")),
            qPrintable(m_page->fieldError(QStringLiteral("receipt.gtin"))));
        QVERIFY(!m_page->fieldError(QStringLiteral("receipt.expires_on")).isEmpty());
        QCOMPARE(m_page->fieldError(QStringLiteral("receipt.supplier_code")), QString());
        QCOMPARE(m_console->outbox->items().size(), before);

        m_page->gtinEdit()->setText(QStringLiteral("09501101530003"));
        m_page->expiresOnEdit()->setDate(m_page->expiresOnEdit()->minimumDate());
        m_page->deliveryNoteEdit()->setText(QStringLiteral("SZL-2026/0071"));
        QSignalSpy saved(m_page.get(), &ui::RegisterLotPage::lotSaved);
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        const QString code = m_page->lastLotCode();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(
                QStringLiteral("SELECT s.supplier_code || '|' || r.supplier_lot_code || '|' || "
                               "r.gtin || '|' || r.delivery_note || '|' || r.received_on || '|' "
                               "|| coalesce(r.expires_on::text, '-') || '|' || "
                               "coalesce(r.units::text, '-') FROM lot_receipts r JOIN lots l ON "
                               "l.id = r.lot_id JOIN suppliers s ON s.id = r.supplier_id WHERE "
                               "l.lot_code = $1"),
                {code}),
            QStringLiteral("ALFOLD-HUS|b2|09501101530003|SZL-2026/0071|%1|-|-")
                .arg(QDate::currentDate().toString(Qt::ISODate)),
            20000);
        // The delivery's next lot keeps the supplier, note and day; the label's fields are empty.
        QCOMPARE(m_page->supplierCombo()->currentData().toString(), QStringLiteral("ALFOLD-HUS"));
        QCOMPARE(m_page->deliveryNoteEdit()->text(), QStringLiteral("SZL-2026/0071"));
        QCOMPARE(m_page->supplierLotEdit()->text(), QString());
        QCOMPARE(m_page->gtinEdit()->text(), QString());

        // A lot of another type carries no receipt, whatever the hidden fields hold.
        m_page->supplierLotEdit()->setText(QStringLiteral("X1"));
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("FRZ")));
        QVERIFY(!m_page->receiptBox()->isVisible());
        m_page->weightEdit()->setText(QStringLiteral("5.00"));
        m_page->temperatureEdit()->setText(QStringLiteral("-18.0"));
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        QCOMPARE(saved.size(), 2);
        const QString frozen = m_page->lastLotCode();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->db().scalar(QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = $1"),
                                  {frozen}),
            QStringLiteral("1"), 20000);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT count(*) FROM lot_receipts r JOIN "
                                                      "lots l ON l.id = r.lot_id WHERE "
                                                      "l.lot_code = $1"),
                                       {frozen}),
                 QStringLiteral("0"));
        m_page->typeCombo()->setCurrentIndex(m_page->typeCombo()->findData(QStringLiteral("RAW")));
        m_page->supplierLotEdit()->clear();
        m_page->deliveryNoteEdit()->clear();
        m_page->supplierCombo()->setCurrentIndex(0);
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
