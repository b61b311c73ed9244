#include "ui/shell/consolepages.h"

#include "ui/dispatch/dispatchpage.h"
#include "ui/lots/lotspage.h"
#include "ui/recalls/recallspage.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/mainwindow.h"
#include "ui/supervisor/supervisorpage.h"
#include "ui/suppliers/supplierspage.h"
#include "ui/sync/syncpage.h"
#include "ui/trace/tracepage.h"

#include "app/cache/cacherefresher.h"
#include "app/core/consolecore.h"
#include "app/core/settingscontroller.h"
#include "app/session/session.h"

#include <QDir>

namespace flowviz::ui {

std::unique_ptr<MainWindow> ConsolePages::mainWindow(app::ConsoleCore &core,
                                                     LanguageManager *languages)
{
    return std::make_unique<MainWindow>(core.session(), core.sync(), core.settingsController(),
                                        languages);
}

LotsPage *ConsolePages::lots(app::ConsoleCore &core)
{
    return new LotsPage(core.api(), core.cache());
}

TracePage *ConsolePages::trace(app::ConsoleCore &core)
{
    return new TracePage(core.api(), core.session());
}

SupervisorPage *ConsolePages::supervisor(app::ConsoleCore &core)
{
    auto *page =
        new SupervisorPage(core.api(), QDir(core.dataDir()).filePath(QStringLiteral("stats.json")));
    app::SettingsController *settings = core.settingsController();
    page->setShiftStarts(settings->settings().shiftStarts);
    QObject::connect(settings, &app::SettingsController::settingsChanged, page,
                     [page, settings] { page->setShiftStarts(settings->settings().shiftStarts); });
    return page;
}

SyncPage *ConsolePages::sync(app::ConsoleCore &core)
{
    return new SyncPage(core.outbox(), core.sync(), core.cache());
}

SettingsPage *ConsolePages::settings(app::ConsoleCore &core)
{
    return new SettingsPage(core.settingsController());
}

SuppliersPage *ConsolePages::suppliers(app::ConsoleCore &core)
{
    auto *directory = new app::SupplierDirectory(core.api());
    auto *page = new SuppliersPage(directory);
    directory->setParent(page);
    QObject::connect(page, &SuppliersPage::changed, core.refresher(),
                     &app::CacheRefresher::refresh);
    return page;
}

DispatchPage *ConsolePages::dispatch(app::ConsoleCore &core)
{
    auto *desk = new app::ShipmentDesk(core.api());
    auto *page = new DispatchPage(desk);
    desk->setParent(page);
    return page;
}

RecallsPage *ConsolePages::recalls(app::ConsoleCore &core)
{
    auto *desk = new app::RecallDesk(core.api());
    auto *page = new RecallsPage(desk);
    desk->setParent(page);
    const auto follow = [page](const app::SessionUser &user) {
        page->setUser(user.fullName.isEmpty() ? user.username : user.fullName,
                      user.role == Role::MANAGER || user.role == Role::ADMIN);
    };
    follow(core.session()->user());
    QObject::connect(core.session(), &app::Session::loggedIn, page, follow);
    return page;
}

} // namespace flowviz::ui
