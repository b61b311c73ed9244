#include "backend/trace/traceservice.h"

#include "backend/trace/tracerepository.h"

#include "backend/lots/lotrepository.h"

#include "domain/validation.h"

namespace flowviz::trace {

using api::ApiError;

namespace {

wire::Lot lotOrNotFound(db::PgSession &db, const QString &code)
{
    const auto lot = lots::LotRepository(db).byCode(code).get();
    if (!lot)
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
    return *lot;
}

} // namespace

TraceQuery decodeTraceQuery(const QString &lotCode, const QString &direction, const QString &depth,
                            int maxDepth, int maxNodes, const QString &form)
{
    TraceQuery q;
    q.lotCode = rules::normalizeLotCode(lotCode);
    q.direction = direction.toLower();
    q.compact = form == u"compact";
    q.graph = !q.direction.isEmpty() || !depth.isEmpty() || q.compact;
    FieldErrors errors;
    if (!form.isEmpty() && form != u"full" && !q.compact)
        errors.append({QStringLiteral("form"), QStringLiteral("form.unknown"),
                       QStringLiteral("form must be full or compact.")});
    if (!q.direction.isEmpty() && q.direction != u"backward" && q.direction != u"forward" &&
        q.direction != u"both")
        errors.append({QStringLiteral("direction"), QStringLiteral("direction.unknown"),
                       QStringLiteral("direction must be backward, forward or both.")});
    bool ok = true;
    q.depth = depth.isEmpty() ? maxDepth : depth.toInt(&ok);
    if (!ok || q.depth < 1 || q.depth > maxDepth)
        errors.append({QStringLiteral("depth"), QStringLiteral("depth.range"),
                       QStringLiteral("depth must be from 1 to %1.").arg(maxDepth)});
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    if (q.direction.isEmpty())
        q.direction = QStringLiteral("both");
    q.maxNodes = maxNodes;
    return q;
}

namespace service {

wire::TraceNeighbours neighbours(api::Tx &tx, const QString &lotCode)
{
    wire::TraceNeighbours out;
    out.central = lotOrNotFound(tx.db, lotCode);
    TraceRepository repo(tx.db);
    out.parents = repo.neighbours(out.central.id, true);
    out.children = repo.neighbours(out.central.id, false);
    return out;
}

wire::TraceGraph graph(api::Tx &tx, const TraceQuery &query)
{
    // One round trip with the account check: the root is the graph's first node.
    wire::TraceGraph g = TraceRepository(tx.db)
                             .graph(query.lotCode, query.direction != u"forward",
                                    query.direction != u"backward", query.depth, query.maxNodes)
                             .get();
    if (g.nodes.isEmpty())
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(query.lotCode));
    g.root = query.lotCode;
    g.direction = query.direction;
    g.depth = query.depth;
    g.maxNodes = query.maxNodes;
    return g;
}

QByteArray compactGraph(api::Tx &tx, const TraceQuery &query)
{
    QByteArray body =
        TraceRepository(tx.db)
            .compactGraph({query.lotCode, query.direction, query.depth, query.maxNodes},
                          query.direction != u"forward", query.direction != u"backward")
            .get();
    if (body.isEmpty())
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(query.lotCode));
    return body;
}

wire::MassBalance massBalance(api::Tx &tx, const TraceQuery &query)
{
    wire::MassBalance b;
    b.lots = TraceRepository(tx.db)
                 .massBalance(query.lotCode, query.direction != u"forward",
                              query.direction != u"backward", query.depth, query.maxNodes)
                 .get();
    if (b.lots.isEmpty())
        throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(query.lotCode));
    if (b.lots.size() > query.maxNodes) {
        b.lots.resize(query.maxNodes);
        b.truncated = true;
    }
    for (wire::MassBalanceLot &l : b.lots) {
        if (!l.yieldPct || (!l.expectedMinPct && !l.expectedMaxPct))
            continue;
        if (l.expectedMinPct && *l.yieldPct < *l.expectedMinPct)
            l.yieldCheck = QStringLiteral("low");
        else if (l.expectedMaxPct && *l.yieldPct > *l.expectedMaxPct)
            l.yieldCheck = QStringLiteral("high");
        else
            l.yieldCheck = QStringLiteral("ok");
        if (l.yieldCheck != u"ok")
            ++b.outsideTolerance;
    }
    b.root = query.lotCode;
    b.direction = query.direction;
    b.depth = query.depth;
    b.maxNodes = query.maxNodes;
    return b;
}

} // namespace service
} // namespace flowviz::trace
