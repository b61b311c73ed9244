#pragma once

#include "api/apierror.h"
#include "session/signingkeystore.h"

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

// The operator's session: a shift-long token from POST /auth/login, kept in a small file
// (owner-only permissions) so a restart while offline keeps the operator working until the
// token expires. Only the token, user name, full name, role and expiry are stored. The sealed
// signing key each login hands out is kept apart (signing-keys.json next to the session file,
// also owner-only) and outlives logout, so that the user can sign decisions offline later.
class Session : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `storePath` is the session file (one per workstation user account).
    Session(ApiClient *api, const QString &storePath, QObject *parent = nullptr);

    static QString signingKeysPath(const QString &storePath);

    void setClock(Clock clock);

    // Loads the stored session; when it is still valid the token goes to the ApiClient and
    // the expiry timer starts. An expired stored session is cleared. Returns isValid().
    bool restore();
    // Asynchronous: ends in loggedIn() or loginFailed().
    void login(const QString &username, const QString &password);
    // Forgets the token here and on disk; switching operator is logout() then login().
    void logout();
    // Re-checks the expiry against the clock now (also done by the timer).
    void checkExpiry();

    bool isValid(const QDateTime &now) const;
    bool isValid() const { return isValid(m_clock()); }
    bool isLoginInProgress() const { return m_loginInFlight; }
    QByteArray token() const { return m_token; }
    SessionUser user() const { return m_user; }
    QDateTime expiresAt() const { return m_expiresAt; }
    // The last user to log in here (kept after logout/expiry to prefill the login form).
    QString lastUsername() const { return m_lastUsername; }
    // The sealed signing key the server last handed `username` at a login here, if any.
    std::optional<signing::SealedKey> signingKey(const QString &username) const;
    const SigningKeyStore &signingKeys() const { return m_keys; }

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

private:
    void onUnauthorized();
    void setSession(const QByteArray &token, const SessionUser &user, const QDateTime &expiresAt);
    void clear(bool keepUsername);
    bool save() const;
    void armTimer();

    ApiClient *m_api;
    QString m_storePath;
    SigningKeyStore m_keys;
    Clock m_clock;
    QTimer m_expiryTimer;
    QByteArray m_token;
    SessionUser m_user;
    QDateTime m_expiresAt;
    QString m_lastUsername;
    bool m_loginInFlight = false;
};

} // namespace flowviz::app
