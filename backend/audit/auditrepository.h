#pragma once

#include "backend/audit/auditquery.h"
#include "backend/db/pgsession.h"

#include "domain/wire/audit.h"

#include <QList>

namespace flowviz::audit {

// Reads the audit trail (audit_log, written only by the triggers of migration 0007).
class AuditRepository
{
public:
    explicit AuditRepository(db::PgSession &db) : m_db(db) {}

    // The entries that match, newest first, at most `limit` (query.limit + 1 is asked for by
    // the caller that wants to know whether there is a next page).
    QList<wire::AuditEntry> find(const AuditQuery &query, int limit);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::audit
