#include "backend/api/ratelimiter.h"

namespace flowviz::api {

namespace {
constexpr qint64 kWindowMs = 60000;
}

int RateLimiter::hit(const QString &bucket, const QString &key, int limitPerMinute, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (nowMs - m_lastSweep > kWindowMs) {
        for (auto it = m_windows.begin(); it != m_windows.end();) {
            if (nowMs - it->start >= kWindowMs)
                it = m_windows.erase(it);
            else
                ++it;
        }
        m_lastSweep = nowMs;
    }
    Window &w = m_windows[bucket + u'\x1f' + key];
    if (nowMs - w.start >= kWindowMs) {
        w.start = nowMs;
        w.count = 0;
    }
    if (w.count >= limitPerMinute)
        return int((w.start + kWindowMs - nowMs + 999) / 1000);
    ++w.count;
    return 0;
}

} // namespace flowviz::api
