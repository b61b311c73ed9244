#pragma once

#include "backend/http/connectionguard.h"
#include "backend/http/router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace flowviz::http {

class RequestObserver;

// Our one adapter over QtHttpServer 6.4 (a technical preview): routing, response writing,
// size and idle limits, and draining at shutdown. Handlers may answer from any thread through
// their Responder.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpServer(const ConnectionGuard::Limits &limits, QObject *parent = nullptr);

    void route(const QByteArray &method, const QString &pathTemplate, Handler handler);
    void addObserver(RequestObserver *observer);
    QList<QPair<QByteArray, QString>> routes() const { return m_router.routes(); }

    // Returns the bound port, or 0 when the address could not be bound.
    quint16 listenOn(const QHostAddress &address, quint16 port);

    // From now on every new request, /ready included, is answered 503 with Retry-After and
    // "Connection: close", so that clients and load balancers go elsewhere; requests already
    // taken run on and are answered. drained() follows once none is left.
    void beginDrain();
    bool isDraining() const { return m_draining; }
    // Before the drain: /ready alone is answered 503 (with "Connection: close"), every other
    // request is served as before, so a load balancer takes this server out of its pool
    // before anything is refused.
    void announceLeaving() { m_leaving = true; }
    // Requests taken whose responses have not been written yet.
    int inFlight() const { return m_inFlight; }
    // Stops listening and closes every connection once what was written to it has been sent
    // (abort: at once, unsent data dropped). connectionsClosed() follows when none is open.
    void closeConnections(bool abort);

signals:
    void drained();
    void connectionsClosed();

protected:
    // Answers that DB worker threads posted (see dispatch()).
    void customEvent(QEvent *event) override;
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(Request request, const Router::Match *match, QTcpSocket *socket, bool closeAfter);
    void write(QTcpSocket *socket, const Request &request, const Response &response,
               bool closeAfter);
    void checkDrained();
    void checkClosed();

    ConnectionGuard::Limits m_limits;
    Router m_router;
    QList<RequestObserver *> m_observers;
    QList<QPointer<QTcpServer>> m_listeners;
    QList<QPointer<QTcpSocket>> m_connections;
    int m_inFlight = 0;
    bool m_draining = false;
    bool m_leaving = false;
    bool m_closing = false;
};

} // namespace flowviz::http
