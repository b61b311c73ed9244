#include "backend/api/ratelimitpolicy.h"

#include "backend/api/apierror.h"

#include <utility>

namespace flowviz::api {

namespace {

// The bucket's name as clients see it in the problem text, and its limit.
std::pair<QString, int> bucketLimit(const RateLimits &l, RateBucket bucket)
{
    switch (bucket) {
    case RateBucket::Writes:
        return {QStringLiteral("writes"), l.writesPerMinute};
    case RateBucket::LotReads:
        return {QStringLiteral("lot_reads"), l.lotReadsPerMinute};
    case RateBucket::Traceability:
    case RateBucket::None:
        break;
    }
    return {QStringLiteral("traceability"), l.traceabilityPerMinute};
}

} // namespace

void RateLimitPolicy::check(RateBucket bucket, const QUuid &userId, qint64 nowMs)
{
    if (!m_limits.enabled || bucket == RateBucket::None)
        return;
    const auto [name, limit] = bucketLimit(m_limits, bucket);
    const int retry = m_limiter.hit(name, userId.toString(), limit, nowMs);
    if (retry <= 0)
        return;
    throw ApiError(wire::Problem{wire::Problem::Kind::RateLimited,
                                 wire::problemtype::kRateLimited,
                                 QStringLiteral("Too many requests"),
                                 QStringLiteral("At most %1 %2 requests per minute; retry in %3 s.")
                                     .arg(limit)
                                     .arg(name)
                                     .arg(retry),
                                 {}},
                   {{"Retry-After", QByteArray::number(retry)}});
}

} // namespace flowviz::api
