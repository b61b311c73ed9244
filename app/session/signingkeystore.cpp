#include "app/session/signingkeystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace flowviz::app {

namespace {

const QString kKeys = QStringLiteral("keys");

} // namespace

SigningKeyStore::SigningKeyStore(const QString &path) : m_path(path) {}

QJsonObject SigningKeyStore::load() const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(kKeys).toObject();
}

bool SigningKeyStore::save(const QJsonObject &keys) const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    // Sealed, but a copy would let an attacker guess passwords at leisure: this account only,
    // from the first byte on.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{kKeys, keys}}).toJson(QJsonDocument::Compact));
    return f.commit();
}

bool SigningKeyStore::store(const QString &username, const signing::SealedKey &key)
{
    const QString name = username.trimmed().toLower();
    if (name.isEmpty())
        return false;
    QJsonObject keys = load();
    const QJsonObject json = key.toJson();
    if (keys.value(name).toObject() == json && QFile::exists(m_path))
        return true;
    keys.insert(name, json);
    return save(keys);
}

std::optional<signing::SealedKey> SigningKeyStore::key(const QString &username) const
{
    const QJsonValue v = load().value(username.trimmed().toLower());
    if (!v.isObject())
        return std::nullopt;
    return signing::SealedKey::fromJson(v.toObject());
}

} // namespace flowviz::app
