#include "app/qc/decisionrecorder.h"

#include "app/core/domainlabels.h"
#include "app/outbox/outbox.h"
#include "app/registration/rulemessages.h"
#include "app/session/session.h"

#include "domain/lotstatusrules.h"

#include <QJsonArray>
#include <QLocale>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace flowviz::app {

namespace {

// The server keeps at most this many characters of a signature's meaning.
constexpr qsizetype kMaxMeaning = 200;

} // namespace

DecisionRecorder::DecisionRecorder(LocalCache *cache, Outbox *outbox, ApiClient *api,
                                   Session *session, const QString &workstationId, QObject *parent)
    : QObject(parent), m_cache(cache), m_outbox(outbox), m_api(api), m_session(session),
      m_workstationId(workstationId)
{
    connect(m_outbox, &Outbox::changed, this, &DecisionRecorder::onOutboxChanged);
}

DecisionRecorder::~DecisionRecorder()
{
    // The worker holds no pointer to this object, but a signature half made must not outlive
    // the console's shutdown unnoticed.
    if (m_worker)
        m_worker->wait();
}

QString DecisionRecorder::signatureText(const SignatureRecord &s)
{
    return tr("%1 (%2) signed %3: %4")
        .arg(s.fullName.isEmpty() ? s.username : s.fullName, s.username,
             s.signedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), s.meaning);
}

// A signature as queued here ("signed_at" the workstation's time) or as the server shows it
// ("signer_name" too, "signed_at" the server's time).
std::optional<SignatureRecord> DecisionRecorder::signatureFrom(const QJsonObject &o)
{
    const QString signer = o.value(QStringLiteral("signer")).toString();
    if (signer.isEmpty())
        return std::nullopt;
    SignatureRecord s;
    s.username = signer;
    s.fullName = o.value(QStringLiteral("signer_name")).toString();
    s.signedAt =
        QDateTime::fromString(o.value(QStringLiteral("signed_at")).toString(), Qt::ISODateWithMs);
    s.meaning = o.value(QStringLiteral("meaning")).toString();
    s.text = signatureText(s);
    return s;
}

std::optional<Decimal> DecisionRecorder::parseTemperature(const QString &typed)
{
    // '.' or the locale's decimal point (the Hungarian comma), a typographic minus sign; a
    // group separator is refused, never guessed at.
    return Decimal::parseTyped(typed, QLocale().decimalPoint());
}

QString DecisionRecorder::gateName(const CachedGate &gate) const
{
    const QString language =
        QLocale().language() == QLocale::Hungarian ? QStringLiteral("hu") : QStringLiteral("en");
    // Named in a sentence that says it is a CCP already: without the "(CCP)" suffix.
    return DomainLabels::gate(gate.number, gate.name(language), false);
}

bool DecisionRecorder::isCcp(const DecisionDraft &draft) const
{
    const auto gate = m_cache->gate(draft.gateNumber);
    return gate && gate->isCcp;
}

std::optional<CriticalLimit> DecisionRecorder::criticalLimit(const DecisionDraft &draft) const
{
    const auto gate = m_cache->gate(draft.gateNumber);
    if (!gate || !gate->isCcp)
        return std::nullopt;
    const auto lot = m_cache->lot(rules::normalizeLotCode(draft.lotCode));
    if (!lot)
        return std::nullopt;
    return rules::limitFor(gate->criticalLimits, lot->type);
}

QString DecisionRecorder::limitProblem(const DecisionDraft &draft) const
{
    const auto t = parseTemperature(draft.temperatureC);
    // An unreadable or implausible reading has an error of its own.
    if (!t || rules::checkTemperature(*t))
        return {};
    const auto limit = criticalLimit(draft);
    if (!limit || limit->contains(*t))
        return {};
    return tr("%1 is outside the critical limit of %2 (%3): this lot cannot PASS. Record HOLD "
              "or FAIL and write down the corrective action taken.")
        .arg(RuleMessages::celsius(*t), gateName(*m_cache->gate(draft.gateNumber)),
             RuleMessages::limitText(*limit));
}

