#include "backend/qc/recorddecisiondecoder.h"

#include "backend/qc/decisionsigning.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"

#include "domain/validation.h"

namespace flowviz::qc {

using api::ApiError;
using api::BodyReader;

namespace {

const QStringList kFields = {QStringLiteral("id"),
                             QStringLiteral("lot_id"),
                             QStringLiteral("lot_code"),
                             QStringLiteral("decision"),
                             QStringLiteral("qc_gate_id"),
                             QStringLiteral("gate_number"),
                             QStringLiteral("notes"),
                             QStringLiteral("temperature_c"),
                             QStringLiteral("corrective_action"),
                             QStringLiteral("signature"),
                             QStringLiteral("decided_at"),
                             QStringLiteral("workstation_id")};

void refuseFreeTextSignature(const QJsonObject &body)
{
    if (body.contains(QStringLiteral("digital_signature")))
        throw ApiError::validation(
            QStringLiteral("digital_signature"), QStringLiteral("signature.free_text"),
            QStringLiteral("digital_signature is not accepted: a name in free text is not a "
                           "signature. Sign with the \"signature\" member (docs/api.md)."));
}

// Which lot: by id, by code, or both.
void readLot(BodyReader &in, wire::RecordDecision &c)
{
    c.lotId = in.uuid(QStringLiteral("lot_id"), false);
    c.lotCode = in.string(QStringLiteral("lot_code"), false, 1000);
    if (!c.lotId && !c.lotCode)
        in.add({QStringLiteral("lot_id"), QStringLiteral("field.required"),
                QStringLiteral("Name the lot: \"lot_id\" or \"lot_code\" is required.")});
}

// Which gate: by id, by number, or both.
void readGate(BodyReader &in, wire::RecordDecision &c)
{
    c.qcGateId = in.integer(QStringLiteral("qc_gate_id"), false);
    c.gateNumber = in.integer(QStringLiteral("gate_number"), false);
    if (!c.qcGateId && !c.gateNumber)
        in.add({QStringLiteral("qc_gate_id"), QStringLiteral("field.required"),
                QStringLiteral("Name the gate: \"qc_gate_id\" or \"gate_number\" is required.")});
}

std::optional<Decision> readDecision(BodyReader &in)
{
    const auto text = in.string(QStringLiteral("decision"), true);
    if (!text)
        return std::nullopt;
    const auto decision = decisionFromString(*text);
    if (!decision)
        in.add({QStringLiteral("decision"), QStringLiteral("decision.unknown"),
                QStringLiteral("decision must be exactly PASS, HOLD or FAIL.")});
    return decision;
}

// Notes, temperature, corrective action and workstation, with the rules on each.
void readDetails(BodyReader &in, wire::RecordDecision &c, const std::optional<Decision> &decision)
{
    c.notes = in.string(QStringLiteral("notes"), false, 100000).value_or(QString());
    if (decision)
        in.add(rules::checkNotes(c.notes, *decision));
    c.temperatureC = in.decimal(QStringLiteral("temperature_c"), false);
    if (c.temperatureC)
        in.add(rules::checkTemperature(*c.temperatureC));
    c.correctiveAction =
        in.string(QStringLiteral("corrective_action"), false, 100000).value_or(QString());
    c.workstationId = in.string(QStringLiteral("workstation_id"), false, 64).value_or(QString());
    c.decidedAt = in.time(QStringLiteral("decided_at"), false);
}

void readSignatureMember(BodyReader &in, wire::RecordDecision &c)
{
    c.signature = readSignature(in);
    if (!c.signature || !c.signature->keyId)
        return;
    // A signature made on the workstation covers the record's id and time: both must be the
    // client's, or nothing binds the signature to this record.
    if (!c.id)
        in.add({QStringLiteral("id"), QStringLiteral("field.required"),
                QStringLiteral("A signed decision carries its own id (a UUID).")});
    if (!c.decidedAt)
        in.add({QStringLiteral("decided_at"), QStringLiteral("field.required"),
                QStringLiteral("A signed decision carries the time it was decided.")});
}

} // namespace

wire::RecordDecision decodeRecordDecision(const QJsonObject &body)
{
    refuseFreeTextSignature(body);
    BodyReader in(body, kFields);
    wire::RecordDecision c;
    c.id = in.uuid(QStringLiteral("id"), false);
    readLot(in, c);
    const auto decision = readDecision(in);
    readGate(in, c);
    readDetails(in, c, decision);
    readSignatureMember(in, c);
    in.throwIfErrors();
    c.decision = *decision;
    return c;
}

} // namespace flowviz::qc
