#pragma once

#include "backend/server/accesslog.h"

#include "backend/api/apicontext.h"
#include "backend/config/serverconfig.h"
#include "backend/db/dbpool.h"
#include "backend/http/httpserver.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace flowviz::metrics {
class Metrics;
}

namespace flowviz::server {

// The running server: pool, API context, HTTP routes, metrics, observers; and its orderly stop.
class Application : public QObject
{
    Q_OBJECT

public:
    // Registers every route; nothing touches the network or the database until start().
    explicit Application(const ServerConfig &config, QObject *parent = nullptr);
    // Joins the DB workers, then tears down in the reverse order of construction.
    ~Application() override;

    // Migrates (unless configured not to), starts the pool and listens. Returns false with a
    // readable message in `error`.
    bool start(QString *error);
    // With a drain delay, first answers /ready alone with 503 for that long (the load balancer
    // takes the server out of its pool while everything else is still served). Then stops
    // taking requests (new ones, /ready included, are answered 503), lets those in flight
    // finish and be answered for at most the shutdown grace period, closes every connection
    // and emits stopped(). A second call stops waiting.
    void shutdown();

    quint16 port() const { return m_port; }
    // (method, route template) of every registered route.
    QList<QPair<QByteArray, QString>> routes() const;
    void addObserver(http::RequestObserver *observer) { m_http->addObserver(observer); }
    void route(const QByteArray &method, const QString &path, http::Handler handler)
    {
        m_http->route(method, path, std::move(handler));
    }
    api::Events &events() { return m_events; }
    db::DbPool &pool() { return *m_pool; }

signals:
    // Nothing is served any longer; the DB workers are joined when the application is destroyed.
    void stopped();

private:
    enum class State
    {
        Created,
        Serving,
        Leaving,  // serving, but /ready answers 503, for the drain delay
        Draining, // refusing new requests, waiting for those in flight
        Closing,  // waiting for the last answers to leave
        Stopped
    };
    void beginDrain();
    void closeConnections(bool gaveUp);
    void finish();

    // In the order of construction, destroyed in reverse. DB workers call into the events (and
    // through them the metrics), the API context and the HTTP server (responses hop to it), so
    // the destructor joins them before any of this goes.
    ServerConfig m_config;
    api::Events m_events;
    AccessLog m_accessLog;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<db::DbPool> m_pool;
    std::unique_ptr<api::ApiContext> m_api;
    std::unique_ptr<metrics::Metrics> m_metrics;
    QTimer m_grace;
    QTimer m_leaving;
    State m_state = State::Created;
    quint16 m_port = 0;
};

} // namespace flowviz::server
