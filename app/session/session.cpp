#include "app/session/session.h"

#include "app/api/apiclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace flowviz::app {

namespace {

// Re-check at least this often, so a wall clock that jumps (suspend, NTP) is noticed.
constexpr qint64 kMaxTimerMs = 60 * 1000;

bool isUnreachable(const ApiError &error)
{
    return error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
           error.kind == ApiError::Kind::Unavailable;
}

} // namespace

Session::Session(ApiClient *api, const QString &storePath, QObject *parent)
    : QObject(parent), m_api(api), m_keys(signingKeysPath(storePath)),
      m_offlineLogins(offlineLoginsPath(storePath)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Session::checkExpiry);
    connect(m_api, &ApiClient::unauthorized, this, &Session::onUnauthorized);
    // A token an older version left on disk is never used again.
    if (QFileInfo(storePath).isFile() && !QFile::remove(storePath))
        qWarning("Session: %s cannot be removed.", qPrintable(storePath));
}

QString Session::signingKeysPath(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("signing-keys.json"));
}

QString Session::offlineLoginsPath(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("offline-logins.json"));
}

std::optional<signing::SealedKey> Session::signingKey(const QString &username) const
{
    return m_keys.key(username);
}

void Session::setClock(Clock clock)
{
    m_clock = std::move(clock);
    armTimer();
}

bool Session::isValid(const QDateTime &now) const
{
    return (!m_token.isEmpty() || m_offline) && m_expiresAt.isValid() && now < m_expiresAt;
}

void Session::login(const QString &username, const QString &password)
{
    m_loginInFlight = true;
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password}};
    m_api->post(
        QStringLiteral("/api/v1/auth/login"), body, this,
        [this, username, password](const ApiResult &r) {
            m_loginInFlight = false;
            if (!r.ok()) {
                if (isUnreachable(r.error))
                    loginOffline(username, password, r.error);
                else
                    emit loginFailed(r.error, loginErrorMessage(r.error));
                return;
            }
            const QJsonObject o = r.object();
            const QJsonObject u = o.value(QStringLiteral("user")).toObject();
            const QByteArray token = o.value(QStringLiteral("access_token")).toString().toLatin1();
            QDateTime expiresAt = QDateTime::fromString(
                o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
            if (!expiresAt.isValid() && o.value(QStringLiteral("expires_in")).isDouble())
                expiresAt = m_clock().addSecs(o.value(QStringLiteral("expires_in")).toInteger());
            const auto role = roleFromString(u.value(QStringLiteral("role")).toString());
            SessionUser user{u.value(QStringLiteral("username")).toString(),
                             u.value(QStringLiteral("full_name")).toString(),
                             role.value_or(Role::VIEWER)};
            if (token.isEmpty() || !expiresAt.isValid() || !role || user.username.isEmpty()) {
                ApiError e;
                e.kind = ApiError::Kind::BadResponse;
                e.status = r.status;
                e.detail = QStringLiteral("The login answer lacks the token, expiry or user.");
                emit loginFailed(e, loginErrorMessage(e));
                return;
            }
            // Kept before the session starts, so that signing works as soon as the user
            // is in. An answer without a key (an older server) keeps the one stored
            // before.
            const QJsonValue sealed = o.value(QStringLiteral("signing_key"));
            if (sealed.isObject()) {
                const auto key = signing::SealedKey::fromJson(sealed.toObject());
                if (!key)
                    qWarning("Session: the server sent a signing key the console cannot "
                             "read.");
                else if (!m_keys.store(user.username, *key))
                    qWarning("Session: the signing key cannot be stored in %s; signing "
                             "offline will not work.",
                             qPrintable(m_keys.path()));
            }
            // So that this user can log in here later while the server is away.
            const OfflineLogins::Entry entry{user.username,
                                             u.value(QStringLiteral("id")).toVariant().toString(),
                                             user.fullName, user.role, m_clock()};
            if (!m_offlineLogins.remember(entry, password))
                qWarning("Session: the offline login of %s cannot be stored in %s.",
                         qPrintable(user.username), qPrintable(m_offlineLogins.path()));
            setSession(token, user, expiresAt, false);
            emit loggedIn(m_user);
        });
}

