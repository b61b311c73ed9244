#include "backend/qc/qcrepository.h"

#include <array>

namespace flowviz::qc {

namespace {

// A decision's columns and the tables they come from.
constexpr const char *kDecisionColumns =
    "d.id, d.lot_id, l.lot_code, d.qc_gate_id, g.gate_number, g.is_ccp, d.decision, "
    "d.notes, "
    "d.temperature_c, d.corrective_action, d.deviation, d.limit_min_c, d.limit_max_c, "
    "d.digital_signature, d.signature_meaning, d.signed_at, d.operator_id, "
    "u.username AS operator, u.full_name AS operator_name, d.workstation_id, d.decided_at, "
    "d.recorded_at, d.client_time_flagged, s.username AS signer, s.full_name AS signer_name, "
    "d.signing_key_id, d.client_signed_at, encode(d.record_hash, 'hex') AS record_hash, "
    "encode(d.signature, 'hex') AS signature ";
constexpr const char *kDecisionTables =
    "FROM qc_decisions d JOIN lots l ON l.id = d.lot_id JOIN qc_gates g ON g.id = d.qc_gate_id "
    "JOIN users u ON u.id = d.operator_id LEFT JOIN users s ON s.id = d.signer_id ";

template <typename T>
std::optional<T> unlessNull(const db::PgResult &r, int i, const char *name, T value)
{
    return r.isNull(i, name) ? std::nullopt : std::optional<T>(std::move(value));
}

std::optional<wire::DecisionLimit> limitFromRow(const db::PgResult &r, int i)
{
    if (r.isNull(i, "limit_min_c") && r.isNull(i, "limit_max_c"))
        return std::nullopt;
    return wire::DecisionLimit{r.toDecimal(i, "limit_min_c"), r.toDecimal(i, "limit_max_c")};
}

std::optional<wire::DecisionSignature> signatureFromRow(const db::PgResult &r, int i)
{
    if (r.isNull(i, "signature"))
        return std::nullopt;
    wire::DecisionSignature s;
    s.signer = r.text(i, "signer");
    s.signerName = r.text(i, "signer_name");
    s.keyId = r.toUuid(i, "signing_key_id");
    s.meaning = unlessNull(r, i, "signature_meaning", r.text(i, "signature_meaning"));
    s.signedAt = r.toDateTime(i, "signed_at");
    s.clientSignedAt = r.toDateTime(i, "client_signed_at");
    s.recordHash = QByteArray::fromHex(r.text(i, "record_hash").toLatin1());
    s.value = QByteArray::fromHex(r.text(i, "signature").toLatin1());
    return s;
}

wire::Decision decisionFromRow(const db::PgResult &r, int i)
{
    wire::Decision d;
    d.id = r.toUuid(i, "id");
    d.lotId = r.toUuid(i, "lot_id");
    d.lotCode = r.text(i, "lot_code");
    d.qcGateId = int(r.toInt(i, "qc_gate_id"));
    d.gateNumber = int(r.toInt(i, "gate_number"));
    d.isCcp = r.toBool(i, "is_ccp");
    d.decision = decisionFromString(r.text(i, "decision")).value_or(Decision::PASS);
    d.notes = r.text(i, "notes");
    d.temperatureC = r.toDecimal(i, "temperature_c");
    d.correctiveAction = unlessNull(r, i, "corrective_action", r.text(i, "corrective_action"));
    d.deviation = r.toBool(i, "deviation");
    d.criticalLimit = limitFromRow(r, i);
    d.signature = signatureFromRow(r, i);
    d.digitalSignature = unlessNull(r, i, "digital_signature", r.text(i, "digital_signature"));
    d.signatureMeaning = unlessNull(r, i, "signature_meaning", r.text(i, "signature_meaning"));
    d.signedAt = r.toDateTime(i, "signed_at");
    d.operatorId = r.toUuid(i, "operator_id");
    d.operatorUsername = r.text(i, "operator");
    d.operatorName = r.text(i, "operator_name");
    d.workstationId = unlessNull(r, i, "workstation_id", r.text(i, "workstation_id"));
    d.decidedAt = r.toDateTime(i, "decided_at");
    d.recordedAt = r.toDateTime(i, "recorded_at");
    d.clientTimeFlagged = r.toBool(i, "client_time_flagged");
    return d;
}

std::optional<LotType> lotTypeFromRow(const db::PgResult &r, int i, const char *name)
{
    return r.isNull(i, name) ? std::nullopt : lotTypeFromString(r.text(i, name));
}

} // namespace

QList<wire::QcGate> QcRepository::gateRecords()
{
    const db::PgResult r = m_db.exec(
        "SELECT id, gate_number, name, gate_type, is_ccp, pass_requires_signature, checklist "
        "FROM qc_gates ORDER BY sort_order, gate_number");
    const db::PgResult l = m_db.exec("SELECT qc_gate_id, lot_type, min_value, max_value "
                                     "FROM ccp_limits ORDER BY qc_gate_id, lot_type NULLS FIRST");
    QList<wire::QcGate> out;
    for (int i = 0; i < r.rows(); ++i) {
        wire::QcGate g;
        g.id = int(r.toInt(i, "id"));
        g.gateNumber = int(r.toInt(i, "gate_number"));
        g.name = r.textMap(i, "name");
        g.gateType = gateTypeFromString(r.text(i, "gate_type")).value_or(GateType::CHECKPOINT);
        g.isCcp = r.toBool(i, "is_ccp");
        g.passRequiresSignature = r.toBool(i, "pass_requires_signature");
        g.checklist = r.jsonValue(i, "checklist").toArray();
        for (int j = 0; j < l.rows(); ++j) {
            if (l.toInt(j, "qc_gate_id") == g.id)
                g.criticalLimits.append({lotTypeFromRow(l, j, "lot_type"),
                                         l.toDecimal(j, "min_value"), l.toDecimal(j, "max_value")});
        }
        out.append(g);
    }
    return out;
}

std::optional<wire::QcGate> QcRepository::gateRecord(int gateNumber)
{
    for (const wire::QcGate &g : gateRecords()) {
        if (g.gateNumber == gateNumber)
            return g;
    }
    return std::nullopt;
}

QList<CriticalLimit> QcRepository::limits(int gateId)
{
    const db::PgResult r = m_db.exec(
        "SELECT lot_type, min_value, max_value FROM ccp_limits WHERE qc_gate_id = $1::int",
        {gateId});
    QList<CriticalLimit> out;
    for (int i = 0; i < r.rows(); ++i) {
        CriticalLimit l;
        if (!r.isNull(i, "lot_type"))
            l.lotType = lotTypeFromString(r.text(i, "lot_type"));
        l.minC = r.toDecimal(i, "min_value");
        l.maxC = r.toDecimal(i, "max_value");
        out.append(l);
    }
    return out;
}

void QcRepository::setLimit(int gateId, const CriticalLimit &limit, const QUuid &actor,
                            const QString &reason)
{
    // The audit trigger reads who and why from these transaction-local settings.
    m_db.exec("SELECT set_config('flowviz.actor', $1, true), set_config('flowviz.reason', $2, "
              "true)",
              {actor, reason});
    m_db.exec("INSERT INTO ccp_limits (qc_gate_id, lot_type, parameter, min_value, max_value, "
              "updated_by) VALUES ($1::int, $2, 'temperature_c', $3::numeric, $4::numeric, "
              "$5::uuid) ON CONFLICT ON CONSTRAINT ccp_limits_key DO UPDATE SET "
              "min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, "
              "updated_by = EXCLUDED.updated_by, updated_at = now()",
              {gateId, limit.lotType ? db::SqlValue(toString(*limit.lotType)) : db::SqlValue(),
               limit.minC, limit.maxC, actor});
}

QList<wire::LimitChange> QcRepository::limitChanges(int gateId)
{
    const db::PgResult r = m_db.exec(
        "SELECT c.id, c.lot_type, c.parameter, c.old_min, c.old_max, c.new_min, c.new_max, "
        "u.username AS changed_by, c.db_user, c.reason, c.changed_at FROM ccp_limit_changes c "
        "LEFT JOIN users u ON u.id = c.changed_by WHERE c.qc_gate_id = $1::int "
        "ORDER BY c.changed_at DESC, c.id DESC LIMIT 1000",
        {gateId});
    QList<wire::LimitChange> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append({r.toInt(i, "id"), lotTypeFromRow(r, i, "lot_type"), r.text(i, "parameter"),
                    r.toDecimal(i, "old_min"), r.toDecimal(i, "old_max"), r.toDecimal(i, "new_min"),
                    r.toDecimal(i, "new_max"),
                    unlessNull(r, i, "changed_by", r.text(i, "changed_by")), r.text(i, "db_user"),
                    r.text(i, "reason"), r.toDateTime(i, "changed_at")});
    }
    return out;
}

