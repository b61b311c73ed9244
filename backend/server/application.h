#pragma once

#include "accesslog.h"

#include "api/apicontext.h"
#include "config/serverconfig.h"
#include "db/dbpool.h"
#include "http/httpserver.h"

#include <QObject>

#include <memory>

namespace flowviz::server {

// The running server: pool, API context, HTTP routes, observers.
class Application : public QObject
{
    Q_OBJECT

public:
    // Registers every route; nothing touches the network or the database until start().
    explicit Application(const ServerConfig &config, QObject *parent = nullptr);
    ~Application() override;

    // Migrates (unless configured not to), starts the pool and listens. Returns false with a
    // readable message in `error`.
    bool start(QString *error);
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

private:
    ServerConfig m_config;
    api::Events m_events;
    std::unique_ptr<db::DbPool> m_pool;
    std::unique_ptr<api::ApiContext> m_api;
    http::HttpServer *m_http = nullptr;
    AccessLog m_accessLog;
    quint16 m_port = 0;
};

} // namespace flowviz::server
