#include "domain/wire/decision.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

namespace {

const QString kParameter = QStringLiteral("temperature_c");

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonValue limitJson(const std::optional<DecisionLimit> &limit)
{
    if (!limit)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("parameter"), kParameter},
                       {QStringLiteral("min"), decimalJson(limit->minC)},
                       {QStringLiteral("max"), decimalJson(limit->maxC)}};
}

std::optional<DecisionLimit> limitFrom(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    return DecisionLimit{Decimal::fromJson(o.value(QStringLiteral("min"))),
                         Decimal::fromJson(o.value(QStringLiteral("max")))};
}

QJsonValue signatureJson(const std::optional<DecisionSignature> &s)
{
    if (!s)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("signer"), s->signer},
                       {QStringLiteral("signer_name"), s->signerName},
                       {QStringLiteral("key_id"), uuidText(s->keyId)},
                       {QStringLiteral("meaning"), textJson(s->meaning)},
                       {QStringLiteral("signed_at"), timeJson(s->signedAt)},
                       {QStringLiteral("client_signed_at"), timeJson(s->clientSignedAt)},
                       {QStringLiteral("record_hash"), QString::fromLatin1(s->recordHash.toHex())},
                       {QStringLiteral("value"), QString::fromLatin1(s->value.toBase64())}};
}

std::optional<DecisionSignature> signatureFrom(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    DecisionSignature s;
    s.signer = o.value(QStringLiteral("signer")).toString();
    s.signerName = o.value(QStringLiteral("signer_name")).toString();
    s.keyId = QUuid(o.value(QStringLiteral("key_id")).toString());
    s.meaning = textFrom(o.value(QStringLiteral("meaning")));
    s.signedAt = timeFrom(o.value(QStringLiteral("signed_at")));
    s.clientSignedAt = timeFrom(o.value(QStringLiteral("client_signed_at")));
    s.recordHash =
        QByteArray::fromHex(o.value(QStringLiteral("record_hash")).toString().toLatin1());
    s.value = QByteArray::fromBase64(o.value(QStringLiteral("value")).toString().toLatin1());
    return s;
}

QJsonObject signatureInputJson(const SignatureInput &s)
{
    QJsonObject out{{QStringLiteral("signer"), s.signer}, {QStringLiteral("meaning"), s.meaning}};
    if (s.password)
        out.insert(QStringLiteral("password"), *s.password);
    if (s.keyId)
        out.insert(QStringLiteral("key_id"), uuidText(*s.keyId));
    if (s.signedAt.isValid())
        out.insert(QStringLiteral("signed_at"), timeJson(s.signedAt));
    if (!s.value.isEmpty())
        out.insert(QStringLiteral("value"), QString::fromLatin1(s.value.toBase64()));
    return out;
}

SignatureInput signatureInputFrom(const QJsonObject &o)
{
    SignatureInput s;
    s.signer = o.value(QStringLiteral("signer")).toString();
    s.meaning = o.value(QStringLiteral("meaning")).toString();
    s.keyId = uuidFrom(o.value(QStringLiteral("key_id")));
    s.signedAt = timeFrom(o.value(QStringLiteral("signed_at")));
    s.value = QByteArray::fromBase64(o.value(QStringLiteral("value")).toString().toLatin1());
    s.password = textFrom(o.value(QStringLiteral("password")));
    return s;
}

} // namespace

QJsonObject Decision::toJson() const
{
    QJsonObject out{{QStringLiteral("id"), uuidText(id)},
                    {QStringLiteral("lot_id"), uuidText(lotId)},
                    {QStringLiteral("lot_code"), lotCode},
                    {QStringLiteral("qc_gate_id"), qcGateId},
                    {QStringLiteral("gate_number"), gateNumber},
                    {QStringLiteral("is_ccp"), isCcp},
                    {QStringLiteral("decision"), toString(decision)},
                    {QStringLiteral("notes"), notes},
                    {QStringLiteral("temperature_c"), decimalJson(temperatureC)},
                    {QStringLiteral("corrective_action"), textJson(correctiveAction)},
                    {QStringLiteral("deviation"), deviation},
                    {QStringLiteral("critical_limit"), limitJson(criticalLimit)},
                    {QStringLiteral("signature"), signatureJson(signature)},
                    {QStringLiteral("digital_signature"), textJson(digitalSignature)},
                    {QStringLiteral("signature_meaning"), textJson(signatureMeaning)},
                    {QStringLiteral("signed_at"), timeJson(signedAt)},
                    {QStringLiteral("operator_id"), uuidText(operatorId)},
                    {QStringLiteral("operator"), operatorUsername},
                    {QStringLiteral("operator_name"), operatorName},
                    {QStringLiteral("workstation_id"), textJson(workstationId)},
                    {QStringLiteral("decided_at"), timeJson(decidedAt)},
                    {QStringLiteral("recorded_at"), timeJson(recordedAt)},
                    {QStringLiteral("client_time_flagged"), clientTimeFlagged}};
    if (lotStatus)
        out.insert(QStringLiteral("lot_status"), toString(*lotStatus));
    return out;
}

