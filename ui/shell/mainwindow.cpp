#include "ui/shell/mainwindow.h"

#include "app/core/settingscontroller.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"
#include "ui/i18n/languagemanager.h"
#include "ui/login/loginpage.h"
#include "ui/scanner/scannerinput.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace flowviz::ui {

namespace {

// The titles the console's own main() gives its pages, for lupdate.
[[maybe_unused]] const char *const kKnownTitles[] = {
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Register lot"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "QC decision"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Lots"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Traceability"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Supervisor"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Suppliers"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Dispatch"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Recalls"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Sync"),
    QT_TRANSLATE_NOOP("flowviz::ui::MainWindow", "Settings"),
};

// The workstation's settings (server address, workstation id, ...) decide where everyone's work
// goes: only supervisors change them.
const QList<Role> kSettingsRoles = {Role::MANAGER, Role::ADMIN};

QString pill(const QString &background)
{
    return QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; "
                          "padding: 4px 12px; border-radius: 6px; }")
        .arg(background);
}

} // namespace

MainWindow::MainWindow(app::Session *session, app::SyncEngine *sync,
                       app::SettingsController *settings, LanguageManager *languages,
                       QWidget *parent)
    : QMainWindow(parent), m_session(session), m_sync(sync), m_settings(settings),
      m_languages(languages)
{
    setMinimumSize(1024, 700);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    setFont(big);

    m_root = new QStackedWidget(this);
    setCentralWidget(m_root);

    m_login = new LoginPage(session, m_root);
    m_login->setObjectName(QStringLiteral("loginPage"));
    m_root->addWidget(m_login);

    m_shell = new QWidget(m_root);
    auto *shellLayout = new QHBoxLayout(m_shell);
    auto *navPanel = new QWidget(m_shell);
    navPanel->setObjectName(QStringLiteral("navigation"));
    navPanel->setFixedWidth(240);
    auto *navOuter = new QVBoxLayout(navPanel);
    navOuter->setContentsMargins(0, 0, 0, 0);
    m_nav = new QVBoxLayout;
    m_nav->setSpacing(8);
    navOuter->addLayout(m_nav);
    navOuter->addStretch(1);
    m_lockButton = new QPushButton(navPanel);
    m_lockButton->setObjectName(QStringLiteral("lockButton"));
    m_lockButton->setMinimumHeight(kTouchTarget);
    m_lockButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    navOuter->addWidget(m_lockButton);
    m_navGroup = new QButtonGroup(this);
    m_navGroup->setExclusive(true);
    m_pages = new QStackedWidget(m_shell);
    shellLayout->addWidget(navPanel);
    shellLayout->addWidget(m_pages, 1);
    m_root->addWidget(m_shell);

    // Status bar: never colour alone, always words too.
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingStatus"));
    m_attention = new QPushButton(this);
    m_attention->setObjectName(QStringLiteral("attentionStatus"));
    m_attention->setMinimumHeight(44);
    m_operator = new QLabel(this);
    m_operator->setObjectName(QStringLiteral("operatorStatus"));
    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->setMinimumHeight(44);
    for (const QString &code : LanguageManager::supportedLanguages())
        m_language->addItem(LanguageManager::nativeName(code), code);
    m_languageLabel->setBuddy(m_language);
    statusBar()->setSizeGripEnabled(false);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_pending);
    statusBar()->addPermanentWidget(m_attention);
    statusBar()->addPermanentWidget(m_operator, 1);
    statusBar()->addPermanentWidget(m_languageLabel);
    statusBar()->addPermanentWidget(m_language);

    connect(m_lockButton, &QPushButton::clicked, this, &MainWindow::lock);
    connect(m_attention, &QPushButton::clicked, this, [this] { showPage(QStringLiteral("sync")); });
    connect(m_language, &QComboBox::activated, this, &MainWindow::chooseLanguage);
    connect(m_login, &LoginPage::loggedIn, this, &MainWindow::unlock);
    if (m_languages)
        connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString &code) {
            const int index = m_language->findData(code);
            if (index >= 0)
                m_language->setCurrentIndex(index);
        });

    connect(sync, &app::SyncEngine::stateChanged, this, &MainWindow::updateStatus);
    connect(sync, &app::SyncEngine::pendingCountChanged, this, &MainWindow::updateStatus);
    connect(sync, &app::SyncEngine::needsAttentionCountChanged, this, &MainWindow::updateStatus);
    connect(session, &app::Session::loggedIn, this, &MainWindow::updateOperator);
    connect(session, &app::Session::loggedOut, this, &MainWindow::updateOperator);
    // The session is over (the server refused the token, or it expired): the login page.
    const auto sessionEnded = [this] {
        updateOperator();
        lock();
        m_login->prepare(tr("Your session has ended. Log in again to continue; nothing you "
                            "saved is lost."));
    };
    connect(session, &app::Session::loginRequired, this, sessionEnded);
    connect(session, &app::Session::expired, this, sessionEnded);
    connect(session, &app::Session::onlineLoginRequired, this, [this] {
        lock();
        m_login->prepare(tr("The server can be reached again. Enter your password so that the "
                            "work saved here can be sent; nothing you saved is lost."));
    });
    connect(settings, &app::SettingsController::settingsChanged, this, &MainWindow::applySettings);

    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &MainWindow::lock);
    qApp->installEventFilter(this);

    retranslateUi();
    applySettings();
    if (session->isValid())
        unlock();
    else
        lock();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::addPage(const QString &id, const QString &title, QWidget *page)
{
    page->setParent(m_pages);
    m_pages->addWidget(page);
    m_ids << id;
    m_pageById.insert(id, page);
    m_titles.insert(id, title);

    auto *button = new QPushButton(m_nav->parentWidget());
    button->setObjectName(QStringLiteral("nav_") + id);
    button->setCheckable(true);
    button->setMinimumHeight(kTouchTarget);
    button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 8px 16px; }"
                                         "QPushButton:checked { font-weight: bold; "
                                         "background: #1f5fa8; color: white; }"));
    const int number = int(m_ids.size());
    if (number <= 9) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)), this);
        connect(shortcut, &QShortcut::activated, this, [this, id] {
            if (!isLocked())
                showPage(id);
        });
    }
    m_nav->addWidget(button);
    m_navGroup->addButton(button);
    m_buttons.insert(id, button);
    connect(button, &QPushButton::clicked, this, [this, id] { showPage(id); });

    // Focus order: navigation top to bottom, then the lock button.
    QWidget *previous = nullptr;
    for (const QString &other : std::as_const(m_ids)) {
        QWidget *b = m_buttons.value(other);
        if (previous)
            setTabOrder(previous, b);
        previous = b;
    }
    if (previous)
        setTabOrder(previous, m_lockButton);

    if (id == u"settings" && !m_pageRoles.contains(id))
        m_pageRoles.insert(id, kSettingsRoles);
    applyRoles();
    retranslateUi();
    if (m_ids.size() == 1)
        showPage(id);
}

