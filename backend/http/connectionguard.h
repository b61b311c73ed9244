#pragma once

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace flowviz::http {

// Watches one connection's byte stream before QHttpServer parses it: refuses bodies over the
// size limit (413) and oversized or chunked requests without buffering them, and closes the
// connection after it has been idle for too long. QHttpServer 6.4 has neither safeguard.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        qint64 maxHeaderBytes = 64 * 1024;
        int idleTimeoutMs = 30000;
    };

    ConnectionGuard(QTcpSocket *socket, const Limits &limits);

    // Requests taken by the server whose responses have not been written yet; a connection
    // with work in flight is not idle.
    void requestStarted();
    void requestFinished();

    static ConnectionGuard *of(QTcpSocket *socket);

private:
    void onReadyRead();
    void feed(const QByteArray &chunk);
    bool inspectHeader(qsizetype headerEnd);
    void reject(int status, const QString &slug, const QString &title, const QString &detail);
    void drain();
    void onIdle();

    QTcpSocket *m_socket;
    Limits m_limits;
    QTimer m_idle;
    QByteArray m_header;        // bytes of the current request's header seen so far
    qint64 m_bodyRemaining = 0; // bytes of the current body still to come
    bool m_inBody = false;
    bool m_rejected = false;
    int m_inFlight = 0;
};

} // namespace flowviz::http