FieldMessages DecisionRecorder::validate(const DecisionDraft &draft) const
{
    FieldMessages errors;
    const QString code = rules::normalizeLotCode(draft.lotCode);
    if (code.isEmpty())
        errors.insert(QStringLiteral("lot_code"), tr("Scan the lot's label first."));
    else if (const auto lot = m_cache->lot(code); !lot)
        errors.insert(
            QStringLiteral("lot_code"),
            tr("Lot %1 is not known on this workstation. Scan its label again.").arg(code));
    else if (!draft.lotId.isEmpty() && lot->id != draft.lotId)
        errors.insert(QStringLiteral("lot_code"),
                      tr("Lot %1 on this workstation is no longer the lot that was scanned. "
                         "Nothing was recorded: scan its label again.")
                          .arg(code));

    const auto gate = m_cache->gate(draft.gateNumber);
    if (!gate)
        errors.insert(QStringLiteral("gate_number"), tr("Choose the QC gate."));

    if (const auto e = rules::checkNotes(draft.notes, draft.decision))
        errors.insert(e->field, RuleMessages::message(*e));

    const QString tempText = draft.temperatureC.trimmed();
    if (!tempText.isEmpty()) {
        if (const auto t = parseTemperature(tempText)) {
            if (const auto e = rules::checkTemperature(*t))
                errors.insert(e->field, RuleMessages::message(*e));
        } else {
            errors.insert(QStringLiteral("temperature_c"),
                          tr("\"%1\" is not a temperature. Enter a number such as %2.")
                              .arg(tempText, QStringLiteral("-18.5").replace(
                                                 u'.', QLocale().decimalPoint())));
        }
    } else if (gate) {
        if (const auto e = rules::checkCcpTemperature(gate->isCcp, false))
            errors.insert(e->field, RuleMessages::message(*e));
    }
    if (gate) {
        if (const auto e = rules::checkCorrectiveAction(gate->isCcp, draft.decision,
                                                        draft.correctiveAction.trimmed()))
            errors.insert(e->field, RuleMessages::message(*e));
    }
    if (draft.decision == Decision::PASS && !errors.contains(QStringLiteral("temperature_c"))) {
        const QString problem = limitProblem(draft);
        if (!problem.isEmpty())
            errors.insert(QStringLiteral("temperature_c"), problem);
    }
    return errors;
}

bool DecisionRecorder::requiresSignature(const DecisionDraft &draft) const
{
    const auto gate = m_cache->gate(draft.gateNumber);
    return gate &&
           rules::signatureRequired(gate->isCcp, gate->passRequiresSignature, draft.decision);
}

QString DecisionRecorder::signatureMeaning(const DecisionDraft &draft) const
{
    const QString code = rules::normalizeLotCode(draft.lotCode);
    QString meaning;
    switch (draft.decision) {
    case Decision::PASS:
        meaning = tr("I release lot %1 at critical control point %2 (PASS).");
        break;
    case Decision::HOLD:
        meaning = tr("I put lot %1 on HOLD at critical control point %2 and confirm the "
                     "corrective action.");
        break;
    case Decision::FAIL:
        meaning = tr("I reject lot %1 at critical control point %2 (FAIL) and confirm the "
                     "corrective action.");
        break;
    }
    meaning = meaning.arg(code).arg(draft.gateNumber);
    if (meaning.size() <= kMaxMeaning)
        return meaning;
    // The server keeps at most kMaxMeaning characters; the lot is in the signed record anyway.
    switch (draft.decision) {
    case Decision::PASS:
        return tr("I release this lot at critical control point %1 (PASS).").arg(draft.gateNumber);
    case Decision::HOLD:
        return tr("I put this lot on HOLD at critical control point %1 and confirm the "
                  "corrective action.")
            .arg(draft.gateNumber);
    case Decision::FAIL:
        break;
    }
    return tr("I reject this lot at critical control point %1 (FAIL) and confirm the corrective "
              "action.")
        .arg(draft.gateNumber);
}

