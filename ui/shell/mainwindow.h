#pragma once

#include "domain/enums.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace flowviz::app {
class Session;
class SettingsController;
class SyncEngine;
} // namespace flowviz::app

namespace flowviz::ui {

class LanguageManager;
class LoginPage;
class ScannerInput;

// The console's frame: the login page until someone logs in, then large navigation buttons
// beside a stack of pages, with a status bar that always shows the connection, what waits to
// be synced, who is logged in and the language. Locks back to the login page after the idle
// time and routes barcode scans to the page on screen.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kTouchTarget = 56; // px; at least 44 for gloved fingers

    // The status bar follows `sync` and `session`; `settings` gives the idle lock, the scanner
    // and the language, and takes the language chosen in the status bar.
    MainWindow(flowviz::app::Session *session, flowviz::app::SyncEngine *sync,
               flowviz::app::SettingsController *settings, LanguageManager *languages,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page with a navigation button. `title` is an English source text in the
    // "flowviz::ui::MainWindow" translation context (mark it with QT_TRANSLATE_NOOP); it is
    // shown translated and follows language changes.
    void addPage(const QString &id, const QString &title, QWidget *page);
    // Offers page `id` only to users with one of `roles` (by default a page is for everyone):
    // its navigation button is hidden for the others and it cannot be shown to them.
    void setPageRoles(const QString &id, const QList<Role> &roles);
    bool isPageAvailable(const QString &id) const;
    QWidget *page(const QString &id) const { return m_pageById.value(id); }
    QStringList pageIds() const { return m_ids; }
    QString currentPageId() const;

    // Scans go to the page on screen; the window follows the scanner's prefix/suffix settings.
    void setScanner(ScannerInput *scanner);

    LoginPage *loginPage() const { return m_login; }
    bool isLocked() const;
    // Idle time before the lock (0: never). Set from ConsoleSettings::idleLockMinutes.
    void setIdleLockInterval(int milliseconds);
    int idleLockInterval() const { return m_idleMs; }

public slots:
    void showPage(const QString &id);
    // Back to the login page: the same operator or another continues.
    void lock();
    // A scan from ScannerInput: to the login page, or to the current page's
    // handleLabelScan(QString code, QString raw) when it reads more than the lot code from a
    // label (GS1 elements), else its handleScan(QString).
    void handleScan(const QString &code, const QString &raw = QString());

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void unlock();
    void retranslateUi();
    void updateStatus();
    void updateOperator();
    void applyRoles();
    void applySettings();
    void chooseLanguage(int index);

    flowviz::app::Session *m_session;
    flowviz::app::SyncEngine *m_sync;
    flowviz::app::SettingsController *m_settings;
    LanguageManager *m_languages;
    QPointer<ScannerInput> m_scanner;

    QStackedWidget *m_root = nullptr;
    LoginPage *m_login = nullptr;
    QWidget *m_shell = nullptr;
    QVBoxLayout *m_nav = nullptr;
    QButtonGroup *m_navGroup = nullptr;
    QStackedWidget *m_pages = nullptr;
    QPushButton *m_lockButton = nullptr;

    QStringList m_ids;
    QHash<QString, QWidget *> m_pageById;
    QHash<QString, QString> m_titles;
    QHash<QString, QAbstractButton *> m_buttons;
    QHash<QString, QList<Role>> m_pageRoles;

    QLabel *m_connection = nullptr;
    QLabel *m_pending = nullptr;
    QPushButton *m_attention = nullptr;
    QLabel *m_operator = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;

    QTimer m_idleTimer;
    int m_idleMs = 0;
};

} // namespace flowviz::ui
