#include "tests/backend/robustnessutil.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>

namespace flowviz::test {

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

AsyncConnection::AsyncConnection(quint16 port) : m_port(port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_request); });
    connect(&m_socket, &QTcpSocket::readyRead, this, &AsyncConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { finish(kNoAnswer); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](auto error) {
        finish(error == QAbstractSocket::ConnectionRefusedError ? kRefused : kNoAnswer);
    });
}

void AsyncConnection::send(const QByteArray &request,
                           std::function<void(int, const QByteArray &)> done)
{
    const bool reuse = m_socket.state() == QAbstractSocket::ConnectedState && !m_reconnect;
    if (!reuse) {
        // Before the new request is taken: abort() reports the old connection's end (through
        // disconnected()) at once, which must not answer the new one.
        m_done = nullptr;
        m_reconnect = false;
        m_socket.abort();
    }
    m_request = request;
    m_in.clear();
    m_done = std::move(done);
    if (reuse)
        m_socket.write(m_request);
    else
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
}

void AsyncConnection::onReadyRead()
{
    m_in += m_socket.readAll();
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0 || !m_done)
        return;
    const QList<QByteArray> lines = m_in.left(end).split('\n');
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed().toLower();
        if (line.startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
        else if (line == "connection: close")
            m_reconnect = true;
    }
    if (m_in.size() < end + 4 + length)
        return;
    finish(lines.value(0).split(' ').value(1).toInt(), m_in.mid(end + 4, length));
}

void AsyncConnection::finish(int status, const QByteArray &body)
{
    if (!m_done)
        return;
    if (status <= 0)
        m_reconnect = true;
    QMetaObject::invokeMethod(
        this, [done = std::move(m_done), status, body] { done(status, body); },
        Qt::QueuedConnection);
    m_done = nullptr;
}

RawConnection::RawConnection(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(timeoutMs);
    m_sinceSend.start();
}

bool RawConnection::send(const QByteArray &data, int timeoutMs)
{
    m_sinceSend.start();
    if (!isConnected())
        return false;
    if (m_socket.write(data) != data.size())
        return false;
    QElapsedTimer t;
    t.start();
    while (m_socket.bytesToWrite() > 0) {
        if (!isConnected() || t.elapsed() > timeoutMs)
            return false;
        m_socket.waitForBytesWritten(100);
    }
    return true;
}

std::optional<RawResponse> RawConnection::readResponse(int timeoutMs, bool toHead)
{
    QElapsedTimer t;
    t.start();
    while (true) {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            RawResponse r;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            r.status = statusLine.value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                     lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = toHead ? 0 : r.header("content-length").toLongLong();
            if (m_buffer.size() >= end + 4 + length) {
                r.body = m_buffer.mid(end + 4, length);
                m_buffer.remove(0, end + 4 + length);
                r.elapsedMs = m_sinceSend.elapsed();
                return r;
            }
        }
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0)
            return std::nullopt;
        if (!m_socket.waitForReadyRead(int(std::min<qint64>(left, 200))) &&
            m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            return std::nullopt;
    }
}

bool RawConnection::waitClosed(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        m_socket.waitForReadyRead(50);
        m_buffer += m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &path,
                      const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        hasLength = hasLength || name.toLower() == "content-length";
    }
    if (!body.isEmpty() && !hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

qint64 residentKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString fixtureValue(const QByteArray &key)
{
    QFile f(qEnvironmentVariable("FLOWVIZ_TEST_ENV_FILE"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key + '='))
            return QString::fromUtf8(line.mid(key.size() + 1)).trimmed();
    }
    return {};
}

} // namespace flowviz::test
