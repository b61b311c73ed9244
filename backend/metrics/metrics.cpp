#include "backend/metrics/metrics.h"

#include "backend/metrics/processstats.h"

#include "backend/api/apicontext.h"
#include "backend/db/dbpool.h"
#include "backend/qc/qcrepository.h"
#include "backend/server/application.h"
#include "backend/system/systemrepository.h"

#include "domain/enums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/summary.h>
#include <prometheus/text_serializer.h>

namespace flowviz::metrics {

using prometheus::Counter;
using prometheus::Family;
using prometheus::Gauge;
using prometheus::Histogram;
using prometheus::Summary;

namespace {

const Histogram::BucketBoundaries kLatencyBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                  0.075, 0.1,    0.15,  0.2,  0.3,   0.5,
                                                  0.75,  1.0,    1.5,   2.5,  5.0,   10.0};

bool excluded(const QString &route)
{
    return route == u"/metrics" || route == u"/health" || route == u"/ready" ||
           route == u"/openapi.json";
}

std::string statusClass(int status)
{
    return std::to_string(status / 100) + "xx";
}

} // namespace

struct Metrics::Impl
{
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();

    Family<Counter> &requests =
        prometheus::BuildCounter()
            .Name("http_requests_total")
            .Help("HTTP requests answered, by method, route template and status class.")
            .Register(*registry);
    Family<Histogram> &duration =
        prometheus::BuildHistogram()
            .Name("http_request_duration_seconds")
            .Help("Time from a parsed request to its response being written.")
            .Register(*registry);
    Family<Gauge> &inProgress = prometheus::BuildGauge()
                                    .Name("flowviz_http_requests_inprogress")
                                    .Help("HTTP requests being handled now.")
                                    .Register(*registry);
    Family<Summary> &requestSize = prometheus::BuildSummary()
                                       .Name("http_request_size_bytes")
                                       .Help("Request body sizes.")
                                       .Register(*registry);
    Family<Summary> &responseSize = prometheus::BuildSummary()
                                        .Name("http_response_size_bytes")
                                        .Help("Response body sizes.")
                                        .Register(*registry);
    Family<Counter> &lots = prometheus::BuildCounter()
                                .Name("flowviz_lots_registered_total")
                                .Help("Lots registered (committed), by lot type.")
                                .Register(*registry);
    Family<Counter> &decisions = prometheus::BuildCounter()
                                     .Name("flowviz_qc_decisions_total")
                                     .Help("QC decisions recorded (committed), by decision.")
                                     .Register(*registry);
    Family<Counter> &gateDecisions =
        prometheus::BuildCounter()
            .Name("flowviz_qc_gate_decisions_total")
            .Help("QC decisions recorded (committed), by gate number and decision.")
            .Register(*registry);
    Histogram &trace = prometheus::BuildHistogram()
                           .Name("flowviz_traceability_query_duration_seconds")
                           .Help("Time to answer a traceability query, database work included.")
                           .Register(*registry)
                           .Add({}, kLatencyBuckets);
    Gauge &activeOperators =
        prometheus::BuildGauge()
            .Name("flowviz_active_operators")
            .Help("Distinct operators with activity in the last 15 minutes (from the database).")
            .Register(*registry)
            .Add({});
    Gauge &pendingSync =
        prometheus::BuildGauge()
            .Name("flowviz_pending_sync_lots")
            .Help("Sum of the pending outbox items workstations reported in the last 15 minutes.")
            .Register(*registry)
            .Add({});
    Family<Gauge> &pendingByWorkstation =
        prometheus::BuildGauge()
            .Name("flowviz_workstation_pending_sync")
            .Help("Pending outbox items last reported by each workstation "
                  "(reports from the last 15 minutes).")
            .Register(*registry);
    Gauge &poolActive = prometheus::BuildGauge()
                            .Name("flowviz_db_pool_connections_active")
                            .Help("Database connections running a request's work.")
                            .Register(*registry)
                            .Add({});
    Gauge &poolIdle = prometheus::BuildGauge()
                          .Name("flowviz_db_pool_connections_idle")
                          .Help("Open database connections waiting for work.")
                          .Register(*registry)
                          .Add({});
    Gauge &poolSize = prometheus::BuildGauge()
                          .Name("flowviz_db_pool_size")
                          .Help("Most database connections the pool may open (base plus overflow).")
                          .Register(*registry)
                          .Add({});
    Histogram &poolWait = prometheus::BuildHistogram()
                              .Name("flowviz_db_pool_wait_seconds")
                              .Help("Time a request waited for a database connection.")
                              .Register(*registry)
                              .Add({}, kLatencyBuckets);
    Counter &poolTimeouts =
        prometheus::BuildCounter()
            .Name("flowviz_db_pool_timeouts_total")
            .Help("Requests answered 503 because no connection was free in time.")
            .Register(*registry)
            .Add({});
    Counter &replays =
        prometheus::BuildCounter()
            .Name("flowviz_idempotent_replays_total")
            .Help("Requests answered from a stored response under their Idempotency-Key.")
            .Register(*registry)
            .Add({});
    Counter &shipmentsDispatched = prometheus::BuildCounter()
                                       .Name("flowviz_shipments_dispatched_total")
                                       .Help("Shipments dispatched (committed).")
                                       .Register(*registry)
                                       .Add({});
    Family<Counter> &syncTransactions =
        prometheus::BuildCounter()
            .Name("flowviz_sync_transactions_total")
            .Help("Transactions of /api/v1/sync batches committed, by how they ran: set_based "
                  "(operations together) or one_by_one (each in a savepoint, after a refusal "
                  "or when a key repeats).")
            .Register(*registry);
    Family<Counter> &lotTransactions =
        prometheus::BuildCounter()
            .Name("flowviz_lot_transactions_total")
            .Help("Transactions of lot registrations (POST /api/v1/lots without an "
                  "Idempotency-Key) committed, by how they ran: together (the registrations "
                  "that waited for a running one, stored at once) or alone.")
            .Register(*registry);
    Family<Counter> &recallsOpened =
        prometheus::BuildCounter()
            .Name("flowviz_recalls_opened_total")
            .Help("Recalls opened (committed), by kind: a recall or a drill (a trace test).")
            .Register(*registry);
    Gauge &openShipments = prometheus::BuildGauge()
                               .Name("flowviz_shipments_open")
                               .Help("Shipments OPEN now (from the database).")
                               .Register(*registry)
                               .Add({});
    Gauge &holdLotsOnOpenShipments =
        prometheus::BuildGauge()
            .Name("flowviz_open_shipment_hold_lots")
            .Help("Lots on HOLD that are lines of an OPEN shipment (from the database).")
            .Register(*registry)
            .Add({});
    Gauge &openRecalls = prometheus::BuildGauge()
                             .Name("flowviz_recalls_open")
                             .Help("Recalls OPEN now, drills aside (from the database).")
                             .Register(*registry)
                             .Add({});
    Family<Gauge> &lastTrace =
        prometheus::BuildGauge()
            .Name("flowviz_recall_last_trace_seconds")
            .Help("Time the newest recall (or drill) took to find every lot, shipment line and "
                  "customer and to put the lots on HOLD; 0 before the first (from the database).")
            .Register(*registry);
    Gauge &lastRecallTrace = lastTrace.Add({{"kind", "recall"}});
    Gauge &lastDrillTrace = lastTrace.Add({{"kind", "drill"}});
    Family<Gauge> &buildInfo = prometheus::BuildGauge()
                                   .Name("flowviz_build_info")
                                   .Help("Always 1; the version label names the running build.")
                                   .Register(*registry);
    ProcessStats process{*registry};

