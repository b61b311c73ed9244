#include "backend/qc/qcservice.h"

#include "backend/qc/decisionsigning.h"
#include "backend/qc/qcrepository.h"

#include "backend/api/bodyreader.h"

#include "domain/criticallimit.h"
#include "domain/lotstatusrules.h"
#include "domain/validation.h"

namespace flowviz::qc::service {

using api::ApiError;
using api::BodyReader;

namespace {

constexpr qint64 kClientClockToleranceSecs = 5 * 60;

// The rules of a critical control point: the limit for the lot's type, the deviation, the
// corrective action and whether a signature is needed.
void applyCcpRules(NewDecision &d, const Gate &gate, LotType lotType,
                   const QList<CriticalLimit> &limits, bool signed_)
{
    FieldErrors errors;
    if (const auto e = rules::checkCorrectiveAction(gate.isCcp, d.decision, d.correctiveAction))
        errors.append(*e);
    if (gate.isCcp) {
        d.limit = rules::limitFor(limits, lotType);
        if (d.limit && d.temperatureC) {
            d.deviation = !d.limit->contains(*d.temperatureC);
            const QString gateName = QStringLiteral("%1 (gate %2)").arg(gate.name).arg(gate.number);
            if (const auto e =
                    rules::checkCriticalLimit(d.decision, *d.limit, *d.temperatureC, gateName))
                errors.append(*e);
        }
        if (rules::signatureRequired(gate.isCcp, gate.passRequiresSignature, d.decision) &&
            !signed_)
            errors.append({QStringLiteral("signature"), QStringLiteral("signature.required"),
                           QStringLiteral("A %1 at critical control point %2 must be signed "
                                          "electronically by the person who decided it.")
                               .arg(toString(d.decision))
                               .arg(gate.number)});
    }
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
}

signing::DecisionRecord signedContent(const NewDecision &d, const LockedLot &lot, const Gate &gate)
{
    signing::DecisionRecord r;
    r.id = d.id;
    r.lotCode = lot.lotCode;
    r.gateNumber = gate.number;
    r.decision = d.decision;
    r.temperatureC = d.temperatureC;
    r.notes = d.notes;
    r.correctiveAction = d.correctiveAction;
    r.decidedAt = d.decidedAt;
    r.workstationId = d.workstationId;
    return r;
}

} // namespace

http::Response record(api::Tx &tx, const QJsonObject &body, const api::Events &events)
{
    if (body.contains(QStringLiteral("digital_signature")))
        throw ApiError::validation(
            QStringLiteral("digital_signature"), QStringLiteral("signature.free_text"),
            QStringLiteral("digital_signature is not accepted: a name in free text is not a "
                           "signature. Sign with the \"signature\" member (docs/api.md)."));
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("lot_id"), QStringLiteral("lot_code"),
                         QStringLiteral("decision"), QStringLiteral("qc_gate_id"),
                         QStringLiteral("gate_number"), QStringLiteral("notes"),
                         QStringLiteral("temperature_c"), QStringLiteral("corrective_action"),
                         QStringLiteral("signature"), QStringLiteral("decided_at"),
                         QStringLiteral("workstation_id")});
    NewDecision d;
    const auto clientId = in.uuid(QStringLiteral("id"), false);
    d.id = clientId.value_or(QUuid::createUuid());
    const auto lotId = in.uuid(QStringLiteral("lot_id"), false);
    const auto lotCode = in.string(QStringLiteral("lot_code"), false, 1000);
    if (!lotId && !lotCode)
        in.add({QStringLiteral("lot_id"), QStringLiteral("field.required"),
                QStringLiteral("Name the lot: \"lot_id\" or \"lot_code\" is required.")});
    std::optional<Decision> decision;
    if (const auto text = in.string(QStringLiteral("decision"), true)) {
        decision = decisionFromString(*text);
        if (!decision)
            in.add({QStringLiteral("decision"), QStringLiteral("decision.unknown"),
                    QStringLiteral("decision must be exactly PASS, HOLD or FAIL.")});
    }
    const auto gateId = in.integer(QStringLiteral("qc_gate_id"), false);
    const auto gateNumber = in.integer(QStringLiteral("gate_number"), false);
    if (!gateId && !gateNumber)
        in.add({QStringLiteral("qc_gate_id"), QStringLiteral("field.required"),
                QStringLiteral("Name the gate: \"qc_gate_id\" or \"gate_number\" is required.")});
    d.notes = in.string(QStringLiteral("notes"), false, 100000).value_or(QString());
    if (decision)
        in.add(rules::checkNotes(d.notes, *decision));
    d.temperatureC = in.decimal(QStringLiteral("temperature_c"), false);
    if (d.temperatureC)
        in.add(rules::checkTemperature(*d.temperatureC));
    d.correctiveAction =
        in.string(QStringLiteral("corrective_action"), false, 100000).value_or(QString());
    d.workstationId = in.string(QStringLiteral("workstation_id"), false, 64).value_or(QString());
    const auto decidedAt = in.time(QStringLiteral("decided_at"), false);
    if (decidedAt) {
        d.decidedAt = *decidedAt;
        d.clientTimeFlagged = decidedAt->toSecsSinceEpoch() >
                              QDateTime::currentSecsSinceEpoch() + kClientClockToleranceSecs;
    }
    const auto signature = readSignature(in);
    if (signature && signature->keyId) {
        // A signature made on the workstation covers the record's id and time: both must be
        // the client's, or nothing binds the signature to this record.
        if (!clientId)
            in.add({QStringLiteral("id"), QStringLiteral("field.required"),
                    QStringLiteral("A signed decision carries its own id (a UUID).")});
        if (!decidedAt)
            in.add({QStringLiteral("decided_at"), QStringLiteral("field.required"),
                    QStringLiteral("A signed decision carries the time it was decided.")});
    }
    in.throwIfErrors();
    d.decision = *decision;

    QcRepository repo(tx.db);
    const auto gate = repo.gate(gateId, gateNumber);
    if (!gate)
        throw ApiError::validation(
            gateId ? QStringLiteral("qc_gate_id") : QStringLiteral("gate_number"),
            QStringLiteral("gate.unknown"),
            QStringLiteral("No QC gate %1.").arg(gateId ? *gateId : *gateNumber));
    if (const auto e = rules::checkCcpTemperature(gate->isCcp, d.temperatureC.has_value()))
        throw ApiError::validation({*e});
    const auto lot = repo.lockLot(lotId, rules::normalizeLotCode(lotCode.value_or(QString())));
    if (!lot)
        throw ApiError::validation(lotId ? QStringLiteral("lot_id") : QStringLiteral("lot_code"),
                                   QStringLiteral("lot.unknown"),
                                   QStringLiteral("No lot %1 is registered.")
                                       .arg(lotId ? lotId->toString(QUuid::WithoutBraces)
                                                  : rules::normalizeLotCode(*lotCode)));
    // Both names given: they must name the same lot and gate, or the decision could go to a
    // lot the client did not mean.
    if (lotId && lotCode && rules::normalizeLotCode(*lotCode) != lot->lotCode)
        throw ApiError::validation(QStringLiteral("lot_code"), QStringLiteral("lot.mismatch"),
                                   QStringLiteral("lot_id names lot %1 but lot_code says %2; send "
                                                  "one of them, or both for the same lot.")
                                       .arg(lot->lotCode, rules::normalizeLotCode(*lotCode)));
    if (gateId && gateNumber && *gateNumber != gate->number)
        throw ApiError::validation(QStringLiteral("gate_number"), QStringLiteral("gate.mismatch"),
                                   QStringLiteral("qc_gate_id names gate %1 but gate_number says "
                                                  "%2; send one of them, or both for the same "
                                                  "gate.")
                                       .arg(gate->number)
                                       .arg(*gateNumber));
    applyCcpRules(d, *gate, lot->type, gate->isCcp ? repo.limits(gate->id) : QList<CriticalLimit>(),
                  signature.has_value());
    if (signature) {
        if (!decidedAt)
            d.decidedAt = QDateTime::currentDateTimeUtc();
        const VerifiedSignature v =
            verifySignature(tx.db, tx.user, *signature, signedContent(d, *lot, *gate));
        d.signerId = v.signerId;
        d.signingKeyId = v.keyId;
        d.signature = v.value;
        d.recordHash = v.recordHash;
        d.clientSignedAt = v.clientSignedAt;
        d.signedAt = v.signedAt;
        d.signatureMeaning = v.meaning;
        d.digitalSignature = v.displayText();
    }
    d.lotId = lot->id;
    d.gateId = gate->id;
    d.operatorId = tx.user.userId;

    try {
        tx.db.savepoint("qc_insert", [&] { repo.insert(d); });
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        if (!d.signature.isEmpty() && !repo.decision(d.id))
            throw ApiError::conflict(QStringLiteral("signature-reused"),
                                     QStringLiteral("Signature already used"),
                                     QStringLiteral("This signature is already stored with "
                                                    "another decision; a signature signs one "
                                                    "record only."));
        throw ApiError::conflict(QStringLiteral("decision-id-exists"),
                                 QStringLiteral("Decision id already used"),
                                 QStringLiteral("A QC decision with id %1 is already recorded.")
                                     .arg(d.id.toString(QUuid::WithoutBraces)));
    }
    // Decisions made offline arrive late: the status follows the latest decision time.
    if (const auto latest = repo.latestDecision(lot->id))
        repo.setLotStatus(lot->id, statusrules::statusAfter(*latest));

    const Decision recorded = *decision;
    const int number = gate->number;
    tx.afterCommit.append([&events, recorded, number] {
        if (events.qcDecisionRecorded)
            events.qcDecisionRecorded(recorded, number);
    });
    QJsonObject out = *repo.decision(d.id);
    out.insert(QStringLiteral("lot_status"), repo.lotStatus(lot->id));
    return http::Response::json(201, out);
}

