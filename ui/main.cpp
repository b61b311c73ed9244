// flowviz-console: the operator's station. Log in, register lots by scanner, QC decisions,
// lots and traceability, sync and settings, in Hungarian or English.

#include "ui/dispatch/dispatchpage.h"
#include "ui/i18n/languagemanager.h"
#include "ui/lots/lotspage.h"
#include "ui/lots/registerlotpage.h"
#include "ui/qc/qcdecisionpage.h"
#include "ui/qc/signaturedialog.h" // completes the page's QPointer<SignatureDialog>
#include "ui/recalls/recallspage.h"
#include "ui/scanner/scannerinput.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"
#include "ui/supervisor/supervisorpage.h"
#include "ui/suppliers/supplierspage.h"
#include "ui/sync/syncpage.h"
#include "ui/trace/tracepage.h"

#include "app/core/consolecore.h"
#include "app/core/consolesettings.h"
#include "app/core/settingscontroller.h"
#include "app/qc/decisionrecorder.h"
#include "app/registration/lotregistrar.h"
#include "app/session/session.h"

#include "domain/decisionsignature.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

using namespace flowviz;

namespace {

struct Options
{
    QCommandLineOption server{
        QStringLiteral("server"),
        QCoreApplication::translate("main", "Server URL for this run (not stored)."),
        QStringLiteral("url")};
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Directory for the local outbox, cache and logins."),
        QStringLiteral("dir")};
};

void describe(QCoreApplication &app)
{
    app.setOrganizationName(QStringLiteral("FlowViz"));
    app.setApplicationName(QStringLiteral("flowviz-console"));
#ifdef FLOWVIZ_VERSION
    app.setApplicationVersion(QStringLiteral(FLOWVIZ_VERSION));
#endif
}

void configure(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "FlowViz operator console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.server);
    parser.addOption(options.dataDir);
}

// --help and --version answer without a display: QApplication would abort first when there is
// none (an SSH session, a package's post-install check).
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe(core);
        QCommandLineParser parser;
        const Options options;
        configure(parser, options);
        parser.process(core); // prints and exits 0 (or explains a bad option and exits 1)
        return 0;
    }

    QApplication app(argc, argv);
    // QC decisions are signed on this workstation (libsodium), also offline.
    if (!signing::initialize()) {
        qCritical("flowviz-console: the cryptography library cannot be initialised.");
        return 1;
    }
    describe(app);
    QApplication::setApplicationDisplayName(QStringLiteral("FlowViz"));

    QCommandLineParser parser;
    const Options options;
    configure(parser, options);
    parser.process(app);
    const QCommandLineOption &serverOption = options.server;
    const QCommandLineOption &dataOption = options.dataDir;

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

    const std::unique_ptr<ui::MainWindow> window = ui::ConsolePages::mainWindow(core, &languages);
    window->setScanner(&scanner);
    // Site and workstation changes take effect at the next start (ConsoleCore::restartRequired).
    app::LotRegistrar registrar(core.cache(), core.outbox(), core.codes(),
                                core.settings().workstationId());
    registrar.setApiClient(core.api());
    registrar.setOnlineCheck([&core] { return core.serverWorthAsking(); });
    auto *registerPage = new ui::RegisterLotPage(&registrar);
    registerPage->setLabelSizeMm(core.settings().labelSizeMm);
    const auto setOperator = [&core, registerPage] {
        const auto user = core.session()->user();
        registerPage->setOperatorName(user.fullName.isEmpty() ? user.username : user.fullName);
    };
    setOperator();
    QObject::connect(core.session(), &app::Session::loggedIn, registerPage, setOperator);
    QObject::connect(
        core.settingsController(), &app::SettingsController::settingsChanged, registerPage,
        [&core, registerPage] { registerPage->setLabelSizeMm(core.settings().labelSizeMm); });
    window->addPage(QStringLiteral("register"), QStringLiteral("Register lot"), registerPage);
    app::DecisionRecorder recorder(core.cache(), core.outbox(), core.api(), core.session(),
                                   core.settings().workstationId());
    recorder.setOnlineCheck([&core] { return core.serverWorthAsking(); });
    window->addPage(QStringLiteral("qc"), QStringLiteral("QC decision"),
                    new ui::QcDecisionPage(&recorder));
    window->addPage(QStringLiteral("lots"), QStringLiteral("Lots"), ui::ConsolePages::lots(core));
    window->addPage(QStringLiteral("trace"), QStringLiteral("Traceability"),
                    ui::ConsolePages::trace(core));
    // Plant figures are for those who watch the line, not for the operators at it.
    window->addPage(QStringLiteral("supervisor"), QStringLiteral("Supervisor"),
                    ui::ConsolePages::supervisor(core));
    window->setPageRoles(QStringLiteral("supervisor"),
                         {Role::MANAGER, Role::AUDITOR, Role::ADMIN, Role::VIEWER});
    window->addPage(QStringLiteral("sync"), QStringLiteral("Sync"), ui::ConsolePages::sync(core));
    window->addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                    ui::ConsolePages::settings(core));
    // Suppliers are kept by those who buy from them; every workstation's list follows.
    // Last, so that Ctrl+1 … Ctrl+7 keep their pages.
    window->addPage(QStringLiteral("suppliers"), QStringLiteral("Suppliers"),
                    ui::ConsolePages::suppliers(core));
    window->setPageRoles(QStringLiteral("suppliers"), {Role::MANAGER, Role::ADMIN});
    // FG labels scanned onto shipments at the loading dock (the server's kCanShip).
    window->addPage(QStringLiteral("dispatch"), QStringLiteral("Dispatch"),
                    ui::ConsolePages::dispatch(core));
    window->setPageRoles(QStringLiteral("dispatch"), {Role::OPERATOR, Role::MANAGER, Role::ADMIN});
    // Recalls and drills (the server's kCanRecall opens and closes, kCanReadRecalls reads).
    window->addPage(QStringLiteral("recalls"), QStringLiteral("Recalls"),
                    ui::ConsolePages::recalls(core));
    window->setPageRoles(QStringLiteral("recalls"), {Role::MANAGER, Role::ADMIN, Role::AUDITOR});
    window->showMaximized();
    return QApplication::exec();
}
