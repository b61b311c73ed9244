// The supervisor statistics API (backend/stats): exact figures for a seeded data set with known
// answers — hour and day buckets in the plant's time zone, bucket edges, the exclusive end of a
// range, DST days, a server in another zone, first-pass yield, held lots by age, workstation
// heartbeats — plus RBAC and the 400 answers for bad parameters.

#include "tests/backend/apitestutil.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace flowviz::test;

namespace {

QByteArray canonical(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QJsonValue parsed(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad expected JSON in the test: %s", qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// A URL query value: "+" must travel as %2B.
QString q(const char *time)
{
    return QString::fromLatin1(time).replace(u'+', QStringLiteral("%2B"));
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

QJsonArray arrayOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

} // namespace

// Fails unless `actual` (a QJsonObject or QJsonArray) equals the JSON text `expected`,
// printing both in compact canonical form (keys sorted).
#define FV_COMPARE_JSON(actual, expected) QCOMPARE(canonical(actual), canonical(parsed(expected)))

class TestStats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_stats"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        for (const char *role : {"admin", "manager", "auditor", "operator", "viewer"}) {
            auto c = clientFor(*m_server, QString::fromLatin1(role));
            QVERIFY(c);
            m_clients.insert(QString::fromLatin1(role), c.release());
        }
        m_operatorId = userId(*m_server, QStringLiteral("operator"));
        seedLots(*m_server);
        seedDecisions();
    }
    void cleanupTestCase()
    {
        qDeleteAll(m_clients);
        m_clients.clear();
        m_server.reset();
    }

