#include "app/session/offlinelogins.h"

#include "app/core/privatefiles.h"

#include "domain/decisionsignature.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <sodium.h>

namespace flowviz::app {

namespace {

const QString kUsers = QStringLiteral("users");

QString key(const QString &username)
{
    return username.trimmed().toLower();
}

std::optional<OfflineLogins::Entry> entryFromJson(const QJsonObject &o)
{
    OfflineLogins::Entry e;
    e.username = o.value(QStringLiteral("username")).toString();
    e.userId = o.value(QStringLiteral("user_id")).toString();
    e.fullName = o.value(QStringLiteral("full_name")).toString();
    const auto role = roleFromString(o.value(QStringLiteral("role")).toString());
    e.lastOnlineLogin = QDateTime::fromString(
        o.value(QStringLiteral("last_online_login")).toString(), Qt::ISODateWithMs);
    if (e.username.isEmpty() || !role || !e.lastOnlineLogin.isValid())
        return std::nullopt;
    e.role = *role;
    e.lastOnlineLogin = e.lastOnlineLogin.toUTC();
    return e;
}

} // namespace

OfflineLogins::OfflineLogins(const QString &path) : m_path(path) {}

QJsonObject OfflineLogins::load() const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(kUsers).toObject();
}

bool OfflineLogins::save(const QJsonObject &users) const
{
    if (!privatefiles::makePrivateDir(QFileInfo(m_path).absolutePath()))
        return false;
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    // A copy would let an attacker guess passwords at leisure: this account only, from the
    // first byte on.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{kUsers, users}}).toJson(QJsonDocument::Compact));
    return f.commit();
}

bool OfflineLogins::remember(const Entry &entry, const QString &password)
{
    const QString name = key(entry.username);
    if (name.isEmpty() || password.isEmpty() || !entry.lastOnlineLogin.isValid() ||
        !signing::initialize())
        return false;
    const QByteArray utf8 = password.toUtf8();
    char verifier[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(verifier, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return false; // out of memory
    QJsonObject users = load();
    users.insert(name, QJsonObject{{QStringLiteral("username"), entry.username},
                                   {QStringLiteral("user_id"), entry.userId},
                                   {QStringLiteral("full_name"), entry.fullName},
                                   {QStringLiteral("role"), toString(entry.role)},
                                   {QStringLiteral("verifier"), QString::fromLatin1(verifier)},
                                   {QStringLiteral("last_online_login"),
                                    entry.lastOnlineLogin.toUTC().toString(Qt::ISODateWithMs)}});
    sodium_memzero(verifier, sizeof verifier);
    return save(users);
}

std::optional<OfflineLogins::Entry> OfflineLogins::entry(const QString &username) const
{
    const QJsonValue v = load().value(key(username));
    if (!v.isObject())
        return std::nullopt;
    return entryFromJson(v.toObject());
}

OfflineLogins::Check OfflineLogins::check(const QString &username, const QString &password,
                                          const QDateTime &now, qint64 maxAgeSeconds) const
{
    Check result;
    const QJsonValue v = load().value(key(username));
    if (!v.isObject()) {
        result.outcome = Outcome::NeverHere;
        return result;
    }
    const QJsonObject o = v.toObject();
    result.entry = entryFromJson(o);
    const QByteArray verifier = o.value(QStringLiteral("verifier")).toString().toLatin1();
    if (!result.entry || verifier.isEmpty() || verifier.size() >= crypto_pwhash_STRBYTES ||
        !signing::initialize()) {
        result.outcome = Outcome::Unreadable;
        return result;
    }
    // Checked before the password, so that an expired entry costs no hashing. A clock set back
    // well before the login (more than NTP's usual steps) counts as too old too.
    constexpr qint64 kClockSlackSeconds = 10 * 60;
    const qint64 age = result.entry->lastOnlineLogin.secsTo(now);
    if (age < -kClockSlackSeconds || age > maxAgeSeconds) {
        result.outcome = Outcome::TooLongAgo;
        return result;
    }
    const QByteArray utf8 = password.toUtf8();
    result.outcome =
        crypto_pwhash_str_verify(verifier.constData(), utf8.constData(), quint64(utf8.size())) == 0
            ? Outcome::Accepted
            : Outcome::WrongPassword;
    return result;
}

} // namespace flowviz::app
