#pragma once

#include "app/api/apierror.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace flowviz::app {

class ApiClient;
struct ApiResult;
class LocalCache;

// Fetches the reference data offline work needs (QC gates, lot profiles, recent lots, active
// production runs) and applies it to a LocalCache. When the server cannot be reached the
// cache keeps what it has; LocalCache::lastRefreshed() tells how old that is.
class CacheRefresher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultRecentLots = 200;

    CacheRefresher(ApiClient *api, LocalCache *cache, QObject *parent = nullptr);

    void setRecentLotLimit(int limit) { m_lotLimit = limit; }
    int recentLotLimit() const { return m_lotLimit; }
    // Refreshes every `milliseconds` (0 stops it). The first refresh is not started here.
    void setAutoRefreshInterval(int milliseconds);
    bool isRefreshing() const { return m_outstanding > 0; }

public slots:
    // Fetches all five sections at once. A call while one is running is ignored.
    void refresh();

signals:
    void refreshed();
    // The first error of a refresh; sections that did arrive were still applied.
    void failed(const flowviz::app::ApiError &error);

private:
    void fetch(const QString &path, const std::function<bool(const ApiResult &)> &apply);
    void finishOne();

    ApiClient *m_api;
    LocalCache *m_cache;
    QTimer m_timer;
    int m_lotLimit = kDefaultRecentLots;
    int m_outstanding = 0;
    ApiError m_firstError;
};

} // namespace flowviz::app