void MainWindow::setPageRoles(const QString &id, const QList<Role> &roles)
{
    m_pageRoles.insert(id, roles);
    applyRoles();
}

bool MainWindow::isPageAvailable(const QString &id) const
{
    if (!m_pageById.contains(id))
        return false;
    const auto roles = m_pageRoles.constFind(id);
    if (roles == m_pageRoles.cend())
        return true;
    const auto *session = m_session;
    return session->isValid() && roles->contains(session->user().role);
}

void MainWindow::applyRoles()
{
    for (auto it = m_pageRoles.cbegin(); it != m_pageRoles.cend(); ++it)
        if (auto *button = m_buttons.value(it.key()))
            button->setVisible(isPageAvailable(it.key()));
    if (!isPageAvailable(currentPageId()))
        for (const QString &id : std::as_const(m_ids))
            if (isPageAvailable(id)) {
                showPage(id);
                break;
            }
}

QString MainWindow::currentPageId() const
{
    return m_pageById.key(m_pages->currentWidget());
}

void MainWindow::setScanner(ScannerInput *scanner)
{
    if (m_scanner)
        disconnect(m_scanner, nullptr, this, nullptr);
    m_scanner = scanner;
    if (scanner) {
        connect(scanner, &ScannerInput::scanned, this, &MainWindow::handleScan);
        applySettings();
    }
}

bool MainWindow::isLocked() const
{
    return m_root->currentWidget() == m_login;
}

void MainWindow::setIdleLockInterval(int milliseconds)
{
    m_idleMs = qMax(0, milliseconds);
    m_idleTimer.stop();
    if (m_idleMs > 0 && !isLocked())
        m_idleTimer.start(m_idleMs);
}

