#include "backend/trace/traceroutes.h"

#include "backend/trace/tracerepository.h"

#include "backend/api/routing.h"
#include "backend/http/httpserver.h"
#include "backend/lots/lotrepository.h"

#include "domain/validation.h"

#include <QElapsedTimer>

namespace flowviz::trace {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route(
        "GET", QStringLiteral("/api/v1/traceability/{lot_code}"),
        guarded([&api](const Request &req, Responder respond) {
            const auto user = api.authorize(req, kAnyRole, RateBucket::Traceability);
            const QString code =
                rules::normalizeLotCode(req.pathParams.value(QStringLiteral("lot_code")));
            const QString direction = req.queryValue(QStringLiteral("direction")).toLower();
            const QString depthText = req.queryValue(QStringLiteral("depth"));
            const bool graphMode = !direction.isEmpty() || !depthText.isEmpty();
            FieldErrors errors;
            if (!direction.isEmpty() && direction != u"backward" && direction != u"forward" &&
                direction != u"both")
                errors.append({QStringLiteral("direction"), QStringLiteral("direction.unknown"),
                               QStringLiteral("direction must be backward, forward or both.")});
            const int maxDepth = api.config().traceMaxDepth;
            bool ok = true;
            const int depth = depthText.isEmpty() ? maxDepth : depthText.toInt(&ok);
            if (!ok || depth < 1 || depth > maxDepth)
                errors.append({QStringLiteral("depth"), QStringLiteral("depth.range"),
                               QStringLiteral("depth must be from 1 to %1.").arg(maxDepth)});
            if (!errors.isEmpty())
                throw ApiError::validation(errors);
            const int maxNodes = api.config().traceMaxNodes;
            const Events &events = api.events();
            api.read(req, std::move(respond), user, [=, &events](Tx &tx) {
                QElapsedTimer timer;
                timer.start();
                lots::LotRepository lots(tx.db);
                const auto central = lots.findByCode(code);
                if (!central)
                    throw ApiError::notFound(QStringLiteral("No lot %1 is registered.").arg(code));
                const QString id = central->value(QStringLiteral("id")).toString();
                TraceRepository repo(tx.db);
                QJsonObject out;
                if (!graphMode) {
                    out = QJsonObject{{QStringLiteral("central"), *central},
                                      {QStringLiteral("parents"), repo.neighbours(id, true)},
                                      {QStringLiteral("children"), repo.neighbours(id, false)}};
                } else {
                    const QString dir = direction.isEmpty() ? QStringLiteral("both") : direction;
                    const Graph g =
                        repo.graph(id, dir != u"forward", dir != u"backward", depth, maxNodes);
                    out = QJsonObject{{QStringLiteral("root"), code},
                                      {QStringLiteral("direction"), dir},
                                      {QStringLiteral("depth"), depth},
                                      {QStringLiteral("nodes"), g.nodes},
                                      {QStringLiteral("edges"), g.edges},
                                      {QStringLiteral("truncated"), g.truncated},
                                      {QStringLiteral("max_nodes"), maxNodes}};
                }
                if (events.traceabilityQuery)
                    events.traceabilityQuery(double(timer.nsecsElapsed()) / 1e9);
                return Response::json(200, out);
            });
        }));
}

} // namespace flowviz::trace
