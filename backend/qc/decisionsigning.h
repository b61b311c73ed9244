#pragma once

#include "backend/api/bodyreader.h"
#include "backend/auth/jwt.h"
#include "backend/db/pgsession.h"

#include "domain/decisionsignature.h"
#include "domain/wire/decision.h"

#include <QDateTime>
#include <QUuid>

#include <functional>

#include <optional>

namespace flowviz::qc {

// The "signature" member of a decision as the client sent it.
using SignatureRequest = wire::SignatureInput;

// A signature the server verified, ready to be stored with its record.
struct VerifiedSignature
{
    QUuid signerId;
    QString signerUsername;
    QString signerName;
    QUuid keyId;
    QString meaning;
    QByteArray value;
    QByteArray recordHash;
    QDateTime clientSignedAt;
    QDateTime signedAt; // server time
    QString displayText() const;
};

// Reads and checks the shape of body member "signature"; problems go to `in`.
std::optional<SignatureRequest> readSignature(api::BodyReader &in);

// Verifies (or, with a password, makes) the signature of `record` (whose signer, key id,
// meaning and signed-at the function fills in) for the user who records the decision. The signer
// is that user, or a MANAGER/ADMIN co-signing. Throws a 422 ApiError naming what is wrong.
VerifiedSignature verifySignature(db::PgSession &db, const auth::Claims &recorder,
                                  const SignatureRequest &request, signing::DecisionRecord record);

// The signature's own claims, which the signed bytes include.
struct SignatureClaims
{
    QString signer;
    QUuid keyId;
    QString meaning;
    QDateTime signedAt;
};
// The same for any signed record: `canonical` makes its bytes once the claims are known, `what`
// names the record in the refusals ("decision", "review").
VerifiedSignature
verifySignature(db::PgSession &db, const auth::Claims &recorder, const SignatureRequest &request,
                const std::function<QByteArray(const SignatureClaims &)> &canonical,
                const QString &what);

} // namespace flowviz::qc