db::PgDeferred<std::optional<Gate>> QcRepository::gate(const std::optional<int> &id,
                                                       const std::optional<int> &number)
{
    const QByteArray columns = "SELECT id, gate_number, gate_type, is_ccp, "
                               "pass_requires_signature, name->>'en' AS name FROM qc_gates ";
    return {id ? m_db.queue(columns + "WHERE id = $1::int", {*id})
               : m_db.queue(columns + "WHERE gate_number = $1::int", {number.value_or(0)}),
            [](const db::PgResult &r) -> std::optional<Gate> {
                if (r.rows() == 0)
                    return std::nullopt;
                return Gate{
                    int(r.toInt(0, "id")),
                    int(r.toInt(0, "gate_number")),
                    gateTypeFromString(r.text(0, "gate_type")).value_or(GateType::CHECKPOINT),
                    r.toBool(0, "is_ccp"),
                    r.toBool(0, "pass_requires_signature"),
                    r.text(0, "name")};
            }};
}

db::PgDeferred<std::optional<LockedLot>> QcRepository::lockLot(const std::optional<QUuid> &id,
                                                               const QString &code)
{
    return {id ? m_db.queue("SELECT id, lot_code, lot_type, status FROM lots WHERE id = $1::uuid "
                            "FOR UPDATE",
                            {*id})
               : m_db.queue("SELECT id, lot_code, lot_type, status FROM lots WHERE lot_code = $1 "
                            "FOR UPDATE",
                            {code}),
            [](const db::PgResult &r) -> std::optional<LockedLot> {
                if (r.rows() == 0)
                    return std::nullopt;
                return LockedLot{
                    r.toUuid(0, "id"), r.text(0, "lot_code"),
                    lotTypeFromString(r.text(0, "lot_type")).value_or(LotType::RAW),
                    lotStatusFromString(r.text(0, "status")).value_or(LotStatus::CREATED)};
            }};
}

