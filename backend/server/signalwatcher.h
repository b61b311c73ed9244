#pragma once

#include <QObject>

class QSocketNotifier;

namespace flowviz::server {

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe: the handler only writes a
// byte, which is async-signal-safe; the event loop does the rest.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested();

private:
    static void handle(int signal);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace flowviz::server
