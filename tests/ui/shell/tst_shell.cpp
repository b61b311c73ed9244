// The console shell over the real app core and a real flowviz-server: logging in, the status
// bar through an outage, switching to Hungarian, the idle lock, and discarding a refused item
// from the sync page.

#include "tests/support/testserver.h"
#include "tests/ui/shell/shellfixture.h"

#include "app/core/consolecore.h"
#include "app/outbox/outbox.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"
#include "ui/i18n/languagemanager.h"
#include "ui/login/loginpage.h"
#include "ui/scanner/scannerinput.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"
#include "ui/sync/discarddialog.h"
#include "ui/sync/syncpage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace flowviz;
using flowviz::test::ShellFixture;
using flowviz::test::TestServer;
using State = app::OutboxItem::State;

class TestShell : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings saved by the pages go to a scratch place, never the user's.
        ShellFixture::keepSettingsIn(m_dir);
        m_server = ShellFixture::makeServer(QStringLiteral("tst_shell"));
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));

        m_core = ShellFixture::makeCore(*m_server, QStringLiteral("07"),
                                        m_dir.filePath(QStringLiteral("data")));
        m_core->sync()->setBackoff(100, 400);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_window = ui::ConsolePages::mainWindow(*m_core, &m_languages);
        m_sync = ui::ConsolePages::sync(*m_core);
        m_window->addPage(QStringLiteral("sync"), QStringLiteral("Sync"), m_sync);
        m_window->addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                          ui::ConsolePages::settings(*m_core));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_core.reset();
        m_server.reset();
    }

    void loginThroughTheLoginPageReachesTheMainWindow()
    {
        QVERIFY(m_window->isLocked());
        logIn(QStringLiteral("operator"), QStringLiteral("wrong-password"));
        QTRY_VERIFY(!m_window->loginPage()->errorText().isEmpty());
        QVERIFY(m_window->isLocked());

        logIn(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_core->session()->user().username, QStringLiteral("operator"));
        QVERIFY(label("operatorStatus")->text().contains(m_core->session()->user().fullName));
    }

    void aBadgeScanFillsTheUserName()
    {
        m_window->lock();
        m_window->handleScan(QStringLiteral("manager"));
        QCOMPARE(field("userEdit")->text(), QStringLiteral("manager"));
        QVERIFY(field("passwordEdit")->text().isEmpty());
        logIn(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_VERIFY(!m_window->isLocked());
    }

    void statusBarFollowsAnOutage()
    {
        QTRY_VERIFY(label("connectionStatus")->text().contains(QStringLiteral("Online")));
        m_server->stop();
        m_core->sync()->syncNow();
        const QString id = m_core->outbox()->enqueueLot(
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-20260114-TEST07-0001")},
             {QStringLiteral("lot_type"), QStringLiteral("RAW")},
             {QStringLiteral("weight_kg"), QStringLiteral("12.50")},
             {QStringLiteral("workstation_id"), QStringLiteral("TEST07")}});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            label("connectionStatus")->text().contains(QStringLiteral("Offline")), 20000);
        QTRY_COMPARE(label("pendingStatus")->text(), QStringLiteral("Pending: 1"));

        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        QTRY_VERIFY_WITH_TIMEOUT(
            label("connectionStatus")->text().contains(QStringLiteral("Online")), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(label("pendingStatus")->text(), QStringLiteral("Pending: 0"),
                                  20000);
        QCOMPARE(m_core->outbox()->item(id)->state, State::Done);
    }

    void switchingToHungarianChangesTheShellTexts()
    {
        auto *lockButton = m_window->findChild<QPushButton *>(QStringLiteral("lockButton"));
        auto *syncNav = m_window->findChild<QPushButton *>(QStringLiteral("nav_sync"));
        QVERIFY(lockButton && syncNav);
        const QString lockEn = lockButton->text();
        const QString pendingEn = label("pendingStatus")->text();
        const QString settingsNavEn =
            m_window->findChild<QPushButton *>(QStringLiteral("nav_settings"))->text();

        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("languageBox"));
        const int hu = box->findData(QStringLiteral("hu"));
        QVERIFY(hu >= 0);
        box->setCurrentIndex(hu);
        emit box->activated(hu);
        QCOMPARE(m_languages.language(), QStringLiteral("hu"));
        QCOMPARE(m_core->settings().language, QStringLiteral("hu"));
        QTRY_VERIFY(lockButton->text() != lockEn);
        QVERIFY(label("pendingStatus")->text() != pendingEn);
        QVERIFY(m_window->findChild<QPushButton *>(QStringLiteral("nav_settings"))->text() !=
                settingsNavEn);
        QCOMPARE(lockButton->text(), QStringLiteral("Zárolás / kezelőváltás"));

        const int en = box->findData(QStringLiteral("en"));
        box->setCurrentIndex(en);
        emit box->activated(en);
        QTRY_COMPARE(lockButton->text(), lockEn);
    }

    void idleLockReturnsToLoginAndAnotherOperatorTakesOver()
    {
        QVERIFY(!m_window->isLocked());
        m_window->setIdleLockInterval(300);
        QTRY_VERIFY(m_window->isLocked());
        m_window->setIdleLockInterval(0);
        logIn(QStringLiteral("manager"), TestServer::passwordOf(QStringLiteral("manager")));
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_core->session()->user().username, QStringLiteral("manager"));
    }

    void aRefusedItemIsDiscardedWithAReason()
    {
        const QString id = m_core->outbox()->enqueueLot(
            {{QStringLiteral("lot_code"), QStringLiteral("RAW-20260114-TEST07-0002")},
             {QStringLiteral("lot_type"), QStringLiteral("NOT-A-TYPE")},
             {QStringLiteral("weight_kg"), QStringLiteral("12.50")},
             {QStringLiteral("workstation_id"), QStringLiteral("TEST07")}});
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_core->outbox()->item(id)->state, State::NeedsAttention, 20000);
        QTRY_COMPARE(m_window->findChild<QPushButton *>(QStringLiteral("attentionStatus"))->text(),
                     QStringLiteral("Needs attention: 1"));

        m_window->showPage(QStringLiteral("sync"));
        QCOMPARE(m_window->currentPageId(), QStringLiteral("sync"));
        QTRY_VERIFY(m_sync->selectItem(id));
        QTRY_VERIFY(!label("serverMessage")->text().isEmpty());
        QCOMPARE(label("serverMessage")->text(), m_core->outbox()->item(id)->lastError);

        // Finding 8: one tap asks, naming the item and what is lost; "Keep it" keeps it, and
        // "Discard" is off until a reason is written.
        auto *discard = m_sync->findChild<QPushButton *>(QStringLiteral("discardButton"));
        QVERIFY(discard->isEnabled());
        QTest::mouseClick(discard, Qt::LeftButton);
        QPointer<ui::DiscardDialog> ask = m_sync->discardDialog();
        QVERIFY(ask && ask->isVisible());
        QVERIFY(ask->findChild<QLabel *>(QStringLiteral("discardWhat"))
                    ->text()
                    .contains(m_core->outbox()->item(id)->lotCode));
        QVERIFY(!ask->discardButton()->isEnabled());
        QTest::mouseClick(ask->keepButton(), Qt::LeftButton);
        QTRY_VERIFY(!ask);
        QCOMPARE(m_core->outbox()->item(id)->state, State::NeedsAttention);

        QTest::mouseClick(discard, Qt::LeftButton);
        ask = m_sync->discardDialog();
        QVERIFY(ask);
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("typed the wrong lot type"));
        QTest::keyClick(ask->reasonEdit(), Qt::Key_Return); // Enter keeps, it does not discard
        QTRY_VERIFY(!ask);
        QCOMPARE(m_core->outbox()->item(id)->state, State::NeedsAttention);
        QTest::mouseClick(discard, Qt::LeftButton);
        ask = m_sync->discardDialog();
        QVERIFY(ask);
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("typed the wrong lot type"));
        QVERIFY(ask->discardButton()->isEnabled());
        QTest::mouseClick(ask->discardButton(), Qt::LeftButton);
        QCOMPARE(m_core->outbox()->item(id)->state, State::Discarded);
        QCOMPARE(m_core->outbox()->item(id)->discardReason,
                 QStringLiteral("typed the wrong lot type"));
        QTRY_COMPARE(m_window->findChild<QPushButton *>(QStringLiteral("attentionStatus"))->text(),
                     QStringLiteral("Needs attention: 0"));
    }

    void settingsRefuseABadWorkstationId()
    {
        m_window->showPage(QStringLiteral("settings"));
        auto *page = qobject_cast<ui::SettingsPage *>(m_window->page(QStringLiteral("settings")));
        QVERIFY(page);
        page->findChild<QLineEdit *>(QStringLiteral("workstation"))->setText(QStringLiteral("7"));
        QVERIFY(!page->save());
        QVERIFY(!page->errorText().isEmpty());
        QCOMPARE(m_core->settings().workstation, QStringLiteral("07"));
        page->findChild<QLineEdit *>(QStringLiteral("workstation"))->setText(QStringLiteral("08"));
        QVERIFY(page->save());
        QCOMPARE(m_core->settings().workstation, QStringLiteral("08"));
        QVERIFY(m_core->restartRequired());
        QCOMPARE(m_core->sync()->workstationId(), QStringLiteral("TEST07")); // until restart
        QCOMPARE(app::ConsoleSettings::load().workstation, QStringLiteral("08"));
    }

    // Finding: with the scanner holding keystrokes back, Save tapped right after typing stored
    // the old value while the page showed the new one and "Saved".
    void settingsSaveWhatWasJustTyped()
    {
        ui::ScannerInput scanner;
        qApp->installEventFilter(&scanner);
        m_window->showPage(QStringLiteral("settings"));
        auto *page = qobject_cast<ui::SettingsPage *>(m_window->page(QStringLiteral("settings")));
        QVERIFY(page);
        auto *workstation = page->findChild<QLineEdit *>(QStringLiteral("workstation"));
        const QString before = m_core->settings().workstation;
        const QString typed =
            before == QStringLiteral("09") ? QStringLiteral("06") : QStringLiteral("09");
        workstation->setFocus();
        workstation->selectAll();
        QTest::keyClicks(workstation, typed); // as fast as keys come, then a tap at once
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveSettings")),
                          Qt::LeftButton);
        QCOMPARE(workstation->text(), typed);
        QCOMPARE(m_core->settings().workstation, typed);
        QCOMPARE(app::ConsoleSettings::load().workstation, typed);
        QTest::qWait(200); // nothing typed arrives late
        QCOMPARE(workstation->text(), typed);
    }

    // Finding: a password typed at scanner speed on the login page was taken for a badge scan
    // and put, upper-cased, into the user-name field.
    void aFastTypedPasswordIsNotABadgeScan()
    {
        ui::ScannerInput scanner;
        qApp->installEventFilter(&scanner);
        m_window->setScanner(&scanner);
        const auto detach = qScopeGuard([this] { m_window->setScanner(nullptr); });
        m_window->lock();
        QVERIFY(m_window->isLocked());
        field("userEdit")->setText(QStringLiteral("operator"));
        field("passwordEdit")->clear();
        field("passwordEdit")->setFocus();
        QTest::keyClicks(field("passwordEdit"), TestServer::passwordOf(QStringLiteral("operator")));
        QTest::keyClick(field("passwordEdit"), Qt::Key_Return);
        QCOMPARE(field("userEdit")->text(), QStringLiteral("operator"));
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_core->session()->user().username, QStringLiteral("operator"));
    }

private:
    QLabel *label(const char *name) const
    {
        auto *l = m_window->findChild<QLabel *>(QString::fromLatin1(name));
        Q_ASSERT(l);
        return l;
    }
    QLineEdit *field(const char *name) const
    {
        auto *e = m_window->findChild<QLineEdit *>(QString::fromLatin1(name));
        Q_ASSERT(e);
        return e;
    }
    void logIn(const QString &user, const QString &password)
    {
        field("userEdit")->setText(user);
        field("passwordEdit")->setText(password);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("loginButton")),
                          Qt::LeftButton);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    ui::LanguageManager m_languages;
    std::unique_ptr<app::ConsoleCore> m_core;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::SyncPage *m_sync = nullptr;
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
