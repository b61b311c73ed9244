#pragma once

#include "app/api/apiclient.h"
#include "app/cache/cacherefresher.h"
#include "app/cache/localcache.h"
#include "app/codes/lotcodegenerator.h"
#include "app/outbox/outbox.h"
#include "app/session/session.h"
#include "app/sync/syncengine.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace flowviz::test {

// The console's real app objects wired as the console wires them, over a real server: API
// client, session (logged in), local cache filled by a refresh, durable outbox, running sync
// engine and the lot-code generator. Nothing is faked.
struct PageConsole
{
    explicit PageConsole(const QUrl &serverUrl, const QString &workstation = QStringLiteral("01"));

    // Logs `username` in and refreshes the cache; false (with a reason in `error`) on failure.
    bool start(const QString &username, QString *error);
    bool refresh(QString *error);

    QTemporaryDir dir;
    QString workstationId;
    app::ApiClient api;
    std::unique_ptr<app::Session> session;
    std::unique_ptr<app::LocalCache> cache;
    std::unique_ptr<app::Outbox> outbox;
    std::unique_ptr<app::SyncEngine> sync;
    std::unique_ptr<app::LotCodeGenerator> codes;
    std::unique_ptr<app::CacheRefresher> refresher;
};

} // namespace flowviz::test
