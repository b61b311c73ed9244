// flowviz-console: the operator's station. Log in, register lots by scanner, QC decisions,
// lots and traceability, sync and settings, in Hungarian or English.

#include "core/consolecore.h"
#include "core/consolesettings.h"
#include "i18n/languagemanager.h"
#include "scanner/scannerinput.h"
#include "settings/settingspage.h"
#include "shell/mainwindow.h"
#include "sync/syncpage.h"

#include "api/apiclient.h"
#include "cache/localcache.h"
#include "outbox/outbox.h"
#include "session/session.h"

#include "domain/decisionsignature.h"

#include "lots/lotspage.h"
#include "lots/registerlotpage.h"
#include "qc/qcdecisionpage.h"
#include "qc/signaturedialog.h" // completes the page's QPointer<SignatureDialog>
#include "supervisor/supervisorpage.h"
#include "trace/tracepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

using namespace flowviz;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // QC decisions are signed on this workstation (libsodium), also offline.
    if (!signing::initialize()) {
        qCritical("flowviz-console: the cryptography library cannot be initialised.");
        return 1;
    }
    QApplication::setOrganizationName(QStringLiteral("FlowViz"));
    QApplication::setApplicationName(QStringLiteral("flowviz-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("FlowViz"));
#ifdef FLOWVIZ_VERSION
    QApplication::setApplicationVersion(QStringLiteral(FLOWVIZ_VERSION));
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "FlowViz operator console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QCoreApplication::translate("main", "Server URL for this run (not stored)."),
        QStringLiteral("url"));
    const QCommandLineOption dataOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Directory for the local outbox, cache and session."),
        QStringLiteral("dir"));
    parser.addOption(serverOption);
    parser.addOption(dataOption);
    parser.process(app);

    app::ConsoleSettings settings = app::ConsoleSettings::load();
    if (parser.isSet(serverOption))
        settings.serverUrl = QUrl::fromUserInput(parser.value(serverOption));

    ui::LanguageManager languages;
    if (!languages.setLanguage(settings.language))
        languages.setLanguage(ui::LanguageManager::languageFor(QLocale::system()));

    ui::ScannerInput scanner;
    scanner.setPrefix(settings.scannerPrefix);
    scanner.setSuffix(settings.scannerSuffix);
    app.installEventFilter(&scanner);

    app::ConsoleCore core(settings, parser.value(dataOption));

    ui::MainWindow window(&core, &languages);
    window.setScanner(&scanner);
    // Site and workstation changes take effect at the next start (ConsoleCore::restartRequired).
    app::LotRegistrar registrar(core.cache(), core.outbox(), core.codes(),
                                core.settings().workstationId());
    registrar.setApiClient(core.api());
    auto *registerPage = new ui::RegisterLotPage(&registrar);
    registerPage->setLabelSizeMm(core.settings().labelSizeMm);
    const auto setOperator = [&core, registerPage] {
        const auto user = core.session()->user();
        registerPage->setOperatorName(user.fullName.isEmpty() ? user.username : user.fullName);
    };
    setOperator();
    QObject::connect(core.session(), &app::Session::loggedIn, registerPage, setOperator);
    QObject::connect(
        &core, &app::ConsoleCore::settingsChanged, registerPage,
        [&core, registerPage] { registerPage->setLabelSizeMm(core.settings().labelSizeMm); });
    window.addPage(QStringLiteral("register"), QStringLiteral("Register lot"), registerPage);
    app::DecisionRecorder recorder(core.cache(), core.outbox(), core.api(), core.session(),
                                   core.settings().workstationId());
    window.addPage(QStringLiteral("qc"), QStringLiteral("QC decision"),
                   new ui::QcDecisionPage(&recorder));
    window.addPage(QStringLiteral("lots"), QStringLiteral("Lots"), new ui::LotsPage(&core));
    window.addPage(QStringLiteral("trace"), QStringLiteral("Traceability"),
                   new ui::TracePage(&core));
    // Plant figures are for those who watch the line, not for the operators at it.
    window.addPage(QStringLiteral("supervisor"), QStringLiteral("Supervisor"),
                   new ui::SupervisorPage(&core));
    window.setPageRoles(QStringLiteral("supervisor"),
                        {Role::MANAGER, Role::AUDITOR, Role::ADMIN, Role::VIEWER});
    window.addPage(QStringLiteral("sync"), QStringLiteral("Sync"), new ui::SyncPage(&core));
    window.addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                   new ui::SettingsPage(&core));
    window.showMaximized();
    return QApplication::exec();
}
