#pragma once

#include "app/core/consolesettings.h"

#include <QObject>

#include <memory>

namespace flowviz::app {

class ApiClient;
class CacheRefresher;
class GatesModel;
class LocalCache;
class LotCodeGenerator;
class Outbox;
class OutboxModel;
class RecentLotsModel;
class Session;
class SettingsController;
class SyncEngine;

// Everything the console runs on, built and wired together once: API client, session, local
// cache and its refresher, the durable outbox and the sync engine, the lot-code generator, the
// settings in force and the item models. Pages never get this object: main() (through
// ui/shell/consolepages) hands each page the few objects it uses; none calls HTTP or SQL itself.
// Files live under `dataDir` (per user, mode 0700, files 0600): outbox.sqlite, cache.sqlite,
// codes.sqlite, signing-keys.json, offline-logins.json.
class ConsoleCore : public QObject
{
    Q_OBJECT

public:
    // An empty `dataDir` means the per-user QStandardPaths::AppDataLocation.
    ConsoleCore(const ConsoleSettings &settings, const QString &dataDir, QObject *parent = nullptr);
    ~ConsoleCore() override;

    static constexpr int kCacheRefreshIntervalMs = 3 * 60 * 1000;

    static QString defaultDataDir();

    // The settings in force, and the one way to change them (SettingsController::apply).
    SettingsController *settingsController() const { return m_settingsController; }
    const ConsoleSettings &settings() const;
    bool restartRequired() const;
    QString dataDir() const { return m_dataDir; }

    ApiClient *api() const { return m_api; }
    Session *session() const { return m_session; }
    LocalCache *cache() const { return m_cache; }
    CacheRefresher *refresher() const { return m_refresher; }
    Outbox *outbox() const { return m_outbox; }
    SyncEngine *sync() const { return m_sync; }
    // Whether the server is worth asking now: not known to be unreachable (by the sync engine's
    // heartbeats, probes and batches). Pages then look lots up fresh instead of in the cache.
    bool serverWorthAsking() const;
    LotCodeGenerator *codes() const { return m_codes.get(); }
    OutboxModel *outboxModel() const { return m_outboxModel; }
    RecentLotsModel *recentLots() const { return m_recentLots; }
    GatesModel *gates() const { return m_gates; }

signals:
    // The session is over (the server refused the token, or it expired): show the login page.
    void loginRequired();
    // The user logged in offline and the server answers again: their password is needed for a
    // token before their queued work can be sent.
    void onlineLoginRequired();

private:
    QString m_dataDir;
    ApiClient *m_api = nullptr;
    Session *m_session = nullptr;
    LocalCache *m_cache = nullptr;
    CacheRefresher *m_refresher = nullptr;
    Outbox *m_outbox = nullptr;
    SyncEngine *m_sync = nullptr;
    std::unique_ptr<LotCodeGenerator> m_codes;
    OutboxModel *m_outboxModel = nullptr;
    RecentLotsModel *m_recentLots = nullptr;
    GatesModel *m_gates = nullptr;
    SettingsController *m_settingsController = nullptr;
};

} // namespace flowviz::app
