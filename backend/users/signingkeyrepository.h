#pragma once

#include "backend/db/pgsession.h"

#include "domain/decisionsignature.h"
#include "domain/enums.h"

#include <QUuid>

#include <optional>

namespace flowviz::users {

// A registered signing key, as the server checks signatures against it.
struct SigningKeyRecord
{
    QUuid id;
    QUuid userId;
    QString username;
    QString fullName;
    Role role = Role::VIEWER;
    bool userActive = false;
    bool retired = false;
    QByteArray publicKey;
};

// SQL for the users' signing keys (public key and sealed secret).
class SigningKeyRepository
{
public:
    explicit SigningKeyRepository(db::PgSession &db) : m_db(db) {}

    // The user's current (not retired) key, sealed.
    std::optional<signing::SealedKey> current(const QUuid &userId);
    std::optional<SigningKeyRecord> find(const QUuid &keyId);
    void add(const QUuid &userId, const signing::SealedKey &key);
    // Retires the user's current key: signatures made with it are refused from now on.
    void retireCurrent(const QUuid &userId);

private:
    db::PgSession &m_db;
};

// Creates, seals under `password` and registers a new key for the user (retiring the old one).
signing::SealedKey enrolSigningKey(SigningKeyRepository &repo, const QUuid &userId,
                                   const QString &password);
// The user's current key, enrolled on the spot when they have none (users created before
// signatures existed get theirs at their next login).
signing::SealedKey currentOrEnrolled(SigningKeyRepository &repo, const QUuid &userId,
                                     const QString &password);

} // namespace flowviz::users
