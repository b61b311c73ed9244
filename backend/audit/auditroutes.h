#pragma once

#include "backend/api/apicontext.h"
#include "backend/http/httpserver.h"

#include "domain/wire/audit.h"

#include <QList>

namespace flowviz::audit {

// GET /api/v1/audit: the audit trail for auditors and administrators, as JSON pages or CSV.
void registerRoutes(http::HttpServer &server, api::ApiContext &api);

// The entries as an RFC 4180 CSV document with a header row (UTF-8, CRLF). A cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
// gets a leading apostrophe, the usual guard against CSV injection.
QByteArray auditCsv(const QList<wire::AuditEntry> &entries);

} // namespace flowviz::audit
