#include "app/stats/statssnapshot.h"

#include <QJsonArray>

namespace flowviz::app {

namespace {

QDateTime timeOf(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

int intOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}

Decimal decimalOf(const QJsonObject &o, const char *key)
{
    return Decimal::fromJson(o.value(QLatin1String(key))).value_or(Decimal());
}

std::optional<double> yieldOf(const QJsonObject &o)
{
    const QJsonValue v = o.value(QStringLiteral("yield"));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

QList<TypeFigure> typesOf(const QJsonArray &array)
{
    QList<TypeFigure> out;
    for (const QJsonValue &v : array) {
        const QJsonObject t = v.toObject();
        out.append(
            {t.value(QStringLiteral("lot_type")).toString(), intOf(t, "lots"), decimalOf(t, "kg")});
    }
    return out;
}

Outcomes outcomesOf(const QJsonObject &o)
{
    return {intOf(o, "PASS"), intOf(o, "HOLD"), intOf(o, "FAIL")};
}

QList<GateFigures> gatesOf(const QJsonArray &array)
{
    QList<GateFigures> out;
    for (const QJsonValue &v : array) {
        const QJsonObject g = v.toObject();
        out.append({intOf(g, "gate_number"), outcomesOf(g), intOf(g, "first_pass"),
                    intOf(g, "decided_lots"), yieldOf(g)});
    }
    return out;
}

} // namespace

TypeFigure LotsBucket::type(const QString &lotType) const
{
    for (const TypeFigure &t : byType)
        if (t.lotType == lotType)
            return t;
    return {lotType, 0, Decimal()};
}

LotsStats LotsStats::fromJson(const QJsonObject &o)
{
    LotsStats s;
    s.bucket = o.value(QStringLiteral("bucket")).toString();
    s.timeZone = o.value(QStringLiteral("time_zone")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("buckets")).toArray()) {
        const QJsonObject b = v.toObject();
        s.buckets.append({timeOf(b, "start"), timeOf(b, "end"), intOf(b, "lots"),
                          decimalOf(b, "kg"),
                          typesOf(b.value(QStringLiteral("by_type")).toArray())});
    }
    const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
    s.totalLots = intOf(totals, "lots");
    s.totalKg = decimalOf(totals, "kg");
    s.totalByType = typesOf(totals.value(QStringLiteral("by_type")).toArray());
    return s;
}

QString GateInfo::name(const QString &language) const
{
    const QString preferred = language == u"hu" ? nameHu : nameEn;
    return preferred.isEmpty() ? (nameEn.isEmpty() ? nameHu : nameEn) : preferred;
}

GateFigures QcStats::gateTotal(int gateNumber) const
{
    for (const GateFigures &g : totalByGate)
        if (g.gateNumber == gateNumber)
            return g;
    GateFigures none;
    none.gateNumber = gateNumber;
    return none;
}

QcStats QcStats::fromJson(const QJsonObject &o)
{
    QcStats s;
    s.bucket = o.value(QStringLiteral("bucket")).toString();
    s.timeZone = o.value(QStringLiteral("time_zone")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("gates")).toArray()) {
        const QJsonObject g = v.toObject();
        const QJsonObject name = g.value(QStringLiteral("name")).toObject();
        s.gates.append({intOf(g, "gate_number"), name.value(QStringLiteral("hu")).toString(),
                        name.value(QStringLiteral("en")).toString(),
                        g.value(QStringLiteral("is_ccp")).toBool()});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("buckets")).toArray()) {
        const QJsonObject b = v.toObject();
        s.buckets.append({timeOf(b, "start"), timeOf(b, "end"),
                          outcomesOf(b.value(QStringLiteral("decisions")).toObject()),
                          gatesOf(b.value(QStringLiteral("by_gate")).toArray())});
    }
    const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
    s.totalDecisions = outcomesOf(totals.value(QStringLiteral("decisions")).toObject());
    s.firstPass = intOf(totals, "first_pass");
    s.decidedLots = intOf(totals, "decided_lots");
    s.yield = yieldOf(totals);
    s.totalByGate = gatesOf(totals.value(QStringLiteral("by_gate")).toArray());
    return s;
}

QList<HeldLot> HoldsStats::lotsInAgeBucket(int index) const
{
    if (index < 0 || index >= byAge.size())
        return {};
    const qint64 min = index == 0 ? 0 : byAge.at(index - 1).maxSeconds.value_or(0);
    const std::optional<qint64> max = byAge.at(index).maxSeconds;
    QList<HeldLot> out;
    for (const HeldLot &lot : lots)
        if (lot.ageSeconds >= min && (!max || lot.ageSeconds < *max))
            out.append(lot);
    return out;
}

