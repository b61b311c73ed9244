#pragma once

#include "backend/api/bodyreader.h"
#include "backend/auth/jwt.h"
#include "backend/db/pgsession.h"

#include "domain/decisionsignature.h"
#include "domain/wire/decision.h"

#include <QDateTime>
#include <QUuid>

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

} // namespace flowviz::qc
