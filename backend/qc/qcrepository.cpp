#include "qcrepository.h"

namespace flowviz::qc {

namespace {

constexpr const char *kDecisionColumns =
    "SELECT d.id, d.lot_id, l.lot_code, d.qc_gate_id, g.gate_number, g.is_ccp, d.decision, "
    "d.notes, "
    "d.temperature_c, d.digital_signature, d.signature_meaning, d.signed_at, d.operator_id, "
    "u.username AS operator, u.full_name AS operator_name, d.workstation_id, d.decided_at, "
    "d.recorded_at, d.client_time_flagged "
    "FROM qc_decisions d JOIN lots l ON l.id = d.lot_id JOIN qc_gates g ON g.id = d.qc_gate_id "
    "JOIN users u ON u.id = d.operator_id ";

QJsonObject decisionJson(const db::PgResult &r, int i)
{
    return QJsonObject{
        {QStringLiteral("id"), r.text(i, "id")},
        {QStringLiteral("lot_id"), r.text(i, "lot_id")},
        {QStringLiteral("lot_code"), r.text(i, "lot_code")},
        {QStringLiteral("qc_gate_id"), int(r.toInt(i, "qc_gate_id"))},
        {QStringLiteral("gate_number"), int(r.toInt(i, "gate_number"))},
        {QStringLiteral("is_ccp"), r.toBool(i, "is_ccp")},
        {QStringLiteral("decision"), r.text(i, "decision")},
        {QStringLiteral("notes"), r.text(i, "notes")},
        {QStringLiteral("temperature_c"), r.decimalJson(i, "temperature_c")},
        {QStringLiteral("digital_signature"), r.textJson(i, "digital_signature")},
        {QStringLiteral("signature_meaning"), r.textJson(i, "signature_meaning")},
        {QStringLiteral("signed_at"), r.timeJson(i, "signed_at")},
        {QStringLiteral("operator_id"), r.text(i, "operator_id")},
        {QStringLiteral("operator"), r.text(i, "operator")},
        {QStringLiteral("operator_name"), r.text(i, "operator_name")},
        {QStringLiteral("workstation_id"), r.textJson(i, "workstation_id")},
        {QStringLiteral("decided_at"), r.timeJson(i, "decided_at")},
        {QStringLiteral("recorded_at"), r.timeJson(i, "recorded_at")},
        {QStringLiteral("client_time_flagged"), r.toBool(i, "client_time_flagged")},
    };
}

} // namespace

QJsonArray QcRepository::gates()
{
    const db::PgResult r = m_db.exec("SELECT id, gate_number, name, gate_type, is_ccp, checklist "
                                     "FROM qc_gates ORDER BY sort_order, gate_number");
    QJsonArray out;
    for (int i = 0; i < r.rows(); ++i) {
        out.append(QJsonObject{{QStringLiteral("id"), int(r.toInt(i, "id"))},
                               {QStringLiteral("gate_number"), int(r.toInt(i, "gate_number"))},
                               {QStringLiteral("name"), r.jsonValue(i, "name")},
                               {QStringLiteral("gate_type"), r.text(i, "gate_type")},
                               {QStringLiteral("is_ccp"), r.toBool(i, "is_ccp")},
                               {QStringLiteral("checklist"), r.jsonValue(i, "checklist")}});
    }
    return out;
}

std::optional<Gate> QcRepository::gate(const std::optional<int> &id,
                                       const std::optional<int> &number)
{
    const db::PgResult r =
        id ? m_db.exec("SELECT id, gate_number, gate_type, is_ccp FROM qc_gates WHERE id = $1::int",
                       {*id})
           : m_db.exec("SELECT id, gate_number, gate_type, is_ccp FROM qc_gates WHERE gate_number "
                       "= $1::int",
                       {number.value_or(0)});
    if (r.rows() == 0)
        return std::nullopt;
    return Gate{int(r.toInt(0, "id")), int(r.toInt(0, "gate_number")),
                gateTypeFromString(r.text(0, "gate_type")).value_or(GateType::CHECKPOINT),
                r.toBool(0, "is_ccp")};
}

std::optional<LockedLot> QcRepository::lockLot(const std::optional<QUuid> &id, const QString &code)
{
    const db::PgResult r =
        id ? m_db.exec(
                 "SELECT id, lot_code, lot_type, status FROM lots WHERE id = $1::uuid FOR UPDATE",
                 {*id})
           : m_db.exec(
                 "SELECT id, lot_code, lot_type, status FROM lots WHERE lot_code = $1 FOR UPDATE",
                 {code});
    if (r.rows() == 0)
        return std::nullopt;
    return LockedLot{r.toUuid(0, "id"), r.text(0, "lot_code"),
                     lotTypeFromString(r.text(0, "lot_type")).value_or(LotType::RAW),
                     lotStatusFromString(r.text(0, "status")).value_or(LotStatus::CREATED)};
}

void QcRepository::insert(const NewDecision &d)
{
    m_db.exec("INSERT INTO qc_decisions (id, lot_id, qc_gate_id, operator_id, decision, notes, "
              "temperature_c, digital_signature, signature_meaning, signed_at, workstation_id, "
              "decided_at, client_time_flagged) "
              "VALUES ($1::uuid, $2::uuid, $3::int, $4::uuid, $5, $6, $7::numeric, $8, $9, "
              "$10::timestamptz, $11, coalesce($12::timestamptz, now()), $13::boolean)",
              {d.id, d.lotId, d.gateId, d.operatorId, toString(d.decision), d.notes, d.temperatureC,
               d.digitalSignature.isEmpty() ? db::SqlValue() : db::SqlValue(d.digitalSignature),
               d.signatureMeaning.isEmpty() ? db::SqlValue() : db::SqlValue(d.signatureMeaning),
               d.signedAt,
               d.workstationId.isEmpty() ? db::SqlValue() : db::SqlValue(d.workstationId),
               d.decidedAt, d.clientTimeFlagged});
}

std::optional<Decision> QcRepository::latestDecision(const QUuid &lotId)
{
    // A decision whose client clock ran more than 5 minutes ahead counts at the time the
    // server recorded it: a wrong clock must not pin a lot's status into the future.
    const db::PgResult r = m_db.exec(
        "SELECT decision FROM qc_decisions WHERE lot_id = $1::uuid "
        "ORDER BY CASE WHEN client_time_flagged THEN recorded_at ELSE decided_at END DESC, "
        "recorded_at DESC, id DESC LIMIT 1",
        {lotId});
    if (r.rows() == 0)
        return std::nullopt;
    return decisionFromString(r.text(0, "decision"));
}

void QcRepository::setLotStatus(const QUuid &lotId, LotStatus status)
{
    m_db.exec(
        "UPDATE lots SET status = $2, updated_at = now() WHERE id = $1::uuid AND status <> $2",
        {lotId, toString(status)});
}

std::optional<QJsonObject> QcRepository::decision(const QUuid &id)
{
    const db::PgResult r = m_db.exec(QByteArray(kDecisionColumns) + "WHERE d.id = $1::uuid", {id});
    if (r.rows() == 0)
        return std::nullopt;
    return decisionJson(r, 0);
}

QJsonArray QcRepository::decisionsForLot(const QUuid &lotId)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kDecisionColumns) +
                      "WHERE d.lot_id = $1::uuid ORDER BY d.decided_at, d.recorded_at, d.id",
                  {lotId});
    QJsonArray out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(decisionJson(r, i));
    return out;
}

QByteArray QcRepository::passwordHash(const QUuid &userId)
{
    const db::PgResult r =
        m_db.exec("SELECT password_hash FROM users WHERE id = $1::uuid", {userId});
    return r.rows() ? r.text(0, "password_hash").toUtf8() : QByteArray();
}

std::optional<QUuid> QcRepository::lotId(const QString &code)
{
    const db::PgResult r = m_db.exec("SELECT id FROM lots WHERE lot_code = $1", {code});
    if (r.rows() == 0)
        return std::nullopt;
    return r.toUuid(0, "id");
}

QString QcRepository::lotStatus(const QUuid &lotId)
{
    const db::PgResult r = m_db.exec("SELECT status FROM lots WHERE id = $1::uuid", {lotId});
    return r.rows() ? r.text(0, "status") : QString();
}

} // namespace flowviz::qc
