#include "decisionrecorder.h"

#include "outbox/outbox.h"
#include "registration/rulemessages.h"
#include "session/session.h"

#include "domain/lotstatusrules.h"

#include <QJsonArray>
#include <QPointer>
#include <QUrl>

namespace flowviz::app {

DecisionRecorder::DecisionRecorder(LocalCache *cache, Outbox *outbox, ApiClient *api,
                                   Session *session, const QString &workstationId, QObject *parent)
    : QObject(parent), m_cache(cache), m_outbox(outbox), m_api(api), m_session(session),
      m_workstationId(workstationId)
{
    connect(m_outbox, &Outbox::changed, this, &DecisionRecorder::onOutboxChanged);
}

FieldMessages DecisionRecorder::validate(const DecisionDraft &draft) const
{
    FieldMessages errors;
    const QString code = rules::normalizeLotCode(draft.lotCode);
    if (code.isEmpty())
        errors.insert(QStringLiteral("lot_code"), tr("Scan the lot's label first."));
    else if (!m_cache->lot(code))
        errors.insert(
            QStringLiteral("lot_code"),
            tr("Lot %1 is not known on this workstation. Scan its label again.").arg(code));

    const auto gate = m_cache->gate(draft.gateNumber);
    if (!gate)
        errors.insert(QStringLiteral("gate_number"), tr("Choose the QC gate."));

    if (const auto e = rules::checkNotes(draft.notes, draft.decision))
        errors.insert(e->field, RuleMessages::message(*e));

    const QString tempText = draft.temperatureC.trimmed();
    if (!tempText.isEmpty()) {
        if (const auto t = Decimal::parse(tempText)) {
            if (const auto e = rules::checkTemperature(*t))
                errors.insert(e->field, RuleMessages::message(*e));
        } else {
            errors.insert(
                QStringLiteral("temperature_c"),
                tr("\"%1\" is not a temperature. Enter a number such as 3.5.").arg(tempText));
        }
    } else if (gate) {
        if (const auto e = rules::checkCcpTemperature(gate->isCcp, false))
            errors.insert(e->field, RuleMessages::message(*e));
    }
    return errors;
}

bool DecisionRecorder::requiresSignature(const DecisionDraft &draft) const
{
    const auto gate = m_cache->gate(draft.gateNumber);
    return draft.decision == Decision::FAIL && gate && gate->isCcp;
}

QString DecisionRecorder::signatureMeaning(const DecisionDraft &draft) const
{
    return tr("I reject lot %1 at critical control point %2 (FAIL).")
        .arg(rules::normalizeLotCode(draft.lotCode))
        .arg(draft.gateNumber);
}

FieldMessages DecisionRecorder::record(const DecisionDraft &draft)
{
    if (requiresSignature(draft)) {
        FieldMessages errors = validate(draft);
        errors.insert(QStringLiteral("signature"),
                      tr("A FAIL at a critical control point must be signed with your password."));
        return errors;
    }
    return enqueue(draft, std::nullopt);
}

void DecisionRecorder::recordSigned(const DecisionDraft &draft, const QString &password)
{
    const FieldMessages errors = validate(draft);
    if (!errors.isEmpty()) {
        emit signatureFailed(SignatureProblem::Other, errors.first());
        return;
    }
    if (!m_session || m_session->user().username.isEmpty()) {
        emit signatureFailed(SignatureProblem::Other, tr("Log in before you sign a decision."));
        return;
    }
    if (m_signing)
        return;
    m_signing = true;
    const SessionUser user = m_session->user();
    // A client of its own: a wrong password answers 401, which on the shared client would
    // end the operator's session. Its token is never set, and the new token is thrown away.
    m_verifier.setBaseUrl(m_api->baseUrl());
    m_verifier.setTimeout(m_api->timeout());
    if (!m_caFile.isEmpty())
        m_verifier.setCaBundle(m_caFile);
    const QJsonObject body{{QStringLiteral("username"), user.username},
                           {QStringLiteral("password"), password}};
    QPointer<DecisionRecorder> self(this);
    m_verifier.post(
        QStringLiteral("/api/v1/auth/login"), body, this,
        [self, draft, user](const ApiResult &result) {
            if (!self)
                return;
            self->m_signing = false;
            if (!result.ok()) {
                if (result.error.kind == ApiError::Kind::Unauthorized)
                    emit self->signatureFailed(
                        SignatureProblem::WrongPassword,
                        tr("The password is wrong; the decision was not signed "
                           "or recorded. Enter your own password again."));
                else if (result.error.isTransient() || result.error.kind == ApiError::Kind::Tls)
                    emit self->signatureFailed(
                        SignatureProblem::Unreachable,
                        tr("The server cannot be reached to check your password, "
                           "so the FAIL cannot be signed now. Put the lot on HOLD "
                           "instead and sign the FAIL when the connection is back."));
                else
                    emit self->signatureFailed(
                        SignatureProblem::Other,
                        tr("The signature could not be checked (%1). Try again "
                           "or put the lot on HOLD.")
                            .arg(result.error.summary()));
                return;
            }
            SignatureRecord sig;
            sig.username = user.username;
            const QJsonObject who = result.object().value(QStringLiteral("user")).toObject();
            sig.fullName = who.value(QStringLiteral("full_name")).toString(user.fullName);
            if (sig.fullName.isEmpty())
                sig.fullName = user.username;
            sig.signedAt = QDateTime::currentDateTimeUtc();
            sig.meaning = self->signatureMeaning(draft);
            sig.text = QStringLiteral("%1 (%2) signed %3: %4")
                           .arg(sig.fullName, sig.username,
                                sig.signedAt.toString(Qt::ISODateWithMs), sig.meaning);
            const FieldMessages queued = self->enqueue(draft, sig);
            if (!queued.isEmpty())
                emit self->signatureFailed(SignatureProblem::Other, queued.first());
        });
}

FieldMessages DecisionRecorder::enqueue(const DecisionDraft &draft,
                                        const std::optional<SignatureRecord> &signature)
{
    FieldMessages errors = validate(draft);
    if (!errors.isEmpty())
        return errors;

    const QString code = rules::normalizeLotCode(draft.lotCode);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject body{{QStringLiteral("lot_code"), code},
                     {QStringLiteral("gate_number"), draft.gateNumber},
                     {QStringLiteral("decision"), toString(draft.decision)},
                     {QStringLiteral("decided_at"), now.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("workstation_id"), m_workstationId}};
    if (!draft.notes.trimmed().isEmpty())
        body.insert(QStringLiteral("notes"), draft.notes.trimmed());
    if (!draft.temperatureC.trimmed().isEmpty())
        body.insert(QStringLiteral("temperature_c"),
                    Decimal::parse(draft.temperatureC.trimmed())->toJson());
    if (signature) {
        body.insert(QStringLiteral("digital_signature"), signature->text);
        body.insert(QStringLiteral("signature_meaning"), signature->meaning);
    }

    const QString id = m_outbox->enqueueDecision(body);
    if (id.isEmpty()) {
        errors.insert(QStringLiteral("save"),
                      tr("The decision could not be saved on this workstation (%1). Nothing was "
                         "recorded; call IT.")
                          .arg(m_outbox->errorString()));
        return errors;
    }
    m_cache->markLotStatus(code, statusrules::statusAfter(draft.decision), true);
    m_waiting.insert(id, code);

    RecordedDecision d;
    d.outboxId = id;
    d.lotCode = code;
    d.gateNumber = draft.gateNumber;
    d.decision = draft.decision;
    d.decidedAt = now;
    d.signature = signature;
    emit recorded(d);
    return {};
}

QList<RecordedDecision> DecisionRecorder::decisionsFor(const QString &lotCode) const
{
    QList<RecordedDecision> out;
    const QString code = rules::normalizeLotCode(lotCode);
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.kind != OutboxItem::Kind::QcDecision || item.state == OutboxItem::State::Discarded)
            continue;
        if (rules::normalizeLotCode(item.payload.value(QStringLiteral("lot_code")).toString()) !=
                code &&
            item.lotCode != code)
            continue;
        const auto decision =
            decisionFromString(item.payload.value(QStringLiteral("decision")).toString());
        if (!decision)
            continue;
        RecordedDecision d;
        d.outboxId = item.id;
        d.lotCode = code;
        d.gateNumber = item.payload.value(QStringLiteral("gate_number")).toInt();
        d.decision = *decision;
        d.decidedAt = QDateTime::fromString(
            item.payload.value(QStringLiteral("decided_at")).toString(), Qt::ISODateWithMs);
        d.synced = item.state == OutboxItem::State::Done;
        const QString sigText = item.payload.value(QStringLiteral("digital_signature")).toString();
        if (!sigText.isEmpty()) {
            SignatureRecord sig;
            sig.text = sigText;
            sig.meaning = item.payload.value(QStringLiteral("signature_meaning")).toString();
            out.append(d);
            out.last().signature = sig;
            continue;
        }
        out.append(d);
    }
    return out;
}