void QcRepository::insert(const QList<NewDecision> &decisions)
{
    // One array per column, unnested side by side: one statement for the decisions of a sync
    // transaction as for one.
    enum Column
    {
        Id,
        Lot,
        Gate,
        Operator,
        Verdict,
        Notes,
        Temperature,
        DisplaySignature,
        Meaning,
        SignedAt,
        Workstation,
        DecidedAt,
        Flagged,
        CorrectiveAction,
        Deviation,
        LimitMin,
        LimitMax,
        Signer,
        SigningKey,
        Signature,
        RecordHash,
        ClientSignedAt,
        Columns
    };
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? db::SqlValue() : db::SqlValue(text);
    };
    std::array<QList<db::SqlValue>, Columns> columns;
    for (const NewDecision &d : decisions) {
        const bool signedRecord = !d.signature.isEmpty();
        columns[Id] << d.id;
        columns[Lot] << d.lotId;
        columns[Gate] << d.gateId;
        columns[Operator] << d.operatorId;
        columns[Verdict] << toString(d.decision);
        columns[Notes] << d.notes;
        columns[Temperature] << d.temperatureC;
        columns[DisplaySignature] << orNull(d.digitalSignature);
        columns[Meaning] << orNull(d.signatureMeaning);
        columns[SignedAt] << d.signedAt;
        columns[Workstation] << orNull(d.workstationId);
        columns[DecidedAt] << d.decidedAt;
        columns[Flagged] << d.clientTimeFlagged;
        columns[CorrectiveAction] << orNull(d.correctiveAction);
        columns[Deviation] << d.deviation;
        columns[LimitMin] << (d.limit ? d.limit->minC : std::nullopt);
        columns[LimitMax] << (d.limit ? d.limit->maxC : std::nullopt);
        columns[Signer] << (signedRecord ? db::SqlValue(d.signerId) : db::SqlValue());
        columns[SigningKey] << (signedRecord ? db::SqlValue(d.signingKeyId) : db::SqlValue());
        columns[Signature] << (signedRecord ? db::SqlValue(d.signature.toBase64())
                                            : db::SqlValue());
        columns[RecordHash] << (signedRecord ? db::SqlValue(d.recordHash.toBase64())
                                             : db::SqlValue());
        columns[ClientSignedAt] << d.clientSignedAt;
    }
    QList<db::SqlValue> params;
    for (const QList<db::SqlValue> &column : columns)
        params << db::SqlValue::array(column);
    m_db.queue(
        "INSERT INTO qc_decisions (id, lot_id, qc_gate_id, operator_id, decision, notes, "
        "temperature_c, digital_signature, signature_meaning, signed_at, workstation_id, "
        "decided_at, client_time_flagged, corrective_action, deviation, limit_min_c, limit_max_c, "
        "signer_id, signing_key_id, signature, record_hash, client_signed_at) "
        "SELECT n.id, n.lot_id, n.gate_id, n.operator_id, n.decision, n.notes, n.temperature_c, "
        "n.digital_signature, n.signature_meaning, n.signed_at, n.workstation_id, "
        "coalesce(n.decided_at, now()), n.client_time_flagged, n.corrective_action, n.deviation, "
        "n.limit_min_c, n.limit_max_c, n.signer_id, n.signing_key_id, decode(n.signature, "
        "'base64'), decode(n.record_hash, 'base64'), n.client_signed_at "
        "FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], "
        "$7::numeric[], $8::text[], $9::text[], $10::timestamptz[], $11::text[], "
        "$12::timestamptz[], $13::boolean[], $14::text[], $15::boolean[], $16::numeric[], "
        "$17::numeric[], $18::uuid[], $19::uuid[], $20::text[], $21::text[], "
        "$22::timestamptz[]) WITH ORDINALITY AS n (id, lot_id, gate_id, operator_id, decision, "
        "notes, temperature_c, digital_signature, signature_meaning, signed_at, workstation_id, "
        "decided_at, client_time_flagged, corrective_action, deviation, limit_min_c, "
        "limit_max_c, signer_id, signing_key_id, signature, record_hash, client_signed_at, ord) "
        "ORDER BY n.ord",
        params);
}

