#pragma once

#include "backend/http/requestobserver.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <memory>

namespace prometheus {
class Registry;
class Counter;
class Gauge;
class Histogram;
class Summary;
template <typename T> class Family;
} // namespace prometheus

namespace flowviz::server {
class Application;
}

namespace flowviz::metrics {

// The Prometheus registry of flowviz-server and GET /metrics (text format 0.0.4): HTTP RED
// metrics per route template, business counters raised after commits, DB pool gauges, plant
// gauges computed from the database at scrape time, and process metrics.
class Metrics : public QObject, public http::RequestObserver
{
    Q_OBJECT

public:
    explicit Metrics(server::Application &app, QObject *parent = nullptr);

    ~Metrics() override;

    // Subscribes to the application's events and registers GET /metrics; call start() once
    // the application has started, to create the per-gate series from the database.
    void start();

    void requestStarted(const http::Request &request) override;
    void requestFinished(const http::Request &request, const http::Response &response) override;

    // The exposition text, with pool and process gauges refreshed.
    std::string render();
    // Metric names and types in the registry ("counter", "gauge", "histogram", "summary").
    QList<QPair<QString, QString>> catalogue() const;

private:
    static http::Response exposition(const std::string &text);

    struct Impl;
    std::unique_ptr<Impl> d;
    server::Application &m_app;
};

} // namespace flowviz::metrics
