#include "backend/http/connectionguard.h"

#include "backend/http/httptypes.h"

#include "domain/wire/problem.h"

#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace flowviz::http {

namespace {
constexpr int kDrainGraceMs = 2000;
constexpr qint64 kDrainBufferBytes = 64 * 1024;

// Acknowledges what the client sent at once instead of after the kernel's delayed-ACK timer
// (40 ms on Linux). A client that writes a request's header and its body separately with
// Nagle's algorithm on (Qt's QNetworkAccessManager does: it leaves TCP_NODELAY off) holds the
// body back until the header is acknowledged, so without this each such POST waited 40 ms
// for nothing. The flag is not sticky (the kernel may go back to delaying), hence set on
// each read that leaves a request incomplete.
void acknowledgeNow(QTcpSocket *socket)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket);
#endif
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    setObjectName(QStringLiteral("flowviz-connection-guard"));
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
    // Connected before QHttpServer sees the socket, so this runs first on every chunk.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_idle.start(); });
    m_idle.start();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("flowviz-connection-guard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::requestStarted()
{
    ++m_inFlight;
}

void ConnectionGuard::requestFinished()
{
    if (m_inFlight > 0)
        --m_inFlight;
    m_idle.start();
}

void ConnectionGuard::onReadyRead()
{
    m_idle.start();
    if (m_rejected) {
        drain();
        return;
    }
    // QHttpServer consumes everything available after this slot returns, so each byte is
    // seen here exactly once.
    feed(m_socket->peek(m_socket->bytesAvailable()));
    // A request that came whole is acknowledged with its answer; one still coming in may be
    // held back by its sender until what came so far is acknowledged.
    if (!m_rejected && (m_inBody || !m_header.isEmpty()))
        acknowledgeNow(m_socket);
}

void ConnectionGuard::feed(const QByteArray &chunk)
{
    qsizetype pos = 0;
    while (pos < chunk.size() && !m_rejected) {
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, chunk.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0)
                m_inBody = false;
            continue;
        }
        const qsizetype before = m_header.size();
        m_header.append(chunk.constData() + pos, chunk.size() - pos);
        // Search from a little before the old end, as the terminator may straddle chunks.
        const qsizetype end = m_header.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        if (end < 0) {
            if (m_header.size() > m_limits.maxHeaderBytes)
                reject(431, wire::problemtype::kHeaderTooLarge,
                       QStringLiteral("Request header fields too large"),
                       QStringLiteral("The request header exceeds %1 bytes.")
                           .arg(m_limits.maxHeaderBytes));
            return;
        }
        const qsizetype headerEnd = end + 4;
        if (!inspectHeader(headerEnd))
            return;
        pos += headerEnd - before;
        m_header.clear();
        m_inBody = m_bodyRemaining > 0;
    }
}

bool ConnectionGuard::inspectHeader(qsizetype headerEnd)
{
    if (headerEnd > m_limits.maxHeaderBytes) {
        reject(431, wire::problemtype::kHeaderTooLarge,
               QStringLiteral("Request header fields too large"),
               QStringLiteral("The request header exceeds %1 bytes.").arg(m_limits.maxHeaderBytes));
        return false;
    }
    m_bodyRemaining = 0;
    const QList<QByteArray> lines = m_header.left(headerEnd).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                reject(400, wire::problemtype::kBadRequest, QStringLiteral("Bad request"),
                       QStringLiteral("Content-Length is not a number."));
                return false;
            }
            if (length > m_limits.maxBodyBytes) {
                reject(413, wire::problemtype::kPayloadTooLarge,
                       QStringLiteral("Request body too large"),
                       QStringLiteral("The body has %1 bytes; at most %2 are accepted. Send "
                                      "fewer operations per request.")
                           .arg(length)
                           .arg(m_limits.maxBodyBytes));
                return false;
            }
            m_bodyRemaining = length;
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            reject(411, wire::problemtype::kLengthRequired, QStringLiteral("Length required"),
                   QStringLiteral("Chunked request bodies are not accepted; send Content-Length."));
            return false;
        }
    }
    return true;
}

void ConnectionGuard::reject(int status, const QString &slug, const QString &title,
                             const QString &detail)
{
    m_rejected = true;
    // From here on this guard owns the socket: QHttpServer must not parse the rest.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::drain);
    // Discarded bytes pass through a small buffer: QTcpSocket would otherwise take in
    // whatever the kernel holds at each read, megabytes per connection for a fast sender.
    m_socket->setReadBufferSize(kDrainBufferBytes);
    const Response r = problem(status, slug, title, detail);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                     reasonPhrase(status).toLatin1() + "\r\nContent-Type: " + r.contentType +
                     "\r\nContent-Length: " + QByteArray::number(r.body.size()) +
                     "\r\nConnection: close\r\n\r\n" + r.body;
    m_socket->write(out);
    drain();
    // Let the client read the answer before the connection closes; whatever it still sends
    // is read and discarded, never kept.
    QTimer::singleShot(kDrainGraceMs, m_socket, [s = m_socket] { s->disconnectFromHost(); });
}

void ConnectionGuard::drain()
{
    m_socket->skip(m_socket->bytesAvailable());
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
}

void ConnectionGuard::onIdle()
{
    if (m_inFlight > 0) {
        m_idle.start();
        return;
    }
    m_socket->disconnectFromHost();
}

} // namespace flowviz::http
