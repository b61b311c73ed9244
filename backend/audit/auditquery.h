#pragma once

#include <QDateTime>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace flowviz::audit {

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxJsonLimit = 1000;
inline constexpr int kMaxCsvLimit = 10000;

// The filters of GET /api/v1/audit, checked. Newest first; a page ends where `beforeId`
// says (the previous page's next_cursor).
struct AuditQuery
{
    std::optional<QString> entity; // an audited table: lots, users, ...
    std::optional<QString> entityKey;
    std::optional<QString> actor; // user name, any case
    std::optional<QDateTime> from;
    std::optional<QDateTime> to; // exclusive
    std::optional<qint64> beforeId;
    bool csv = false;
    int limit = kDefaultLimit;
};

// The tables whose rows the audit trail records (migration 0007), as `entity` names them.
const QStringList &auditedEntities();

// Every problem found is reported at once, as a 400 problem+json with errors[].
AuditQuery parseAuditQuery(const QUrlQuery &query);

} // namespace flowviz::audit
