#include "backend/stats/statsservice.h"

#include "backend/stats/statsrepository.h"

#include "domain/wire/problem.h"

#include <QHash>
#include <QMap>

#include <array>

namespace flowviz::stats::service {

namespace {

QDateTime inZone(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone);
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
    // Fills lots, kg and the types with lots.
    template <typename Figures> void fill(int &lots, Decimal &kg, Figures &types) const
    {
        lots = 0;
        kg = Decimal();
        for (LotType t : allLotTypes()) {
            const auto it = byType.constFind(int(t));
            if (it == byType.constEnd() || it->first == 0)
                continue;
            lots += int(it->first);
            kg = kg + it->second;
            types.append({toString(t), int(it->first), it->second});
        }
    }
};

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
    wire::Outcomes outcomes() const { return {int(pass), int(hold), int(fail)}; }
    wire::GateFigures figures(int gateNumber) const
    {
        return {gateNumber, outcomes(), int(firstPass), int(decidedLots),
                wire::firstPassYield(firstPass, decidedLots)};
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

QString bucketName(const SeriesParams &p)
{
    return p.unit == BucketUnit::Hour ? QStringLiteral("hour") : QStringLiteral("day");
}

} // namespace

wire::LotsStats lots(api::Tx &tx, const SeriesParams &p, const QTimeZone &zone)
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
    wire::LotsStats out;
    out.from = inZone(p.from, zone);
    out.to = inZone(p.to, zone);
    out.bucket = bucketName(p);
    out.timeZone = QString::fromUtf8(zone.id());
    for (qsizetype i = 0; i < b.size(); ++i) {
        wire::LotsBucket bucket;
        bucket.start = inZone(b.start(i), zone);
        bucket.end = inZone(b.end(i), zone);
        perBucket[i].fill(bucket.lots, bucket.kg, bucket.byType);
        out.buckets.append(bucket);
    }
    totals.fill(out.totalLots, out.totalKg, out.totalByType);
    return out;
}

wire::QcStats qc(api::Tx &tx, const SeriesParams &p, const QTimeZone &zone)
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

    wire::QcStats out;
    out.from = inZone(p.from, zone);
    out.to = inZone(p.to, zone);
    out.bucket = bucketName(p);
    out.timeZone = QString::fromUtf8(zone.id());
    for (const GateInfo &g : gates)
        out.gates.append({g.number, g.name, g.isCcp});
    for (qsizetype i = 0; i < b.size(); ++i) {
        GateTally all;
        wire::QcBucket bucket;
        bucket.start = inZone(b.start(i), zone);
        bucket.end = inZone(b.end(i), zone);
        for (const GateInfo &g : gates) {
            const auto it = perBucket[i].constFind(g.number);
            if (it == perBucket[i].constEnd())
                continue;
            all.add(*it);
            bucket.byGate.append(it->figures(g.number));
        }
        bucket.decisions = all.outcomes();
        out.buckets.append(bucket);
    }

    GateTally all;
    for (const GateInfo &g : gates) {
        const GateTally t = totalsByGate.value(g.number);
        all.add(t);
        out.totalByGate.append(t.figures(g.number));
    }
    out.totalDecisions = all.outcomes();
    out.firstPass = int(all.firstPass);
    out.decidedLots = int(all.decidedLots);
    out.yield = wire::firstPassYield(all.firstPass, all.decidedLots);
    return out;
}

wire::DecisionList qcDecisions(api::Tx &tx, const DecisionListParams &p, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    if (p.gateNumber && !repo.gateExists(*p.gateNumber)) {
        const QString detail = QStringLiteral("No QC gate %1.").arg(*p.gateNumber);
        throw api::ApiError(
            wire::Problem{wire::Problem::Kind::BadRequest,
                          wire::problemtype::kInvalidParameter,
                          QStringLiteral("Invalid query parameter"),
                          detail,
                          {{QStringLiteral("gate"), QStringLiteral("gate.unknown"), detail}}});
    }
    wire::DecisionList out;
    const QList<DecisionRow> rows =
        repo.decisions(p.from, p.to, p.gateNumber, p.outcome, p.limit, out.total);
    for (const DecisionRow &d : rows)
        out.decisions.append({d.lotCode, d.lotType, d.gateNumber, d.decision,
                              inZone(d.effectiveAt, zone), d.operatorName, d.workstationId});
    return out;
}

wire::HoldsStats holds(api::Tx &tx, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    QList<qint64> limits;
    for (const AgeBand &band : kAgeBands) {
        if (band.maxSeconds > 0)
            limits.append(band.maxSeconds);
    }
    wire::HoldsStats out;
    out.asOf = inZone(repo.now(), zone);
    const QList<qint64> counts = repo.heldLotsByAge(limits);
    for (qsizetype i = 0; i < qsizetype(kAgeBands.size()); ++i) {
        const AgeBand &band = kAgeBands[size_t(i)];
        out.total += int(counts.value(i));
        out.byAge.append(
            {QString::fromUtf16(band.label),
             band.maxSeconds > 0 ? std::optional<qint64>(band.maxSeconds) : std::nullopt,
             int(counts.value(i))});
    }
    for (const HeldLot &h : repo.heldLots(kMaxHeldLots))
        out.lots.append({h.lotCode, h.lotType, h.status, inZone(h.since, zone), h.ageSeconds,
                         h.runCode, h.weightKg});
    return out;
}

wire::WorkstationsStats workstations(api::Tx &tx, const QTimeZone &zone)
{
    StatsRepository repo(tx.db);
    wire::WorkstationsStats out;
    out.asOf = inZone(repo.now(), zone);
    out.offlineAfterSeconds = kOfflineAfterSeconds;
    for (const WorkstationState &w : repo.workstations()) {
        const bool isOnline = w.secondsSinceHeartbeat <= kOfflineAfterSeconds;
        ++(isOnline ? out.online : out.offline);
        out.workstations.append({w.workstationId, inZone(w.lastHeartbeat, zone),
                                 w.secondsSinceHeartbeat, isOnline, w.pendingSync, w.appVersion,
                                 w.user});
    }
    return out;
}

} // namespace flowviz::stats::service
