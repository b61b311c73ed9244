#pragma once

#include "backend/api/ratelimiter.h"

#include "backend/config/serverconfig.h"

#include <QUuid>

namespace flowviz::api {

enum class RateBucket
{
    None,
    Writes,
    LotReads,
    Traceability
};

// The per-user request limits of each bucket, as configured; refuses a request over its
// bucket's limit with a 429 problem that says when to retry.
class RateLimitPolicy
{
public:
    explicit RateLimitPolicy(const RateLimits &limits) : m_limits(limits) {}

    // Counts one request of `userId` in `bucket`; throws a 429 ApiError (with Retry-After) when
    // it is over the limit. Does nothing for RateBucket::None or when limits are disabled.
    void check(RateBucket bucket, const QUuid &userId, qint64 nowMs);

private:
    RateLimits m_limits;
    RateLimiter m_limiter;
};

} // namespace flowviz::api
