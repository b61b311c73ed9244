#pragma once

#include "backend/db/dbsettings.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace flowviz {

struct RateLimits
{
    bool enabled = true;
    int loginPerMinute = 10;        // per client address and per user name
    int writesPerMinute = 100;      // per user
    int lotReadsPerMinute = 200;    // per user
    int traceabilityPerMinute = 50; // per user

    // "off", or comma-separated key=value pairs: login, writes, lot_reads, traceability.
    static std::optional<RateLimits> parse(const QString &text, QString *error);
};

// Everything flowviz-server is configured with. Each value comes from the command line, else
// a FLOWVIZ_* environment variable, else the INI file, else the default.
struct ServerConfig
{
    db::DbSettings database;
    QString databaseUrl;
    // PostgreSQL itself (not PgBouncer) for backup and restore; the database URL by default.
    db::DbSettings backupDatabase;
    QString backupDatabaseUrl;
    QString pgBinDir;             // where pg_dump, pg_restore and psql are, if not found
    int databaseWaitSeconds = 10; // how long serve/migrate wait for the database at start
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8000;
    QByteArray jwtSecret;
    int tokenLifetimeSeconds = 12 * 3600;
    RateLimits rateLimits;
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutSeconds = 30;
    // After SIGTERM or SIGINT, how long requests in flight may take to finish and be answered.
    int shutdownGraceSeconds = 20;
    int drainDelaySeconds = 0; // /ready answers 503 this long before the drain begins
    int traceMaxNodes = 5000;
    int traceMaxDepth = 50;
    bool migrateOnStart = true;
    QString plantTimeZone = QStringLiteral("Europe/Budapest");

    // Adds every option to the parser (so --help lists them).
    static void addOptions(QCommandLineParser &parser);
    // Resolves options, environment and INI file. `needSecret` is false for commands that
    // do not sign tokens (migrate, user ...).
    static std::optional<ServerConfig> resolve(const QCommandLineParser &parser, bool needSecret,
                                               QString *error);
};

} // namespace flowviz
