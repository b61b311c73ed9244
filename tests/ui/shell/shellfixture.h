#pragma once

#include "app/core/consolecore.h"

#include "tests/support/testserver.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace flowviz::test {

// What the shell suites share: settings saved by the pages kept in a scratch folder, a
// flowviz-server of the suite's own, and the console's core pointed at it.
struct ShellFixture
{
    // QSettings of this process (the console's settings) go to `dir`/config, never the user's.
    static void keepSettingsIn(const QTemporaryDir &dir);
    // A server for `suite` (its database's name) with rate limits off, not started yet.
    static std::unique_ptr<TestServer> makeServer(const QString &suite);
    // A console core for `server` at site TEST, workstation `workstation`, without an idle lock
    // and deaf to the system's network information; its files in `dataDir`.
    static std::unique_ptr<app::ConsoleCore>
    makeCore(const TestServer &server, const QString &workstation, const QString &dataDir);
};

} // namespace flowviz::test
