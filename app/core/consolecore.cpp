#include "app/core/consolecore.h"

#include "app/api/apiclient.h"
#include "app/cache/cacherefresher.h"
#include "app/cache/localcache.h"
#include "app/codes/lotcodegenerator.h"
#include "app/core/privatefiles.h"
#include "app/core/settingscontroller.h"
#include "app/models/gatesmodel.h"
#include "app/models/outboxmodel.h"
#include "app/models/recentlotsmodel.h"
#include "app/outbox/outbox.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace flowviz::app {

QString ConsoleCore::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

ConsoleCore::ConsoleCore(const ConsoleSettings &settings, const QString &dataDir, QObject *parent)
    : QObject(parent), m_dataDir(dataDir.isEmpty() ? defaultDataDir() : dataDir)
{
    // Operators' work and credentials: the folder and every file in it for this account only.
    if (!privatefiles::makePrivateDir(m_dataDir))
        qWarning("ConsoleCore: %s cannot be made private to this account.", qPrintable(m_dataDir));
    const QDir dir(m_dataDir);

    m_api = new ApiClient(this);
    SettingsController::applyConnection(m_api, settings);

    m_session = new Session(m_api, dir.filePath(QStringLiteral("session.json")), this);
    m_session->setOfflineLoginWindow(qint64(settings.offlineLoginDays) * 24 * 3600);
    m_cache = new LocalCache(dir.filePath(QStringLiteral("cache.sqlite")), this);
    m_refresher = new CacheRefresher(m_api, m_cache, this);
    m_refresher->setAutoRefreshInterval(kCacheRefreshIntervalMs);
    m_outbox = new Outbox(dir.filePath(QStringLiteral("outbox.sqlite")), this);

    m_sync = new SyncEngine(m_outbox, m_api, this);
    m_sync->setWorkstationId(settings.workstationId());
    const QString version = QCoreApplication::applicationVersion();
    m_sync->setAppVersion(version.isEmpty() ? QStringLiteral("0.0.0") : version);

    privatefiles::prepareSqlite(dir.filePath(QStringLiteral("codes.sqlite")));
    m_codes = std::make_unique<LotCodeGenerator>(dir.filePath(QStringLiteral("codes.sqlite")),
                                                 settings.site, settings.workstation);

    m_outboxModel = new OutboxModel(m_outbox, this);
    m_recentLots = new RecentLotsModel(m_cache, this);
    m_gates = new GatesModel(m_cache, this);
    m_gates->setLanguage(settings.language);
    m_settingsController = new SettingsController(
        settings, {m_api, m_session, m_refresher, m_sync, m_codes.get(), m_gates}, this);

    // What is queued from now on is this user's, and only this user's work goes out under the
    // token (an offline session has none: nothing goes out until the user logs in online).
    const auto followOperator = [this] {
        const QString user = m_session->isValid() ? m_session->user().username : QString();
        m_outbox->setOperator(user);
        m_sync->setOperator(user);
    };
    connect(m_session, &Session::loggedIn, this, [this, followOperator] {
        followOperator();
        if (m_session->isOffline()) {
            // The login just found the server unreachable; the engine notices its return.
            ApiError error;
            error.kind = ApiError::Kind::Network;
            m_sync->serverUnreachable(error);
            return;
        }
        m_refresher->refresh();
        m_sync->syncNow();
    });
    connect(m_session, &Session::loggedOut, this, followOperator);
    connect(m_session, &Session::loginRequired, this, followOperator);
    connect(m_session, &Session::expired, this, followOperator);
    connect(m_session, &Session::loginRequired, this, &ConsoleCore::loginRequired);
    connect(m_session, &Session::expired, this, &ConsoleCore::loginRequired);
    connect(m_session, &Session::onlineLoginRequired, this, &ConsoleCore::onlineLoginRequired);
    connect(m_sync, &SyncEngine::stateChanged, m_session, [this](SyncEngine::State state) {
        if (state != SyncEngine::State::Offline)
            m_session->serverReachable();
    });

    // Closing or restarting the console ends the session: nobody is logged in at start-up.
    m_sync->start();
}

ConsoleCore::~ConsoleCore()
{
    m_sync->stop();
}

const ConsoleSettings &ConsoleCore::settings() const
{
    return m_settingsController->settings();
}

bool ConsoleCore::restartRequired() const
{
    return m_settingsController->restartRequired();
}

bool ConsoleCore::serverWorthAsking() const
{
    // Before the first answer the state is Offline with no failure yet: worth a try.
    return m_sync->state() != SyncEngine::State::Offline || m_sync->consecutiveFailures() == 0;
}

} // namespace flowviz::app
