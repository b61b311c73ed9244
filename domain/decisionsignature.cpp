#include "domain/decisionsignature.h"

#include <QJsonDocument>

#include <sodium.h>

namespace flowviz::signing {

namespace {

constexpr const char *kVersion = "flowviz.qc-decision.v1";
constexpr const char *kSealContext = "flowviz.signing-key.v1";

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}
unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray sealContext(const QUuid &keyId, const QByteArray &publicKey)
{
    return QByteArray(kSealContext) + keyId.toRfc4122() + publicKey;
}

std::optional<QByteArray> deriveKey(const QString &password, const QByteArray &salt,
                                    quint64 opsLimit, quint64 memLimit)
{
    if (salt.size() != crypto_pwhash_SALTBYTES || opsLimit < crypto_pwhash_OPSLIMIT_MIN ||
        opsLimit > crypto_pwhash_OPSLIMIT_SENSITIVE || memLimit < crypto_pwhash_MEMLIMIT_MIN ||
        memLimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
        return std::nullopt;
    QByteArray utf8 = password.toUtf8();
    QByteArray key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
    const int rc =
        crypto_pwhash(bytes(key), quint64(key.size()), utf8.constData(), quint64(utf8.size()),
                      bytes(salt), opsLimit, size_t(memLimit), crypto_pwhash_ALG_ARGON2ID13);
    wipe(utf8);
    if (rc != 0)
        return std::nullopt;
    return key;
}

QByteArray fromBase64(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    const auto r = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    return r ? r.decoded : QByteArray();
}

} // namespace

bool initialize()
{
    return sodium_init() >= 0;
}

QString canonicalTime(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'");
}

QByteArray canonicalRecord(const DecisionRecord &r)
{
    // QJsonObject keeps its keys sorted, so the same record always gives the same bytes.
    const QJsonObject o{
        {QStringLiteral("v"), QString::fromLatin1(kVersion)},
        {QStringLiteral("id"), uuidText(r.id)},
        {QStringLiteral("lot_code"), r.lotCode},
        {QStringLiteral("gate_number"), r.gateNumber},
        {QStringLiteral("decision"), toString(r.decision)},
        {QStringLiteral("temperature_c"),
         r.temperatureC ? QJsonValue(r.temperatureC->toString()) : QJsonValue()},
        {QStringLiteral("notes"), r.notes},
        {QStringLiteral("corrective_action"), r.correctiveAction},
        {QStringLiteral("decided_at"), canonicalTime(r.decidedAt)},
        {QStringLiteral("workstation_id"), r.workstationId},
        {QStringLiteral("signer"), r.signer.toLower()},
        {QStringLiteral("key_id"), uuidText(r.keyId)},
        {QStringLiteral("meaning"), r.meaning},
        {QStringLiteral("signed_at"), canonicalTime(r.signedAt)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray canonicalReview(const ReviewRecord &r)
{
    const QJsonObject o{
        {QStringLiteral("v"), QStringLiteral("flowviz.ccp-review.v1")},
        {QStringLiteral("id"), uuidText(r.id)},
        {QStringLiteral("lot_code"), r.lotCode},
        {QStringLiteral("record_count"), r.recordCount},
        {QStringLiteral("records_digest"), QString::fromLatin1(r.recordsDigest.toHex())},
        {QStringLiteral("notes"), r.notes},
        {QStringLiteral("signer"), r.signer.toLower()},
        {QStringLiteral("key_id"), uuidText(r.keyId)},
        {QStringLiteral("meaning"), r.meaning},
        {QStringLiteral("signed_at"), canonicalTime(r.signedAt)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray recordHash(const QByteArray &canonical)
{
    QByteArray out(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(bytes(out), bytes(canonical), quint64(canonical.size()));
    return out;
}

KeyPair generateKeyPair()
{
    KeyPair p;
    p.seed = QByteArray(crypto_sign_SEEDBYTES, '\0');
    randombytes_buf(p.seed.data(), size_t(p.seed.size()));
    p.publicKey = QByteArray(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray secret(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_seed_keypair(bytes(p.publicKey), bytes(secret), bytes(p.seed));
    wipe(secret);
    return p;
}

QByteArray sign(const QByteArray &message, const QByteArray &seed)
{
    if (seed.size() != crypto_sign_SEEDBYTES)
        return {};
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray secret(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_seed_keypair(bytes(publicKey), bytes(secret), bytes(seed));
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(bytes(signature), nullptr, bytes(message), quint64(message.size()),
                         bytes(secret));
    wipe(secret);
    return signature;
}

bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey)
{
    if (signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(bytes(signature), bytes(message), quint64(message.size()),
                                       bytes(publicKey)) == 0;
}

std::optional<SealedKey> seal(const KeyPair &pair, const QString &password, const QUuid &keyId)
{
    SealedKey k;
    k.keyId = keyId;
    k.publicKey = pair.publicKey;
    k.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    k.memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    k.salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(k.salt.data(), size_t(k.salt.size()));
    k.nonce = QByteArray(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(k.nonce.data(), size_t(k.nonce.size()));
    auto key = deriveKey(password, k.salt, k.opsLimit, k.memLimit);
    if (!key)
        return std::nullopt;
    const QByteArray ad = sealContext(keyId, pair.publicKey);
    k.ciphertext =
        QByteArray(pair.seed.size() + int(crypto_aead_xchacha20poly1305_ietf_ABYTES), '\0');
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes(k.ciphertext), &written, bytes(pair.seed), quint64(pair.seed.size()), bytes(ad),
        quint64(ad.size()), nullptr, bytes(k.nonce), bytes(*key));
    wipe(*key);
    return k;
}

std::optional<QByteArray> unseal(const SealedKey &k, const QString &password)
{
    if (k.publicKey.size() != crypto_sign_PUBLICKEYBYTES ||
        k.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        k.ciphertext.size() !=
            crypto_sign_SEEDBYTES + int(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::nullopt;
    auto key = deriveKey(password, k.salt, k.opsLimit, k.memLimit);
    if (!key)
        return std::nullopt;
    const QByteArray ad = sealContext(k.keyId, k.publicKey);
    QByteArray seed(crypto_sign_SEEDBYTES, '\0');
    unsigned long long written = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        bytes(seed), &written, nullptr, bytes(k.ciphertext), quint64(k.ciphertext.size()),
        bytes(ad), quint64(ad.size()), bytes(k.nonce), bytes(*key));
    wipe(*key);
    if (rc != 0) {
        wipe(seed);
        return std::nullopt;
    }
    // The seed must give the registered public key, or the blob is not this key's.
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray secret(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_seed_keypair(bytes(publicKey), bytes(secret), bytes(seed));
    wipe(secret);
    if (publicKey != k.publicKey) {
        wipe(seed);
        return std::nullopt;
    }
    return seed;
}

QJsonObject SealedKey::toJson() const
{
    return QJsonObject{
        {QStringLiteral("key_id"), uuidText(keyId)},
        {QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
        {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
        {QStringLiteral("sealed_secret"), QString::fromLatin1(ciphertext.toBase64())},
        {QStringLiteral("cipher"), QStringLiteral("XChaCha20-Poly1305-IETF")},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("argon2id13")},
                     {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                     {QStringLiteral("ops_limit"), double(opsLimit)},
                     {QStringLiteral("mem_limit"), double(memLimit)}}},
    };
}

std::optional<SealedKey> SealedKey::fromJson(const QJsonObject &o)
{
    SealedKey k;
    k.keyId = QUuid::fromString(o.value(QStringLiteral("key_id")).toString());
    k.publicKey = fromBase64(o.value(QStringLiteral("public_key")));
    k.ciphertext = fromBase64(o.value(QStringLiteral("sealed_secret")));
    k.nonce = fromBase64(o.value(QStringLiteral("nonce")));
    const QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
    k.salt = fromBase64(kdf.value(QStringLiteral("salt")));
    // toInteger() reads anything not a whole number in range as 0, refused below.
    const qint64 ops = kdf.value(QStringLiteral("ops_limit")).toInteger();
    const qint64 mem = kdf.value(QStringLiteral("mem_limit")).toInteger();
    k.opsLimit = ops > 0 ? quint64(ops) : 0;
    k.memLimit = mem > 0 ? quint64(mem) : 0;
    if (k.keyId.isNull() || k.publicKey.size() != crypto_sign_PUBLICKEYBYTES ||
        k.ciphertext.isEmpty() || k.nonce.isEmpty() || k.salt.isEmpty() || k.opsLimit == 0 ||
        k.memLimit == 0)
        return std::nullopt;
    return k;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        sodium_memzero(secret.data(), size_t(secret.size()));
}

} // namespace flowviz::signing
