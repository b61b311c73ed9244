#include "backend/config/serverconfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QTimeZone>

namespace flowviz {

namespace {

struct Option
{
    const char *name; // command line, without dashes
    const char *env;  // environment variable
    const char *ini;  // INI key
    const char *valueName;
    const char *help;
};

constexpr Option kOptions[] = {
    {"config", "FLOWVIZ_CONFIG", nullptr, "file", "INI file with further settings."},
    {"database-url", "FLOWVIZ_DATABASE_URL", "database/url", "url",
     "PostgreSQL URI, e.g. postgresql://flowviz:secret@127.0.0.1:6432/flowviz."},
    {"backup-database-url", "FLOWVIZ_BACKUP_DATABASE_URL", "database/backup_url", "url",
     "PostgreSQL URI for backup and restore, straight to PostgreSQL rather than PgBouncer "
     "(default: the database URL)."},
    {"database-wait", "FLOWVIZ_DATABASE_WAIT", "database/wait_seconds", "seconds",
     "How long serve and migrate wait for the database at start before giving up (default 10)."},
    {"pg-bindir", "FLOWVIZ_PG_BINDIR", "backup/pg_bindir", "dir",
     "Directory of pg_dump, pg_restore and psql (default: PATH, then /usr/lib/postgresql/*/bin)."},
    {"listen", "FLOWVIZ_LISTEN", "server/listen", "host:port",
     "Address to serve HTTP on (default 127.0.0.1:8000)."},
    {"jwt-secret-file", "FLOWVIZ_JWT_SECRET_FILE", "auth/jwt_secret_file", "file",
     "File holding the token signing secret (at least 32 bytes). FLOWVIZ_JWT_SECRET may hold "
     "the secret itself."},
    {"token-lifetime", "FLOWVIZ_TOKEN_LIFETIME", "auth/token_lifetime", "seconds",
     "Access token lifetime (default 43200, one 12-hour shift)."},
    {"rate-limits", "FLOWVIZ_RATE_LIMITS", "server/rate_limits", "spec",
     "\"off\", or per-minute limits such as login=10,writes=100,lot_reads=200,traceability=50."},
    {"pool-size", "FLOWVIZ_POOL_SIZE", "database/pool_size", "n",
     "Database connections (default 25)."},
    {"pool-overflow", "FLOWVIZ_POOL_OVERFLOW", "database/pool_overflow", "n",
     "Extra connections under load (default 10)."},
    {"pool-recycle", "FLOWVIZ_POOL_RECYCLE", "database/pool_recycle", "seconds",
     "Reopen connections older than this (default 3600)."},
    {"pool-timeout", "FLOWVIZ_POOL_TIMEOUT", "database/pool_timeout", "seconds",
     "Answer 503 when no connection is free within this time (default 30)."},
    {"max-body-bytes", "FLOWVIZ_MAX_BODY_BYTES", "server/max_body_bytes", "bytes",
     "Largest accepted request body (default 1048576)."},
    {"idle-timeout", "FLOWVIZ_IDLE_TIMEOUT", "server/idle_timeout", "seconds",
     "Close connections idle this long (default 30)."},
    {"drain-delay", "FLOWVIZ_DRAIN_DELAY", "server/drain_delay", "seconds",
     "On SIGTERM or SIGINT, first answer /ready alone with 503 for this long while serving "
     "every other request, so that a load balancer takes the server out of its pool before "
     "anything is refused; then the shutdown grace period (default 0)."},
    {"shutdown-grace", "FLOWVIZ_SHUTDOWN_GRACE", "server/shutdown_grace", "seconds",
     "On SIGTERM or SIGINT, refuse new requests (503) and give those in flight this long to "
     "finish before stopping anyway (default 20)."},
    {"trace-max-nodes", "FLOWVIZ_TRACE_MAX_NODES", "traceability/max_nodes", "n",
     "Most lots one traceability answer returns (default 5000)."},
    {"plant-time-zone", "FLOWVIZ_PLANT_TIME_ZONE", "server/plant_time_zone", "zone",
     "IANA time zone of the plant (default Europe/Budapest)."},
    {"skip-migrations", "FLOWVIZ_SKIP_MIGRATIONS", nullptr, nullptr,
     "Do not apply database migrations at start-up."},
};

class Lookup
{
public:
    Lookup(const QCommandLineParser &parser, const QSettings *ini) : m_parser(parser), m_ini(ini) {}

    std::optional<QString> value(const Option &o) const
    {
        if (m_parser.isSet(QString::fromLatin1(o.name)))
            return o.valueName ? m_parser.value(QString::fromLatin1(o.name)) : QStringLiteral("1");
        const QByteArray env = qgetenv(o.env);
        if (!env.isEmpty())
            return QString::fromLocal8Bit(env);
        if (m_ini && o.ini && m_ini->contains(QString::fromLatin1(o.ini))) {
            // QSettings reads an unquoted value with commas as a list: join it back.
            const QVariant v = m_ini->value(QString::fromLatin1(o.ini));
            if (v.metaType().id() == QMetaType::QStringList)
                return v.toStringList().join(u',');
            return v.toString();
        }
        return std::nullopt;
    }