FieldMessages DecisionRecorder::record(const DecisionDraft &draft)
{
    FieldMessages errors = validate(draft);
    if (requiresSignature(draft)) {
        errors.insert(QStringLiteral("signature"),
                      tr("A %1 at this critical control point must be signed with your password.")
                          .arg(RuleMessages::decisionName(draft.decision)));
        return errors;
    }
    if (!errors.isEmpty())
        return errors;
    return enqueue(draft, prepare(draft), std::nullopt);
}

void DecisionRecorder::recordSigned(const DecisionDraft &draft, const QString &password)
{
    if (m_signing)
        return;
    const FieldMessages errors = validate(draft);
    if (!errors.isEmpty()) {
        emit signatureFailed(SignatureProblem::Other, errors.first());
        return;
    }
    if (!m_session || m_session->user().username.isEmpty()) {
        emit signatureFailed(SignatureProblem::Other, tr("Log in before you sign a decision."));
        return;
    }
    const SessionUser user = m_session->user();
    const auto key = m_session->signingKey(user.username);
    if (!key) {
        emit signatureFailed(
            SignatureProblem::NoKey,
            tr("There is no signing key for %1 on this workstation yet, so nothing was signed "
               "or recorded. Log out and log in again once while the server can be reached; "
               "after that you can sign here, also offline.")
                .arg(user.username));
        return;
    }

    Prepared prepared = prepare(draft);
    SignatureRecord signature;
    signature.username = user.username.toLower();
    signature.fullName = user.fullName.isEmpty() ? user.username : user.fullName;
    signature.signedAt = prepared.decidedAt;
    signature.meaning = signatureMeaning(draft);
    signature.text = signatureText(signature);
    prepared.record.signer = signature.username;
    prepared.record.keyId = key->keyId;
    prepared.record.meaning = signature.meaning;
    prepared.record.signedAt = signature.signedAt;
    const QByteArray canonical = signing::canonicalRecord(prepared.record);

    // argon2id is slow on purpose (a guess costs the same to an attacker): off the UI thread.
    auto value = std::make_shared<QByteArray>();
    QThread *worker = QThread::create([sealed = *key, password, canonical, value] {
        auto seed = signing::unseal(sealed, password);
        if (!seed)
            return;
        *value = signing::sign(canonical, *seed);
        signing::wipe(*seed);
    });
    m_signing = true;
    m_worker = worker;
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, draft, prepared, signature, value] {
        m_signing = false;
        if (value->isEmpty()) {
            emit signatureFailed(SignatureProblem::WrongPassword,
                                 tr("The password is wrong; the decision was not signed or "
                                    "recorded. Enter your own password again."));
            return;
        }
        finishSigning(draft, prepared, signature, *value);
    });
    worker->start();
}

void DecisionRecorder::finishSigning(const DecisionDraft &draft, const Prepared &prepared,
                                     const SignatureRecord &signature, const QByteArray &value)
{
    // The cache may have changed while the key was opened (a refresh with new limits).
    FieldMessages errors = validate(draft);
    if (errors.isEmpty()) {
        Prepared signedDecision = prepared;
        signedDecision.body.insert(
            QStringLiteral("signature"),
            QJsonObject{
                {QStringLiteral("signer"), signature.username},
                {QStringLiteral("key_id"), prepared.record.keyId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("meaning"), signature.meaning},
                {QStringLiteral("signed_at"),
                 signature.signedAt.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("value"), QString::fromLatin1(value.toBase64())}});
        errors = enqueue(draft, signedDecision, signature);
    }
    if (!errors.isEmpty())
        emit signatureFailed(SignatureProblem::Other, errors.first());
}