    // ------------------------------------------------------------------------------ lots
    void lotsPerHour()
    {
        // 06:00 local is both `from` and a bucket edge; 06:59:59.999 stays in the first hour;
        // 07:00 opens the second; 08:00 is `to` and is left out, as is 05:59:59.999.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?from=") +
                                       q("2025-11-27T06:00:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-11-27T08:00:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json(), R"({
            "from": "2025-11-27T06:00:00+01:00", "to": "2025-11-27T08:00:00+01:00",
            "bucket": "hour", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-11-27T06:00:00+01:00", "end": "2025-11-27T07:00:00+01:00",
                 "lots": 3, "kg": 120.5,
                 "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                             {"lot_type": "MIX", "lots": 1, "kg": 20.5}]},
                {"start": "2025-11-27T07:00:00+01:00", "end": "2025-11-27T08:00:00+01:00",
                 "lots": 1, "kg": 500.25,
                 "by_type": [{"lot_type": "BULK", "lots": 1, "kg": 500.25}]}],
            "totals": {"lots": 4, "kg": 620.75,
                       "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                                   {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                                   {"lot_type": "MIX", "lots": 1, "kg": 20.5}]}})");
        // Exact decimals travel as JSON numbers, not strings.
        QVERIFY2(r.body.contains("\"kg\":620.75"), r.body.constData());
    }

    void lotsRangeNotOnBucketEdges()
    {
        // The first bucket starts at the whole hour before `from`, the last ends at the whole
        // hour after `to`; only lots in [from, to) count. A lot without weight counts as 0 kg.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?bucket=hour&from=") +
                                       q("2025-11-27T06:30:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-11-27T07:30:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json(), R"({
            "from": "2025-11-27T06:30:00+01:00", "to": "2025-11-27T07:30:00+01:00",
            "bucket": "hour", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-11-27T06:00:00+01:00", "end": "2025-11-27T07:00:00+01:00",
                 "lots": 2, "kg": 20.5,
                 "by_type": [{"lot_type": "RAW", "lots": 1, "kg": 0},
                             {"lot_type": "MIX", "lots": 1, "kg": 20.5}]},
                {"start": "2025-11-27T07:00:00+01:00", "end": "2025-11-27T08:00:00+01:00",
                 "lots": 1, "kg": 500.25,
                 "by_type": [{"lot_type": "BULK", "lots": 1, "kg": 500.25}]}],
            "totals": {"lots": 3, "kg": 520.75,
                       "by_type": [{"lot_type": "RAW", "lots": 1, "kg": 0},
                                   {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                                   {"lot_type": "MIX", "lots": 1, "kg": 20.5}]}})");
    }

    void lotsPerDayFollowPlantZone()
    {
        // Asked in UTC, answered in the plant's zone. The lot at 23:30 UTC on the 27th is at
        // 00:30 on the 28th in Budapest; `to` (01:00 local on the 29th) opens a third day.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?bucket=day&from=") +
                                       q("2025-11-27T00:00:00Z") + QStringLiteral("&to=") +
                                       q("2025-11-29T00:00:00Z"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json(), R"({
            "from": "2025-11-27T01:00:00+01:00", "to": "2025-11-29T01:00:00+01:00",
            "bucket": "day", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-11-27T00:00:00+01:00", "end": "2025-11-28T00:00:00+01:00",
                 "lots": 6, "kg": 935.75,
                 "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                             {"lot_type": "DEB", "lots": 1, "kg": 300},
                             {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                             {"lot_type": "MIX", "lots": 1, "kg": 20.5},
                             {"lot_type": "FG", "lots": 1, "kg": 15}]},
                {"start": "2025-11-28T00:00:00+01:00", "end": "2025-11-29T00:00:00+01:00",
                 "lots": 1, "kg": 25.5,
                 "by_type": [{"lot_type": "SKW", "lots": 1, "kg": 25.5}]},
                {"start": "2025-11-29T00:00:00+01:00", "end": "2025-11-30T00:00:00+01:00",
                 "lots": 0, "kg": 0, "by_type": []}],
            "totals": {"lots": 7, "kg": 961.25,
                       "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                                   {"lot_type": "DEB", "lots": 1, "kg": 300},
                                   {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                                   {"lot_type": "MIX", "lots": 1, "kg": 20.5},
                                   {"lot_type": "SKW", "lots": 1, "kg": 25.5},
                                   {"lot_type": "FG", "lots": 1, "kg": 15}]}})");
    }

    void lotsEmptyRangeIsDense()
    {
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?bucket=day&from=") +
                                       q("2025-06-01T00:00:00+02:00") + QStringLiteral("&to=") +
                                       q("2025-06-04T00:00:00+02:00"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json(), R"({
            "from": "2025-06-01T00:00:00+02:00", "to": "2025-06-04T00:00:00+02:00",
            "bucket": "day", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-06-01T00:00:00+02:00", "end": "2025-06-02T00:00:00+02:00",
                 "lots": 0, "kg": 0, "by_type": []},
                {"start": "2025-06-02T00:00:00+02:00", "end": "2025-06-03T00:00:00+02:00",
                 "lots": 0, "kg": 0, "by_type": []},
                {"start": "2025-06-03T00:00:00+02:00", "end": "2025-06-04T00:00:00+02:00",
                 "lots": 0, "kg": 0, "by_type": []}],
            "totals": {"lots": 0, "kg": 0, "by_type": []}})");
    }

    void fallBackDayHas25Hours()
    {
        // 26 Oct 2025: Budapest's clocks go from 03:00 CEST back to 02:00 CET. The hour from
        // 02:00 happens twice and is two buckets.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?from=") +
                                       q("2025-10-26T00:00:00+02:00") + QStringLiteral("&to=") +
                                       q("2025-10-27T00:00:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray buckets = arrayOf(r.json(), "buckets");
        QCOMPARE(buckets.size(), 25);
        QStringList starts;
        QList<int> lots;
        for (const QJsonValue &b : buckets) {
            starts << b[QStringLiteral("start")].toString();
            lots << b[QStringLiteral("lots")].toInt();
        }
        QCOMPARE(starts.mid(0, 5),
                 strings({"2025-10-26T00:00:00+02:00", "2025-10-26T01:00:00+02:00",
                          "2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00",
                          "2025-10-26T03:00:00+01:00"}));
        QCOMPARE(starts.last(), QStringLiteral("2025-10-26T23:00:00+01:00"));
        QCOMPARE(buckets.last().toObject().value(QStringLiteral("end")).toString(),
                 QStringLiteral("2025-10-27T00:00:00+01:00"));
        QList<int> expected(25, 0);
        expected[2] = 1; // 02:30 CEST
        expected[3] = 1; // 02:30 CET
        QCOMPARE(lots, expected);

        const Reply day = manager()->get(QStringLiteral("/api/v1/stats/lots?bucket=day&from=") +
                                         q("2025-10-26T00:00:00+02:00") + QStringLiteral("&to=") +
                                         q("2025-10-27T00:00:00+01:00"));
        FV_VERIFY_STATUS(day, 200);
        FV_COMPARE_JSON(arrayOf(day.json(), "buckets"), R"([
            {"start": "2025-10-26T00:00:00+02:00", "end": "2025-10-27T00:00:00+01:00",
             "lots": 2, "kg": 21, "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 21}]}])");
    }

    void springForwardDayHas23Hours()
    {
        // 30 Mar 2025: 02:00 CET jumps to 03:00 CEST; there is no 02:00 bucket.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/lots?from=") +
                                       q("2025-03-30T00:00:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-03-31T00:00:00+02:00"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray buckets = arrayOf(r.json(), "buckets");
        QCOMPARE(buckets.size(), 23);
        QCOMPARE(buckets.at(1).toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("2025-03-30T01:00:00+01:00"));
        QCOMPARE(buckets.at(1).toObject().value(QStringLiteral("end")).toString(),
                 QStringLiteral("2025-03-30T03:00:00+02:00"));
        QCOMPARE(buckets.at(2).toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("2025-03-30T03:00:00+02:00"));
        QCOMPARE(buckets.at(2).toObject().value(QStringLiteral("lots")).toInt(), 1);
        QCOMPARE(r.json()
                     .value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("kg"))
                     .toDouble(),
                 700.0);
    }

    void otherPlantZoneBucketsDifferently()
    {
        // The same lots on a server whose plant is in New York: the day of the 23:30 UTC lot
        // is the 27th there, and buckets carry New York's offset.
        TestServer other(QStringLiteral("tst_stats_ny"), noRateLimits()
                                                             << QStringLiteral("--plant-time-zone")
                                                             << QStringLiteral("America/New_York"));
        QVERIFY2(other.start(), qPrintable(other.serverOutput()));
        seedLots(other);
        const auto viewer = clientFor(other, QStringLiteral("viewer"));
        QVERIFY(viewer);
        const Reply r = viewer->get(QStringLiteral("/api/v1/stats/lots?bucket=day&from=") +
                                    q("2025-11-27T00:00:00Z") + QStringLiteral("&to=") +
                                    q("2025-11-29T00:00:00Z"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json(), R"({
            "from": "2025-11-26T19:00:00-05:00", "to": "2025-11-28T19:00:00-05:00",
            "bucket": "day", "time_zone": "America/New_York",
            "buckets": [
                {"start": "2025-11-26T00:00:00-05:00", "end": "2025-11-27T00:00:00-05:00",
                 "lots": 1, "kg": 300, "by_type": [{"lot_type": "DEB", "lots": 1, "kg": 300}]},
                {"start": "2025-11-27T00:00:00-05:00", "end": "2025-11-28T00:00:00-05:00",
                 "lots": 6, "kg": 661.25,
                 "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                             {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                             {"lot_type": "MIX", "lots": 1, "kg": 20.5},
                             {"lot_type": "SKW", "lots": 1, "kg": 25.5},
                             {"lot_type": "FG", "lots": 1, "kg": 15}]},
                {"start": "2025-11-28T00:00:00-05:00", "end": "2025-11-29T00:00:00-05:00",
                 "lots": 0, "kg": 0, "by_type": []}],
            "totals": {"lots": 7, "kg": 961.25,
                       "by_type": [{"lot_type": "RAW", "lots": 2, "kg": 100},
                                   {"lot_type": "DEB", "lots": 1, "kg": 300},
                                   {"lot_type": "BULK", "lots": 1, "kg": 500.25},
                                   {"lot_type": "MIX", "lots": 1, "kg": 20.5},
                                   {"lot_type": "SKW", "lots": 1, "kg": 25.5},
                                   {"lot_type": "FG", "lots": 1, "kg": 15}]}})");
    }

    void exactlyMaxBucketsIsAllowed()
    {
        // 2000 hourly buckets fit; one more second needs a 2001st.
        const Reply ok =
            manager()->get(QStringLiteral("/api/v1/stats/lots?from=") + q("2025-01-01T00:00:00Z") +
                           QStringLiteral("&to=") + q("2025-03-25T08:00:00Z"));
        FV_VERIFY_STATUS(ok, 200);
        QCOMPARE(arrayOf(ok.json(), "buckets").size(), 2000);
        const Reply tooMany =
            manager()->get(QStringLiteral("/api/v1/stats/lots?from=") + q("2025-01-01T00:00:00Z") +
                           QStringLiteral("&to=") + q("2025-03-25T08:00:01Z"));
        FV_VERIFY_PROBLEM(tooMany, 400);
        QVERIFY2(
            hasFieldError(tooMany, QStringLiteral("to"), QStringLiteral("range.too_many_buckets")),
            qPrintable(describe(tooMany)));
    }

    // -------------------------------------------------------------------------------- QC
    void qcGates()
    {
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?from=") +
                                       q("2025-11-20T08:00:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-11-20T10:00:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(arrayOf(r.json(), "gates"), R"([
            {"gate_number": 1, "name": {"hu": "Átvétel", "en": "Receipt"}, "is_ccp": false},
            {"gate_number": 3, "name": {"hu": "Csontozás", "en": "Deboning"}, "is_ccp": false},
            {"gate_number": 4, "name": {"hu": "Ömlesztett kész", "en": "Bulk ready"}, "is_ccp": false},
            {"gate_number": 5, "name": {"hu": "Keverés", "en": "Mixing"}, "is_ccp": false},
            {"gate_number": 6, "name": {"hu": "Nyárs mérése", "en": "Skewer weighing"}, "is_ccp": false},
            {"gate_number": 7, "name": {"hu": "Fagyasztás", "en": "Freezing"}, "is_ccp": true},
            {"gate_number": 8, "name": {"hu": "Csomagolás", "en": "Packaging"}, "is_ccp": false}])");
    }

    void qcPerHour()
    {
        // See seedDecisions() for the story of each lot.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=hour&from=") +
                                       q("2025-11-20T08:00:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-11-20T10:00:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        QJsonObject o = r.json();
        o.remove(QStringLiteral("gates"));
        FV_COMPARE_JSON(o, R"({
            "from": "2025-11-20T08:00:00+01:00", "to": "2025-11-20T10:00:00+01:00",
            "bucket": "hour", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-11-20T08:00:00+01:00", "end": "2025-11-20T09:00:00+01:00",
                 "decisions": {"PASS": 3, "HOLD": 2, "FAIL": 0},
                 "by_gate": [
                    {"gate_number": 1, "PASS": 2, "HOLD": 1, "FAIL": 0,
                     "first_pass": 1, "decided_lots": 2, "yield": 0.5},
                    {"gate_number": 3, "PASS": 1, "HOLD": 1, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 1, "yield": 0}]},
                {"start": "2025-11-20T09:00:00+01:00", "end": "2025-11-20T10:00:00+01:00",
                 "decisions": {"PASS": 4, "HOLD": 0, "FAIL": 1},
                 "by_gate": [
                    {"gate_number": 1, "PASS": 2, "HOLD": 0, "FAIL": 1,
                     "first_pass": 1, "decided_lots": 2, "yield": 0.5},
                    {"gate_number": 3, "PASS": 2, "HOLD": 0, "FAIL": 0,
                     "first_pass": 2, "decided_lots": 2, "yield": 1}]}],
            "totals": {
                "decisions": {"PASS": 7, "HOLD": 2, "FAIL": 1},
                "first_pass": 4, "decided_lots": 7, "yield": 0.5714,
                "by_gate": [
                    {"gate_number": 1, "PASS": 4, "HOLD": 1, "FAIL": 1,
                     "first_pass": 2, "decided_lots": 4, "yield": 0.5},
                    {"gate_number": 3, "PASS": 3, "HOLD": 1, "FAIL": 0,
                     "first_pass": 2, "decided_lots": 3, "yield": 0.6667},
                    {"gate_number": 4, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 5, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 6, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 7, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 8, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null}]}})");
    }

    void qcPerDay()
    {
        // The whole day adds Q6's HOLD at 10:00 (the `to` of the hourly query).
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=day&from=") +
                                       q("2025-11-20T00:00:00+01:00") + QStringLiteral("&to=") +
                                       q("2025-11-21T00:00:00+01:00"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        FV_COMPARE_JSON(arrayOf(o, "buckets"), R"([
            {"start": "2025-11-20T00:00:00+01:00", "end": "2025-11-21T00:00:00+01:00",
             "decisions": {"PASS": 7, "HOLD": 3, "FAIL": 1},
             "by_gate": [
                {"gate_number": 1, "PASS": 4, "HOLD": 2, "FAIL": 1,
                 "first_pass": 2, "decided_lots": 5, "yield": 0.4},
                {"gate_number": 3, "PASS": 3, "HOLD": 1, "FAIL": 0,
                 "first_pass": 2, "decided_lots": 3, "yield": 0.6667}]}])");
        const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("first_pass")).toInt(), 4);
        QCOMPARE(totals.value(QStringLiteral("decided_lots")).toInt(), 8);
        QCOMPARE(totals.value(QStringLiteral("yield")).toDouble(), 0.5);

        // Q5's first decision at gate 1 was the day before: it counts there.
        const Reply before = manager()->get(
            QStringLiteral("/api/v1/stats/qc?bucket=day&from=") + q("2025-11-19T00:00:00+01:00") +
            QStringLiteral("&to=") + q("2025-11-20T00:00:00+01:00"));
        FV_VERIFY_STATUS(before, 200);
        FV_COMPARE_JSON(arrayOf(before.json(), "buckets"), R"([
            {"start": "2025-11-19T00:00:00+01:00", "end": "2025-11-20T00:00:00+01:00",
             "decisions": {"PASS": 1, "HOLD": 0, "FAIL": 0},
             "by_gate": [{"gate_number": 1, "PASS": 1, "HOLD": 0, "FAIL": 0,
                         "first_pass": 1, "decided_lots": 1, "yield": 1}]}])");
    }

    void qcFlaggedClientTimeCountsWhenRecorded()
    {
        // Q4's decision claims 2099 from a clock running ahead: it counted at 09:45 above and
        // is not found at its claimed time.
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=day&from=") +
                                       q("2098-12-31T00:00:00Z") + QStringLiteral("&to=") +
                                       q("2099-01-02T00:00:00Z"));
        FV_VERIFY_STATUS(r, 200);
        FV_COMPARE_JSON(r.json()
                            .value(QStringLiteral("totals"))
                            .toObject()
                            .value(QStringLiteral("decisions"))
                            .toObject(),
                        R"({"PASS": 0, "HOLD": 0, "FAIL": 0})");
    }

    void qcOfflineDecisionSyncedLaterBecomesFirst()
    {
        // STQ-OFF at gate 1 on 10 Dec 2025: a FAIL at 10:00 arrives first; a PASS decided at
        // 09:00 on a workstation that was offline is synced at 11:00. The PASS, effective
        // earlier, is the lot's first decision at the gate from then on.
        auto &db = m_server->db();
        db.query(QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, created_at) "
                                "VALUES ('STQ-OFF', 'RAW', 'RELEASED', '2025-12-10T07:00:00Z')"));
        const auto decide = [&](const char *decision, const char *decidedAt,
                                const char *recordedAt) {
            db.query(QStringLiteral(
                         "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                         "notes, workstation_id, decided_at, recorded_at) "
                         "SELECT l.id, g.id, $1::uuid, $2, 'offline', 'WS02', $3::timestamptz, "
                         "$4::timestamptz FROM lots l, qc_gates g "
                         "WHERE l.lot_code = 'STQ-OFF' AND g.gate_number = 1"),
                     {m_operatorId, QString::fromLatin1(decision), QString::fromLatin1(decidedAt),
                      QString::fromLatin1(recordedAt)});
        };
        const auto hourly = [&] {
            const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=hour&from=") +
                                           q("2025-12-10T09:00:00+01:00") + QStringLiteral("&to=") +
                                           q("2025-12-10T11:00:00+01:00"));
            return r.status == 200 ? arrayOf(r.json(), "buckets") : QJsonArray();
        };

        decide("FAIL", "2025-12-10T10:00:00+01:00", "2025-12-10T10:01:00+01:00");
        FV_COMPARE_JSON(hourly(), R"([
            {"start": "2025-12-10T09:00:00+01:00", "end": "2025-12-10T10:00:00+01:00",
             "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 0}, "by_gate": []},
            {"start": "2025-12-10T10:00:00+01:00", "end": "2025-12-10T11:00:00+01:00",
             "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 1},
             "by_gate": [{"gate_number": 1, "PASS": 0, "HOLD": 0, "FAIL": 1,
                          "first_pass": 0, "decided_lots": 1, "yield": 0}]}])");

        decide("PASS", "2025-12-10T09:00:00+01:00", "2025-12-10T11:00:00+01:00");
        FV_COMPARE_JSON(hourly(), R"([
            {"start": "2025-12-10T09:00:00+01:00", "end": "2025-12-10T10:00:00+01:00",
             "decisions": {"PASS": 1, "HOLD": 0, "FAIL": 0},
             "by_gate": [{"gate_number": 1, "PASS": 1, "HOLD": 0, "FAIL": 0,
                          "first_pass": 1, "decided_lots": 1, "yield": 1}]},
            {"start": "2025-12-10T10:00:00+01:00", "end": "2025-12-10T11:00:00+01:00",
             "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 1},
             "by_gate": [{"gate_number": 1, "PASS": 0, "HOLD": 0, "FAIL": 1,
                          "first_pass": 0, "decided_lots": 0, "yield": null}]}])");
        const Reply day = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=day&from=") +
                                         q("2025-12-10T00:00:00+01:00") + QStringLiteral("&to=") +
                                         q("2025-12-11T00:00:00+01:00"));
        FV_VERIFY_STATUS(day, 200);
        const QJsonObject totals = day.json().value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("first_pass")).toInt(), 1);
        QCOMPARE(totals.value(QStringLiteral("decided_lots")).toInt(), 1);
        QCOMPARE(totals.value(QStringLiteral("yield")).toDouble(), 1.0);
    }

    void qcEmptyRange()
    {
        const Reply r = manager()->get(QStringLiteral("/api/v1/stats/qc?bucket=day&from=") +
                                       q("2025-06-01T00:00:00+02:00") + QStringLiteral("&to=") +
                                       q("2025-06-03T00:00:00+02:00"));
        FV_VERIFY_STATUS(r, 200);
        QJsonObject o = r.json();
        o.remove(QStringLiteral("gates"));
        FV_COMPARE_JSON(o, R"({
            "from": "2025-06-01T00:00:00+02:00", "to": "2025-06-03T00:00:00+02:00",
            "bucket": "day", "time_zone": "Europe/Budapest",
            "buckets": [
                {"start": "2025-06-01T00:00:00+02:00", "end": "2025-06-02T00:00:00+02:00",
                 "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 0}, "by_gate": []},
                {"start": "2025-06-02T00:00:00+02:00", "end": "2025-06-03T00:00:00+02:00",
                 "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 0}, "by_gate": []}],
            "totals": {
                "decisions": {"PASS": 0, "HOLD": 0, "FAIL": 0},
                "first_pass": 0, "decided_lots": 0, "yield": null,
                "by_gate": [
                    {"gate_number": 1, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 3, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 4, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 5, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 6, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 7, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null},
                    {"gate_number": 8, "PASS": 0, "HOLD": 0, "FAIL": 0,
                     "first_pass": 0, "decided_lots": 0, "yield": null}]}})");
    }

    void qcDecisionsDrillDown()
    {
        const QString range = QStringLiteral("from=") + q("2025-11-20T08:00:00+01:00") +
                              QStringLiteral("&to=") + q("2025-11-20T10:00:00+01:00");
        const Reply gate1 =
            manager()->get(QStringLiteral("/api/v1/stats/qc/decisions?gate=1&") + range);
        FV_VERIFY_STATUS(gate1, 200);
        FV_COMPARE_JSON(gate1.json(), R"({"total": 6, "decisions": [
            {"lot_code": "STQ-1", "lot_type": "RAW", "gate_number": 1, "decision": "PASS",
             "decided_at": "2025-11-20T08:00:00+01:00", "operator": "operator", "workstation_id": "WS01"},
            {"lot_code": "STQ-2", "lot_type": "RAW", "gate_number": 1, "decision": "HOLD",
             "decided_at": "2025-11-20T08:30:00+01:00", "operator": "operator", "workstation_id": "WS01"},
            {"lot_code": "STQ-5", "lot_type": "RAW", "gate_number": 1, "decision": "PASS",
             "decided_at": "2025-11-20T08:45:00+01:00", "operator": "operator", "workstation_id": "WS01"},
            {"lot_code": "STQ-3", "lot_type": "RAW", "gate_number": 1, "decision": "FAIL",
             "decided_at": "2025-11-20T09:00:00+01:00", "operator": "operator", "workstation_id": "WS01"},
            {"lot_code": "STQ-2", "lot_type": "RAW", "gate_number": 1, "decision": "PASS",
             "decided_at": "2025-11-20T09:15:00+01:00", "operator": "operator", "workstation_id": "WS01"},
            {"lot_code": "STQ-4", "lot_type": "RAW", "gate_number": 1, "decision": "PASS",
             "decided_at": "2025-11-20T09:45:00+01:00", "operator": "operator", "workstation_id": null}]})");

        const Reply passes = manager()->get(
            QStringLiteral("/api/v1/stats/qc/decisions?gate=1&outcome=pass&limit=2&") + range);
        FV_VERIFY_STATUS(passes, 200);
        QCOMPARE(passes.json().value(QStringLiteral("total")).toInt(), 4);
        QStringList codes;
        for (const QJsonValue &d : arrayOf(passes.json(), "decisions"))
            codes << d[QStringLiteral("lot_code")].toString();
        QCOMPARE(codes, strings({"STQ-1", "STQ-5"}));

        const Reply all = manager()->get(QStringLiteral("/api/v1/stats/qc/decisions?") + range);
        FV_VERIFY_STATUS(all, 200);
        QCOMPARE(all.json().value(QStringLiteral("total")).toInt(), 10);
        QCOMPARE(arrayOf(all.json(), "decisions").size(), 10);

        // [from, to): 09:00 is in, 10:00 is out.
        const Reply nine =
            manager()->get(QStringLiteral("/api/v1/stats/qc/decisions?gate=1&from=") +
                           q("2025-11-20T09:00:00+01:00") + QStringLiteral("&to=") +
                           q("2025-11-20T10:00:00+01:00"));
        FV_VERIFY_STATUS(nine, 200);
        QCOMPARE(nine.json().value(QStringLiteral("total")).toInt(), 3);
    }

    // ----------------------------------------------------------------------------- holds
    void holds()
    {
        const Reply r = viewer()->get(QStringLiteral("/api/v1/stats/holds"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("total")).toInt(), 5);
        FV_COMPARE_JSON(arrayOf(o, "by_age"), R"([
            {"label": "<1h", "max_seconds": 3600, "count": 1},
            {"label": "1–4h", "max_seconds": 14400, "count": 1},
            {"label": "4–24h", "max_seconds": 86400, "count": 1},
            {"label": "1–3d", "max_seconds": 259200, "count": 1},
            {"label": ">3d", "max_seconds": null, "count": 1}])");
        QVERIFY(isPlantTime(o.value(QStringLiteral("as_of")).toString()));

        struct Expected
        {
            const char *code;
            const char *type;
            const char *status;
            qint64 age;
            QJsonValue runCode;
            QJsonValue weightKg;
        };
        // Oldest first.
        const QList<Expected> expected = {
            {"STH-5", "SKW", "HOLD", 4 * 86400, QJsonValue::Null, 20},
            {"STH-2", "DEB", "HOLD", 30 * 3600, QJsonValue::Null, QJsonValue::Null},
            {"STH-3", "BULK", "HOLD", 10 * 3600, QJsonValue::Null, 450.5},
            {"STH-1", "RAW", "HOLD", 5400, QStringLiteral("RUN-STATS-1"), 250},
            {"STH-4", "MIX", "QUARANTINE", 1200, QJsonValue::Null, 800}};
        const QJsonArray lots = arrayOf(o, "lots");
        QCOMPARE(lots.size(), expected.size());
        for (qsizetype i = 0; i < lots.size(); ++i) {
            const QJsonObject lot = lots[i].toObject();
            const Expected &e = expected[i];
            QCOMPARE(lot.value(QStringLiteral("lot_code")).toString(), QLatin1String(e.code));
            QCOMPARE(lot.value(QStringLiteral("lot_type")).toString(), QLatin1String(e.type));
            QCOMPARE(lot.value(QStringLiteral("status")).toString(), QLatin1String(e.status));
            QCOMPARE(lot.value(QStringLiteral("run_code")), e.runCode);
            QCOMPARE(lot.value(QStringLiteral("weight_kg")), e.weightKg);
            QCOMPARE(lot.value(QStringLiteral("since")).toString(),
                     plantTime(m_holdSince.value(QLatin1String(e.code))));
            // The age is counted from the database's clock when the request ran: at least the
            // seeded age, and more only by how long the test took to get here.
            const qint64 age = lot.value(QStringLiteral("age_seconds")).toInteger();
            QVERIFY2(age >= e.age && age < e.age + 600,
                     qPrintable(QStringLiteral("%1 age %2").arg(QLatin1String(e.code)).arg(age)));
        }
    }

    void holdsFollowTheApi()
    {
        // Held through the real endpoints: a critical temperature quarantines at registration,
        // a HOLD decision holds. Both are younger than an hour.
        auto op = m_clients.value(QStringLiteral("operator"));
        FV_VERIFY_STATUS(op->post(QStringLiteral("/api/v1/lots"),
                                  lotBody(QStringLiteral("STH-API-1"), QStringLiteral("RAW"),
                                          QStringLiteral("300"), QStringLiteral("20"))),
                         201);
        FV_VERIFY_STATUS(op->post(QStringLiteral("/api/v1/lots"),
                                  lotBody(QStringLiteral("STH-API-2"), QStringLiteral("RAW"),
                                          QStringLiteral("300"), QStringLiteral("4"))),
                         201);
        FV_VERIFY_STATUS(op->post(QStringLiteral("/api/v1/qc-decisions"),
                                  decisionBody(QStringLiteral("STH-API-2"), QStringLiteral("HOLD"),
                                               1, QStringLiteral("Label torn on arrival"))),
                         201);
        const Reply r = viewer()->get(QStringLiteral("/api/v1/stats/holds"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("total")).toInt(), 7);
        QCOMPARE(arrayOf(o, "by_age").at(0).toObject().value(QStringLiteral("count")).toInt(), 3);
        const QJsonArray lots = arrayOf(o, "lots");
        QCOMPARE(lots.size(), 7);
        QStringList tail;
        for (qsizetype i = 4; i < lots.size(); ++i)
            tail << lots.at(i).toObject().value(QStringLiteral("lot_code")).toString() + u' ' +
                        lots.at(i).toObject().value(QStringLiteral("status")).toString();
        // STH-4 (20 minutes) is older than both; the API lots in the order they were held.
        QCOMPARE(tail, strings({"STH-4 QUARANTINE", "STH-API-1 QUARANTINE", "STH-API-2 HOLD"}));
    }

    void holdsListIsCapped()
    {
        // 1000 more quarantined lots: the list stops at 1000, total and by_age count them all.
        m_server->db().exec(QStringLiteral(
            "INSERT INTO lots (lot_code, lot_type, status, created_at) "
            "SELECT 'STH-BULK-' || n, 'RAW', 'QUARANTINE', now() - interval '2 minutes' "
            "FROM generate_series(1, 1000) AS n"));
        const Reply r = viewer()->get(QStringLiteral("/api/v1/stats/holds"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("total")).toInt(), 1007);
        QCOMPARE(arrayOf(o, "lots").size(), 1000);
        QCOMPARE(arrayOf(o, "lots").at(0).toObject().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("STH-5"));
        QCOMPARE(arrayOf(o, "by_age").at(0).toObject().value(QStringLiteral("count")).toInt(),
                 1003);
        m_server->db().exec(QStringLiteral("DELETE FROM lots WHERE lot_code LIKE 'STH-BULK-%'"));
    }

    // ---------------------------------------------------------------------- workstations
    void workstations()
    {
        auto &db = m_server->db();
        const QString manager = userId(*m_server, QStringLiteral("manager"));
        const auto beat = [&](const char *ws, const QString &user, int pending, const char *version,
                              int secondsAgo) {
            db.query(QStringLiteral("INSERT INTO workstation_heartbeats (workstation_id, user_id, "
                                    "pending_sync, app_version, reported_at) VALUES ($1, "
                                    "NULLIF($2, '')::uuid, $3::int, $4, now() - make_interval("
                                    "secs => $5::int))"),
                     {QString::fromLatin1(ws), user, QString::number(pending),
                      QString::fromLatin1(version), QString::number(secondsAgo)});
        };
        beat("01", m_operatorId, 0, "0.1.0", 10);
        beat("02", manager, 4, "0.1.0", 300);
        beat("04", QString(), 7, "", 3600);
        beat("05", m_operatorId, 1, "0.1.0", 60);
        // And one through the real endpoint.
        FV_VERIFY_STATUS(
            m_clients.value(QStringLiteral("operator"))
                ->post(QStringLiteral("/api/v1/heartbeat"),
                       QJsonObject{{QStringLiteral("workstation_id"), QStringLiteral("03")},
                                   {QStringLiteral("pending_sync"), 2},
                                   {QStringLiteral("app_version"), QStringLiteral("0.2.0")}}),
            204);

        const Reply r = m_clients.value(QStringLiteral("auditor"))
                            ->get(QStringLiteral("/api/v1/stats/workstations"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("offline_after_seconds")).toInt(), 120);
        QCOMPARE(o.value(QStringLiteral("online")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("offline")).toInt(), 2);
        QVERIFY(isPlantTime(o.value(QStringLiteral("as_of")).toString()));
        const QJsonArray list = arrayOf(o, "workstations");
        QCOMPARE(list.size(), 5);
        struct Expected
        {
            const char *id;
            qint64 age;
            bool online;
            int pending;
            const char *version;
            QJsonValue user;
        };
        const QList<Expected> expected = {{"01", 10, true, 0, "0.1.0", QStringLiteral("operator")},
                                          {"02", 300, false, 4, "0.1.0", QStringLiteral("manager")},
                                          {"03", 0, true, 2, "0.2.0", QStringLiteral("operator")},
                                          {"04", 3600, false, 7, "", QJsonValue::Null},
                                          {"05", 60, true, 1, "0.1.0", QStringLiteral("operator")}};
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject w = list[i].toObject();
            const Expected &e = expected[i];
            QCOMPARE(w.value(QStringLiteral("workstation_id")).toString(), QLatin1String(e.id));
            const qint64 age = w.value(QStringLiteral("seconds_since_heartbeat")).toInteger();
            QVERIFY2(age >= e.age && age < e.age + 50,
                     qPrintable(QStringLiteral("%1 age %2").arg(QLatin1String(e.id)).arg(age)));
            QCOMPARE(w.value(QStringLiteral("online")).toBool(), e.online);
            QCOMPARE(w.value(QStringLiteral("pending_sync")).toInt(), e.pending);
            QCOMPARE(w.value(QStringLiteral("app_version")).toString(), QLatin1String(e.version));
            QCOMPARE(w.value(QStringLiteral("user")), e.user);
            const QString last = w.value(QStringLiteral("last_heartbeat")).toString();
            QVERIFY2(isPlantTime(last), qPrintable(last));
        }
    }

    // ------------------------------------------------------------------------------ RBAC
    void rbac_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        const QString range = QStringLiteral("from=") + q("2025-11-20T00:00:00+01:00") +
                              QStringLiteral("&to=") + q("2025-11-21T00:00:00+01:00");
        const QStringList paths = {QStringLiteral("/api/v1/stats/lots?") + range,
                                   QStringLiteral("/api/v1/stats/qc?") + range,
                                   QStringLiteral("/api/v1/stats/qc/decisions?") + range,
                                   QStringLiteral("/api/v1/stats/holds"),
                                   QStringLiteral("/api/v1/stats/workstations")};
        for (const char *role : {"admin", "manager", "auditor", "viewer", "operator"}) {
            for (const QString &path : paths) {
                const int status = qstrcmp(role, "operator") == 0 ? 403 : 200;
                QTest::addRow("%s %s", role, qPrintable(path.section(u'?', 0, 0)))
                    << QString::fromLatin1(role) << path << status;
            }
        }
        for (const QString &path : paths)
            QTest::addRow("no token %s", qPrintable(path.section(u'?', 0, 0)))
                << QString() << path << 401;
    }
    void rbac()
    {
        QFETCH(QString, role);
        QFETCH(QString, path);
        QFETCH(int, status);
        if (role.isEmpty()) {
            HttpClient anonymous(m_server->baseUrl());
            FV_VERIFY_PROBLEM(anonymous.get(path), 401);
            return;
        }
        const Reply r = m_clients.value(role)->get(path);
        if (status == 200)
            FV_VERIFY_STATUS(r, 200);
        else
            FV_VERIFY_PROBLEM(r, status);
    }

    // ------------------------------------------------------------------- bad parameters
    void badParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QString to = QStringLiteral("&to=") + q("2025-11-21T00:00:00+01:00");
        for (const char *series : {"/api/v1/stats/lots", "/api/v1/stats/qc"}) {
            const QString base = QString::fromLatin1(series) + u'?';
            QTest::addRow("%s: no from", series) << base + to.mid(1) << "from"
                                                 << "field.required";
            QTest::addRow("%s: no to", series)
                << base + QStringLiteral("from=") + q("2025-11-20T00:00:00+01:00") << "to"
                << "field.required";
            QTest::addRow("%s: from without offset", series)
                << base + QStringLiteral("from=2025-11-20T00:00:00") + to << "from"
                << "field.type";
            QTest::addRow("%s: from not a time", series)
                << base + QStringLiteral("from=yesterday") + to << "from"
                << "field.type";
            QTest::addRow("%s: from equals to", series)
                << base + QStringLiteral("from=") + q("2025-11-21T00:00:00+01:00") + to << "to"
                << "range.order";
            QTest::addRow("%s: from after to", series)
                << base + QStringLiteral("from=") + q("2025-11-22T00:00:00+01:00") + to << "to"
                << "range.order";
            QTest::addRow("%s: bucket week", series)
                << base + QStringLiteral("bucket=week&from=") + q("2025-11-20T00:00:00+01:00") + to
                << "bucket"
                << "bucket.unknown";
            QTest::addRow("%s: too many hours", series)
                << base + QStringLiteral("from=") + q("2025-01-01T00:00:00Z") +
                       QStringLiteral("&to=") + q("2025-04-01T00:00:00Z")
                << "to"
                << "range.too_many_buckets";
            QTest::addRow("%s: too many days", series)
                << base + QStringLiteral("bucket=day&from=") + q("2020-01-01T00:00:00Z") +
                       QStringLiteral("&to=") + q("2026-01-01T00:00:00Z")
                << "to"
                << "range.too_many_buckets";
        }
        const QString range = QStringLiteral("/api/v1/stats/qc/decisions?from=") +
                              q("2025-11-20T00:00:00+01:00") + to;
        QTest::newRow("decisions: no from")
            << QStringLiteral("/api/v1/stats/qc/decisions?") + to.mid(1) << "from"
            << "field.required";
        QTest::newRow("decisions: gate word") << range + QStringLiteral("&gate=one") << "gate"
                                              << "field.type";
        QTest::newRow("decisions: unknown gate") << range + QStringLiteral("&gate=2") << "gate"
                                                 << "gate.unknown";
        QTest::newRow("decisions: outcome") << range + QStringLiteral("&outcome=MAYBE") << "outcome"
                                            << "decision.unknown";
        QTest::newRow("decisions: limit 0") << range + QStringLiteral("&limit=0") << "limit"
                                            << "limit.range";
        QTest::newRow("decisions: limit 1001") << range + QStringLiteral("&limit=1001") << "limit"
                                               << "limit.range";
    }
    void badParameters()
    {
        QFETCH(QString, path);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const Reply r = manager()->get(path);
        FV_VERIFY_PROBLEM(r, 400);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QVERIFY2(!r.problemDetail().isEmpty(), qPrintable(describe(r)));
    }

