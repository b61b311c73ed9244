#pragma once

#include "app/api/apierror.h"
#include "app/session/offlinelogins.h"
#include "app/session/signingkeystore.h"

#include "domain/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace flowviz::app {

class ApiClient;

// Who is logged in at this workstation.
struct SessionUser
{
    QString username;
    QString fullName;
    Role role = Role::VIEWER;
    bool operator==(const SessionUser &) const = default;
};

// The operator's session: a shift-long token from POST /auth/login, held in memory only, so
// closing or restarting the console ends it (a bearer token on disk would let the next person
// at the workstation, or anyone who copies the file, act as the last user).
//
// Workstations are shared. Every online login leaves a local password verifier for its user
// (OfflineLogins, offline-logins.json), so that while the server cannot be reached anyone who
// logged in online here within the offline-login window logs in with their own password. Such an
// offline session has no token: the work goes to the outbox, which records the operator, and the
// sync engine sends an item only under its own operator's token. When the server answers again,
// onlineLoginRequired() asks the user for the password once more to get a token; no password or
// token is kept for that (see docs/security.md). The sealed signing key each login hands out is
// kept apart (signing-keys.json, owner-only) so that the user can sign decisions offline.
class Session : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    static constexpr int kDefaultOfflineLoginDays = 7;
    // An offline session lasts a shift at most, like a token.
    static constexpr qint64 kOfflineSessionSeconds = 12 * 3600;

    // `storePath` names a file in the folder where the session's files live (signing-keys.json,
    // offline-logins.json). Older versions kept the token in it: such a file is deleted.
    Session(ApiClient *api, const QString &storePath, QObject *parent = nullptr);

    static QString signingKeysPath(const QString &storePath);
    static QString offlineLoginsPath(const QString &storePath);

    void setClock(Clock clock);
    // How long after a user's last online login here they may log in offline (0: never).
    void setOfflineLoginWindow(qint64 seconds)
    {
        m_offlineWindowSeconds = qMax<qint64>(0, seconds);
    }
    qint64 offlineLoginWindow() const { return m_offlineWindowSeconds; }

    // Asynchronous: ends in loggedIn() or loginFailed(). When the server cannot be reached the
    // password is checked against this workstation's verifier instead (an offline session).
    void login(const QString &username, const QString &password);
    // Starts a session with a token obtained elsewhere (tools and tests), as a login would.
    void adopt(const QByteArray &token, const SessionUser &user, const QDateTime &expiresAt);
    // Forgets the token; switching operator is logout() then login().
    void logout();
    // Re-checks the expiry against the clock now (also done by the timer).
    void checkExpiry();
    // The server answers again: an offline session asks, once, for an online login.
    void serverReachable();

    bool isValid(const QDateTime &now) const;
    bool isValid() const { return isValid(m_clock()); }
    // Logged in against the local verifier: no token, nothing can be sent until an online login.
    bool isOffline() const { return m_offline; }
    bool isLoginInProgress() const { return m_loginInFlight; }
    QByteArray token() const { return m_token; }
    SessionUser user() const { return m_user; }
    QDateTime expiresAt() const { return m_expiresAt; }
    // The last user to log in since the console started (kept after logout, to prefill the form).
    QString lastUsername() const { return m_lastUsername; }
    // The sealed signing key the server last handed `username` at a login here, if any.
    std::optional<signing::SealedKey> signingKey(const QString &username) const;
    const SigningKeyStore &signingKeys() const { return m_keys; }
    const OfflineLogins &offlineLogins() const { return m_offlineLogins; }

    // What to tell the operator about a failed login, in their language.
    static QString loginErrorMessage(const ApiError &error);

signals:
    void loggedIn(const flowviz::app::SessionUser &user);
    void loginFailed(const flowviz::app::ApiError &error, const QString &message);
    void loggedOut();
    // The token's lifetime is over; the operator must log in again.
    void expired();
    // The server refused the token (401): the operator must log in again.
    void loginRequired();
    // An offline session while the server answers again: the user's password is needed once
    // more to get a token, so that their queued work can be sent.
    void onlineLoginRequired();

private:
    void onUnauthorized();
    void loginOffline(const QString &username, const QString &password, const ApiError &error);
    void setSession(const QByteArray &token, const SessionUser &user, const QDateTime &expiresAt,
                    bool offline);
    void clear(bool keepUsername);
    void armTimer();

    ApiClient *m_api;
    SigningKeyStore m_keys;
    OfflineLogins m_offlineLogins;
    Clock m_clock;
    QTimer m_expiryTimer;
    QByteArray m_token;
    SessionUser m_user;
    QDateTime m_expiresAt;
    QString m_lastUsername;
    qint64 m_offlineWindowSeconds = qint64(kDefaultOfflineLoginDays) * 24 * 3600;
    bool m_offline = false;
    bool m_onlinePrompted = false;
    bool m_loginInFlight = false;
};

} // namespace flowviz::app