void DecisionRecorder::lookupHistory(
    const QString &lotCode, QObject *context,
    std::function<void(const QList<RecordedDecision> &, bool)> done)
{
    const QString code = rules::normalizeLotCode(lotCode);
    if (!m_api) {
        done({}, false);
        return;
    }
    m_api->get(QStringLiteral("/api/v1/lots/") + QString::fromUtf8(QUrl::toPercentEncoding(code)) +
                   QStringLiteral("/qc-decisions"),
               context, [done, code](const ApiResult &result) {
                   if (!result.ok()) {
                       done({}, false);
                       return;
                   }
                   QList<RecordedDecision> out;
                   for (const QJsonValue &v :
                        result.object().value(QStringLiteral("items")).toArray()) {
                       const QJsonObject o = v.toObject();
                       const auto decision =
                           decisionFromString(o.value(QStringLiteral("decision")).toString());
                       if (!decision)
                           continue;
                       RecordedDecision d;
                       d.lotCode = code;
                       d.gateNumber = o.value(QStringLiteral("gate_number")).toInt();
                       d.decision = *decision;
                       d.decidedAt = QDateTime::fromString(
                           o.value(QStringLiteral("decided_at")).toString(), Qt::ISODateWithMs);
                       d.synced = true;
                       out.append(d);
                   }
                   done(out, true);
               });
}

