#include "app/core/consolecore.h"

#include "app/api/apiclient.h"
#include "app/cache/cacherefresher.h"
#include "app/cache/localcache.h"
#include "app/codes/lotcodegenerator.h"
#include "app/core/privatefiles.h"
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
    : QObject(parent), m_settings(settings),
      m_dataDir(dataDir.isEmpty() ? defaultDataDir() : dataDir)
{
    // Operators' work and credentials: the folder and every file in it for this account only.
    if (!privatefiles::makePrivateDir(m_dataDir))
        qWarning("ConsoleCore: %s cannot be made private to this account.", qPrintable(m_dataDir));
    const QDir dir(m_dataDir);

    m_api = new ApiClient(this);
    applyConnection();

    m_session = new Session(m_api, dir.filePath(QStringLiteral("session.json")), this);
    m_session->setOfflineLoginWindow(qint64(m_settings.offlineLoginDays) * 24 * 3600);
    m_cache = new LocalCache(dir.filePath(QStringLiteral("cache.sqlite")), this);
    m_refresher = new CacheRefresher(m_api, m_cache, this);
    m_refresher->setAutoRefreshInterval(kCacheRefreshIntervalMs);
    m_outbox = new Outbox(dir.filePath(QStringLiteral("outbox.sqlite")), this);

    m_sync = new SyncEngine(m_outbox, m_api, this);
    m_sync->setWorkstationId(m_settings.workstationId());
    const QString version = QCoreApplication::applicationVersion();
    m_sync->setAppVersion(version.isEmpty() ? QStringLiteral("0.0.0") : version);

    privatefiles::prepareSqlite(dir.filePath(QStringLiteral("codes.sqlite")));
    m_codes = std::make_unique<LotCodeGenerator>(dir.filePath(QStringLiteral("codes.sqlite")),
                                                 m_settings.site, m_settings.workstation);

    m_outboxModel = new OutboxModel(m_outbox, this);
    m_recentLots = new RecentLotsModel(m_cache, this);
    m_gates = new GatesModel(m_cache, this);
    m_gates->setLanguage(m_settings.language);

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

void ConsoleCore::applyConnection()
{
    m_api->setBaseUrl(m_settings.serverUrl);
    if (!m_settings.caFile.isEmpty())
        m_api->setCaBundle(m_settings.caFile);
}

bool ConsoleCore::applySettings(const ConsoleSettings &settings, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const auto problem = LotCodeGenerator::checkSite(settings.site))
        return fail(*problem);
    if (const auto problem = LotCodeGenerator::checkWorkstation(settings.workstation))
        return fail(*problem);
    if (!settings.serverUrl.isValid() || settings.serverUrl.scheme().isEmpty() ||
        settings.serverUrl.host().isEmpty())
        return fail(tr("The server address is not a valid URL. Enter it like "
                       "https://flowviz.example:8443."));
    if (!settings.caFile.isEmpty()) {
        ApiClient probe;
        QString caError;
        if (!probe.setCaBundle(settings.caFile, &caError))
            return fail(tr("The CA file cannot be used: %1").arg(caError));
    }

    const bool connectionChanged =
        settings.serverUrl != m_settings.serverUrl || settings.caFile != m_settings.caFile;
    m_settings = settings;
    m_settings.site = settings.site.trimmed().toUpper();
    m_settings.workstation = settings.workstation.trimmed().toUpper();
    // Lot codes and the sync engine keep the identity they started with, so that codes and
    // the workstation id never disagree; the new one is used after a restart.
    m_restartRequired =
        m_settings.site != m_codes->site() || m_settings.workstation != m_codes->workstation();
    if (connectionChanged)
        applyConnection();
    m_gates->setLanguage(m_settings.language);
    if (connectionChanged) {
        m_sync->syncNow();
        if (m_session->isValid())
            m_refresher->refresh();
    }
    emit settingsChanged();
    return true;
}

bool ConsoleCore::serverWorthAsking() const
{
    // Before the first answer the state is Offline with no failure yet: worth a try.
    return m_sync->state() != SyncEngine::State::Offline || m_sync->consecutiveFailures() == 0;
}

} // namespace flowviz::app
