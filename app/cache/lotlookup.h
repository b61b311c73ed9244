#pragma once

#include "app/cache/localcache.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace flowviz::app {

class ApiClient;

// What a lookup of a scanned lot code found, and how fresh it is.
struct LotLookupResult
{
    enum class Source
    {
        Server,      // the server's answer, just now (the cache was updated with it)
        Workstation, // registered here and not yet on the server
        Cache,       // the server could not be asked or did not answer: as last known here
        Nowhere      // not registered, or not known here while the server cannot be asked
    };

    QString code; // normalised
    Source source = Source::Nowhere;
    std::optional<CachedLot> lot;
    bool invalidCode = false;   // not a lot code at all
    bool notRegistered = false; // the server said so
    bool serverAsked = false;   // a request was made (it may have failed)

    bool found() const { return lot.has_value(); }
};

// Looks a scanned lot up where its status is current: on the server when `online` (the answer
// goes into the cache), else, or when the server does not answer, in the local cache. A lot
// registered here and still queued is found in the cache. `done` runs on the caller's thread,
// at once when no request is made; never after `context` is destroyed.
void lookupLot(ApiClient *api, LocalCache *cache, const QString &code, bool online,
               QObject *context, std::function<void(const LotLookupResult &)> done);

} // namespace flowviz::app
