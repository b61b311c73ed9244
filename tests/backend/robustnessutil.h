#pragma once

// Helpers for the robustness suites: raw HTTP over QTcpSocket (for requests a well-behaved
// client never sends), process memory, and the fixture's PostgreSQL data directory.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpSocket>

#include <functional>
#include <optional>

namespace flowviz::test {

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    qint64 elapsedMs = 0; // from the connection's last send() to the complete response

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QJsonObject json() const;
};

// One blocking HTTP/1.1 connection to 127.0.0.1.
class RawConnection
{
public:
    explicit RawConnection(quint16 port, int timeoutMs = 5000);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Writes everything and waits until it left the socket; false when the peer is gone.
    bool send(const QByteArray &data, int timeoutMs = 5000);
    // Reads one response (header plus Content-Length body, none for HEAD); nullopt on timeout
    // or close.
    std::optional<RawResponse> readResponse(int timeoutMs = 10000, bool toHead = false);
    // Waits until the server closes the connection; true when it did within the time.
    bool waitClosed(int timeoutMs);
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_sinceSend;
};

// "METHOD PATH HTTP/1.1" with Host, the given headers and, when there is a body,
// Content-Length (unless the headers already name one).
QByteArray rawRequest(const QByteArray &method, const QByteArray &path,
                      const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      const QByteArray &body = {});

// One keep-alive HTTP/1.1 connection driven by the event loop, one request at a time, and no
// retries of its own: QNetworkAccessManager sends a request again on a new connection when the
// first one closes without an answer, which would blur what the server answered to what.
class AsyncConnection : public QObject
{
public:
    static constexpr int kNoAnswer = 0; // the connection closed before a complete answer
    static constexpr int kRefused = -1; // the connection was refused: the request never left

    explicit AsyncConnection(quint16 port);

    // `done` gets the status of the answer (kNoAnswer or kRefused when there is none) and its
    // body; it is called from the event loop, never from inside send().
    void send(const QByteArray &request, std::function<void(int, const QByteArray &)> done);

private:
    void onReadyRead();
    void finish(int status, const QByteArray &body = {});

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_request;
    QByteArray m_in;
    std::function<void(int, const QByteArray &)> m_done;
    bool m_reconnect = false;
};

// Resident memory of a process in KiB (VmRSS from /proc), or -1.
qint64 residentKiB(qint64 pid);

// A value from the fixture's env file (FLOWVIZ_TEST_ENV_FILE), e.g. FLOWVIZ_TEST_PG_DIR.
QString fixtureValue(const QByteArray &key);

} // namespace flowviz::test