void MainWindow::showPage(const QString &id)
{
    QWidget *page = m_pageById.value(id);
    if (!page)
        return;
    if (!isPageAvailable(id)) {
        // Reached by its shortcut while its button is hidden for this user.
        if (!isLocked())
            statusBar()->showMessage(
                m_pageRoles.value(id) == kSettingsRoles
                    ? tr("Only a manager or an administrator can change the settings of this "
                         "workstation. Ask your supervisor.")
                    : tr("This page is not available with your role. Ask your supervisor."),
                8000);
        return;
    }
    m_pages->setCurrentWidget(page);
    if (auto *button = m_buttons.value(id))
        button->setChecked(true);
    if (!isLocked())
        page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::lock()
{
    m_idleTimer.stop();
    m_root->setCurrentWidget(m_login);
    m_login->prepare();
}

void MainWindow::unlock()
{
    m_root->setCurrentWidget(m_shell);
    updateOperator();
    if (m_idleMs > 0)
        m_idleTimer.start(m_idleMs);
    if (QWidget *page = m_pages->currentWidget())
        page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::handleScan(const QString &code, const QString &raw)
{
    if (isLocked()) {
        m_login->handleScan(code);
        return;
    }
    QWidget *page = m_pages->currentWidget();
    if (page && page->metaObject()->indexOfMethod("handleLabelScan(QString,QString)") >= 0) {
        QMetaObject::invokeMethod(page, "handleLabelScan", Qt::DirectConnection,
                                  Q_ARG(QString, code), Q_ARG(QString, raw.isEmpty() ? code : raw));
        return;
    }
    if (page && page->metaObject()->indexOfMethod("handleScan(QString)") >= 0) {
        QMetaObject::invokeMethod(page, "handleScan", Qt::DirectConnection, Q_ARG(QString, code));
        return;
    }
    statusBar()->showMessage(
        tr("Scanned %1. Open Register lot or QC decision to use a scanned label.").arg(code), 8000);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_idleMs > 0 && !isLocked())
            m_idleTimer.start(m_idleMs);
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("FlowViz console"));
    for (const QString &id : std::as_const(m_ids)) {
        const QString title =
            QCoreApplication::translate("flowviz::ui::MainWindow", m_titles.value(id).toUtf8());
        const int number = int(m_ids.indexOf(id)) + 1;
        if (auto *button = m_buttons.value(id)) {
            button->setText(title);
            button->setToolTip(number <= 9 ? tr("%1 (Ctrl+%2)").arg(title).arg(number) : title);
            button->setAccessibleName(title);
        }
    }
    m_lockButton->setText(tr("Lock / switch operator"));
    m_lockButton->setToolTip(tr("Lock the console so that you or another operator can log in "
                                "(Ctrl+L)"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    updateStatus();
    updateOperator();
}

void MainWindow::updateStatus()
{
    const auto *sync = m_sync;
    switch (sync->state()) {
    case app::SyncEngine::State::Online:
        m_connection->setText(tr("● Online"));
        m_connection->setStyleSheet(pill(QStringLiteral("#2e7d32")));
        m_connection->setToolTip(tr("The server can be reached; your work is sent at once."));
        break;
    case app::SyncEngine::State::Syncing:
        m_connection->setText(tr("⟳ Syncing"));
        m_connection->setStyleSheet(pill(QStringLiteral("#1565c0")));
        m_connection->setToolTip(tr("Your saved work is being sent to the server."));
        break;
    case app::SyncEngine::State::Offline:
        m_connection->setText(tr("✕ Offline"));
        m_connection->setStyleSheet(pill(QStringLiteral("#c62828")));
        m_connection->setToolTip(tr("The server cannot be reached. Keep working: everything is "
                                    "saved here and sent when the connection returns."));
        break;
    }
    const int pending = qMax(0, sync->pendingCount());
    const int attention = qMax(0, sync->needsAttentionCount());
    m_pending->setText(tr("Pending: %1").arg(pending));
    m_pending->setToolTip(tr("Saved here, not yet on the server"));
    m_attention->setText(tr("Needs attention: %1").arg(attention));
    m_attention->setToolTip(tr("Items the server refused; open the Sync page to correct them"));
    m_attention->setStyleSheet(
        attention > 0 ? QStringLiteral("QPushButton { background: #ef6c00; color: white; "
                                       "font-weight: bold; padding: 4px 12px; "
                                       "border: 1px solid #b34700; border-radius: 6px; }")
                      : QStringLiteral("QPushButton { padding: 4px 12px; }"));
}

void MainWindow::updateOperator()
{
    const auto *session = m_session;
    if (session->isValid()) {
        const auto user = session->user();
        m_operator->setText(
            tr("Operator: %1").arg(user.fullName.isEmpty() ? user.username : user.fullName));
    } else {
        m_operator->setText(tr("Nobody logged in"));
    }
    applyRoles();
}

void MainWindow::applySettings()
{
    const auto &settings = m_settings->settings();
    setIdleLockInterval(settings.idleLockMinutes * 60 * 1000);
    if (m_scanner) {
        m_scanner->setPrefix(settings.scannerPrefix);
        m_scanner->setSuffix(settings.scannerSuffix);
    }
    if (m_languages && m_languages->language() != settings.language)
        m_languages->setLanguage(settings.language);
    const int index =
        m_language->findData(m_languages ? m_languages->language() : settings.language);
    if (index >= 0)
        m_language->setCurrentIndex(index);
}

void MainWindow::chooseLanguage(int index)
{
    const QString code = m_language->itemData(index).toString();
    if (code.isEmpty() || code == m_settings->settings().language)
        return;
    app::ConsoleSettings settings = m_settings->settings();
    settings.language = code;
    QString error;
    if (m_settings->apply(settings, &error))
        settings.save();
    else
        statusBar()->showMessage(error, 8000);
}

} // namespace flowviz::ui