    QMutex mutex; // guards the per-workstation gauge map
    QHash<QString, Gauge *> workstationGauges;
    qint64 lastTimeouts = 0;
};

Metrics::Metrics(server::Application &app, QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>()), m_app(app)
{
    d->buildInfo.Add({{"version", FLOWVIZ_VERSION}}).Set(1);
    // Every label value exists from start-up, so rates and "none registered" alerts work
    // before the first event.
    for (LotType t : allLotTypes())
        d->lots.Add({{"lot_type", toString(t).toStdString()}});
    for (Decision v : allDecisions())
        d->decisions.Add({{"decision", toString(v).toStdString()}});

    api::Events &events = app.events();
    events.lotRegistered = [this](LotType t) {
        d->lots.Add({{"lot_type", toString(t).toStdString()}}).Increment();
    };
    events.qcDecisionRecorded = [this](Decision v, int gate) {
        d->decisions.Add({{"decision", toString(v).toStdString()}}).Increment();
        d->gateDecisions
            .Add({{"gate", std::to_string(gate)}, {"decision", toString(v).toStdString()}})
            .Increment();
    };
    events.idempotentReplay = [this] { d->replays.Increment(); };
    events.traceabilityQuery = [this](double s) { d->trace.Observe(s); };
    events.shipmentDispatched = [this] { d->shipmentsDispatched.Increment(); };
    for (const char *kind : {"recall", "drill"})
        d->recallsOpened.Add({{"kind", kind}});
    events.recallOpened = [this](bool drill) {
        d->recallsOpened.Add({{"kind", drill ? "drill" : "recall"}}).Increment();
    };
    for (const char *mode : {"set_based", "one_by_one"})
        d->syncTransactions.Add({{"mode", mode}});
    events.syncTransaction = [this](bool setBased) {
        d->syncTransactions.Add({{"mode", setBased ? "set_based" : "one_by_one"}}).Increment();
    };
    for (const char *mode : {"together", "alone"})
        d->lotTransactions.Add({{"mode", mode}});
    events.lotTransaction = [this](bool together) {
        d->lotTransactions.Add({{"mode", together ? "together" : "alone"}}).Increment();
    };
    app.addObserver(this);
    db::DbPool &pool = app.pool();
    pool.setWaitObserver([this](double s) { d->poolWait.Observe(s); });
    app.route("GET", QStringLiteral("/metrics"),
              [this, &pool](const http::Request &, http::Responder respond) {
                  // Plant-wide gauges come from the database so every replica reports the same
                  // value; when it cannot be reached the last values are served with everything
                  // else.
                  pool.submit(
                      db::DbJob{[this, respond](db::PgSession &s) {
                                    // One round trip with BEGIN and the statement timeout, and
                                    // the COMMIT.
                                    const auto g = s.transaction(
                                        [&] { return system::SystemRepository(s).plantGauges(); });
                                    d->activeOperators.Set(g.activeOperators);
                                    d->pendingSync.Set(double(g.pendingSyncLots));
                                    d->openShipments.Set(g.openShipments);
                                    d->holdLotsOnOpenShipments.Set(g.holdLotsOnOpenShipments);
                                    d->openRecalls.Set(g.openRecalls);
                                    d->lastRecallTrace.Set(g.lastRecallTraceSeconds);
                                    d->lastDrillTrace.Set(g.lastDrillTraceSeconds);
                                    {
                                        QMutexLocker lock(&d->mutex);
                                        QHash<QString, Gauge *> seen;
                                        for (const auto &[ws, pending] : g.pendingByWorkstation) {
                                            Gauge *gauge = d->workstationGauges.value(ws);
                                            if (!gauge)
                                                gauge = &d->pendingByWorkstation.Add(
                                                    {{"workstation_id", ws.toStdString()}});
                                            gauge->Set(pending);
                                            seen.insert(ws, gauge);
                                        }
                                        for (auto it = d->workstationGauges.cbegin();
                                             it != d->workstationGauges.cend(); ++it) {
                                            if (!seen.contains(it.key()))
                                                d->pendingByWorkstation.Remove(it.value());
                                        }
                                        d->workstationGauges = seen;
                                    }
                                    respond(exposition(render()));
                                },
                                [this, respond](db::DbFailure) { respond(exposition(render())); }});
              });
}

