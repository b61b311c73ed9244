// RateLimitPolicy: each bucket's configured limit per user, a 429 with Retry-After over it.

#include "backend/api/ratelimitpolicy.h"

#include "backend/api/apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using flowviz::RateLimits;
using flowviz::api::ApiError;
using flowviz::api::RateBucket;
using flowviz::api::RateLimitPolicy;

namespace {

constexpr qint64 kT0 = 1700000000000;
const QUuid kAlice(QStringLiteral("11111111-1111-1111-1111-111111111111"));
const QUuid kBob(QStringLiteral("22222222-2222-2222-2222-222222222222"));

RateLimits smallLimits()
{
    RateLimits l;
    l.writesPerMinute = 2;
    l.lotReadsPerMinute = 3;
    l.traceabilityPerMinute = 1;
    return l;
}

// The refusal of the call after `allowed` accepted ones, or an empty response.
std::optional<flowviz::http::Response> refusalAfter(RateLimitPolicy &p, RateBucket bucket,
                                                    int allowed)
{
    for (int i = 0; i < allowed; ++i)
        p.check(bucket, kAlice, kT0 + i);
    try {
        p.check(bucket, kAlice, kT0 + allowed);
    } catch (const ApiError &e) {
        return e.response();
    }
    return std::nullopt;
}

} // namespace

class TestRateLimitPolicy : public QObject
{
    Q_OBJECT

private slots:
    void eachBucketHasItsLimit_data()
    {
        QTest::addColumn<RateBucket>("bucket");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("name");
        QTest::newRow("writes") << RateBucket::Writes << 2 << QStringLiteral("writes");
        QTest::newRow("lot reads") << RateBucket::LotReads << 3 << QStringLiteral("lot_reads");
        QTest::newRow("traceability")
            << RateBucket::Traceability << 1 << QStringLiteral("traceability");
    }
    void eachBucketHasItsLimit()
    {
        QFETCH(RateBucket, bucket);
        QFETCH(int, limit);
        QFETCH(QString, name);
        RateLimitPolicy policy(smallLimits());
        const auto refused = refusalAfter(policy, bucket, limit);
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        const QJsonObject body = QJsonDocument::fromJson(refused->body).object();
        QCOMPARE(body.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("At most %1 %2 requests per minute; retry in 60 s.")
                     .arg(limit)
                     .arg(name));
        bool hasRetryAfter = false;
        for (const auto &[header, value] : refused->headers)
            hasRetryAfter |= header == "Retry-After" && value == "60";
        QVERIFY(hasRetryAfter);
    }
    void usersAndBucketsCountApart()
    {
        RateLimitPolicy policy(smallLimits());
        policy.check(RateBucket::Traceability, kAlice, kT0);
        policy.check(RateBucket::Traceability, kBob, kT0);
        policy.check(RateBucket::Writes, kAlice, kT0);
        QVERIFY_THROWS_EXCEPTION(ApiError, policy.check(RateBucket::Traceability, kAlice, kT0));
    }
    void noneAndDisabledNeverRefuse()
    {
        RateLimitPolicy policy(smallLimits());
        for (int i = 0; i < 10; ++i)
            policy.check(RateBucket::None, kAlice, kT0);
        RateLimits off = smallLimits();
        off.enabled = false;
        RateLimitPolicy disabled(off);
        for (int i = 0; i < 10; ++i)
            disabled.check(RateBucket::Traceability, kAlice, kT0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitPolicy)
#include "tst_ratelimitpolicy.moc"
