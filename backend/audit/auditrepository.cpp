#include "backend/audit/auditrepository.h"

namespace flowviz::audit {

namespace {

std::optional<QJsonObject> objectOrNone(const db::PgResult &r, int i, const char *name)
{
    if (r.isNull(i, name))
        return std::nullopt;
    return r.jsonValue(i, name).toObject();
}

} // namespace

QList<wire::AuditEntry> AuditRepository::find(const AuditQuery &q, int limit)
{
    // PostgreSQL plans an unnamed statement with its values, so each absent filter
    // ("$1 IS NULL") drops out of the plan and the one given uses its index.
    const db::PgResult r = m_db.exec(
        "SELECT a.id, a.at, u.username AS actor, a.db_user, a.action, a.entity, a.entity_key, "
        "a.old_values, a.new_values, a.reason FROM audit_log a "
        "LEFT JOIN users u ON u.id = a.actor "
        "WHERE ($1::text IS NULL OR a.entity = $1) AND ($2::text IS NULL OR a.entity_key = $2) "
        "AND ($3::text IS NULL OR a.actor = (SELECT id FROM users WHERE lower(username) = "
        "lower($3))) "
        "AND ($4::timestamptz IS NULL OR a.at >= $4) AND ($5::timestamptz IS NULL OR a.at < $5) "
        "AND ($6::bigint IS NULL OR a.id < $6) ORDER BY a.id DESC LIMIT $7::int",
        {q.entity, q.entityKey, q.actor, q.from, q.to, q.beforeId, limit});
    QList<wire::AuditEntry> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        wire::AuditEntry e;
        e.id = r.toInt(i, "id");
        e.at = r.toDateTime(i, "at");
        if (!r.isNull(i, "actor"))
            e.actor = r.text(i, "actor");
        e.dbUser = r.text(i, "db_user");
        e.action = r.text(i, "action");
        e.entity = r.text(i, "entity");
        e.entityKey = r.text(i, "entity_key");
        e.oldValues = objectOrNone(r, i, "old_values");
        e.newValues = objectOrNone(r, i, "new_values");
        e.reason = r.text(i, "reason");
        out.append(std::move(e));
    }
    return out;
}

} // namespace flowviz::audit