void QcRepository::followLatestDecision(const QList<QUuid> &lotIds,
                                        const QList<std::pair<Decision, LotStatus>> &statusAfter)
{
    // The latest decision is the one with the latest decision time, arrival order breaking
    // ties; a decision whose client clock ran more than 5 minutes ahead counts at the time the
    // server recorded it: a wrong clock must not pin a lot's status into the future.
    QByteArray statusOf = "CASE decision";
    QList<db::SqlValue> params{db::SqlValue::uuidArray(lotIds)};
    for (const auto &[decision, status] : statusAfter) {
        statusOf += QByteArray(" WHEN $") + QByteArray::number(params.size() + 1) + " THEN $" +
                    QByteArray::number(params.size() + 2);
        params << toString(decision) << toString(status);
    }
    statusOf += " END";
    m_db.queue("UPDATE lots l SET status = latest.status, updated_at = now() FROM (SELECT "
               "DISTINCT ON (lot_id) lot_id, " +
                   statusOf +
                   " AS status FROM qc_decisions WHERE lot_id = ANY($1::uuid[]) "
                   "ORDER BY lot_id, CASE WHEN client_time_flagged THEN recorded_at ELSE "
                   "decided_at END DESC, arrival DESC) latest "
                   "WHERE l.id = latest.lot_id AND l.status <> latest.status",
               params);
}

db::PgDeferred<QHash<QUuid, wire::Decision>> QcRepository::decisions(const QList<QUuid> &ids)
{
    return {m_db.queue(QByteArray("SELECT l.status AS lot_status, ") + kDecisionColumns +
                           kDecisionTables + "WHERE d.id = ANY($1::uuid[])",
                       {db::SqlValue::uuidArray(ids)}),
            [](const db::PgResult &r) {
                QHash<QUuid, wire::Decision> out;
                for (int i = 0; i < r.rows(); ++i) {
                    wire::Decision d = decisionFromRow(r, i);
                    d.lotStatus = lotStatusFromString(r.text(i, "lot_status"));
                    out.insert(d.id, d);
                }
                return out;
            }};
}

QList<wire::Decision> QcRepository::decisionsForLot(const QUuid &lotId)
{
    const db::PgResult r =
        m_db.exec(QByteArray("SELECT ") + kDecisionColumns + kDecisionTables +
                      "WHERE d.lot_id = $1::uuid ORDER BY d.decided_at, d.arrival",
                  {lotId});
    QList<wire::Decision> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(decisionFromRow(r, i));
    return out;
}

std::optional<QUuid> QcRepository::lotId(const QString &code)
{
    const db::PgResult r = m_db.exec("SELECT id FROM lots WHERE lot_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return r.toUuid(0, "id");
}

} // namespace flowviz::qc
