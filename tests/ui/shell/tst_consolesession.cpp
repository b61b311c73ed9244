// Who may do what at a shared workstation, over the real app core and a real flowviz-server:
// the Settings page only for supervisors, recall reports signed by whoever is logged in then,
// the local files private to the workstation account, and a shift change while the server is
// down (offline login with the user's own password, each user's queued work sent under their
// own token only, no session surviving a restart).

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/shell/shellfixture.h"

#include "app/core/consolecore.h"
#include "app/outbox/outbox.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"
#include "app/trace/recallmodel.h"
#include "app/trace/traceservice.h"
#include "ui/i18n/languagemanager.h"
#include "ui/login/loginpage.h"
#include "ui/lots/lotspage.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"
#include "ui/trace/tracepage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace flowviz;
using flowviz::test::HttpClient;
using flowviz::test::ShellFixture;
using flowviz::test::TestServer;
using State = app::OutboxItem::State;

namespace {

constexpr QFileDevice::Permissions kGroupOrOther =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QJsonObject rawLot(const QString &code)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), QStringLiteral("RAW")},
            {QStringLiteral("weight_kg"), QStringLiteral("10.00")},
            {QStringLiteral("workstation_id"), QStringLiteral("TEST09")}};
}

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ShellFixture::keepSettingsIn(m_dir);
        m_server = ShellFixture::makeServer(QStringLiteral("tst_consolesession"));
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        openConsole();
    }

    void cleanupTestCase()
    {
        closeConsole();
        m_server.reset();
    }

    // Finding 6: the first start shows the login page without "Your session has ended": a
    // request refused at start-up for want of a token (the Lots page's list) ends no session.
    void firstStartSaysNoSessionEnded()
    {
        QVERIFY(m_window->isLocked());
        QTest::qWait(1500); // the start-up requests have been answered by now
        auto *message = m_window->findChild<QLabel *>(QStringLiteral("loginMessage"));
        QVERIFY(message);
        QVERIFY2(message->isHidden() || !message->text().contains(QStringLiteral("ended")),
                 qPrintable(message->text()));
    }

    // Finding 8b: server address and workstation id are for supervisors.
    void settingsAreForSupervisorsOnly()
    {
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY(!m_window->isLocked());
        QVERIFY(!m_window->isPageAvailable(QStringLiteral("settings")));
        QVERIFY(!navButton("settings")->isVisible());
        m_window->showPage(QStringLiteral("settings"));
        QVERIFY(m_window->currentPageId() != QStringLiteral("settings"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("manager")),
                 qPrintable(m_window->statusBar()->currentMessage()));

        m_window->lock();
        logIn(QStringLiteral("manager"));
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_core->session()->user().username, QStringLiteral("manager"));
        QVERIFY(m_window->isPageAvailable(QStringLiteral("settings")));
        QVERIFY(navButton("settings")->isVisible());
        m_window->showPage(QStringLiteral("settings"));
        QCOMPARE(m_window->currentPageId(), QStringLiteral("settings"));
        m_window->lock();
    }

    // Finding 6c: the page is made before anyone logs in; the report names who made it.
    void aRecallReportNamesTheUserSignedInWhenItIsMade()
    {
        HttpClient http(m_server->baseUrl());
        QVERIFY(http.login(QStringLiteral("manager"),
                           TestServer::passwordOf(QStringLiteral("manager"))));
        const QString code = QStringLiteral("RAW-20260114-TEST09-0100");
        const auto created = http.post(QStringLiteral("/api/v1/lots"), rawLot(code));
        QVERIFY2(created.status == 201, created.body.constData());

        QVERIFY(m_window->isLocked());
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY(!m_window->isLocked());
        QSignalSpy ready(m_trace->service(), &app::TraceService::recallReady);
        m_trace->service()->buildRecall(code);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
        QCOMPARE(m_trace->recallModel()->report().generatedBy, QStringLiteral("Test operator"));

        // Another user, another report: their name.
        m_window->lock();
        logIn(QStringLiteral("manager"));
        QTRY_VERIFY(!m_window->isLocked());
        m_trace->service()->buildRecall(code);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 20000);
        QCOMPARE(m_trace->recallModel()->report().generatedBy, QStringLiteral("Test manager"));

        const QString pdf = m_dir.filePath(QStringLiteral("recall.pdf"));
        QString error;
        QVERIFY2(m_trace->exportPdf(pdf, &error), qPrintable(error));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {pdf, QStringLiteral("-")});
            QVERIFY(p.waitForFinished(30000));
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(text.contains(QStringLiteral("Test manager")), qPrintable(text));
            QVERIFY(!text.contains(QStringLiteral("unknown")));
        }
        m_window->lock();
    }

    // Finding 8c: the local files hold work and credentials of everyone who used the station.
    void localFilesAreForTheWorkstationAccountOnly()
    {
        // An outbox item makes SQLite write its WAL and shared-memory files too.
        QVERIFY(!m_core->outbox()
                     ->enqueueLot(rawLot(QStringLiteral("RAW-20260114-TEST09-0101")))
                     .isEmpty());
        app::ConsoleSettings settings = m_core->settings();
        settings.save();

        const QDir data(m_dataDir);
        QCOMPARE(QFileInfo(m_dataDir).permissions() & kGroupOrOther, QFileDevice::Permissions());
        QStringList files = data.entryList(QDir::Files);
        for (const char *name : {"outbox.sqlite", "outbox.sqlite-wal", "outbox.sqlite-shm",
                                 "cache.sqlite", "codes.sqlite", "offline-logins.json"})
            QVERIFY2(files.contains(QString::fromLatin1(name)), name);
        files << QSettings(QStringLiteral("FlowViz"), QStringLiteral("flowviz-console")).fileName();
        for (const QString &name : std::as_const(files)) {
            const QString path = data.filePath(name); // absolute names stay as they are
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            QVERIFY2((QFileInfo(path).permissions() & kGroupOrOther) == QFileDevice::Permissions(),
                     qPrintable(path));
        }
        // The password verifiers are argon2id strings, never the password.
        QFile logins(data.filePath(QStringLiteral("offline-logins.json")));
        QVERIFY(logins.open(QIODevice::ReadOnly));
        const QByteArray text = logins.readAll();
        QVERIFY(text.contains("$argon2id$"));
        QVERIFY(!text.contains(TestServer::passwordOf(QStringLiteral("operator")).toUtf8()));
    }

    // Finding 5: the next operator logs in while the server is down, with their own password.
    void shiftChangeWhileTheServerIsDown()
    {
        // Both have logged in here online before (the tests above): "operator" and "manager".
        // The manager queues work while the server is down, then leaves.
        logIn(QStringLiteral("manager"));
        QTRY_VERIFY(!m_window->isLocked());
        m_server->kill();
        const QString managersLot =
            m_core->outbox()->enqueueLot(rawLot(QStringLiteral("RAW-20260114-TEST09-0102")));
        QVERIFY(!managersLot.isEmpty());
        QCOMPARE(m_core->outbox()->item(managersLot)->operatorName, QStringLiteral("manager"));
        m_core->session()->logout();
        m_window->lock();

        // Someone who never logged in here cannot, and is told why.
        logIn(QStringLiteral("viewer"));
        QTRY_VERIFY_WITH_TIMEOUT(!loginError().isEmpty(), 20000);
        QVERIFY2(loginError().contains(QStringLiteral("never logged in at this workstation")),
                 qPrintable(loginError()));
        QVERIFY(m_window->isLocked());

        // A wrong password is refused, offline too.
        logIn(QStringLiteral("operator"), QStringLiteral("not-the-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!loginError().isEmpty(), 20000);
        QVERIFY2(loginError().contains(QStringLiteral("password is wrong")),
                 qPrintable(loginError()));
        QVERIFY(m_window->isLocked());
        QVERIFY(!m_core->session()->isValid());

        // Too long since the last online login here.
        m_core->session()->setClock([] {
            return QDateTime::currentDateTimeUtc().addDays(app::Session::kDefaultOfflineLoginDays +
                                                           1);
        });
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY_WITH_TIMEOUT(!loginError().isEmpty(), 20000);
        QVERIFY2(loginError().contains(QStringLiteral("too long ago")), qPrintable(loginError()));
        QVERIFY(m_window->isLocked());
        m_core->session()->setClock([] { return QDateTime::currentDateTimeUtc(); });

        // The operator, with their own password: in, offline, without a token.
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLocked(), 20000);
        QVERIFY(m_core->session()->isValid());
        QVERIFY(m_core->session()->isOffline());
        QCOMPARE(m_core->session()->user().username, QStringLiteral("operator"));
        QCOMPARE(m_core->session()->user().fullName, QStringLiteral("Test operator"));
        QVERIFY(m_core->api()->token().isEmpty());
        QVERIFY(!m_window->isPageAvailable(QStringLiteral("settings")));
        const QString operatorsLot =
            m_core->outbox()->enqueueLot(rawLot(QStringLiteral("RAW-20260114-TEST09-0103")));
        QVERIFY(!operatorsLot.isEmpty());
        QCOMPARE(m_core->outbox()->item(operatorsLot)->operatorName, QStringLiteral("operator"));

        // The server comes back: the operator is asked for the password to send the work.
        QSignalSpy prompt(m_core.get(), &app::ConsoleCore::onlineLoginRequired);
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        QTRY_COMPARE_WITH_TIMEOUT(prompt.size(), 1, 30000);
        QVERIFY(m_window->isLocked());
        QVERIFY(!loginError().isEmpty());
        QCOMPARE(m_core->outbox()->item(operatorsLot)->state, State::Pending);
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLocked(), 20000);
        QVERIFY(!m_core->session()->isOffline());

        // Only the operator's own work goes under the operator's token; the manager's waits
        // for the manager.
        QTRY_COMPARE_WITH_TIMEOUT(m_core->outbox()->item(operatorsLot)->state, State::Done, 20000);
        QCOMPARE(lotOperator(QStringLiteral("RAW-20260114-TEST09-0103")),
                 QStringLiteral("operator"));
        QTest::qWait(500);
        QCOMPARE(m_core->outbox()->item(managersLot)->state, State::Pending);
        QCOMPARE(lotOperator(QStringLiteral("RAW-20260114-TEST09-0102")), QString());

        m_window->lock();
        logIn(QStringLiteral("manager"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLocked(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_core->outbox()->item(managersLot)->state, State::Done, 20000);
        QCOMPARE(lotOperator(QStringLiteral("RAW-20260114-TEST09-0102")),
                 QStringLiteral("manager"));
    }

    // Closing or restarting the console ends the session.
    void aRestartShowsTheLoginPage()
    {
        QVERIFY(m_core->session()->isValid());
        closeConsole();
        openConsole();
        QVERIFY(m_window->isLocked());
        QVERIFY(!m_core->session()->isValid());
        QVERIFY(m_core->api()->token().isEmpty());
        QVERIFY(m_core->session()->user().username.isEmpty());

        // ... also after an offline login.
        m_server->kill();
        logIn(QStringLiteral("operator"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLocked(), 20000);
        QVERIFY(m_core->session()->isOffline());
        closeConsole();
        openConsole();
        QVERIFY(m_window->isLocked());
        QVERIFY(!m_core->session()->isValid());
        QVERIFY(QDir(m_dataDir).entryList({QStringLiteral("session*")}).isEmpty());
    }

private:
    void openConsole()
    {
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        m_core = ShellFixture::makeCore(*m_server, QStringLiteral("09"), m_dataDir);
        m_core->sync()->setBackoff(100, 400);
        m_window = ui::ConsolePages::mainWindow(*m_core, &m_languages);
        m_trace = ui::ConsolePages::trace(*m_core);
        m_window->addPage(QStringLiteral("trace"), QStringLiteral("Traceability"), m_trace);
        m_window->addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                          ui::ConsolePages::settings(*m_core));
        m_window->addPage(QStringLiteral("lots"), QStringLiteral("Lots"),
                          ui::ConsolePages::lots(*m_core));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void closeConsole()
    {
        m_window.reset();
        m_core.reset();
        m_trace = nullptr;
    }

    QString lotOperator(const QString &code)
    {
        return m_server->db().scalar(
            QStringLiteral("SELECT u.username FROM lots l JOIN users u ON u.id = l.operator_id "
                           "WHERE l.lot_code = $1"),
            {code});
    }

    QPushButton *navButton(const char *id) const
    {
        auto *b =
            m_window->findChild<QPushButton *>(QStringLiteral("nav_") + QString::fromLatin1(id));
        Q_ASSERT(b);
        return b;
    }

    QString loginError() const { return m_window->loginPage()->errorText(); }

    void logIn(const QString &user, const QString &password = {})
    {
        m_window->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(user);
        m_window->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(password.isEmpty() ? TestServer::passwordOf(user) : password);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("loginButton")),
                          Qt::LeftButton);
    }

    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<TestServer> m_server;
    ui::LanguageManager m_languages;
    std::unique_ptr<app::ConsoleCore> m_core;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::TracePage *m_trace = nullptr;
};

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
