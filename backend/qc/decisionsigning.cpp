#include "backend/qc/decisionsigning.h"

#include "backend/api/apierror.h"
#include "backend/auth/passwordhasher.h"
#include "backend/users/signingkeyrepository.h"
#include "backend/users/userrepository.h"

namespace flowviz::qc {

using api::ApiError;

namespace {

const QString kField = QStringLiteral("signature");

[[noreturn]] void refuse(const char *code, const QString &message)
{
    throw ApiError::validation(kField, QString::fromLatin1(code), message);
}

bool mayCoSign(Role role)
{
    return role == Role::ADMIN || role == Role::MANAGER;
}

using Canonical = std::function<QByteArray(const SignatureClaims &)>;

void checkSigner(const auth::Claims &recorder, const QUuid &signerId, Role signerRole, bool active,
                 const QString &name, const QString &what)
{
    if (!active)
        refuse("signature.signer_disabled",
               QStringLiteral("%1's account is disabled: their signature is no longer accepted. "
                              "The %2 was not recorded.")
                   .arg(name, what));
    if (signerId != recorder.userId && !mayCoSign(signerRole))
        refuse("signature.signer_not_allowed",
               QStringLiteral("%1 may not sign for %2: a %3 is signed by the user who "
                              "records it, or co-signed by a MANAGER or ADMIN.")
                   .arg(name, recorder.username, what));
}

// Key id, signed-at and value of a signature made on the workstation.
void readWorkstationSignature(api::BodyReader &sig, SignatureRequest &r)
{
    r.keyId = sig.uuid(QStringLiteral("key_id"), true);
    r.signedAt = sig.time(QStringLiteral("signed_at"), true).value_or(QDateTime());
    const auto text = sig.string(QStringLiteral("value"), true, 200);
    if (!text)
        return;
    const auto decoded =
        QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != signing::kSignatureBytes)
        sig.add({sig.field(QStringLiteral("value")), QStringLiteral("signature.format"),
                 QStringLiteral("value is the base64 of a 64-byte Ed25519 signature.")});
    else
        r.value = decoded.decoded;
}

} // namespace

QString VerifiedSignature::displayText() const
{
    return QStringLiteral("%1 (%2) signed %3: %4")
        .arg(signerName.isEmpty() ? signerUsername : signerName, signerUsername,
             signing::canonicalTime(signedAt), meaning);
}

std::optional<SignatureRequest> readSignature(api::BodyReader &in)
{
    const auto object = in.object(kField, false);
    if (!object)
        return std::nullopt;
    api::BodyReader sig(*object,
                        {QStringLiteral("signer"), QStringLiteral("meaning"),
                         QStringLiteral("key_id"), QStringLiteral("signed_at"),
                         QStringLiteral("value"), QStringLiteral("password")},
                        kField + u'.');
    SignatureRequest r;
    r.signer = sig.string(QStringLiteral("signer"), true, 64).value_or(QString()).trimmed();
    r.meaning = sig.string(QStringLiteral("meaning"), true, 200).value_or(QString());
    if (sig.has(QStringLiteral("meaning")) && r.meaning.trimmed().isEmpty())
        sig.add({sig.field(QStringLiteral("meaning")), QStringLiteral("field.required"),
                 QStringLiteral("Say what the signature means.")});
    r.password = sig.string(QStringLiteral("password"), false, auth::passwords::kMaxLength);
    if (r.password) {
        for (const char *name : {"key_id", "signed_at", "value"}) {
            if (sig.has(QString::fromLatin1(name)))
                sig.add({sig.field(QString::fromLatin1(name)),
                         QStringLiteral("signature.ambiguous"),
                         QStringLiteral("Send either password (the server signs) or key_id, "
                                        "signed_at and value (signed on the workstation), not "
                                        "both.")});
        }
    } else {
        readWorkstationSignature(sig, r);
    }
    in.append(sig.errors());
    return r;
}

