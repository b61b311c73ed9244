#include "tests/ui/support/pagefixture.h"

#include "tests/support/testserver.h"

#include <QSignalSpy>
#include <QTest>

namespace flowviz::test {

PageConsole::PageConsole(const QUrl &serverUrl, const QString &workstation)
    : workstationId(QStringLiteral("TEST") + workstation)
{
    api.setBaseUrl(serverUrl);
    api.setTimeout(3000);
    session = std::make_unique<app::Session>(&api, dir.filePath(QStringLiteral("session.json")));
    cache = std::make_unique<app::LocalCache>(dir.filePath(QStringLiteral("cache.sqlite")));
    outbox = std::make_unique<app::Outbox>(dir.filePath(QStringLiteral("outbox.sqlite")));
    sync = std::make_unique<app::SyncEngine>(outbox.get(), &api);
    sync->setWorkstationId(workstationId);
    sync->setUseNetworkInformation(false);
    sync->setHeartbeatInterval(0);
    sync->setBackoff(200, 1000);
    codes = std::make_unique<app::LotCodeGenerator>(dir.filePath(QStringLiteral("codes.sqlite")),
                                                    QStringLiteral("TEST"), workstation);
    refresher = std::make_unique<app::CacheRefresher>(&api, cache.get());
}

bool PageConsole::start(const QString &username, QString *error)
{
    if (!cache->isOpen() || !outbox->isOpen() || !codes->isValid()) {
        *error = QStringLiteral("app objects did not open: %1 %2 %3")
                     .arg(cache->errorString(), outbox->errorString(), codes->errorString());
        return false;
    }
    QSignalSpy loggedIn(session.get(), &app::Session::loggedIn);
    QSignalSpy failed(session.get(), &app::Session::loginFailed);
    session->login(username, TestServer::passwordOf(username));
    if (!QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, 15000) ||
        loggedIn.isEmpty()) {
        *error = QStringLiteral("login of %1 failed").arg(username);
        return false;
    }
    sync->start();
    return refresh(error);
}

bool PageConsole::refresh(QString *error)
{
    QSignalSpy refreshed(refresher.get(), &app::CacheRefresher::refreshed);
    QSignalSpy failed(refresher.get(), &app::CacheRefresher::failed);
    refresher->refresh();
    if (!QTest::qWaitFor([&] { return !refreshed.isEmpty() || !failed.isEmpty(); }, 15000) ||
        !failed.isEmpty()) {
        *error = QStringLiteral("cache refresh failed");
        return false;
    }
    return true;
}

} // namespace flowviz::test