void DecisionRecorder::lookupParents(const QString &lotCode, QObject *context,
                                     std::function<void(const QStringList &, bool)> done)
{
    const QString code = rules::normalizeLotCode(lotCode);
    auto parentsOf = [](const QJsonArray &parents) {
        QStringList codes;
        for (const QJsonValue &p : parents)
            codes.append(p.toObject().value(QStringLiteral("lot_code")).toString());
        return codes;
    };
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.kind == OutboxItem::Kind::Lot && item.lotCode == code &&
            item.state != OutboxItem::State::Discarded) {
            done(parentsOf(item.payload.value(QStringLiteral("parents")).toArray()), true);
            return;
        }
    }
    if (!m_api) {
        done({}, false);
        return;
    }
    m_api->get(QStringLiteral("/api/v1/lots/") + QString::fromUtf8(QUrl::toPercentEncoding(code)),
               context, [done, parentsOf](const ApiResult &result) {
                   if (result.ok())
                       done(parentsOf(result.object().value(QStringLiteral("parents")).toArray()),
                            true);
                   else
                       done({}, false);
               });
}

void DecisionRecorder::onOutboxChanged()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const auto item = m_outbox->item(it.key());
        if (item && item->state == OutboxItem::State::Done) {
            if (const auto d =
                    decisionFromString(item->payload.value(QStringLiteral("decision")).toString()))
                m_cache->markLotStatus(it.value(), statusrules::statusAfter(*d), false);
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace flowviz::app
