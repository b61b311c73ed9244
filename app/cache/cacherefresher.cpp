#include "app/cache/cacherefresher.h"

#include "app/cache/localcache.h"

#include "app/api/apiclient.h"

#include <QJsonArray>

namespace flowviz::app {

CacheRefresher::CacheRefresher(ApiClient *api, LocalCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache)
{
    connect(&m_timer, &QTimer::timeout, this, &CacheRefresher::refresh);
}

void CacheRefresher::setAutoRefreshInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(milliseconds);
}

void CacheRefresher::refresh()
{
    if (m_outstanding > 0)
        return;
    m_firstError = ApiError();
    m_outstanding = 5;
    const auto items = [](const ApiResult &r) {
        return r.object().value(QStringLiteral("items")).toArray();
    };
    fetch(QStringLiteral("/api/v1/qc-gates"),
          [this, items](const ApiResult &r) { return m_cache->applyGates(items(r)); });
    fetch(QStringLiteral("/api/v1/lot-profiles"),
          [this, items](const ApiResult &r) { return m_cache->applyProfiles(items(r)); });
    fetch(QStringLiteral("/api/v1/lots?limit=%1").arg(qBound(1, m_lotLimit, 500)),
          [this, items](const ApiResult &r) { return m_cache->applyLots(items(r)); });
    fetch(QStringLiteral("/api/v1/production-runs?status=ACTIVE"),
          [this, items](const ApiResult &r) { return m_cache->applyRuns(items(r)); });
    fetch(QStringLiteral("/api/v1/suppliers?active=true"),
          [this, items](const ApiResult &r) { return m_cache->applySuppliers(items(r)); });
}

void CacheRefresher::fetch(const QString &path, const std::function<bool(const ApiResult &)> &apply)
{
    m_api->get(path, this, [this, apply](const ApiResult &r) {
        if (!r.ok()) {
            if (!m_firstError.isError())
                m_firstError = r.error;
        } else if (!r.object().value(QStringLiteral("items")).isArray() || !apply(r)) {
            if (!m_firstError.isError()) {
                m_firstError.kind = ApiError::Kind::BadResponse;
                m_firstError.status = r.status;
                m_firstError.detail = m_cache->errorString().isEmpty()
                                          ? tr("The server's answer has no list of items.")
                                          : m_cache->errorString();
            }
        }
        finishOne();
    });
}

void CacheRefresher::finishOne()
{
    if (--m_outstanding > 0)
        return;
    if (m_firstError.isError())
        emit failed(m_firstError);
    else
        emit refreshed();
}

} // namespace flowviz::app
