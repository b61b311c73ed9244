#include "backend/http/httpserver.h"

#include "backend/http/requestobserver.h"
#include "backend/http/threadhandoff.h"

#include "domain/wire/problem.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUuid>

#include <atomic>
#include <memory>

namespace flowviz::http {

namespace {

// An answer on its way from a DB worker thread to the HTTP thread. Posted as an event of our
// own, built before it is posted and deleted by the receiving thread, so that nothing about it
// is shared behind a reference count in the Qt libraries (docs/development.md, "Sanitizers").
class AnswerEvent : public QEvent
{
public:
    AnswerEvent(QPointer<QTcpSocket> to, std::shared_ptr<Request> of, bool close, Response answer)
        : QEvent(type()), target(std::move(to)), request(std::move(of)), closeAfter(close),
          response(std::move(answer))
    {}
    static QEvent::Type type()
    {
        static const auto t = QEvent::Type(QEvent::registerEventType());
        return t;
    }

    QPointer<QTcpSocket> target;
    std::shared_ptr<Request> request;
    bool closeAfter;
    Response response;
};

// Creates each connection's socket itself so that a ConnectionGuard is attached before
// QHttpServer starts reading from it.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(const ConnectionGuard::Limits &limits,
                     std::function<void(QTcpSocket *)> accepted, QObject *parent)
        : QTcpServer(parent), m_limits(limits), m_accepted(std::move(accepted))
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new ConnectionGuard(socket, m_limits);
        m_accepted(socket);
        addPendingConnection(socket);
    }

private:
    ConnectionGuard::Limits m_limits;
    std::function<void(QTcpSocket *)> m_accepted;
};

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

Response shuttingDown()
{
    Response r = problem(503, wire::problemtype::kShuttingDown, QStringLiteral("Shutting down"),
                         QStringLiteral("This server is shutting down and takes no new requests. "
                                        "Retry shortly; another server may answer at once."));
    r.withHeader("Retry-After", "5");
    return r;
}

bool isValidRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

} // namespace

HttpServer::HttpServer(const ConnectionGuard::Limits &limits, QObject *parent)
    : QAbstractHttpServer(parent), m_limits(limits)
{}

void HttpServer::route(const QByteArray &method, const QString &pathTemplate, Handler handler)
{
    m_router.add(method, pathTemplate, std::move(handler));
}

void HttpServer::addObserver(RequestObserver *observer)
{
    m_observers.append(observer);
}

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto accepted = [this](QTcpSocket *socket) {
        m_connections.removeAll(nullptr);
        m_connections.append(socket);
    };
    auto *server = new GuardedTcpServer(m_limits, std::move(accepted), this);
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    m_listeners.append(server);
    return server->serverPort();
}

void HttpServer::beginDrain()
{
    m_draining = true;
    checkDrained();
}

void HttpServer::closeConnections(bool abort)
{
    m_closing = true;
    for (const auto &listener : std::as_const(m_listeners)) {
        if (listener)
            listener->close();
    }
    const QList<QPointer<QTcpSocket>> connections = m_connections;
    for (const auto &socket : connections) {
        if (!socket || socket->state() == QAbstractSocket::UnconnectedState)
            continue;
        connect(socket, &QAbstractSocket::stateChanged, this, &HttpServer::checkClosed,
                Qt::UniqueConnection);
        connect(socket, &QObject::destroyed, this, &HttpServer::checkClosed, Qt::UniqueConnection);
        // disconnectFromHost() sends what was written first. A request that arrives meanwhile
        // is not answered: its client sees the connection close, as after an idle timeout.
        if (abort)
            socket->abort();
        else
            socket->disconnectFromHost();
    }
    QMetaObject::invokeMethod(this, &HttpServer::checkClosed, Qt::QueuedConnection);
}

void HttpServer::checkDrained()
{
    // Queued: write() runs inside request handling, which must not see its connection closed.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_draining && m_inFlight == 0)
                emit drained();
        },
        Qt::QueuedConnection);
}

void HttpServer::checkClosed()
{
    if (!m_closing)
        return;
    for (const auto &socket : std::as_const(m_connections)) {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            return;
    }
    m_closing = false;
    emit connectionsClosed();
}

