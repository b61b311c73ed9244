#include "backend/server/application.h"

#include "backend/api/openapi.h"
#include "backend/audit/auditroutes.h"
#include "backend/auth/authroutes.h"
#include "backend/db/migrator.h"
#include "backend/dispatch/dispatchroutes.h"
#include "backend/lots/lotroutes.h"
#include "backend/metrics/metrics.h"
#include "backend/qc/qcroutes.h"
#include "backend/recalls/recallroutes.h"
#include "backend/runs/runroutes.h"
#include "backend/stats/statsroutes.h"
#include "backend/suppliers/supplierroutes.h"
#include "backend/sync/syncroutes.h"
#include "backend/system/systemroutes.h"
#include "backend/trace/traceroutes.h"

#include <QLoggingCategory>

namespace flowviz::server {

Q_LOGGING_CATEGORY(lcServer, "flowviz.server")

Application::Application(const ServerConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    http::ConnectionGuard::Limits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutSeconds * 1000;
    m_http = std::make_unique<http::HttpServer>(limits);
    m_http->addObserver(&m_accessLog);

    // The pool exists (not yet connected) so that every route can be registered up front.
    m_pool = std::make_unique<db::DbPool>(m_config.database);
    m_api = std::make_unique<api::ApiContext>(m_config, *m_pool, m_events);
    auth::registerRoutes(*m_http, *m_api);
    audit::registerRoutes(*m_http, *m_api);
    lots::registerRoutes(*m_http, *m_api);
    qc::registerRoutes(*m_http, *m_api);
    runs::registerRoutes(*m_http, *m_api);
    suppliers::registerRoutes(*m_http, *m_api);
    dispatch::registerRoutes(*m_http, *m_api);
    recalls::registerRoutes(*m_http, *m_api);
    trace::registerRoutes(*m_http, *m_api);
    stats::registerRoutes(*m_http, *m_api);
    sync::registerRoutes(*m_http, *m_api);
    system::registerRoutes(*m_http, *m_api, db::Migrator().latestVersion());
    openapi::registerRoutes(*m_http);
    m_metrics = std::make_unique<metrics::Metrics>(*this);

    m_grace.setSingleShot(true);
    m_leaving.setSingleShot(true);
    connect(&m_leaving, &QTimer::timeout, this, [this] {
        if (m_state == State::Leaving)
            beginDrain();
    });
    connect(&m_grace, &QTimer::timeout, this, [this] {
        if (m_state == State::Draining)
            closeConnections(true);
        else if (m_state == State::Closing)
            m_http->closeConnections(true); // answers a slow client has not taken yet
    });
    connect(m_http.get(), &http::HttpServer::drained, this, [this] {
        if (m_state == State::Draining)
            closeConnections(false);
    });
    connect(m_http.get(), &http::HttpServer::connectionsClosed, this, [this] {
        if (m_state == State::Closing)
            finish();
    });
}

QList<QPair<QByteArray, QString>> Application::routes() const
{
    return m_http->routes();
}

Application::~Application()
{
    // Whatever a DB worker still runs (past the grace period, or after a failed start) is
    // cancelled, and the workers are joined while everything they call still exists.
    if (const int cancelled = m_pool->cancelRunning(); cancelled > 0)
        qCWarning(lcServer) << "cancelled" << cancelled << "database statement(s) still running";
    m_pool->stop();

    // Then the rest, in the reverse order of construction.
    m_metrics.reset();
    m_api.reset();
    m_pool.reset();
    m_http.reset();
    if (m_state != State::Created)
        qCInfo(lcServer) << "flowviz-server stopped";
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
    m_state = State::Serving;

    m_port = m_http->listenOn(m_config.listenAddress, m_config.listenPort);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this host)")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort);
        return false;
    }
    m_metrics->start();
    qCInfo(lcServer).noquote()
        << QStringLiteral("flowviz-server %1 serving http://%2:%3 (database %4, pool %5+%6)")
               .arg(QStringLiteral(FLOWVIZ_VERSION), m_config.listenAddress.toString())
               .arg(m_port)
               .arg(m_config.database.redactedUrl())
               .arg(m_config.database.poolSize)
               .arg(m_config.database.maxOverflow);
    return true;
}

void Application::shutdown()
{
    switch (m_state) {
    case State::Created:
        m_state = State::Stopped;
        QMetaObject::invokeMethod(this, &Application::stopped, Qt::QueuedConnection);
        return;
    case State::Serving:
        if (m_config.drainDelaySeconds > 0) {
            m_state = State::Leaving;
            qCInfo(lcServer).noquote()
                << QStringLiteral("flowviz-server stopping: /ready answers 503 for %1 s so that "
                                  "load balancers stop sending requests; until then every "
                                  "other request is served")
                       .arg(m_config.drainDelaySeconds);
            m_http->announceLeaving();
            m_leaving.start(m_config.drainDelaySeconds * 1000);
            return;
        }
        beginDrain();
        return;
    case State::Leaving:
        m_leaving.stop();
        beginDrain();
        return;
    case State::Draining:
    case State::Closing:
        qCInfo(lcServer) << "flowviz-server stopping now: asked again";
        m_grace.stop();
        m_state = State::Closing;
        m_http->closeConnections(true);
        return;
    case State::Stopped:
        return;
    }
}

void Application::beginDrain()
{
    m_state = State::Draining;
    qCInfo(lcServer).noquote()
        << QStringLiteral("flowviz-server stopping: new requests are refused (503); waiting "
                          "for %1 in flight, at most %2 s")
               .arg(m_http->inFlight())
               .arg(m_config.shutdownGraceSeconds);
    m_http->beginDrain(); // drained() follows, at once when nothing is in flight
    m_grace.start(m_config.shutdownGraceSeconds * 1000);
}

void Application::closeConnections(bool gaveUp)
{
    m_state = State::Closing;
    if (gaveUp) {
        qCWarning(lcServer).noquote()
            << QStringLiteral("%1 request(s) still running after the shutdown grace period of "
                              "%2 s; stopping without their answers")
                   .arg(m_http->inFlight())
                   .arg(m_config.shutdownGraceSeconds);
    }
    // What has been answered is still sent, for what is left of the grace period; when it
    // ends, the grace timer aborts what is left.
    m_http->closeConnections(gaveUp);
}

void Application::finish()
{
    m_state = State::Stopped;
    m_grace.stop();
    emit stopped();
}

} // namespace flowviz::server