void Session::loginOffline(const QString &username, const QString &password, const ApiError &error)
{
    const QDateTime now = m_clock();
    const OfflineLogins::Check check =
        m_offlineWindowSeconds > 0
            ? m_offlineLogins.check(username, password, now, m_offlineWindowSeconds)
            : OfflineLogins::Check{OfflineLogins::Outcome::TooLongAgo, std::nullopt};
    const QString name = check.entry ? check.entry->username : username.trimmed();
    const int days = int(qMax<qint64>(1, m_offlineWindowSeconds / (24 * 3600)));
    switch (check.outcome) {
    case OfflineLogins::Outcome::Accepted: {
        const OfflineLogins::Entry &e = *check.entry;
        // The user whose online session is still open here (the screen was locked) keeps it,
        // token and all.
        if (!m_token.isEmpty() && isValid(now) &&
            m_user.username.compare(e.username, Qt::CaseInsensitive) == 0) {
            emit loggedIn(m_user);
            return;
        }
        setSession({}, SessionUser{e.username, e.fullName, e.role},
                   now.addSecs(kOfflineSessionSeconds), true);
        emit loggedIn(m_user);
        return;
    }
    case OfflineLogins::Outcome::NeverHere:
        emit loginFailed(error, tr("The server cannot be reached, and %1 has never logged in at "
                                   "this workstation, so the password cannot be checked here. "
                                   "Log in at a workstation you have used before, or wait until "
                                   "the server can be reached.")
                                    .arg(name));
        return;
    case OfflineLogins::Outcome::TooLongAgo:
        emit loginFailed(error, tr("The server cannot be reached, and %1 last logged in at this "
                                   "workstation more than %2 days ago, too long ago to log in "
                                   "without the server. Wait until the server can be reached, or "
                                   "call IT.")
                                    .arg(name)
                                    .arg(days));
        return;
    case OfflineLogins::Outcome::WrongPassword:
        emit loginFailed(error, tr("The password is wrong. The server cannot be reached, so it "
                                   "was checked against the password of %1's last login at this "
                                   "workstation. Check it and try again.")
                                    .arg(name));
        return;
    case OfflineLogins::Outcome::Unreadable:
        break;
    }
    emit loginFailed(error, tr("The server cannot be reached, and this workstation's record of "
                               "%1's last login cannot be read, so nobody can check the password "
                               "here. Wait until the server can be reached, or call IT.")
                                .arg(name));
}

void Session::adopt(const QByteArray &token, const SessionUser &user, const QDateTime &expiresAt)
{
    if (token.isEmpty() || user.username.isEmpty() || !expiresAt.isValid())
        return;
    setSession(token, user, expiresAt, false);
    emit loggedIn(m_user);
}

void Session::logout()
{
    const bool had = !m_token.isEmpty() || m_offline;
    clear(true);
    if (had)
        emit loggedOut();
}

void Session::checkExpiry()
{
    if (m_token.isEmpty() && !m_offline)
        return;
    if (isValid(m_clock())) {
        armTimer();
        return;
    }
    clear(true);
    emit expired();
}

void Session::serverReachable()
{
    if (!m_offline || m_onlinePrompted || !isValid())
        return;
    m_onlinePrompted = true;
    emit onlineLoginRequired();
}

void Session::onUnauthorized()
{
    // A failed login answers 401 too; that is reported through loginFailed().
    if (m_loginInFlight)
        return;
    // Nobody has logged in yet (e.g. a cache refresh at start-up): no session has ended, the
    // login page is already what is shown.
    if (m_token.isEmpty() && !m_offline)
        return;
    // Without a token every call is refused: the server is back, and this user's password is
    // needed for one. The offline session goes on meanwhile.
    if (m_offline) {
        serverReachable();
        return;
    }
    clear(true);
    emit loginRequired();
}

void Session::setSession(const QByteArray &token, const SessionUser &user,
                         const QDateTime &expiresAt, bool offline)
{
    m_token = token;
    m_offline = offline;
    m_onlinePrompted = false;
    m_user = user;
    m_expiresAt = expiresAt.toUTC();
    m_lastUsername = user.username;
    // An offline session sets no token: the previous user's must not stay in use.
    m_api->setToken(m_token);
    armTimer();
}

void Session::clear(bool keepUsername)
{
    if (!keepUsername)
        m_lastUsername.clear();
    if (m_api->token() == m_token)
        m_api->setToken({});
    m_token.clear();
    m_offline = false;
    m_onlinePrompted = false;
    m_user = SessionUser();
    m_expiresAt = QDateTime();
    m_expiryTimer.stop();
}

void Session::armTimer()
{
    if (m_token.isEmpty() && !m_offline) {
        m_expiryTimer.stop();
        return;
    }
    const qint64 remaining = m_clock().msecsTo(m_expiresAt);
    m_expiryTimer.start(int(qBound<qint64>(0, remaining, kMaxTimerMs)));
}

QString Session::loginErrorMessage(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Unauthorized:
        return error.detail.contains(QStringLiteral("disabled"))
                   ? tr("This account is disabled. Ask an administrator.")
                   : tr("The user name or password is wrong. Check them and try again.");
    case ApiError::Kind::RateLimited:
        return tr("Too many login attempts. Wait a minute and try again.");
    case ApiError::Kind::Validation:
        return tr("Enter a user name and a password.");
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Unavailable:
        return tr("The server cannot be reached. Check the network and try again.");
    case ApiError::Kind::Tls:
        return tr("The server's certificate is not trusted. Ask IT to check the console's "
                  "certificate settings.");
    default:
        return tr("Login failed (%1). Try again; if it keeps failing, call IT.")
            .arg(error.summary());
    }
}

} // namespace flowviz::app
