#pragma once

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace flowviz::stats {

enum class BucketUnit
{
    Hour,
    Day
};

// The dense run of chart buckets covering a half-open range [from, to), cut at the plant's
// local midnights (day) or at the real instants where the local clock shows a whole hour
// (hour). A day is 23, 24 or 25 hours long across DST changes; a fall-back day has 25 hourly
// buckets (the repeated hour is not merged) and a spring-forward day 23. The first bucket
// starts at the boundary at or before `from`; the last one ends at the first boundary at or
// after `to`.
class TimeBuckets
{
public:
    // Nullopt when covering the range would take more than `maxCount` buckets.
    static std::optional<TimeBuckets> cover(const QDateTime &from, const QDateTime &to,
                                            BucketUnit unit, const QTimeZone &zone, int maxCount);

    qsizetype size() const { return m_bounds.size() - 1; }
    // Instants in UTC: bucket i is [start(i), end(i)).
    QDateTime start(qsizetype i) const { return m_bounds.at(i); }
    QDateTime end(qsizetype i) const { return m_bounds.at(i + 1); }
    // Every bucket's start, in order: the thresholds for SQL's width_bucket().
    QList<QDateTime> starts() const { return m_bounds.first(size()); }

private:
    QList<QDateTime> m_bounds; // size() + 1 instants
};

} // namespace flowviz::stats