namespace {

// The server signs with the signer's key, which only their password opens.
VerifiedSignature signOnServer(db::PgSession &db, const auth::Claims &recorder,
                               const SignatureRequest &request, const Canonical &canonicalOf,
                               const QString &what, VerifiedSignature out)
{
    users::SigningKeyRepository keys(db);
    users::UserRepository users(db);
    const auto signer = users.findByName(request.signer);
    if (!signer || !auth::passwords::verify(signer->passwordHash, *request.password))
        refuse("signature.invalid",
               QStringLiteral("The user name or password of the signature is wrong; the "
                              "%1 was not signed or recorded.")
                   .arg(what));
    checkSigner(recorder, signer->id, signer->role, signer->active, signer->username, what);
    const auto key = users::currentOrEnrolled(keys, signer->id, *request.password);
    auto seed = signing::unseal(key, *request.password);
    if (!seed)
        refuse("signature.invalid",
               QStringLiteral("The signing key of %1 could not be opened with this "
                              "password.")
                   .arg(signer->username));
    const QByteArray canonical =
        canonicalOf({signer->username, key.keyId, request.meaning, out.signedAt});
    out.value = signing::sign(canonical, *seed);
    signing::wipe(*seed);
    out.recordHash = signing::recordHash(canonical);
    out.signerId = signer->id;
    out.signerUsername = signer->username;
    out.signerName = signer->fullName;
    out.keyId = key.keyId;
    out.clientSignedAt = out.signedAt;
    return out;
}

// A signature made on the workstation, checked against the signer's registered public key.
VerifiedSignature verifyClientSignature(db::PgSession &db, const auth::Claims &recorder,
                                        const SignatureRequest &request,
                                        const Canonical &canonicalOf, const QString &what,
                                        VerifiedSignature out)
{
    const auto key = users::SigningKeyRepository(db).find(*request.keyId);
    if (!key || key->username.compare(request.signer, Qt::CaseInsensitive) != 0)
        refuse("signature.invalid",
               QStringLiteral("Key %1 is not a signing key of %2: the signature is refused.")
                   .arg(request.keyId->toString(QUuid::WithoutBraces), request.signer));
    checkSigner(recorder, key->userId, key->role, key->userActive, key->username, what);
    if (key->retired)
        refuse("signature.key_retired",
               QStringLiteral("Key %1 of %2 was retired (password changed): sign the %3 "
                              "again after logging in with the new password.")
                   .arg(key->id.toString(QUuid::WithoutBraces), key->username, what));
    const QByteArray canonical =
        canonicalOf({key->username, key->id, request.meaning, request.signedAt});
    if (!signing::verify(canonical, request.value, key->publicKey))
        refuse("signature.invalid",
               QStringLiteral("The signature does not match this %1: it was made for "
                              "another record, or the record was changed after signing. Nothing "
                              "was recorded.")
                   .arg(what));
    out.value = request.value;
    out.recordHash = signing::recordHash(canonical);
    out.signerId = key->userId;
    out.signerUsername = key->username;
    out.signerName = key->fullName;
    out.keyId = key->id;
    out.clientSignedAt = request.signedAt;
    return out;
}

} // namespace

VerifiedSignature verifySignature(db::PgSession &db, const auth::Claims &recorder,
                                  const SignatureRequest &request, const Canonical &canonical,
                                  const QString &what)
{
    VerifiedSignature out;
    out.meaning = request.meaning;
    out.signedAt = QDateTime::currentDateTimeUtc();
    if (request.password)
        return signOnServer(db, recorder, request, canonical, what, std::move(out));
    return verifyClientSignature(db, recorder, request, canonical, what, std::move(out));
}

VerifiedSignature verifySignature(db::PgSession &db, const auth::Claims &recorder,
                                  const SignatureRequest &request, signing::DecisionRecord record)
{
    return verifySignature(
        db, recorder, request,
        [record = std::move(record)](const SignatureClaims &c) mutable {
            record.signer = c.signer;
            record.keyId = c.keyId;
            record.meaning = c.meaning;
            record.signedAt = c.signedAt;
            return signing::canonicalRecord(record);
        },
        QStringLiteral("decision"));
}

} // namespace flowviz::qc
