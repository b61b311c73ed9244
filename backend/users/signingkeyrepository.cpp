#include "backend/users/signingkeyrepository.h"

#include "backend/auth/passwordhasher.h"

#include <stdexcept>

namespace flowviz::users {

namespace {

QByteArray base64(const db::PgResult &r, const char *column)
{
    return QByteArray::fromBase64(r.text(0, column).toLatin1());
}

} // namespace

std::optional<signing::SealedKey> SigningKeyRepository::current(const QUuid &userId)
{
    const db::PgResult r = m_db.exec(
        "SELECT id, encode(public_key, 'base64') AS public_key, "
        "encode(sealed_secret, 'base64') AS sealed_secret, encode(nonce, 'base64') AS nonce, "
        "encode(kdf_salt, 'base64') AS kdf_salt, kdf_ops_limit, kdf_mem_limit "
        "FROM user_signing_keys WHERE user_id = $1::uuid AND retired_at IS NULL",
        {userId});
    if (r.rows() == 0)
        return std::nullopt;
    signing::SealedKey k;
    k.keyId = r.toUuid(0, "id");
    k.publicKey = base64(r, "public_key");
    k.ciphertext = base64(r, "sealed_secret");
    k.nonce = base64(r, "nonce");
    k.salt = base64(r, "kdf_salt");
    k.opsLimit = quint64(r.toInt(0, "kdf_ops_limit"));
    k.memLimit = quint64(r.toInt(0, "kdf_mem_limit"));
    return k;
}

std::optional<SigningKeyRecord> SigningKeyRepository::find(const QUuid &keyId)
{
    const db::PgResult r =
        m_db.exec("SELECT k.id, k.user_id, u.username, u.full_name, u.role, u.is_active, "
                  "k.retired_at IS NOT NULL AS retired, encode(k.public_key, 'base64') AS "
                  "public_key FROM user_signing_keys k JOIN users u ON u.id = k.user_id "
                  "WHERE k.id = $1::uuid",
                  {keyId});
    if (r.rows() == 0)
        return std::nullopt;
    SigningKeyRecord k;
    k.id = r.toUuid(0, "id");
    k.userId = r.toUuid(0, "user_id");
    k.username = r.text(0, "username");
    k.fullName = r.text(0, "full_name");
    k.role = roleFromString(r.text(0, "role")).value_or(Role::VIEWER);
    k.userActive = r.toBool(0, "is_active");
    k.retired = r.toBool(0, "retired");
    k.publicKey = base64(r, "public_key");
    return k;
}

void SigningKeyRepository::add(const QUuid &userId, const signing::SealedKey &key)
{
    m_db.exec("INSERT INTO user_signing_keys (id, user_id, public_key, sealed_secret, nonce, "
              "kdf_salt, kdf_ops_limit, kdf_mem_limit) VALUES ($1::uuid, $2::uuid, "
              "decode($3, 'base64'), decode($4, 'base64'), decode($5, 'base64'), "
              "decode($6, 'base64'), $7::bigint, $8::bigint)",
              {key.keyId, userId, key.publicKey.toBase64(), key.ciphertext.toBase64(),
               key.nonce.toBase64(), key.salt.toBase64(), qint64(key.opsLimit),
               qint64(key.memLimit)});
}

void SigningKeyRepository::retireCurrent(const QUuid &userId)
{
    m_db.exec("UPDATE user_signing_keys SET retired_at = now() "
              "WHERE user_id = $1::uuid AND retired_at IS NULL",
              {userId});
}

signing::SealedKey enrolSigningKey(SigningKeyRepository &repo, const QUuid &userId,
                                   const QString &password)
{
    signing::KeyPair pair = signing::generateKeyPair();
    const auto sealed = [&] {
        const auth::passwords::Slot slot; // sealing derives the key with argon2id
        return signing::seal(pair, password, QUuid::createUuid());
    }();
    signing::wipe(pair.seed);
    if (!sealed)
        throw std::runtime_error("not enough memory to seal a signing key");
    repo.retireCurrent(userId);
    repo.add(userId, *sealed);
    return *sealed;
}

signing::SealedKey currentOrEnrolled(SigningKeyRepository &repo, const QUuid &userId,
                                     const QString &password)
{
    if (auto key = repo.current(userId))
        return *key;
    return enrolSigningKey(repo, userId, password);
}

} // namespace flowviz::users
