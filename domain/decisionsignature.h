#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

// Electronic signatures of QC decisions (21 CFR Part 11 style): an Ed25519 key pair per user,
// the private key kept only sealed under a key derived from the user's password (argon2id), so a
// workstation can sign offline and the server verifies against the registered public key. The
// console and the server build the signed bytes with the same code below. docs/security.md has
// the threat model.
namespace flowviz::signing {

// libsodium must be initialised once per process before any other call here.
bool initialize();

// What a signature covers: the decision as the server stores it, and the signature's own claims
// (who, with which key, meaning what, when by the signer's clock).
struct DecisionRecord
{
    QUuid id;
    QString lotCode; // normalised
    int gateNumber = 0;
    Decision decision = Decision::PASS;
    std::optional<Decimal> temperatureC;
    QString notes;
    QString correctiveAction;
    QDateTime decidedAt;
    QString workstationId;

    QString signer; // user name, compared case-insensitively (stored lower-cased)
    QUuid keyId;
    QString meaning;
    QDateTime signedAt;
};

// The canonical bytes that are signed: compact JSON, keys in code-point order, UTF-8, times as
// UTC with milliseconds ("2026-12-03T08:00:00.000Z"), the temperature as canonical decimal text
// (or null), a version tag first in the "v" member.
QByteArray canonicalRecord(const DecisionRecord &record);
// A pre-shipment review of a lot's CCP records (9 CFR 417.5(c)): who reviewed which records
// (their count and the digest of their ids, as GET /api/v1/lots/{code}/ccp-review answers them).
struct ReviewRecord
{
    QUuid id;
    QString lotCode; // normalised
    int recordCount = 0;
    QByteArray recordsDigest; // 32 bytes; lower-case hex in the signed bytes
    QString notes;

    QString signer;
    QUuid keyId;
    QString meaning;
    QDateTime signedAt;
};
// Its canonical bytes, built like canonicalRecord's with its own version tag.
QByteArray canonicalReview(const ReviewRecord &record);

// SHA-256 of the canonical bytes: what binds the stored signature to the stored record.
QByteArray recordHash(const QByteArray &canonical);
QString canonicalTime(const QDateTime &t);

inline constexpr int kPublicKeyBytes = 32;
inline constexpr int kSignatureBytes = 64;

struct KeyPair
{
    QByteArray publicKey; // 32 bytes
    QByteArray seed;      // 32 bytes; the secret, wipe after use
};
KeyPair generateKeyPair();
// Detached Ed25519 signature by the key pair derived from `seed`.
QByteArray sign(const QByteArray &message, const QByteArray &seed);
bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey);

// A key pair whose secret is sealed (XChaCha20-Poly1305) under a key derived from the user's
// password with argon2id; the key id and public key are bound as associated data.
struct SealedKey
{
    QUuid keyId;
    QByteArray publicKey;
    QByteArray salt;
    QByteArray nonce;
    QByteArray ciphertext;
    quint64 opsLimit = 0;
    quint64 memLimit = 0;

    QJsonObject toJson() const;
    static std::optional<SealedKey> fromJson(const QJsonObject &o);
};
// Seals `pair`'s secret under `password`. nullopt only when memory for argon2id is lacking.
std::optional<SealedKey> seal(const KeyPair &pair, const QString &password, const QUuid &keyId);
// The seed, or nullopt when the password is wrong or the sealed key was altered.
std::optional<QByteArray> unseal(const SealedKey &key, const QString &password);

// Overwrites the bytes in place.
void wipe(QByteArray &secret);

} // namespace flowviz::signing
