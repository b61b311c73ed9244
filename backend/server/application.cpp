#include "application.h"

#include "api/openapi.h"
#include "auth/authroutes.h"
#include "db/migrator.h"
#include "lots/lotroutes.h"
#include "qc/qcroutes.h"
#include "runs/runroutes.h"
#include "stats/statsroutes.h"
#include "sync/syncroutes.h"
#include "system/systemroutes.h"
#include "trace/traceroutes.h"

#include <QLoggingCategory>

namespace flowviz::server {

Q_LOGGING_CATEGORY(lcServer, "flowviz.server")

Application::Application(const ServerConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    http::ConnectionGuard::Limits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutSeconds * 1000;
    m_http = new http::HttpServer(limits, this);
    m_http->addObserver(&m_accessLog);

    // The pool exists (not yet connected) so that every route can be registered up front.
    m_pool = std::make_unique<db::DbPool>(m_config.database);
    m_api = std::make_unique<api::ApiContext>(m_config, *m_pool, m_events);
    auth::registerRoutes(*m_http, *m_api);
    lots::registerRoutes(*m_http, *m_api);
    qc::registerRoutes(*m_http, *m_api);
    runs::registerRoutes(*m_http, *m_api);
    trace::registerRoutes(*m_http, *m_api);
    stats::registerRoutes(*m_http, *m_api);
    sync::registerRoutes(*m_http, *m_api);
    system::registerRoutes(*m_http, *m_api, db::Migrator().latestVersion());
    openapi::registerRoutes(*m_http);
}

QList<QPair<QByteArray, QString>> Application::routes() const
{
    return m_http->routes();
}

Application::~Application()
{
    if (m_pool)
        m_pool->stop();
}

bool Application::start(QString *error)
{
    db::Migrator migrator;
    if (m_config.migrateOnStart) {
        const QString failure = db::DbPool::runOnce(m_config.database, [&](db::PgSession &s) {
            const auto outcome = migrator.migrate(s);
            if (!outcome.applied.isEmpty())
                qCInfo(lcServer) << "applied migrations" << outcome.applied;
        });
        if (!failure.isEmpty()) {
            *error = QStringLiteral("cannot apply database migrations: %1").arg(failure);
            return false;
        }
    }

    m_pool->start();

    m_port = m_http->listenOn(m_config.listenAddress, m_config.listenPort);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this host)")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort);
        return false;
    }
    qCInfo(lcServer).noquote()
        << QStringLiteral("flowviz-server %1 serving http://%2:%3 (database %4, pool %5+%6)")
               .arg(QStringLiteral(FLOWVIZ_VERSION), m_config.listenAddress.toString())
               .arg(m_port)
               .arg(m_config.database.redactedUrl())
               .arg(m_config.database.poolSize)
               .arg(m_config.database.maxOverflow);
    return true;
}

} // namespace flowviz::server
