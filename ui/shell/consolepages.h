#pragma once

#include <memory>

namespace flowviz::app {
class ConsoleCore;
}

namespace flowviz::ui {

class LanguageManager;
class LotsPage;
class MainWindow;
class SettingsPage;
class SupervisorPage;
class SuppliersPage;
class DispatchPage;
class RecallsPage;
class SyncPage;
class TracePage;

// Where the console is put together: the main window and each page built from the objects
// ConsoleCore made, every page given only the few it uses, with the wiring that follows the
// session and the settings. main() and the shell tests build the console the same way here.
class ConsolePages
{
public:
    static std::unique_ptr<MainWindow> mainWindow(app::ConsoleCore &core,
                                                  LanguageManager *languages);
    static LotsPage *lots(app::ConsoleCore &core);
    static TracePage *trace(app::ConsoleCore &core);
    static SupervisorPage *supervisor(app::ConsoleCore &core);
    static SyncPage *sync(app::ConsoleCore &core);
    static SettingsPage *settings(app::ConsoleCore &core);
    // Changes ask the workstation's cache for a refresh, so the Register page follows at once.
    static SuppliersPage *suppliers(app::ConsoleCore &core);
    static DispatchPage *dispatch(app::ConsoleCore &core);
    // Follows who is logged in: managers and admins open and close recalls, auditors read.
    static RecallsPage *recalls(app::ConsoleCore &core);
};

} // namespace flowviz::ui