DecisionRecorder::Prepared DecisionRecorder::prepare(const DecisionDraft &draft) const
{
    Prepared p;
    p.code = rules::normalizeLotCode(draft.lotCode);
    p.decidedAt = QDateTime::currentDateTimeUtc();
    const QUuid id = QUuid::createUuid();
    p.body = QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                         {QStringLiteral("lot_code"), p.code},
                         {QStringLiteral("gate_number"), draft.gateNumber},
                         {QStringLiteral("decision"), toString(draft.decision)},
                         {QStringLiteral("decided_at"), p.decidedAt.toString(Qt::ISODateWithMs)},
                         {QStringLiteral("workstation_id"), m_workstationId}};
    // A lot the server knows is named by its id too: the server refuses the decision if the
    // code now names another lot. (A lot still queued here is bound to its id by the outbox.)
    if (const auto lot = m_cache->lot(p.code);
        lot && !lot->pendingRegistration && !draft.lotId.isEmpty() && lot->id == draft.lotId)
        p.body.insert(QStringLiteral("lot_id"), draft.lotId);
    const QString notes = draft.notes.trimmed();
    if (!notes.isEmpty())
        p.body.insert(QStringLiteral("notes"), notes);
    std::optional<Decimal> sentTemperature;
    if (const auto t = parseTemperature(draft.temperatureC)) {
        const QJsonValue json = t->toJson();
        p.body.insert(QStringLiteral("temperature_c"), json);
        // What the server reads back from what is sent: that is what the signature covers.
        sentTemperature = Decimal::fromJson(json);
    }
    const QString corrective = draft.correctiveAction.trimmed();
    if (!corrective.isEmpty())
        p.body.insert(QStringLiteral("corrective_action"), corrective);

    p.record.id = id;
    p.record.lotCode = p.code;
    p.record.gateNumber = draft.gateNumber;
    p.record.decision = draft.decision;
    p.record.temperatureC = sentTemperature;
    p.record.notes = notes;
    p.record.correctiveAction = corrective;
    p.record.decidedAt = p.decidedAt;
    p.record.workstationId = m_workstationId;
    return p;
}

FieldMessages DecisionRecorder::enqueue(const DecisionDraft &draft, const Prepared &prepared,
                                        const std::optional<SignatureRecord> &signature)
{
    FieldMessages errors;
    const QString id = m_outbox->enqueueDecision(prepared.body);
    if (id.isEmpty()) {
        errors.insert(QStringLiteral("save"),
                      tr("The decision could not be saved on this workstation (%1). Nothing was "
                         "recorded; call IT.")
                          .arg(m_outbox->errorString()));
        return errors;
    }
    const auto before = m_cache->lot(prepared.code);
    m_waiting.insert(id, Waiting{prepared.code, before ? before->status : LotStatus::CREATED,
                                 before && before->pendingStatus});
    m_cache->markLotStatus(prepared.code, statusrules::statusAfter(draft.decision), true);

    RecordedDecision d;
    d.outboxId = id;
    d.lotCode = prepared.code;
    d.gateNumber = draft.gateNumber;
    d.decision = draft.decision;
    d.decidedAt = prepared.decidedAt;
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
        d.signature = signatureFrom(item.payload.value(QStringLiteral("signature")).toObject());
        if (d.signature && m_session &&
            d.signature->username.compare(m_session->user().username, Qt::CaseInsensitive) == 0 &&
            !m_session->user().fullName.isEmpty()) {
            d.signature->fullName = m_session->user().fullName;
            d.signature->text = signatureText(*d.signature);
        }
        out.append(d);
    }
    return out;
}

void DecisionRecorder::lookupLot(const QString &lotCode, QObject *context,
                                 std::function<void(const LotLookupResult &)> done)
{
    app::lookupLot(m_api, m_cache, lotCode, isOnline(), context, std::move(done));
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
                       d.signature = signatureFrom(o.value(QStringLiteral("signature")).toObject());
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
                m_cache->markLotStatus(it->lotCode, statusrules::statusAfter(*d), false);
            it = m_waiting.erase(it);
        } else if (item && item->state == OutboxItem::State::Discarded) {
            // It never reaches the server: the lot no longer shows the status it would have set.
            m_cache->markLotStatus(it->lotCode, it->statusBefore, it->pendingBefore);
            const QString code = it->lotCode;
            it = m_waiting.erase(it);
            if (isOnline())
                lookupLot(code, this, [](const LotLookupResult &) {});
        } else {
            ++it;
        }
    }
}

} // namespace flowviz::app
