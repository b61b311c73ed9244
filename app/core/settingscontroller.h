#pragma once

#include "app/core/consolesettings.h"

#include <QObject>

namespace flowviz::app {

class ApiClient;
class CacheRefresher;
class GatesModel;
class LotCodeGenerator;
class Session;
class SyncEngine;

// The console's settings in force, and the one way to change them while it runs: new settings
// are checked, then handed to the objects they concern (server address and CA file to the API
// client, the language to the gate names) without a restart.
class SettingsController : public QObject
{
    Q_OBJECT

public:
    // The objects the settings concern, built by ConsoleCore with `settings` already applied.
    struct Targets
    {
        ApiClient *api = nullptr;
        Session *session = nullptr;
        CacheRefresher *refresher = nullptr;
        SyncEngine *sync = nullptr;
        const LotCodeGenerator *codes = nullptr;
        GatesModel *gates = nullptr;
    };

    SettingsController(const ConsoleSettings &settings, const Targets &targets,
                       QObject *parent = nullptr);

    // The server address and CA file of `settings`, given to `api`.
    static void applyConnection(ApiClient *api, const ConsoleSettings &settings);

    const ConsoleSettings &settings() const { return m_settings; }
    // Applies new settings (server URL, CA file, language, scanner ...) without a restart. A
    // new site or workstation id is stored but takes effect at the next start (services such
    // as the lot registration hold the code generator): then restartRequired() is true.
    bool apply(const ConsoleSettings &settings, QString *error);
    bool restartRequired() const { return m_restartRequired; }

signals:
    void settingsChanged();

private:
    ConsoleSettings m_settings;
    Targets m_targets;
    bool m_restartRequired = false;
};

} // namespace flowviz::app