Decision Decision::fromJson(const QJsonObject &json)
{
    const auto value = [&json](const char *name) { return json.value(QLatin1String(name)); };
    Decision d;
    d.id = QUuid(value("id").toString());
    d.lotId = QUuid(value("lot_id").toString());
    d.lotCode = value("lot_code").toString();
    d.qcGateId = value("qc_gate_id").toInt();
    d.gateNumber = value("gate_number").toInt();
    d.isCcp = value("is_ccp").toBool();
    d.decision = decisionFromString(value("decision").toString()).value_or(d.decision);
    d.notes = value("notes").toString();
    d.temperatureC = Decimal::fromJson(value("temperature_c"));
    d.correctiveAction = textFrom(value("corrective_action"));
    d.deviation = value("deviation").toBool();
    d.criticalLimit = limitFrom(value("critical_limit"));
    d.signature = signatureFrom(value("signature"));
    d.digitalSignature = textFrom(value("digital_signature"));
    d.signatureMeaning = textFrom(value("signature_meaning"));
    d.signedAt = timeFrom(value("signed_at"));
    d.operatorId = QUuid(value("operator_id").toString());
    d.operatorUsername = value("operator").toString();
    d.operatorName = value("operator_name").toString();
    d.workstationId = textFrom(value("workstation_id"));
    d.decidedAt = timeFrom(value("decided_at"));
    d.recordedAt = timeFrom(value("recorded_at"));
    d.clientTimeFlagged = value("client_time_flagged").toBool();
    d.lotStatus = lotStatusFromString(value("lot_status").toString());
    return d;
}

QJsonObject RecordDecision::toJson() const
{
    QJsonObject out{{QStringLiteral("decision"), toString(decision)}};
    const auto put = [&out](const char *name, const QJsonValue &v) {
        out.insert(QLatin1String(name), v);
    };
    if (id)
        put("id", uuidText(*id));
    if (lotId)
        put("lot_id", uuidText(*lotId));
    if (lotCode)
        put("lot_code", *lotCode);
    if (qcGateId)
        put("qc_gate_id", *qcGateId);
    if (gateNumber)
        put("gate_number", *gateNumber);
    if (!notes.isEmpty())
        put("notes", notes);
    if (temperatureC)
        put("temperature_c", temperatureC->toJson());
    if (!correctiveAction.isEmpty())
        put("corrective_action", correctiveAction);
    if (!workstationId.isEmpty())
        put("workstation_id", workstationId);
    if (decidedAt)
        put("decided_at", timeJson(*decidedAt));
    if (signature)
        put("signature", signatureInputJson(*signature));
    return out;
}

RecordDecision RecordDecision::fromJson(const QJsonObject &json)
{
    const auto value = [&json](const char *name) { return json.value(QLatin1String(name)); };
    const auto integer = [&value](const char *name) {
        const QJsonValue v = value(name);
        return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    RecordDecision c;
    c.id = uuidFrom(value("id"));
    c.lotId = uuidFrom(value("lot_id"));
    c.lotCode = textFrom(value("lot_code"));
    c.decision = decisionFromString(value("decision").toString()).value_or(c.decision);
    c.qcGateId = integer("qc_gate_id");
    c.gateNumber = integer("gate_number");
    c.notes = value("notes").toString();
    c.temperatureC = Decimal::fromJson(value("temperature_c"));
    c.correctiveAction = value("corrective_action").toString();
    c.workstationId = value("workstation_id").toString();
    if (const QJsonValue v = value("decided_at"); v.isString())
        c.decidedAt = timeFrom(v);
    if (const QJsonValue v = value("signature"); v.isObject())
        c.signature = signatureInputFrom(v.toObject());
    return c;
}

} // namespace flowviz::wire
