#pragma once

#include "backend/stats/timebuckets.h"

#include "domain/enums.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUrlQuery>

#include <optional>

namespace flowviz::stats {

inline constexpr int kMaxBuckets = 2000;
inline constexpr int kDefaultDecisionLimit = 200;
inline constexpr int kMaxDecisionLimit = 1000;

// from, to and bucket of a chart series, checked, with the buckets that cover the range.
struct SeriesParams
{
    QDateTime from; // UTC
    QDateTime to;   // UTC, exclusive
    BucketUnit unit = BucketUnit::Hour;
    TimeBuckets buckets;
};

// The drill-down behind one bar of the QC chart.
struct DecisionListParams
{
    QDateTime from;
    QDateTime to;
    std::optional<int> gateNumber;
    std::optional<Decision> outcome;
    int limit = kDefaultDecisionLimit;
};

// Read the query string; every problem found is reported at once as a 400 problem+json with
// errors[] (ApiError).
SeriesParams parseSeriesParams(const QUrlQuery &query, const QTimeZone &zone);
DecisionListParams parseDecisionListParams(const QUrlQuery &query);

} // namespace flowviz::stats
