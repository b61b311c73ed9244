#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace flowviz::api {

// Fixed one-minute windows per (bucket, key) in this process. Used for per-user limits;
// the login limit, which must hold across replicas, is counted in PostgreSQL instead.
class RateLimiter
{
public:
    // Returns 0 when the call is allowed, else the seconds until the window resets.
    int hit(const QString &bucket, const QString &key, int limitPerMinute, qint64 nowMs);

private:
    struct Window
    {
        qint64 start = 0;
        int count = 0;
    };
    QMutex m_mutex;
    QHash<QString, Window> m_windows;
    qint64 m_lastSweep = 0;
};

} // namespace flowviz::api
