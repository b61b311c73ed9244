#pragma once

#include "connectionguard.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>

namespace flowviz::http {

class RequestObserver;

// Our one adapter over QtHttpServer 6.4 (a technical preview): routing, response writing,
// size and idle limits. Handlers may answer from any thread through their Responder.
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

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(Request request, const Router::Match *match, QTcpSocket *socket, bool closeAfter);
    void write(QTcpSocket *socket, const Request &request, const Response &response,
               bool closeAfter);

    ConnectionGuard::Limits m_limits;
    Router m_router;
    QList<RequestObserver *> m_observers;
};

} // namespace flowviz::http
