#include "backend/audit/auditquery.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"

namespace flowviz::audit {

namespace {

QString param(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

std::optional<QDateTime> readTime(const QUrlQuery &query, const char *name, FieldErrors &errors)
{
    const QString v = param(query, name);
    if (v.isEmpty())
        return std::nullopt;
    const auto t = api::parseTimeWithOffset(v);
    if (!t) {
        errors.append({QString::fromLatin1(name), QStringLiteral("field.type"),
                       QStringLiteral("%1 must be an RFC 3339 time with offset, e.g. "
                                      "2026-11-27T06:00:00+01:00, not \"%2\".")
                               .arg(QString::fromLatin1(name), v.left(64)) +
                           QStringLiteral(" In a URL, write + as %2B.")});
        return std::nullopt;
    }
    return t->toUTC();
}

std::optional<QString> readText(const QUrlQuery &query, const char *name, FieldErrors &errors)
{
    const QString v = param(query, name);
    if (v.isEmpty())
        return std::nullopt;
    if (v.contains(QChar(0))) {
        // PostgreSQL's text cannot hold it, and cutting the value there would search for
        // something else than was asked.
        errors.append({QString::fromLatin1(name), QStringLiteral("text.nul"),
                       QStringLiteral("%1 must not contain a NUL character.")
                           .arg(QString::fromLatin1(name))});
        return std::nullopt;
    }
    if (v.size() > 200)
        errors.append(
            {QString::fromLatin1(name), QStringLiteral("field.too_long"),
             QStringLiteral("%1 is at most 200 characters long.").arg(QString::fromLatin1(name))});
    return v;
}

} // namespace

const QStringList &auditedEntities()
{
    static const QStringList names{QStringLiteral("ccp_limits"),
                                   QStringLiteral("lot_genealogy"),
                                   QStringLiteral("lot_profiles"),
                                   QStringLiteral("lot_receipts"),
                                   QStringLiteral("lots"),
                                   QStringLiteral("production_runs"),
                                   QStringLiteral("qc_gates"),
                                   QStringLiteral("suppliers"),
                                   QStringLiteral("user_signing_keys"),
                                   QStringLiteral("users")};
    return names;
}

AuditQuery parseAuditQuery(const QUrlQuery &query)
{
    FieldErrors errors;
    AuditQuery q;
    q.entity = readText(query, "entity", errors);
    if (q.entity && !auditedEntities().contains(*q.entity))
        errors.append({QStringLiteral("entity"), QStringLiteral("entity.unknown"),
                       QStringLiteral("entity must be one of: %1.")
                           .arg(auditedEntities().join(QStringLiteral(", ")))});
    q.entityKey = readText(query, "key", errors);
    q.actor = readText(query, "actor", errors);
    q.from = readTime(query, "from", errors);
    q.to = readTime(query, "to", errors);
    if (q.from && q.to && *q.from >= *q.to)
        errors.append({QStringLiteral("to"), QStringLiteral("range.order"),
                       QStringLiteral("to must be later than from (the range is [from, to)).")});

    const QString format = param(query, "format");
    q.csv = format == u"csv";
    if (!format.isEmpty() && !q.csv && format != u"json")
        errors.append({QStringLiteral("format"), QStringLiteral("format.unknown"),
                       QStringLiteral("format must be json or csv.")});
    const int maxLimit = q.csv ? kMaxCsvLimit : kMaxJsonLimit;
    if (const QString l = param(query, "limit"); !l.isEmpty()) {
        bool ok = false;
        q.limit = l.toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > maxLimit)
            errors.append(
                {QStringLiteral("limit"), QStringLiteral("limit.range"),
                 QStringLiteral("limit must be a whole number from 1 to %1.").arg(maxLimit)});
    } else if (q.csv) {
        q.limit = kMaxCsvLimit;
    }
    if (const QString c = param(query, "cursor"); !c.isEmpty()) {
        bool ok = false;
        const qint64 id = c.toLongLong(&ok);
        if (ok && id > 0)
            q.beforeId = id;
        else
            errors.append({QStringLiteral("cursor"), QStringLiteral("cursor.invalid"),
                           QStringLiteral("cursor must be the next_cursor of an earlier page.")});
    }
    if (!errors.isEmpty())
        throw api::ApiError::invalidParameters(errors);
    return q;
}

} // namespace flowviz::audit
