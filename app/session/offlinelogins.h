#pragma once

#include "domain/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace flowviz::app {

// Who may log in at this workstation while the server cannot be reached: for every user who
// logged in here online, a local password verifier (libsodium crypto_pwhash_str, argon2id),
// the user's id, name and role, and the time of that online login. Kept in one JSON file,
// readable by this account only, keyed by the lower-cased user name.
//
// Cost: OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (2 passes over 64 MiB), about 0.1-0.5 s on
// a workstation, paid once per login. That is what libsodium recommends for interactive logins;
// the heavier "moderate" level (256 MiB, ~1 s) would stall the login page on the small
// shop-floor PCs. A stolen file still costs an attacker that much per password guess, the same
// as the sealed signing key next to it, which is derived with the same parameters.
class OfflineLogins
{
public:
    struct Entry
    {
        QString username;
        QString userId;
        QString fullName;
        Role role = Role::VIEWER;
        QDateTime lastOnlineLogin; // UTC
    };
    enum class Outcome
    {
        Accepted,
        NeverHere,     // nobody of that name logged in online here
        TooLongAgo,    // the last online login here is older than the window
        WrongPassword, // the password does not match the one of the last online login
        Unreadable,    // the file or the entry cannot be read
    };
    struct Check
    {
        Outcome outcome = Outcome::Unreadable;
        std::optional<Entry> entry; // set when the user is known here
    };

    explicit OfflineLogins(const QString &path);

    QString path() const { return m_path; }

    // After a successful online login: (re)computes `entry.username`'s verifier from `password`
    // and keeps it with the entry. False when it cannot be computed or written.
    bool remember(const Entry &entry, const QString &password);
    // Whether `username` may log in offline at `now` with `password`, having logged in online
    // here no longer than `maxAgeSeconds` ago.
    Check check(const QString &username, const QString &password, const QDateTime &now,
                qint64 maxAgeSeconds) const;
    std::optional<Entry> entry(const QString &username) const;

private:
    QJsonObject load() const;
    bool save(const QJsonObject &users) const;

    QString m_path;
};

} // namespace flowviz::app