bool HttpServer::handleRequest(const QHttpServerRequest &req, QTcpSocket *socket)
{
    Request request;
    request.timer.start();
    request.method = methodName(req.method());
    const QUrl url = req.url();
    request.path = url.path();
    request.query = req.query();
    for (const auto &[name, value] : req.headers())
        request.headers.insert(name.toLower(), value);
    request.body = req.body();
    request.remoteAddress = req.remoteAddress().toString();
    const QByteArray givenId = request.header("x-request-id");
    request.requestId = isValidRequestId(givenId)
                            ? QString::fromLatin1(givenId)
                            : QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool closeAfter = request.header("connection").toLower() == "close";

    // HEAD is GET without the body (RFC 9110, 9.3.2): it takes the GET route, and write()
    // leaves the body out.
    const QByteArray routedMethod = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const auto match = m_router.match(routedMethod, url.path(QUrl::FullyEncoded));
    if (!match) {
        request.routeTemplate = QStringLiteral("none");
        dispatch(std::move(request), nullptr, socket, closeAfter);
        return true;
    }
    request.routeTemplate = match->routeTemplate;
    request.pathParams = match->params;
    dispatch(std::move(request), &*match, socket, closeAfter);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() answers every request itself; this is only reached for upgrades.
    socket->disconnectFromHost();
}

void HttpServer::dispatch(Request request, const Router::Match *match, QTcpSocket *socket,
                          bool closeAfter)
{
    for (RequestObserver *o : m_observers)
        o->requestStarted(request);
    if (auto *guard = ConnectionGuard::of(socket))
        guard->requestStarted();
    ++m_inFlight;

    if (m_draining || (m_leaving && request.path == u"/ready")) {
        write(socket, request, shuttingDown(), true);
        return;
    }
    if (!match || !match->handler) {
        Response r = match ? problem(405, wire::problemtype::kMethodNotAllowed,
                                     QStringLiteral("Method not allowed"),
                                     QStringLiteral("%1 is not supported on this resource.")
                                         .arg(QString::fromLatin1(request.method)))
                           : problem(404, wire::problemtype::kNotFound, QStringLiteral("Not found"),
                                     QStringLiteral("No resource at %1.").arg(request.path));
        if (match) {
            QList<QByteArray> allowed = match->allowedMethods;
            if (allowed.contains("GET") && !allowed.contains("HEAD"))
                allowed.append("HEAD");
            r.withHeader("Allow", allowed.join(", "));
        }
        write(socket, request, r, closeAfter);
        return;
    }

    // The responder may run on a DB worker thread and may outlive the socket: it hops back
    // to this thread and writes only if the connection is still there.
    QPointer<QTcpSocket> target(socket);
    QPointer<HttpServer> self(this);
    auto answered = std::make_shared<std::atomic_bool>(false);
    auto shared = std::make_shared<Request>(request);
    Responder responder = [self, target, shared, answered, closeAfter](Response response) {
        if (answered->exchange(true))
            return;
        auto *answer = new AnswerEvent(target, shared, closeAfter, std::move(response));
        handoff::release(); // everything above happens before customEvent() reads it
        if (self)
            QCoreApplication::postEvent(self.data(), answer);
        else
            delete answer;
    };
    (*match->handler)(*shared, std::move(responder));
}

void HttpServer::customEvent(QEvent *event)
{
    handoff::acquire(); // before the first read of what a worker thread built
    if (event->type() != AnswerEvent::type())
        return QAbstractHttpServer::customEvent(event);
    auto *answer = static_cast<AnswerEvent *>(event);
    write(answer->target.data(), *answer->request, answer->response, answer->closeAfter);
}

void HttpServer::write(QTcpSocket *socket, const Request &request, const Response &response,
                       bool closeAfter)
{
    // While draining, no connection is kept for a next request: the client opens a new one and
    // is refused, rather than racing the close with a request this server will not read.
    closeAfter = closeAfter || m_draining;
    for (RequestObserver *o : m_observers)
        o->requestFinished(request, response);
    --m_inFlight;
    if (m_draining && m_inFlight == 0)
        checkDrained();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (auto *guard = ConnectionGuard::of(socket))
        guard->requestFinished();

    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
           reasonPhrase(response.status).toLatin1() + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "X-Request-Id: " + request.requestId.toLatin1() + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    if (request.method != "HEAD")
        out += response.body;
    socket->write(out);
    if (closeAfter)
        socket->disconnectFromHost();
}

} // namespace flowviz::http
