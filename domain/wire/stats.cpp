#include "domain/wire/stats.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>

namespace flowviz::wire {

namespace {

// An instant with the UTC offset it carries: the plant zone's, which the server put there.
QJsonValue zonedTime(const QDateTime &t)
{
    if (!t.isValid())
        return QJsonValue(QJsonValue::Null);
    return t.toString(t.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

int intOf(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toInt();
}

qint64 int64Of(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toInteger();
}

Decimal decimalOf(const QJsonObject &o, QLatin1StringView key)
{
    return Decimal::fromJson(o.value(key)).value_or(Decimal());
}

QJsonValue yieldJson(const std::optional<double> &yield)
{
    return yield ? QJsonValue(*yield) : QJsonValue(QJsonValue::Null);
}

std::optional<double> yieldFrom(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1StringView("yield"));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

template <typename T, typename F> QJsonArray arrayOf(const QList<T> &items, F toJson)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(toJson(item));
    return out;
}

template <typename T, typename F> QList<T> listOf(const QJsonValue &array, F fromJson)
{
    QList<T> out;
    for (const QJsonValue &v : array.toArray())
        out.append(fromJson(v.toObject()));
    return out;
}

QJsonObject typeJson(const TypeFigure &t)
{
    return {{QStringLiteral("lot_type"), t.lotType},
            {QStringLiteral("lots"), t.lots},
            {QStringLiteral("kg"), t.kg.toJson()}};
}

TypeFigure typeFrom(const QJsonObject &o)
{
    return {o.value(QLatin1StringView("lot_type")).toString(), intOf(o, QLatin1StringView("lots")),
            decimalOf(o, QLatin1StringView("kg"))};
}

// lots, kg and by_type: the figures of a bucket and of the totals.
QJsonObject lotFiguresJson(int lots, const Decimal &kg, const QList<TypeFigure> &byType)
{
    return {{QStringLiteral("lots"), lots},
            {QStringLiteral("kg"), kg.toJson()},
            {QStringLiteral("by_type"), arrayOf(byType, typeJson)}};
}

// from, to, bucket and time_zone: the range a series answer covers.
QJsonObject rangeJson(const QDateTime &from, const QDateTime &to, const QString &bucket,
                      const QString &timeZone)
{
    return {{QStringLiteral("from"), zonedTime(from)},
            {QStringLiteral("to"), zonedTime(to)},
            {QStringLiteral("bucket"), bucket},
            {QStringLiteral("time_zone"), timeZone}};
}

QJsonObject outcomesJson(const Outcomes &o)
{
    return {{QStringLiteral("PASS"), o.pass},
            {QStringLiteral("HOLD"), o.hold},
            {QStringLiteral("FAIL"), o.fail}};
}

Outcomes outcomesFrom(const QJsonObject &o)
{
    return {intOf(o, QLatin1StringView("PASS")), intOf(o, QLatin1StringView("HOLD")),
            intOf(o, QLatin1StringView("FAIL"))};
}

QJsonObject gateFiguresJson(const GateFigures &g)
{
    QJsonObject o = outcomesJson(g.outcomes);
    o.insert(QStringLiteral("gate_number"), g.gateNumber);
    o.insert(QStringLiteral("first_pass"), g.firstPass);
    o.insert(QStringLiteral("decided_lots"), g.decidedLots);
    o.insert(QStringLiteral("yield"), yieldJson(g.yield));
    return o;
}

GateFigures gateFiguresFrom(const QJsonObject &o)
{
    return {intOf(o, QLatin1StringView("gate_number")), outcomesFrom(o),
            intOf(o, QLatin1StringView("first_pass")), intOf(o, QLatin1StringView("decided_lots")),
            yieldFrom(o)};
}

QJsonObject gateInfoJson(const GateInfo &g)
{
    QJsonObject names;
    for (auto it = g.name.cbegin(); it != g.name.cend(); ++it)
        names.insert(it.key(), it.value());
    return {{QStringLiteral("gate_number"), g.number},
            {QStringLiteral("name"), names},
            {QStringLiteral("is_ccp"), g.isCcp}};
}

GateInfo gateInfoFrom(const QJsonObject &o)
{
    GateInfo g;
    g.number = intOf(o, QLatin1StringView("gate_number"));
    const QJsonObject names = o.value(QLatin1StringView("name")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
        if (it.value().isString())
            g.name.insert(it.key(), it.value().toString());
    g.isCcp = o.value(QLatin1StringView("is_ccp")).toBool();
    return g;
}

} // namespace

TypeFigure LotsBucket::type(const QString &lotType) const
{
    for (const TypeFigure &t : byType)
        if (t.lotType == lotType)
            return t;
    return {lotType, 0, Decimal()};
}

QJsonObject LotsStats::toJson() const
{
    QJsonObject out = rangeJson(from, to, bucket, timeZone);
    out.insert(QStringLiteral("buckets"), arrayOf(buckets, [](const LotsBucket &b) {
                   QJsonObject o = lotFiguresJson(b.lots, b.kg, b.byType);
                   o.insert(QStringLiteral("start"), zonedTime(b.start));
                   o.insert(QStringLiteral("end"), zonedTime(b.end));
                   return o;
               }));
    out.insert(QStringLiteral("totals"), lotFiguresJson(totalLots, totalKg, totalByType));
    return out;
}

LotsStats LotsStats::fromJson(const QJsonObject &o)
{
    LotsStats s;
    s.from = timeFrom(o.value(QLatin1StringView("from")));
    s.to = timeFrom(o.value(QLatin1StringView("to")));
    s.bucket = o.value(QLatin1StringView("bucket")).toString();
    s.timeZone = o.value(QLatin1StringView("time_zone")).toString();
    s.buckets = listOf<LotsBucket>(o.value(QLatin1StringView("buckets")), [](const QJsonObject &b) {
        return LotsBucket{timeFrom(b.value(QLatin1StringView("start"))),
                          timeFrom(b.value(QLatin1StringView("end"))),
                          intOf(b, QLatin1StringView("lots")),
                          decimalOf(b, QLatin1StringView("kg")),
                          listOf<TypeFigure>(b.value(QLatin1StringView("by_type")), typeFrom)};
    });
    const QJsonObject totals = o.value(QLatin1StringView("totals")).toObject();
    s.totalLots = intOf(totals, QLatin1StringView("lots"));
    s.totalKg = decimalOf(totals, QLatin1StringView("kg"));
    s.totalByType = listOf<TypeFigure>(totals.value(QLatin1StringView("by_type")), typeFrom);
    return s;
}

QString GateInfo::nameIn(const QString &language) const
{
    for (const QString &lang : {language, QStringLiteral("en")}) {
        const QString n = name.value(lang);
        if (!n.isEmpty())
            return n;
    }
    for (const QString &n : name)
        if (!n.isEmpty())
            return n;
    return {};
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

std::optional<double> firstPassYield(qint64 firstPass, qint64 decidedLots)
{
    if (decidedLots <= 0)
        return std::nullopt;
    const qint64 tenThousandths = (firstPass * 20000 + decidedLots) / (2 * decidedLots);
    return Decimal::fromUnits(tenThousandths, 4).toJson().toDouble();
}

QJsonObject QcStats::toJson() const
{
    QJsonObject out = rangeJson(from, to, bucket, timeZone);
    out.insert(QStringLiteral("gates"), arrayOf(gates, gateInfoJson));
    out.insert(QStringLiteral("buckets"), arrayOf(buckets, [](const QcBucket &b) {
                   return QJsonObject{
                       {QStringLiteral("start"), zonedTime(b.start)},
                       {QStringLiteral("end"), zonedTime(b.end)},
                       {QStringLiteral("decisions"), outcomesJson(b.decisions)},
                       {QStringLiteral("by_gate"), arrayOf(b.byGate, gateFiguresJson)}};
               }));
    out.insert(QStringLiteral("totals"),
               QJsonObject{{QStringLiteral("decisions"), outcomesJson(totalDecisions)},
                           {QStringLiteral("first_pass"), firstPass},
                           {QStringLiteral("decided_lots"), decidedLots},
                           {QStringLiteral("yield"), yieldJson(yield)},
                           {QStringLiteral("by_gate"), arrayOf(totalByGate, gateFiguresJson)}});
    return out;
}

QcStats QcStats::fromJson(const QJsonObject &o)
{
    QcStats s;
    s.from = timeFrom(o.value(QLatin1StringView("from")));
    s.to = timeFrom(o.value(QLatin1StringView("to")));
    s.bucket = o.value(QLatin1StringView("bucket")).toString();
    s.timeZone = o.value(QLatin1StringView("time_zone")).toString();
    s.gates = listOf<GateInfo>(o.value(QLatin1StringView("gates")), gateInfoFrom);
    s.buckets = listOf<QcBucket>(o.value(QLatin1StringView("buckets")), [](const QJsonObject &b) {
        return QcBucket{
            timeFrom(b.value(QLatin1StringView("start"))),
            timeFrom(b.value(QLatin1StringView("end"))),
            outcomesFrom(b.value(QLatin1StringView("decisions")).toObject()),
            listOf<GateFigures>(b.value(QLatin1StringView("by_gate")), gateFiguresFrom)};
    });
    const QJsonObject totals = o.value(QLatin1StringView("totals")).toObject();
    s.totalDecisions = outcomesFrom(totals.value(QLatin1StringView("decisions")).toObject());
    s.firstPass = intOf(totals, QLatin1StringView("first_pass"));
    s.decidedLots = intOf(totals, QLatin1StringView("decided_lots"));
    s.yield = yieldFrom(totals);
    s.totalByGate =
        listOf<GateFigures>(totals.value(QLatin1StringView("by_gate")), gateFiguresFrom);
    return s;
}

QJsonObject DecisionList::toJson() const
{
    return {{QStringLiteral("total"), total},
            {QStringLiteral("decisions"), arrayOf(decisions, [](const DecisionListRow &d) {
                 return QJsonObject{{QStringLiteral("lot_code"), d.lotCode},
                                    {QStringLiteral("lot_type"), d.lotType},
                                    {QStringLiteral("gate_number"), d.gateNumber},
                                    {QStringLiteral("decision"), d.decision},
                                    {QStringLiteral("decided_at"), zonedTime(d.decidedAt)},
                                    {QStringLiteral("operator"), d.operatorName},
                                    {QStringLiteral("workstation_id"), textJson(d.workstationId)}};
             })}};
}

DecisionList DecisionList::fromJson(const QJsonObject &o)
{
    DecisionList l;
    l.decisions =
        listOf<DecisionListRow>(o.value(QLatin1StringView("decisions")), [](const QJsonObject &d) {
            return DecisionListRow{d.value(QLatin1StringView("lot_code")).toString(),
                                   d.value(QLatin1StringView("lot_type")).toString(),
                                   intOf(d, QLatin1StringView("gate_number")),
                                   d.value(QLatin1StringView("decision")).toString(),
                                   timeFrom(d.value(QLatin1StringView("decided_at"))),
                                   d.value(QLatin1StringView("operator")).toString(),
                                   textFrom(d.value(QLatin1StringView("workstation_id")))};
        });
    const QJsonValue total = o.value(QLatin1StringView("total"));
    l.total = total.isDouble() ? total.toInteger() : l.decisions.size();
    return l;
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

QJsonObject HoldsStats::toJson() const
{
    return {{QStringLiteral("as_of"), zonedTime(asOf)},
            {QStringLiteral("total"), total},
            {QStringLiteral("lots"),
             arrayOf(lots,
                     [](const HeldLot &h) {
                         return QJsonObject{{QStringLiteral("lot_code"), h.lotCode},
                                            {QStringLiteral("lot_type"), h.lotType},
                                            {QStringLiteral("status"), h.status},
                                            {QStringLiteral("since"), zonedTime(h.since)},
                                            {QStringLiteral("age_seconds"), h.ageSeconds},
                                            {QStringLiteral("run_code"), textJson(h.runCode)},
                                            {QStringLiteral("weight_kg"), decimalJson(h.weightKg)}};
                     })},
            {QStringLiteral("by_age"), arrayOf(byAge, [](const AgeBucket &a) {
                 return QJsonObject{
                     {QStringLiteral("label"), a.label},
                     {QStringLiteral("max_seconds"),
                      a.maxSeconds ? QJsonValue(*a.maxSeconds) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("count"), a.count}};
             })}};
}

HoldsStats HoldsStats::fromJson(const QJsonObject &o)
{
    HoldsStats s;
    s.asOf = timeFrom(o.value(QLatin1StringView("as_of")));
    s.total = intOf(o, QLatin1StringView("total"));
    s.lots = listOf<HeldLot>(o.value(QLatin1StringView("lots")), [](const QJsonObject &l) {
        return HeldLot{l.value(QLatin1StringView("lot_code")).toString(),
                       l.value(QLatin1StringView("lot_type")).toString(),
                       l.value(QLatin1StringView("status")).toString(),
                       timeFrom(l.value(QLatin1StringView("since"))),
                       int64Of(l, QLatin1StringView("age_seconds")),
                       textFrom(l.value(QLatin1StringView("run_code"))),
                       Decimal::fromJson(l.value(QLatin1StringView("weight_kg")))};
    });
    s.byAge = listOf<AgeBucket>(o.value(QLatin1StringView("by_age")), [](const QJsonObject &a) {
        const QJsonValue max = a.value(QLatin1StringView("max_seconds"));
        return AgeBucket{a.value(QLatin1StringView("label")).toString(),
                         max.isDouble() ? std::optional<qint64>(max.toInteger()) : std::nullopt,
                         intOf(a, QLatin1StringView("count"))};
    });
    return s;
}

QJsonObject WorkstationsStats::toJson() const
{
    return {{QStringLiteral("as_of"), zonedTime(asOf)},
            {QStringLiteral("offline_after_seconds"), offlineAfterSeconds},
            {QStringLiteral("workstations"),
             arrayOf(workstations,
                     [](const WorkstationFigures &w) {
                         return QJsonObject{
                             {QStringLiteral("workstation_id"), w.workstationId},
                             {QStringLiteral("last_heartbeat"), zonedTime(w.lastHeartbeat)},
                             {QStringLiteral("seconds_since_heartbeat"), w.secondsSinceHeartbeat},
                             {QStringLiteral("online"), w.online},
                             {QStringLiteral("pending_sync"), w.pendingSync},
                             {QStringLiteral("app_version"), w.appVersion},
                             {QStringLiteral("user"), textJson(w.user)}};
                     })},
            {QStringLiteral("online"), online},
            {QStringLiteral("offline"), offline}};
}

WorkstationsStats WorkstationsStats::fromJson(const QJsonObject &o)
{
    WorkstationsStats s;
    s.asOf = timeFrom(o.value(QLatin1StringView("as_of")));
    s.offlineAfterSeconds = intOf(o, QLatin1StringView("offline_after_seconds"));
    s.workstations = listOf<WorkstationFigures>(
        o.value(QLatin1StringView("workstations")), [](const QJsonObject &w) {
            return WorkstationFigures{w.value(QLatin1StringView("workstation_id")).toString(),
                                      timeFrom(w.value(QLatin1StringView("last_heartbeat"))),
                                      int64Of(w, QLatin1StringView("seconds_since_heartbeat")),
                                      w.value(QLatin1StringView("online")).toBool(),
                                      intOf(w, QLatin1StringView("pending_sync")),
                                      w.value(QLatin1StringView("app_version")).toString(),
                                      textFrom(w.value(QLatin1StringView("user")))};
        });
    s.online = intOf(o, QLatin1StringView("online"));
    s.offline = intOf(o, QLatin1StringView("offline"));
    return s;
}

} // namespace flowviz::wire