private:
    HttpClient *manager() const { return m_clients.value(QStringLiteral("manager")); }
    HttpClient *viewer() const { return m_clients.value(QStringLiteral("viewer")); }

    static QString plantTime(const QDateTime &t)
    {
        const QDateTime local = t.toTimeZone(QTimeZone("Europe/Budapest"));
        return local.toString(local.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
    }
    static bool isPlantTime(const QString &text)
    {
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        return t.isValid() && text == plantTime(t);
    }

    // The lots behind the lot charts; the same on every server that runs this suite.
    static void seedLots(TestServer &server)
    {
        const auto lot = [&](const char *code, const char *type, const char *weight,
                             const char *createdAt) {
            server.db().query(QStringLiteral("INSERT INTO lots (lot_code, lot_type, weight_kg, "
                                             "created_at) VALUES ($1, $2, NULLIF($3, "
                                             "'')::numeric, $4::timestamptz)"),
                              {QString::fromLatin1(code), QString::fromLatin1(type),
                               QString::fromLatin1(weight), QString::fromLatin1(createdAt)});
        };
        // 27 Nov 2025 in Budapest is UTC+1.
        lot("STL-H0", "DEB", "300", "2025-11-27T04:59:59.999Z"); // 05:59:59.999 local
        lot("STL-H1", "RAW", "100.00", "2025-11-27T05:00:00Z");  // 06:00, a bucket edge
        lot("STL-H2", "RAW", "", "2025-11-27T05:30:00Z");        // no weight
        lot("STL-H3", "MIX", "20.50", "2025-11-27T05:59:59.999Z");
        lot("STL-H4", "BULK", "500.25", "2025-11-27T06:00:00Z"); // 07:00, a bucket edge
        lot("STL-H5", "FG", "15", "2025-11-27T07:00:00Z");       // 08:00
        lot("STL-D1", "SKW", "25.5", "2025-11-27T23:30:00Z");    // 00:30 on the 28th
        // 26 Oct 2025: 02:30 CEST, then 02:30 CET an hour later.
        lot("STL-F1", "RAW", "10", "2025-10-26T00:30:00Z");
        lot("STL-F2", "RAW", "11", "2025-10-26T01:30:00Z");
        // 30 Mar 2025: 03:00 CEST, the first moment after the skipped hour.
        lot("STL-S1", "MIX", "700", "2025-03-30T01:00:00Z");
    }

    // QC decisions on 20 Nov 2025 (UTC+1 in Budapest), all at gate 1 unless said otherwise:
    //   STQ-1  PASS 08:00                                  first pass
    //   STQ-2  HOLD 08:30, PASS 09:15                      decided, not first pass
    //   STQ-3  FAIL 09:00 (a bucket edge); gate 3 PASS 09:30
    //   STQ-4  PASS claimed for 2099 by a clock running ahead (flagged), recorded 09:45
    //   STQ-5  PASS on the 19th at 10:00, PASS 08:45       first decision outside the range
    //   STQ-6  HOLD 10:00                                  at `to` of the hourly query
    //   STQ-7  gate 3: HOLD and PASS both decided 08:10; the HOLD was recorded first, so it
    //          is the first decision
    //   STQ-8  gate 3: PASS 09:50
    void seedDecisions()
    {
        auto &db = m_server->db();
        for (int i = 1; i <= 8; ++i)
            db.query(QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, created_at) "
                                    "VALUES ($1, 'RAW', 'RELEASED', '2025-11-01T10:00:00Z')"),
                     {QStringLiteral("STQ-%1").arg(i)});
        const auto decide = [&](int lot, int gate, const char *decision, const char *decidedAt,
                                const char *recordedAt, bool flagged = false,
                                const char *workstation = "WS01") {
            db.query(
                QStringLiteral(
                    "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, notes, "
                    "workstation_id, decided_at, recorded_at, client_time_flagged) "
                    "SELECT l.id, g.id, $3::uuid, $4, 'seeded', NULLIF($5, ''), $6::timestamptz, "
                    "$7::timestamptz, $8::boolean "
                    "FROM lots l, qc_gates g WHERE l.lot_code = $1 AND g.gate_number = $2::int"),
                {QStringLiteral("STQ-%1").arg(lot), QString::number(gate), m_operatorId,
                 QString::fromLatin1(decision), QString::fromLatin1(workstation),
                 QString::fromLatin1(decidedAt), QString::fromLatin1(recordedAt),
                 flagged ? QStringLiteral("true") : QStringLiteral("false")});
        };
        decide(1, 1, "PASS", "2025-11-20T08:00:00+01:00", "2025-11-20T08:01:00+01:00");
        decide(2, 1, "HOLD", "2025-11-20T08:30:00+01:00", "2025-11-20T08:31:00+01:00");
        decide(2, 1, "PASS", "2025-11-20T09:15:00+01:00", "2025-11-20T09:16:00+01:00");
        decide(3, 1, "FAIL", "2025-11-20T09:00:00+01:00", "2025-11-20T09:01:00+01:00");
        decide(3, 3, "PASS", "2025-11-20T09:30:00+01:00", "2025-11-20T09:31:00+01:00");
        decide(4, 1, "PASS", "2099-01-01T00:00:00Z", "2025-11-20T09:45:00+01:00", true, "");
        decide(5, 1, "PASS", "2025-11-19T10:00:00+01:00", "2025-11-19T10:01:00+01:00");
        decide(5, 1, "PASS", "2025-11-20T08:45:00+01:00", "2025-11-20T08:46:00+01:00");
        decide(6, 1, "HOLD", "2025-11-20T10:00:00+01:00", "2025-11-20T10:01:00+01:00");
        // Inserted PASS first: arrival order is not what decides, recorded_at is.
        decide(7, 3, "PASS", "2025-11-20T08:10:00+01:00", "2025-11-20T08:12:00+01:00");
        decide(7, 3, "HOLD", "2025-11-20T08:10:00+01:00", "2025-11-20T08:11:00+01:00");
        decide(8, 3, "PASS", "2025-11-20T09:50:00+01:00", "2025-11-20T09:51:00+01:00");

        seedHolds();
    }

    // Lots held now, each with a known age (seconds before now()):
    //   STH-1  HOLD 1.5 h ago, in run RUN-STATS-1             1–4h
    //   STH-2  HOLD 30 h ago, another HOLD (gate 3) 2 h ago    held since the first: 1–3d
    //   STH-3  HOLD 50 h ago, PASS 40 h ago, HOLD 10 h ago     held since the last: 4–24h
    //   STH-4  QUARANTINE at registration 20 min ago          <1h
    //   STH-5  HOLD claimed for 2099 (flagged), recorded 4 days ago   >3d
    //   STH-6  HOLD 5 h ago, PASS 1 h ago: released, not listed
    void seedHolds()
    {
        auto &db = m_server->db();
        db.exec(QStringLiteral("INSERT INTO production_runs (run_code) VALUES ('RUN-STATS-1')"));
        const auto lot = [&](const char *code, const char *type, const char *status,
                             const char *weight, int createdSecondsAgo, const char *run = "") {
            db.query(QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, weight_kg, "
                                    "created_at, production_run_id) VALUES ($1, $2, $3, "
                                    "NULLIF($4, '')::numeric, now() - make_interval(secs => "
                                    "$5::int), (SELECT id FROM production_runs WHERE run_code = "
                                    "NULLIF($6, '')))"),
                     {QString::fromLatin1(code), QString::fromLatin1(type),
                      QString::fromLatin1(status), QString::fromLatin1(weight),
                      QString::number(createdSecondsAgo), QString::fromLatin1(run)});
        };
        // Returns the decision's effective time.
        const auto decide = [&](const char *code, int gate, const char *decision, int secondsAgo,
                                bool flaggedFuture = false) {
            const QString ms = db.scalar(
                QStringLiteral(
                    "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, notes, "
                    "decided_at, recorded_at, client_time_flagged) "
                    "SELECT l.id, g.id, $3::uuid, $4, 'seeded', "
                    "CASE WHEN $6::boolean THEN '2099-01-01T00:00:00Z'::timestamptz "
                    "ELSE now() - make_interval(secs => $5::int) END, "
                    "now() - make_interval(secs => $5::int), $6::boolean "
                    "FROM lots l, qc_gates g WHERE l.lot_code = $1 AND g.gate_number = $2::int "
                    "RETURNING (extract(epoch FROM recorded_at) * 1000)::bigint"),
                {QString::fromLatin1(code), QString::number(gate), m_operatorId,
                 QString::fromLatin1(decision), QString::number(secondsAgo),
                 flaggedFuture ? QStringLiteral("true") : QStringLiteral("false")});
            return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), QTimeZone::utc());
        };
        const auto createdAt = [&](const char *code) {
            return QDateTime::fromMSecsSinceEpoch(
                db.scalar(QStringLiteral("SELECT (extract(epoch FROM created_at) * 1000)::bigint "
                                         "FROM lots WHERE lot_code = $1"),
                          {QString::fromLatin1(code)})
                    .toLongLong(),
                QTimeZone::utc());
        };
        const int hour = 3600;
        lot("STH-1", "RAW", "HOLD", "250", 3 * hour, "RUN-STATS-1");
        m_holdSince.insert(QStringLiteral("STH-1"), decide("STH-1", 1, "HOLD", 5400));
        lot("STH-2", "DEB", "HOLD", "", 40 * hour);
        m_holdSince.insert(QStringLiteral("STH-2"), decide("STH-2", 1, "HOLD", 30 * hour));
        decide("STH-2", 3, "HOLD", 2 * hour);
        lot("STH-3", "BULK", "HOLD", "450.5", 60 * hour);
        decide("STH-3", 1, "HOLD", 50 * hour);
        decide("STH-3", 1, "PASS", 40 * hour);
        m_holdSince.insert(QStringLiteral("STH-3"), decide("STH-3", 3, "HOLD", 10 * hour));
        lot("STH-4", "MIX", "QUARANTINE", "800", 1200);
        m_holdSince.insert(QStringLiteral("STH-4"), createdAt("STH-4"));
        lot("STH-5", "SKW", "HOLD", "20", 5 * 24 * hour);
        m_holdSince.insert(QStringLiteral("STH-5"),
                           decide("STH-5", 1, "HOLD", 4 * 24 * hour, true));
        lot("STH-6", "FG", "RELEASED", "20", 6 * hour);
        decide("STH-6", 1, "HOLD", 5 * hour);
        decide("STH-6", 1, "PASS", hour);
    }

    std::unique_ptr<TestServer> m_server;
    QHash<QString, HttpClient *> m_clients;
    QString m_operatorId;
    QHash<QString, QDateTime> m_holdSince;
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