HoldsStats HoldsStats::fromJson(const QJsonObject &o)
{
    HoldsStats s;
    s.asOf = timeOf(o, "as_of");
    s.total = intOf(o, "total");
    for (const QJsonValue &v : o.value(QStringLiteral("lots")).toArray()) {
        const QJsonObject l = v.toObject();
        s.lots.append({l.value(QStringLiteral("lot_code")).toString(),
                       l.value(QStringLiteral("lot_type")).toString(),
                       l.value(QStringLiteral("status")).toString(), timeOf(l, "since"),
                       qint64(l.value(QStringLiteral("age_seconds")).toDouble()),
                       l.value(QStringLiteral("run_code")).toString(),
                       Decimal::fromJson(l.value(QStringLiteral("weight_kg")))});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("by_age")).toArray()) {
        const QJsonObject a = v.toObject();
        const QJsonValue max = a.value(QStringLiteral("max_seconds"));
        s.byAge.append(
            {a.value(QStringLiteral("label")).toString(),
             max.isDouble() ? std::optional<qint64>(qint64(max.toDouble())) : std::nullopt,
             intOf(a, "count")});
    }
    return s;
}

WorkstationsStats WorkstationsStats::fromJson(const QJsonObject &o)
{
    WorkstationsStats s;
    s.asOf = timeOf(o, "as_of");
    s.offlineAfterSeconds = intOf(o, "offline_after_seconds");
    for (const QJsonValue &v : o.value(QStringLiteral("workstations")).toArray()) {
        const QJsonObject w = v.toObject();
        s.workstations.append(
            {w.value(QStringLiteral("workstation_id")).toString(), timeOf(w, "last_heartbeat"),
             qint64(w.value(QStringLiteral("seconds_since_heartbeat")).toDouble()),
             w.value(QStringLiteral("online")).toBool(), intOf(w, "pending_sync"),
             w.value(QStringLiteral("app_version")).toString(),
             w.value(QStringLiteral("user")).toString()});
    }
    s.online = intOf(o, "online");
    s.offline = intOf(o, "offline");
    return s;
}

QJsonObject StatsSnapshot::toJson() const
{
    return {{QStringLiteral("range"), range.toJson()},
            {QStringLiteral("fetched_at"), fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("answers"), answers}};
}

StatsSnapshot StatsSnapshot::fromAnswers(const StatsRange &range, const QDateTime &fetchedAt,
                                         const QJsonObject &answers)
{
    StatsSnapshot s;
    s.range = range;
    s.fetchedAt = fetchedAt.toUTC();
    s.answers = answers;
    const auto part = [&answers](const char *name) {
        return answers.value(QLatin1String(name)).toObject();
    };
    s.lots = LotsStats::fromJson(part("lots"));
    s.qc = QcStats::fromJson(part("qc"));
    if (answers.value(QStringLiteral("lots_daily")).isObject()) {
        s.lotsDaily = LotsStats::fromJson(part("lots_daily"));
        s.hasLotsDaily = true;
    } else if (range.isDaily()) {
        s.lotsDaily = s.lots; // the range is by the day already
        s.hasLotsDaily = true;
    }
    s.lotsToday = LotsStats::fromJson(part("lots_today"));
    s.qcToday = QcStats::fromJson(part("qc_today"));
    s.holds = HoldsStats::fromJson(part("holds"));
    s.workstations = WorkstationsStats::fromJson(part("workstations"));
    return s;
}

StatsSnapshot StatsSnapshot::fromJson(const QJsonObject &o)
{
    const QDateTime fetchedAt =
        QDateTime::fromString(o.value(QStringLiteral("fetched_at")).toString(), Qt::ISODateWithMs);
    const QJsonObject answers = o.value(QStringLiteral("answers")).toObject();
    const StatsRange range = StatsRange::fromJson(o.value(QStringLiteral("range")).toObject());
    // "lots_daily" is optional: older consoles stored no kilograms per day.
    for (const char *name : {"lots", "qc", "lots_today", "qc_today", "holds", "workstations"})
        if (!answers.value(QLatin1String(name)).isObject())
            return {};
    if (!fetchedAt.isValid() || !range.isValid())
        return {};
    return fromAnswers(range, fetchedAt, answers);
}

} // namespace flowviz::app