    std::optional<QString> value(const char *name) const
    {
        for (const Option &o : kOptions) {
            if (qstrcmp(o.name, name) == 0)
                return value(o);
        }
        return std::nullopt;
    }

private:
    const QCommandLineParser &m_parser;
    const QSettings *m_ini;
};

bool readInt(const Lookup &l, const char *name, int min, int max, int &target, QString *error)
{
    const auto v = l.value(name);
    if (!v)
        return true;
    bool ok = false;
    const int n = v->toInt(&ok);
    if (!ok || n < min || n > max) {
        *error = QStringLiteral("--%1 must be a whole number from %2 to %3, not \"%4\"")
                     .arg(QLatin1String(name))
                     .arg(min)
                     .arg(max)
                     .arg(*v);
        return false;
    }
    target = n;
    return true;
}

// The database (and the one backups read), and where the PostgreSQL tools are.
bool readDatabases(const Lookup &l, ServerConfig &c, QString *error)
{
    const auto url = l.value("database-url");
    if (!url) {
        *error = QStringLiteral("no database configured: pass --database-url or set "
                                "FLOWVIZ_DATABASE_URL");
        return false;
    }
    QString urlError;
    const auto db = db::DbSettings::fromUrl(*url, &urlError);
    if (!db) {
        *error = urlError;
        return false;
    }
    c.database = *db;
    c.databaseUrl = *url;
    c.backupDatabase = *db;
    c.backupDatabaseUrl = *url;
    if (const auto backupUrl = l.value("backup-database-url")) {
        const auto backupDb = db::DbSettings::fromUrl(*backupUrl, &urlError);
        if (!backupDb) {
            *error = QStringLiteral("backup database URL: ") + urlError;
            return false;
        }
        c.backupDatabase = *backupDb;
        c.backupDatabaseUrl = *backupUrl;
    }
    if (const auto bindir = l.value("pg-bindir"))
        c.pgBinDir = *bindir;
    return true;
}

// --listen host:port.
bool readListen(const Lookup &l, ServerConfig &c, QString *error)
{
    if (const auto listen = l.value("listen")) {
        const qsizetype colon = listen->lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? listen->mid(colon + 1).toInt(&ok) : 0;
        QString host = colon > 0 ? listen->left(colon) : QString();
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
        if (!ok || port < 0 || port > 65535 || address.isNull()) {
            *error = QStringLiteral("--listen must be host:port, e.g. 127.0.0.1:8000, not \"%1\"")
                         .arg(*listen);
            return false;
        }
        c.listenAddress = address;
        c.listenPort = quint16(port);
    }
    return true;
}

// The JWT secret: from a file or the environment.
bool readSecret(const Lookup &l, ServerConfig &c, bool needSecret, QString *error)
{
    if (const auto file = l.value("jwt-secret-file")) {
        QFile f(*file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the JWT secret file %1").arg(*file);
            return false;
        }
        c.jwtSecret = f.readAll().trimmed();
    } else {
        c.jwtSecret = qgetenv("FLOWVIZ_JWT_SECRET");
    }
    if (needSecret && c.jwtSecret.size() < 32) {
        *error = QStringLiteral("the JWT secret must be at least 32 bytes: pass --jwt-secret-file "
                                "or set FLOWVIZ_JWT_SECRET");
        return false;
    }
    return true;
}

// Requests per minute per bucket.
bool readRateLimits(const Lookup &l, ServerConfig &c, QString *error)
{
    if (const auto rl = l.value("rate-limits")) {
        QString rlError;
        const auto parsed = RateLimits::parse(*rl, &rlError);
        if (!parsed) {
            *error = rlError;
            return false;
        }
        c.rateLimits = *parsed;
    }
    return true;
}

// Every numeric setting, each within its range.
bool readNumbers(const Lookup &l, ServerConfig &c, QString *error)
{
    int maxBody = int(c.maxBodyBytes);
    if (!readInt(l, "token-lifetime", 60, 7 * 24 * 3600, c.tokenLifetimeSeconds, error) ||
        !readInt(l, "pool-size", 1, 500, c.database.poolSize, error) ||
        !readInt(l, "pool-overflow", 0, 500, c.database.maxOverflow, error) ||
        !readInt(l, "pool-recycle", 1, 86400 * 7, c.database.recycleSeconds, error) ||
        !readInt(l, "pool-timeout", 1, 3600, c.database.timeoutSeconds, error) ||
        !readInt(l, "max-body-bytes", 1024, 64 * 1024 * 1024, maxBody, error) ||
        !readInt(l, "idle-timeout", 1, 3600, c.idleTimeoutSeconds, error) ||
        !readInt(l, "shutdown-grace", 0, 3600, c.shutdownGraceSeconds, error) ||
        !readInt(l, "drain-delay", 0, 300, c.drainDelaySeconds, error) ||
        !readInt(l, "trace-max-nodes", 10, 1000000, c.traceMaxNodes, error) ||
        !readInt(l, "database-wait", 0, 3600, c.databaseWaitSeconds, error))
        return false;
    c.maxBodyBytes = maxBody;
    return true;
}

// The plant's IANA time zone.
bool readPlantZone(const Lookup &l, ServerConfig &c, QString *error)
{
    if (const auto tz = l.value("plant-time-zone")) {
        // Stats buckets follow this zone: an unknown name must stop the server at start, not
        // fail every supervisor request later.
        if (!QTimeZone::isTimeZoneIdAvailable(tz->trimmed().toUtf8())) {
            *error = QStringLiteral("plant time zone \"%1\" is not a known IANA time zone "
                                    "(e.g. Europe/Budapest)")
                         .arg(*tz);
            return false;
        }
        c.plantTimeZone = tz->trimmed();
    }
    return true;
}

// Whether the server migrates the schema at start.
bool readSkipMigrations(const Lookup &l, ServerConfig &c, QString *error)
{
    if (const auto skip = l.value("skip-migrations")) {
        const QString v = skip->trimmed().toLower();
        const bool yes = v == u"1" || v == u"true" || v == u"yes" || v == u"on";
        const bool no = v == u"0" || v == u"false" || v == u"no" || v == u"off";
        if (!yes && !no) {
            *error =
                QStringLiteral(
                    "FLOWVIZ_SKIP_MIGRATIONS must be 1/true/yes/on or 0/false/no/off, not \"%1\"")
                    .arg(*skip);
            return false;
        }
        c.migrateOnStart = !yes;
    }
    return true;
}

} // namespace

std::optional<RateLimits> RateLimits::parse(const QString &text, QString *errorOut)
{
    QString ignored;
    QString *error = errorOut ? errorOut : &ignored;
    RateLimits r;
    const QString t = text.trimmed().toLower();
    if (t == u"off" || t == u"false" || t == u"0") {
        r.enabled = false;
        return r;
    }
    if (t.isEmpty() || t == u"on")
        return r;
    for (const QString &part : t.split(u',', Qt::SkipEmptyParts)) {
        const auto kv = part.split(u'=');
        bool ok = false;
        const int n = kv.size() == 2 ? kv[1].trimmed().toInt(&ok) : 0;
        if (!ok || n <= 0) {
            *error =
                QStringLiteral("rate limit \"%1\" must look like name=N with N above 0").arg(part);
            return std::nullopt;
        }
        const QString key = kv[0].trimmed();
        if (key == u"login")
            r.loginPerMinute = n;
        else if (key == u"writes")
            r.writesPerMinute = n;
        else if (key == u"lot_reads")
            r.lotReadsPerMinute = n;
        else if (key == u"traceability")
            r.traceabilityPerMinute = n;
        else {
            *error = QStringLiteral("unknown rate limit \"%1\" (known: login, writes, lot_reads, "
                                    "traceability)")
                         .arg(key);
            return std::nullopt;
        }
    }
    return r;
}

void ServerConfig::addOptions(QCommandLineParser &parser)
{
    for (const Option &o : kOptions) {
        QString help =
            QString::fromLatin1(o.help) + QStringLiteral(" [env %1").arg(QLatin1String(o.env));
        if (o.ini)
            help += QStringLiteral(", ini %1").arg(QLatin1String(o.ini));
        help += u']';
        if (o.valueName)
            parser.addOption({QString::fromLatin1(o.name), help, QString::fromLatin1(o.valueName)});
        else
            parser.addOption({QString::fromLatin1(o.name), help});
    }
}

std::optional<ServerConfig> ServerConfig::resolve(const QCommandLineParser &parser, bool needSecret,
                                                  QString *errorOut)
{
    QString ignored;
    QString *error = errorOut ? errorOut : &ignored;
    const Lookup bootstrap(parser, nullptr);
    std::unique_ptr<QSettings> ini;
    if (const auto file = bootstrap.value("config")) {
        if (!QFile::exists(*file)) {
            *error = QStringLiteral("configuration file %1 does not exist").arg(*file);
            return std::nullopt;
        }
        ini = std::make_unique<QSettings>(*file, QSettings::IniFormat);
        if (ini->status() != QSettings::NoError) {
            *error = QStringLiteral("configuration file %1 cannot be read").arg(*file);
            return std::nullopt;
        }
    }
    const Lookup l(parser, ini.get());
    ServerConfig c;
    if (!readDatabases(l, c, error) || !readListen(l, c, error) ||
        !readSecret(l, c, needSecret, error) || !readRateLimits(l, c, error) ||
        !readNumbers(l, c, error) || !readPlantZone(l, c, error) ||
        !readSkipMigrations(l, c, error))
        return std::nullopt;
    return c;
}

} // namespace flowviz
