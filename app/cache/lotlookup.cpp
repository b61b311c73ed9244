#include "app/cache/lotlookup.h"

#include "app/api/apiclient.h"

#include "domain/validation.h"

#include <QPointer>
#include <QUrl>

namespace flowviz::app {

namespace {

LotLookupResult fromCache(LocalCache *cache, const QString &code)
{
    LotLookupResult r;
    r.code = code;
    r.lot = cache ? cache->lot(code) : std::nullopt;
    if (r.lot)
        r.source = r.lot->pendingRegistration ? LotLookupResult::Source::Workstation
                                              : LotLookupResult::Source::Cache;
    return r;
}

} // namespace

void lookupLot(ApiClient *api, LocalCache *cache, const QString &code, bool online,
               QObject *context, std::function<void(const LotLookupResult &)> done)
{
    const QString normalized = rules::normalizeLotCode(code);
    if (normalized.isEmpty() || rules::checkLotCode(normalized)) {
        LotLookupResult r;
        r.code = normalized;
        r.invalidCode = true;
        done(r);
        return;
    }
    if (!api || !online) {
        done(fromCache(cache, normalized));
        return;
    }
    const QPointer<LocalCache> guard(cache);
    api->get(QStringLiteral("/api/v1/lots/") +
                 QString::fromUtf8(QUrl::toPercentEncoding(normalized)),
             context, [guard, normalized, done](const ApiResult &result) {
                 LocalCache *c = guard.data();
                 if (result.ok() && c) {
                     c->applyLot(result.object());
                     LotLookupResult r = fromCache(c, normalized);
                     r.serverAsked = true;
                     // A status decided here and not yet synced still shows as pending.
                     if (r.lot && !r.lot->pendingRegistration)
                         r.source = LotLookupResult::Source::Server;
                     done(r);
                     return;
                 }
                 LotLookupResult r = fromCache(c, normalized);
                 r.serverAsked = true;
                 if (result.error.kind == ApiError::Kind::NotFound &&
                     r.source != LotLookupResult::Source::Workstation) {
                     // The server does not know it: a cached copy is no reason to act on it.
                     r.lot.reset();
                     r.source = LotLookupResult::Source::Nowhere;
                     r.notRegistered = true;
                 }
                 done(r);
             });
}

} // namespace flowviz::app
