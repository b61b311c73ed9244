#include "session.h"

#include "api/apiclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace flowviz::app {

namespace {

// Re-check at least this often, so a wall clock that jumps (suspend, NTP) is noticed.
constexpr qint64 kMaxTimerMs = 60 * 1000;

} // namespace

Session::Session(ApiClient *api, const QString &storePath, QObject *parent)
    : QObject(parent), m_api(api), m_storePath(storePath), m_keys(signingKeysPath(storePath)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Session::checkExpiry);
    connect(m_api, &ApiClient::unauthorized, this, &Session::onUnauthorized);
}

QString Session::signingKeysPath(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("signing-keys.json"));
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
    return !m_token.isEmpty() && m_expiresAt.isValid() && now < m_expiresAt;
}

bool Session::restore()
{
    QFile f(m_storePath);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    const QByteArray token = o.value(QStringLiteral("token")).toString().toLatin1();
    SessionUser user;
    user.username = o.value(QStringLiteral("username")).toString();
    user.fullName = o.value(QStringLiteral("full_name")).toString();
    const auto role = roleFromString(o.value(QStringLiteral("role")).toString());
    const QDateTime expiresAt =
        QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    if (!user.username.isEmpty())
        m_lastUsername = user.username;
    if (token.isEmpty() || !role || !expiresAt.isValid() || m_clock() >= expiresAt) {
        clear(true);
        return false;
    }
    user.role = *role;
    setSession(token, user, expiresAt);
    return true;
}

void Session::login(const QString &username, const QString &password)
{
    m_loginInFlight = true;
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password}};
    m_api->post(QStringLiteral("/api/v1/auth/login"), body, this, [this](const ApiResult &r) {
        m_loginInFlight = false;
        if (!r.ok()) {
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
        // Kept before the session starts, so that signing works as soon as the user is in. An
        // answer without a key (an older server) keeps the one stored before.
        const QJsonValue sealed = o.value(QStringLiteral("signing_key"));
        if (sealed.isObject()) {
            const auto key = signing::SealedKey::fromJson(sealed.toObject());
            if (!key)
                qWarning("Session: the server sent a signing key the console cannot read.");
            else if (!m_keys.store(user.username, *key))
                qWarning("Session: the signing key cannot be stored in %s; signing offline "
                         "will not work.",
                         qPrintable(m_keys.path()));
        }
        setSession(token, user, expiresAt);
        emit loggedIn(m_user);
    });
}

void Session::logout()
{
    const bool had = !m_token.isEmpty();
    clear(true);
    if (had)
        emit loggedOut();
}

void Session::checkExpiry()
{
    if (m_token.isEmpty())
        return;
    if (isValid(m_clock())) {
        armTimer();
        return;
    }
    clear(true);
    emit expired();
}

void Session::onUnauthorized()
{
    // A failed login answers 401 too; that is reported through loginFailed().
    if (m_loginInFlight)
        return;
    clear(true);
    emit loginRequired();
}

void Session::setSession(const QByteArray &token, const SessionUser &user,
                         const QDateTime &expiresAt)
{
    m_token = token;
    m_user = user;
    m_expiresAt = expiresAt.toUTC();
    m_lastUsername = user.username;
    m_api->setToken(m_token);
    if (!save())
        qWarning("Session: the session cannot be stored in %s; a restart will need a new login.",
                 qPrintable(m_storePath));
    armTimer();
}

void Session::clear(bool keepUsername)
{
    if (!keepUsername)
        m_lastUsername.clear();
    if (m_api->token() == m_token)
        m_api->setToken({});
    m_token.clear();
    m_user = SessionUser();
    m_expiresAt = QDateTime();
    m_expiryTimer.stop();
    if (QFile::exists(m_storePath) && !QFile::remove(m_storePath))
        qWarning("Session: %s cannot be removed.", qPrintable(m_storePath));
}

bool Session::save() const
{
    const QFileInfo info(m_storePath);
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    QSaveFile f(m_storePath);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    // The token is a credential: readable by this account only, from the first byte on.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject o{{QStringLiteral("token"), QString::fromLatin1(m_token)},
                        {QStringLiteral("username"), m_user.username},
                        {QStringLiteral("full_name"), m_user.fullName},
                        {QStringLiteral("role"), toString(m_user.role)},
                        {QStringLiteral("expires_at"), m_expiresAt.toString(Qt::ISODateWithMs)}};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return f.commit();
}

void Session::armTimer()
{
    if (m_token.isEmpty()) {
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
        return tr("The server cannot be reached, so nobody can log in now. Check the network "
                  "and try again; a session already open here keeps working.");
    case ApiError::Kind::Tls:
        return tr("The server's certificate is not trusted. Ask IT to check the console's "
                  "certificate settings.");
    default:
        return tr("Login failed (%1). Try again; if it keeps failing, call IT.")
            .arg(error.summary());
    }
}

} // namespace flowviz::app