http::Response decisionsForLot(api::Tx &tx, const QString &lotCode)
{
    QcRepository repo(tx.db);
    const QString code = rules::normalizeLotCode(lotCode);
    const auto id = repo.lotId(code);
    if (!id)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    return http::Response::json(200,
                                QJsonObject{{QStringLiteral("items"), repo.decisionsForLot(*id)}});
}

http::Response gates(api::Tx &tx)
{
    QcRepository repo(tx.db);
    return http::Response::json(200, QJsonObject{{QStringLiteral("items"), repo.gates()}});
}

namespace {

Gate ccpGate(QcRepository &repo, const QString &gateNumber)
{
    bool ok = false;
    const int number = gateNumber.toInt(&ok);
    const auto gate = ok && number > 0 ? repo.gate(std::nullopt, number) : std::nullopt;
    if (!gate)
        throw ApiError::notFound(QStringLiteral("No QC gate %1.").arg(gateNumber));
    return *gate;
}

} // namespace

http::Response setLimit(api::Tx &tx, const QString &gateNumber, const QJsonObject &body)
{
    QcRepository repo(tx.db);
    const Gate gate = ccpGate(repo, gateNumber);
    BodyReader in(body, {QStringLiteral("lot_type"), QStringLiteral("parameter"),
                         QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("reason")});
    CriticalLimit limit;
    if (const auto type = in.string(QStringLiteral("lot_type"), false, 10)) {
        limit.lotType = lotTypeFromString(*type);
        if (!limit.lotType)
            in.add({QStringLiteral("lot_type"), QStringLiteral("lot_type.unknown"),
                    QStringLiteral("lot_type must be RAW, DEB, BULK, MIX, SKW, FRZ or FG, or "
                                   "null for the gate-wide limit.")});
    }
    if (const auto parameter = in.string(QStringLiteral("parameter"), false, 50);
        parameter && *parameter != u"temperature_c")
        in.add({QStringLiteral("parameter"), QStringLiteral("parameter.unknown"),
                QStringLiteral("The only measured parameter is temperature_c.")});
    limit.minC = in.decimal(QStringLiteral("min"), false);
    limit.maxC = in.decimal(QStringLiteral("max"), false);
    for (const auto &[bound, name] : {std::pair{&limit.minC, QStringLiteral("min")},
                                      std::pair{&limit.maxC, QStringLiteral("max")}}) {
        if (*bound)
            in.add(rules::checkTemperature(**bound, name));
    }
    if (!in.has(QStringLiteral("min")) && !in.has(QStringLiteral("max")))
        in.add({QStringLiteral("max"), QStringLiteral("field.required"),
                QStringLiteral("A critical limit needs min, max or both.")});
    if (limit.minC && limit.maxC && *limit.minC > *limit.maxC)
        in.add({QStringLiteral("min"), QStringLiteral("limit.inverted"),
                QStringLiteral("min must not be above max.")});
    const QString reason = in.string(QStringLiteral("reason"), true, 1000).value_or(QString());
    if (in.has(QStringLiteral("reason")) && rules::nonBlankLength(reason) < 10)
        in.add({QStringLiteral("reason"), QStringLiteral("reason.required"),
                QStringLiteral("Say why the limit changes (at least 10 characters): the "
                               "HACCP plan's reference or the validation behind it.")});
    if (!gate.isCcp)
        in.add({QStringLiteral("gate_number"), QStringLiteral("gate.not_ccp"),
                QStringLiteral("Gate %1 is not a critical control point; only CCP gates have "
                               "critical limits.")
                    .arg(gate.number)});
    in.throwIfErrors();
    repo.setLimit(gate.id, limit, tx.user.userId, reason.trimmed());
    return http::Response::json(200, *repo.gateJson(gate.number));
}

http::Response limitChanges(api::Tx &tx, const QString &gateNumber)
{
    QcRepository repo(tx.db);
    const Gate gate = ccpGate(repo, gateNumber);
    return http::Response::json(200,
                                QJsonObject{{QStringLiteral("items"), repo.limitChanges(gate.id)}});
}

} // namespace flowviz::qc::service
