#include "backend/stats/timebuckets.h"

namespace flowviz::stats {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;

// How far past a local whole hour the plant's clock is at `t`, in milliseconds.
qint64 pastLocalHour(const QDateTime &t, const QTimeZone &zone)
{
    const QTime local = t.toTimeZone(zone).time();
    return qint64(local.minute()) * 60000 + qint64(local.second()) * 1000 + local.msec();
}

QDateTime hourAtOrBefore(const QDateTime &t, const QTimeZone &zone)
{
    QDateTime at = t;
    // Once is enough unless an offset changed by a fraction of an hour within the last hour
    // (Lord Howe's 30-minute DST): then step back again under the earlier offset.
    for (int i = 0; i < 3; ++i) {
        const qint64 past = pastLocalHour(at, zone);
        if (past == 0)
            break;
        at = at.addMSecs(-past);
    }
    return at.toUTC();
}

// The first instant after `t` (itself at a local whole hour) at which the local clock shows a
// whole hour: one real hour later, unless the offset changes by a fraction of an hour in
// between; then the first whole local hour at or after the change.
QDateTime nextHour(const QDateTime &t, const QTimeZone &zone)
{
    const QDateTime next = t.addMSecs(kHourMs);
    if (pastLocalHour(next, zone) == 0)
        return next.toUTC();
    const QDateTime change = zone.nextTransition(t).atUtc;
    const QDateTime from = change.isValid() && change > t && change <= next ? change : next;
    const qint64 past = pastLocalHour(from, zone);
    return (past == 0 ? from : from.addMSecs(kHourMs - past)).toUTC();
}

QDateTime dayAtOrBefore(const QDateTime &t, const QTimeZone &zone)
{
    // startOfDay() copes with zones whose clocks skip midnight itself.
    return t.toTimeZone(zone).date().startOfDay(zone).toUTC();
}

QDateTime nextDay(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).date().addDays(1).startOfDay(zone).toUTC();
}

} // namespace

std::optional<TimeBuckets> TimeBuckets::cover(const QDateTime &from, const QDateTime &to,
                                              BucketUnit unit, const QTimeZone &zone, int maxCount)
{
    TimeBuckets out;
    QDateTime at =
        unit == BucketUnit::Hour ? hourAtOrBefore(from, zone) : dayAtOrBefore(from, zone);
    out.m_bounds.append(at);
    while (at < to) {
        if (out.size() == maxCount)
            return std::nullopt;
        at = unit == BucketUnit::Hour ? nextHour(at, zone) : nextDay(at, zone);
        if (!at.isValid())
            return std::nullopt; // past the end of the calendar
        out.m_bounds.append(at);
    }
    return out;
}

} // namespace flowviz::stats
