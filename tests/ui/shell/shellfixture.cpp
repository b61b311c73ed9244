#include "tests/ui/shell/shellfixture.h"

#include "app/core/consolesettings.h"
#include "app/sync/syncengine.h"

namespace flowviz::test {

void ShellFixture::keepSettingsIn(const QTemporaryDir &dir)
{
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
}

std::unique_ptr<TestServer> ShellFixture::makeServer(const QString &suite)
{
    return std::make_unique<TestServer>(
        suite, QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
}

std::unique_ptr<app::ConsoleCore>
ShellFixture::makeCore(const TestServer &server, const QString &workstation, const QString &dataDir)
{
    app::ConsoleSettings settings;
    settings.serverUrl = server.baseUrl();
    settings.site = QStringLiteral("TEST");
    settings.workstation = workstation;
    settings.idleLockMinutes = 0;
    auto core = std::make_unique<app::ConsoleCore>(settings, dataDir);
    core->sync()->setUseNetworkInformation(false);
    return core;
}

} // namespace flowviz::test
