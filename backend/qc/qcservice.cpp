#include "qcservice.h"

#include "qcrepository.h"

#include "api/bodyreader.h"
#include "auth/passwordhasher.h"

#include "domain/lotstatusrules.h"
#include "domain/validation.h"

namespace flowviz::qc::service {

using api::ApiError;
using api::BodyReader;

namespace {
constexpr qint64 kClientClockToleranceSecs = 5 * 60;
}

http::Response record(api::Tx &tx, const QJsonObject &body, const api::Events &events)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("lot_id"), QStringLiteral("lot_code"),
                         QStringLiteral("decision"), QStringLiteral("qc_gate_id"),
                         QStringLiteral("gate_number"), QStringLiteral("notes"),
                         QStringLiteral("temperature_c"), QStringLiteral("digital_signature"),
                         QStringLiteral("signature_password"), QStringLiteral("signature_meaning"),
                         QStringLiteral("decided_at"), QStringLiteral("workstation_id")});
    NewDecision d;
    d.id = in.uuid(QStringLiteral("id"), false).value_or(QUuid::createUuid());
    const auto lotId = in.uuid(QStringLiteral("lot_id"), false);
    const auto lotCode = in.string(QStringLiteral("lot_code"), false, 1000);
    if (!lotId && !lotCode)
        in.add({QStringLiteral("lot_id"), QStringLiteral("field.required"),
                QStringLiteral("Name the lot: \"lot_id\" or \"lot_code\" is required.")});
    std::optional<Decision> decision;
    if (const auto text = in.string(QStringLiteral("decision"), true)) {
        decision = decisionFromString(text->trimmed().toUpper());
        if (!decision)
            in.add({QStringLiteral("decision"), QStringLiteral("decision.unknown"),
                    QStringLiteral("decision must be PASS, HOLD or FAIL.")});
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
    d.digitalSignature =
        in.string(QStringLiteral("digital_signature"), false, 500).value_or(QString());
    const auto signaturePassword = in.string(QStringLiteral("signature_password"), false, 1024);
    d.signatureMeaning =
        in.string(QStringLiteral("signature_meaning"), false, 200).value_or(QString());
    d.workstationId = in.string(QStringLiteral("workstation_id"), false, 64).value_or(QString());
    if (const auto t = in.time(QStringLiteral("decided_at"), false)) {
        d.decidedAt = *t;
        d.clientTimeFlagged =
            t->toSecsSinceEpoch() > QDateTime::currentSecsSinceEpoch() + kClientClockToleranceSecs;
    }
    in.throwIfErrors();

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
    if (signaturePassword) {
        // An electronic signature: the signer proves who they are by their password, and the
        // record keeps who signed, when, and what the signature meant.
        if (!auth::passwords::verify(repo.passwordHash(tx.user.userId), *signaturePassword))
            throw ApiError::validation(
                QStringLiteral("signature_password"), QStringLiteral("signature.invalid"),
                QStringLiteral("The password does not match; the decision was not "
                               "signed or recorded."));
        d.signedAt = QDateTime::currentDateTimeUtc();
        if (d.signatureMeaning.isEmpty())
            d.signatureMeaning =
                QStringLiteral("%1 decision at gate %2").arg(toString(*decision)).arg(gate->number);
        d.digitalSignature =
            QStringLiteral("%1 signed at %2: %3")
                .arg(tx.user.username, d.signedAt.toString(Qt::ISODateWithMs), d.signatureMeaning);
    }
    d.lotId = lot->id;
    d.gateId = gate->id;
    d.operatorId = tx.user.userId;
    d.decision = *decision;

    try {
        tx.db.exec("SAVEPOINT qc_insert");
        repo.insert(d);
        tx.db.exec("RELEASE SAVEPOINT qc_insert");
    } catch (const db::DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        tx.db.exec("ROLLBACK TO SAVEPOINT qc_insert");
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

} // namespace flowviz::qc::service
