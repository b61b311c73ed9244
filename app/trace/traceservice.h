#pragma once

#include "app/trace/recallreport.h"
#include "app/trace/tracegraph.h"
#include "app/trace/tracetreemodel.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace flowviz::app {

class ApiClient;

// Traceability for the console: fetches a lot's whole genealogy (both directions, every
// level) into the backward and forward tree models, and builds recall reports: every
// downstream lot with its latest QC decision, fetched concurrently.
class TraceService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxDepth = 50;       // the server's limit
    static constexpr int kMaxConcurrentQc = 6; // QC lookups in flight at once

    explicit TraceService(ApiClient *api, QObject *parent = nullptr);

    TraceTreeModel *backwardModel() const { return m_backward; }
    TraceTreeModel *forwardModel() const { return m_forward; }
    TraceGraph graph() const { return m_graph; }
    bool isBusy() const { return m_tracing || m_recall.active; }
    // Who the reports say generated them.
    void setUserName(const QString &name) { m_userName = name; }
    // Asked each time a report is made, so that it names whoever is signed in then (overrides
    // setUserName()).
    void setUserNameSource(std::function<QString()> source)
    {
        m_userNameSource = std::move(source);
    }

    // The path of the graph endpoint for `code` ('/' in the code sent as %2F).
    static QString graphPath(const QString &code, const QString &direction, int depth);

public slots:
    void trace(const QString &code);
    void buildRecall(const QString &suspectCode);

signals:
    void busyChanged(bool busy);
    void traced(const QString &code);
    void traceFailed(const QString &code, const QString &message);
    void recallReady(const flowviz::app::RecallReport &report);
    void recallFailed(const QString &code, const QString &message);

private:
    struct RecallJob
    {
        bool active = false;
        quint64 id = 0;
        RecallReport report;
        QList<int> queue; // rows still to look up
        int inFlight = 0;
        bool failed = false;
    };
    void startQcLookups();
    void finishRecall();
    void emitBusy();

    QPointer<ApiClient> m_api;
    TraceTreeModel *m_backward;
    TraceTreeModel *m_forward;
    TraceGraph m_graph;
    QString m_userName;
    std::function<QString()> m_userNameSource;
    bool m_tracing = false;
    quint64 m_traceId = 0;
    quint64 m_recallSerial = 0;
    RecallJob m_recall;
};

} // namespace flowviz::app
