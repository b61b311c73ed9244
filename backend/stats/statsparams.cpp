#include "backend/stats/statsparams.h"

#include "backend/api/bodyreader.h"

#include "backend/api/apierror.h"

#include "domain/validation.h"
#include "domain/wire/problem.h"

namespace flowviz::stats {

namespace {

QString param(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

// The same rule as the lot list's created_from/created_to: an ISO 8601 / RFC 3339 time that
// names its offset, since a bare local time means different instants on different machines.
QDateTime readTime(const QUrlQuery &query, const char *name, FieldErrors &errors)
{
    const QString field = QString::fromLatin1(name);
    const QString v = param(query, name);
    if (v.isEmpty()) {
        errors.append({field, QStringLiteral("field.required"),
                       QStringLiteral("%1 is required: an RFC 3339 time with offset, e.g. "
                                      "2026-11-27T06:00:00+01:00.")
                           .arg(field)});
        return {};
    }
    const auto t = api::parseTimeWithOffset(v);
    if (!t) {
        // Appended, not formatted: "%2B" would be taken for a placeholder.
        errors.append({field, QStringLiteral("field.type"),
                       QStringLiteral("%1 must be an RFC 3339 time with offset, e.g. "
                                      "2026-11-27T06:00:00+01:00, not \"%2\".")
                               .arg(field, v.left(64)) +
                           QStringLiteral(" In a URL, write + as %2B.")});
        return {};
    }
    return t->toUTC();
}

void readRange(const QUrlQuery &query, QDateTime &from, QDateTime &to, FieldErrors &errors)
{
    from = readTime(query, "from", errors);
    to = readTime(query, "to", errors);
    if (from.isValid() && to.isValid() && from >= to)
        errors.append({QStringLiteral("to"), QStringLiteral("range.order"),
                       QStringLiteral("to must be later than from (the range is [from, to)).")});
}

} // namespace

SeriesParams parseSeriesParams(const QUrlQuery &query, const QTimeZone &zone)
{
    FieldErrors errors;
    SeriesParams p;
    readRange(query, p.from, p.to, errors);
    const QString bucket = param(query, "bucket").toLower();
    if (bucket == u"day")
        p.unit = BucketUnit::Day;
    else if (!bucket.isEmpty() && bucket != u"hour")
        errors.append({QStringLiteral("bucket"), QStringLiteral("bucket.unknown"),
                       QStringLiteral("bucket must be hour or day.")});
    if (errors.isEmpty()) {
        auto buckets = TimeBuckets::cover(p.from, p.to, p.unit, zone, kMaxBuckets);
        if (!buckets)
            errors.append(
                {QStringLiteral("to"), QStringLiteral("range.too_many_buckets"),
                 QStringLiteral("From %1 to %2 takes more than %3 %4 buckets; choose a shorter "
                                "range%5.")
                     .arg(p.from.toString(Qt::ISODateWithMs), p.to.toString(Qt::ISODateWithMs))
                     .arg(kMaxBuckets)
                     .arg(p.unit == BucketUnit::Hour ? QStringLiteral("hourly")
                                                     : QStringLiteral("daily"),
                          p.unit == BucketUnit::Hour ? QStringLiteral(" or bucket=day")
                                                     : QString())});
        else
            p.buckets = std::move(*buckets);
    }
    if (!errors.isEmpty())
        throw api::ApiError::invalidParameters(errors);
    return p;
}

DecisionListParams parseDecisionListParams(const QUrlQuery &query)
{
    FieldErrors errors;
    DecisionListParams p;
    readRange(query, p.from, p.to, errors);
    if (const QString g = param(query, "gate"); !g.isEmpty()) {
        bool ok = false;
        const int n = g.toInt(&ok);
        if (ok && n > 0)
            p.gateNumber = n;
        else
            errors.append({QStringLiteral("gate"), QStringLiteral("field.type"),
                           QStringLiteral("gate must be a QC gate number, e.g. gate=1.")});
    }
    if (const QString o = param(query, "outcome"); !o.isEmpty()) {
        p.outcome = decisionFromString(o.toUpper());
        if (!p.outcome)
            errors.append({QStringLiteral("outcome"), QStringLiteral("decision.unknown"),
                           QStringLiteral("outcome must be PASS, HOLD or FAIL.")});
    }
    if (const QString l = param(query, "limit"); !l.isEmpty()) {
        bool ok = false;
        p.limit = l.toInt(&ok);
        if (!ok || p.limit < 1 || p.limit > kMaxDecisionLimit)
            errors.append({QStringLiteral("limit"), QStringLiteral("limit.range"),
                           QStringLiteral("limit must be a whole number from 1 to %1.")
                               .arg(kMaxDecisionLimit)});
    }
    if (!errors.isEmpty())
        throw api::ApiError::invalidParameters(errors);
    return p;
}

} // namespace flowviz::stats