Metrics::~Metrics() = default;

void Metrics::start()
{
    db::DbPool &pool = m_app.pool();
    // Per-gate series start at 0 as well, so the first decision at a gate is a visible
    // increase rather than a series that is born at 1.
    pool.submit(
        db::DbJob{[this](db::PgSession &s) {
                      const QList<wire::QcGate> gates =
                          s.transaction([&] { return qc::QcRepository(s).gateRecords(); });
                      for (const wire::QcGate &g : gates) {
                          const std::string number = std::to_string(g.gateNumber);
                          for (Decision v : allDecisions())
                              d->gateDecisions.Add(
                                  {{"gate", number}, {"decision", toString(v).toStdString()}});
                      }
                  },
                  [](db::DbFailure) {}});
}

http::Response Metrics::exposition(const std::string &text)
{
    http::Response r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = QByteArray::fromStdString(text);
    return r;
}

std::string Metrics::render()
{
    const db::DbPool::Stats s = m_app.pool().stats();
    d->poolActive.Set(s.active);
    d->poolIdle.Set(s.idle);
    d->poolSize.Set(s.capacity);
    if (s.timeouts > d->lastTimeouts) {
        d->poolTimeouts.Increment(double(s.timeouts - d->lastTimeouts));
        d->lastTimeouts = s.timeouts;
    }
    d->process.refresh();
    return prometheus::TextSerializer().Serialize(d->registry->Collect());
}

QList<QPair<QString, QString>> Metrics::catalogue() const
{
    QList<QPair<QString, QString>> out;
    for (const auto &family : d->registry->Collect()) {
        QString type;
        switch (family.type) {
        case prometheus::MetricType::Counter:
            type = QStringLiteral("counter");
            break;
        case prometheus::MetricType::Gauge:
            type = QStringLiteral("gauge");
            break;
        case prometheus::MetricType::Histogram:
            type = QStringLiteral("histogram");
            break;
        case prometheus::MetricType::Summary:
            type = QStringLiteral("summary");
            break;
        default:
            type = QStringLiteral("untyped");
            break;
        }
        out.append({QString::fromStdString(family.name), type});
    }
    return out;
}

void Metrics::requestStarted(const http::Request &request)
{
    if (excluded(request.routeTemplate))
        return;
    d->inProgress
        .Add({{"method", request.method.toStdString()},
              {"handler", request.routeTemplate.toStdString()}})
        .Increment();
}

void Metrics::requestFinished(const http::Request &request, const http::Response &response)
{
    if (excluded(request.routeTemplate))
        return;
    const std::string method = request.method.toStdString();
    const std::string handler = request.routeTemplate.toStdString();
    d->inProgress.Add({{"method", method}, {"handler", handler}}).Decrement();
    d->requests
        .Add({{"method", method}, {"handler", handler}, {"status", statusClass(response.status)}})
        .Increment();
    d->duration.Add({{"method", method}, {"handler", handler}}, kLatencyBuckets)
        .Observe(double(request.timer.nsecsElapsed()) / 1e9);
    d->requestSize.Add({{"method", method}, {"handler", handler}}, Summary::Quantiles{})
        .Observe(double(request.body.size()));
    d->responseSize.Add({{"method", method}, {"handler", handler}}, Summary::Quantiles{})
        .Observe(double(response.body.size()));
}

} // namespace flowviz::metrics
