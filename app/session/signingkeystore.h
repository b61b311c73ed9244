#pragma once

#include "domain/decisionsignature.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace flowviz::app {

// The sealed signing keys of everyone who logged in at this workstation, so that a QC decision
// can be signed while the server cannot be reached. Each key's secret stays sealed under its
// owner's password (argon2id); the file is readable by this account only. One key per user
// (the last one the server handed out), keyed by the lower-cased user name.
class SigningKeyStore
{
public:
    explicit SigningKeyStore(const QString &path);

    QString path() const { return m_path; }

    // Keeps `key` as `username`'s key, replacing an older one. False when it cannot be written.
    bool store(const QString &username, const signing::SealedKey &key);
    std::optional<signing::SealedKey> key(const QString &username) const;

private:
    QJsonObject load() const;
    bool save(const QJsonObject &keys) const;

    QString m_path;
};

} // namespace flowviz::app
