#include "backend/ops/startupcheck.h"

#include "backend/ops/exitcodes.h"
#include "backend/ops/pgconnection.h"

#include "backend/db/dberror.h"
#include "backend/db/migrator.h"
#include "backend/db/pgsession.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

namespace flowviz::ops {

Q_LOGGING_CATEGORY(lcStartup, "flowviz.startup")

StartupCheck::Result StartupCheck::run(const ServerConfig &config)
{
    const db::DbSettings &settings = config.database;
    const QDeadlineTimer deadline(qint64(config.databaseWaitSeconds) * 1000);
    QString reason;
    bool warned = false;
    while (true) {
        const int timeout = int(std::clamp<qint64>((deadline.remainingTime() + 999) / 1000, 2, 5));
        if (const auto conn = PgConnection::open(settings, &reason, timeout)) {
            try {
                // PgSession's deadline also covers PgBouncer, which accepts the login and then
                // holds the first query while PostgreSQL is down.
                db::PgSession session(conn->handle());
                const int current = db::Migrator::currentVersion(session);
                const int latest = db::Migrator().latestVersion();
                if (current > latest)
                    return {exitcode::kSchemaTooNew,
                            db::Migrator::schemaTooNewMessage(current, latest), current};
                return {exitcode::kOk, {}, current};
            } catch (const db::DbError &e) {
                reason = QString::fromUtf8(e.what());
            }
        }
        if (deadline.hasExpired())
            break;
        if (!warned) {
            qCWarning(lcStartup).noquote()
                << QStringLiteral("waiting up to %1 s for the database at %2: %3")
                       .arg(config.databaseWaitSeconds)
                       .arg(settings.redactedUrl(), reason);
            warned = true;
        }
        QThread::msleep(
            quint64(std::min<qint64>(1000, std::max<qint64>(0, deadline.remainingTime()))));
    }
    return {exitcode::kDatabaseUnreachable,
            QStringLiteral("cannot connect to the database at %1 (tried for %2 s): %3; check that "
                           "PostgreSQL (and PgBouncer) run and that database/url is right")
                .arg(settings.redactedUrl())
                .arg(config.databaseWaitSeconds)
                .arg(reason),
            0};
}

} // namespace flowviz::ops
