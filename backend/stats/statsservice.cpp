#include "backend/stats/statsservice.h"

#include "backend/stats/statsrepository.h"

#include "domain/wire/problem.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>

#include <array>

namespace flowviz::stats::service {

namespace {

// RFC 3339 in the plant's zone: "2026-11-27T06:00:00+01:00", with milliseconds only when the
// instant has them.
QString rfc3339(const QDateTime &t, const QTimeZone &zone)
{
    const QDateTime local = t.toTimeZone(zone);
    return local.toString(local.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonObject rangeHeader(const SeriesParams &p, const QTimeZone &zone)
{
    return QJsonObject{
        {QStringLiteral("from"), rfc3339(p.from, zone)},
        {QStringLiteral("to"), rfc3339(p.to, zone)},
        {QStringLiteral("bucket"),
         p.unit == BucketUnit::Hour ? QStringLiteral("hour") : QStringLiteral("day")},
        {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())},
    };
}

QJsonObject bucketHeader(const TimeBuckets &b, qsizetype i, const QTimeZone &zone)
{
    return QJsonObject{{QStringLiteral("start"), rfc3339(b.start(i), zone)},
                       {QStringLiteral("end"), rfc3339(b.end(i), zone)}};
}

// Lots and kilograms per lot type, kept in the domain's type order.
struct TypeTotals
{
    QMap<int, std::pair<qint64, Decimal>> byType; // key: LotType as int

    void add(LotType type, qint64 lots, const Decimal &kg)
    {
        auto &slot = byType[int(type)];
        slot.first += lots;
        slot.second = slot.second + kg;
    }
    QJsonObject toJson() const
    {
        qint64 lots = 0;
        Decimal kg;
        QJsonArray types;
        for (LotType t : allLotTypes()) {
            const auto it = byType.constFind(int(t));
            if (it == byType.constEnd() || it->first == 0)
                continue;
            lots += it->first;
            kg = kg + it->second;
            types.append(QJsonObject{{QStringLiteral("lot_type"), toString(t)},
                                     {QStringLiteral("lots"), it->first},
                                     {QStringLiteral("kg"), it->second.toJson()}});
        }
        return QJsonObject{{QStringLiteral("lots"), lots},
                           {QStringLiteral("kg"), kg.toJson()},
                           {QStringLiteral("by_type"), types}};
    }
};

// firstPass ÷ decidedLots rounded half up to 4 decimals, exactly; null when nothing was
// decided.
QJsonValue yieldOf(qint64 firstPass, qint64 decidedLots)
{
    if (decidedLots == 0)
        return QJsonValue(QJsonValue::Null);
    const qint64 tenThousandths = (firstPass * 20000 + decidedLots) / (2 * decidedLots);
    return Decimal::fromUnits(tenThousandths, 4).toJson();
}

struct GateTally
{
    qint64 pass = 0;
    qint64 hold = 0;
    qint64 fail = 0;
    qint64 firstPass = 0;
    qint64 decidedLots = 0;

    void add(const GateTally &o)
    {
        pass += o.pass;
        hold += o.hold;
        fail += o.fail;
        firstPass += o.firstPass;
        decidedLots += o.decidedLots;
    }
    QJsonObject decisionsJson() const
    {
        return QJsonObject{{QStringLiteral("PASS"), pass},
                           {QStringLiteral("HOLD"), hold},
                           {QStringLiteral("FAIL"), fail}};
    }
    QJsonObject gateJson(int gateNumber) const
    {
        QJsonObject o = decisionsJson();
        o.insert(QStringLiteral("gate_number"), gateNumber);
        o.insert(QStringLiteral("first_pass"), firstPass);
        o.insert(QStringLiteral("decided_lots"), decidedLots);
        o.insert(QStringLiteral("yield"), yieldOf(firstPass, decidedLots));
        return o;
    }
};

struct AgeBand
{
    const char16_t *label;
    qint64 maxSeconds; // exclusive; 0: open-ended
};

constexpr std::array<AgeBand, 5> kAgeBands = {{{u"<1h", 3600},
                                               {u"1–4h", 4 * 3600},
                                               {u"4–24h", 24 * 3600},
                                               {u"1–3d", 3 * 24 * 3600},
                                               {u">3d", 0}}};

} // namespace

http::Response lots(api::Tx &tx, const SeriesParams &p, const QTimeZone &zone)
{
    const TimeBuckets &b = p.buckets;
    const QList<LotCount> counts = StatsRepository(tx.db).lotCounts(p.from, p.to, b.starts());
    QList<TypeTotals> perBucket(b.size());
    TypeTotals totals;
    for (const LotCount &c : counts) {
        if (c.bucket < 0 || c.bucket >= perBucket.size())
            continue; // cannot happen: rows in [from, to) lie within the buckets
        perBucket[c.bucket].add(c.type, c.lots, c.kg);
        totals.add(c.type, c.lots, c.kg);
    }
    QJsonArray buckets;
    for (qsizetype i = 0; i < b.size(); ++i) {
        QJsonObject o = bucketHeader(b, i, zone);
        const QJsonObject figures = perBucket[i].toJson();
        for (auto it = figures.begin(); it != figures.end(); ++it)
            o.insert(it.key(), it.value());
        buckets.append(o);
    }
    QJsonObject out = rangeHeader(p, zone);
    out.insert(QStringLiteral("buckets"), buckets);
    out.insert(QStringLiteral("totals"), totals.toJson());
    return http::Response::json(200, out);
}

http::Response qc(api::Tx &tx, const SeriesParams &p, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    const TimeBuckets &b = p.buckets;
    const QList<GateInfo> gates = repo.gates();
    const QList<GateCount> counts = repo.gateCounts(p.from, p.to, b.starts());

    QList<QHash<int, GateTally>> perBucket(b.size());
    QHash<int, GateTally> totalsByGate;
    for (const GateCount &c : counts) {
        if (c.bucket < 0 || c.bucket >= perBucket.size())
            continue;
        const GateTally t{c.pass, c.hold, c.fail, c.firstPass, c.decidedLots};
        perBucket[c.bucket][c.gateNumber].add(t);
        totalsByGate[c.gateNumber].add(t);
    }

    QJsonArray gateList;
    for (const GateInfo &g : gates)
        gateList.append(QJsonObject{{QStringLiteral("gate_number"), g.number},
                                    {QStringLiteral("name"), g.name},
                                    {QStringLiteral("is_ccp"), g.isCcp}});

    QJsonArray buckets;
    for (qsizetype i = 0; i < b.size(); ++i) {
        GateTally all;
        QJsonArray byGate;
        for (const GateInfo &g : gates) {
            const auto it = perBucket[i].constFind(g.number);
            if (it == perBucket[i].constEnd())
                continue;
            all.add(*it);
            byGate.append(it->gateJson(g.number));
        }
        QJsonObject o = bucketHeader(b, i, zone);
        o.insert(QStringLiteral("decisions"), all.decisionsJson());
        o.insert(QStringLiteral("by_gate"), byGate);
        buckets.append(o);
    }

    GateTally all;
    QJsonArray totalsByGateJson;
    for (const GateInfo &g : gates) {
        const GateTally t = totalsByGate.value(g.number);
        all.add(t);
        totalsByGateJson.append(t.gateJson(g.number));
    }
    QJsonObject out = rangeHeader(p, zone);
    out.insert(QStringLiteral("gates"), gateList);
    out.insert(QStringLiteral("buckets"), buckets);
    out.insert(QStringLiteral("totals"),
               QJsonObject{{QStringLiteral("decisions"), all.decisionsJson()},
                           {QStringLiteral("first_pass"), all.firstPass},
                           {QStringLiteral("decided_lots"), all.decidedLots},
                           {QStringLiteral("yield"), yieldOf(all.firstPass, all.decidedLots)},
                           {QStringLiteral("by_gate"), totalsByGateJson}});
    return http::Response::json(200, out);
}

http::Response qcDecisions(api::Tx &tx, const DecisionListParams &p, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    if (p.gateNumber && !repo.gateExists(*p.gateNumber))
        throw api::ApiError(http::problem(400, wire::problemtype::kInvalidParameter,
                                          QStringLiteral("Invalid query parameter"),
                                          QStringLiteral("No QC gate %1.").arg(*p.gateNumber),
                                          {{QStringLiteral("gate"), QStringLiteral("gate.unknown"),
                                            QStringLiteral("No QC gate %1.").arg(*p.gateNumber)}}));
    qint64 total = 0;
    const QList<DecisionRow> rows =
        repo.decisions(p.from, p.to, p.gateNumber, p.outcome, p.limit, total);
    QJsonArray list;
    for (const DecisionRow &d : rows) {
        list.append(QJsonObject{
            {QStringLiteral("lot_code"), d.lotCode},
            {QStringLiteral("lot_type"), d.lotType},
            {QStringLiteral("gate_number"), d.gateNumber},
            {QStringLiteral("decision"), d.decision},
            {QStringLiteral("decided_at"), rfc3339(d.effectiveAt, zone)},
            {QStringLiteral("operator"), d.operatorName},
            {QStringLiteral("workstation_id"),
             d.workstationId ? QJsonValue(*d.workstationId) : QJsonValue(QJsonValue::Null)}});
    }
    return http::Response::json(
        200, QJsonObject{{QStringLiteral("total"), total}, {QStringLiteral("decisions"), list}});
}

http::Response holds(api::Tx &tx, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    const QDateTime asOf = repo.now();
    QList<qint64> limits;
    for (const AgeBand &band : kAgeBands) {
        if (band.maxSeconds > 0)
            limits.append(band.maxSeconds);
    }
    const QList<qint64> counts = repo.heldLotsByAge(limits);
    const QList<HeldLot> held = repo.heldLots(kMaxHeldLots);

    qint64 total = 0;
    QJsonArray byAge;
    for (qsizetype i = 0; i < qsizetype(kAgeBands.size()); ++i) {
        const AgeBand &band = kAgeBands[size_t(i)];
        total += counts.value(i);
        byAge.append(QJsonObject{
            {QStringLiteral("label"), QString::fromUtf16(band.label)},
            {QStringLiteral("max_seconds"),
             band.maxSeconds > 0 ? QJsonValue(band.maxSeconds) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("count"), counts.value(i)}});
    }
    QJsonArray lots;
    for (const HeldLot &h : held) {
        lots.append(
            QJsonObject{{QStringLiteral("lot_code"), h.lotCode},
                        {QStringLiteral("lot_type"), h.lotType},
                        {QStringLiteral("status"), h.status},
                        {QStringLiteral("since"), rfc3339(h.since, zone)},
                        {QStringLiteral("age_seconds"), h.ageSeconds},
                        {QStringLiteral("run_code"),
                         h.runCode ? QJsonValue(*h.runCode) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("weight_kg"),
                         h.weightKg ? h.weightKg->toJson() : QJsonValue(QJsonValue::Null)}});
    }
    return http::Response::json(200, QJsonObject{{QStringLiteral("as_of"), rfc3339(asOf, zone)},
                                                 {QStringLiteral("total"), total},
                                                 {QStringLiteral("lots"), lots},
                                                 {QStringLiteral("by_age"), byAge}});
}

http::Response workstations(api::Tx &tx, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    const QDateTime asOf = repo.now();
    int online = 0;
    int offline = 0;
    QJsonArray list;
    for (const WorkstationState &w : repo.workstations()) {
        const bool isOnline = w.secondsSinceHeartbeat <= kOfflineAfterSeconds;
        ++(isOnline ? online : offline);
        list.append(QJsonObject{
            {QStringLiteral("workstation_id"), w.workstationId},
            {QStringLiteral("last_heartbeat"), rfc3339(w.lastHeartbeat, zone)},
            {QStringLiteral("seconds_since_heartbeat"), w.secondsSinceHeartbeat},
            {QStringLiteral("online"), isOnline},
            {QStringLiteral("pending_sync"), w.pendingSync},
            {QStringLiteral("app_version"), w.appVersion},
            {QStringLiteral("user"), w.user ? QJsonValue(*w.user) : QJsonValue(QJsonValue::Null)}});
    }
    return http::Response::json(
        200, QJsonObject{{QStringLiteral("as_of"), rfc3339(asOf, zone)},
                         {QStringLiteral("offline_after_seconds"), kOfflineAfterSeconds},
                         {QStringLiteral("workstations"), list},
                         {QStringLiteral("online"), online},
                         {QStringLiteral("offline"), offline}});
}

} // namespace flowviz::stats::service
