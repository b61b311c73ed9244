#include "backend/audit/auditroutes.h"

#include "backend/audit/auditquery.h"
#include "backend/audit/auditrepository.h"

#include "backend/api/csv.h"
#include "backend/api/routing.h"

#include "domain/wire/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace flowviz::audit {

using namespace flowviz::api;
using http::Request;
using http::Responder;
using http::Response;

namespace {

constexpr std::initializer_list<Role> kCanReadAudit = {Role::ADMIN, Role::AUDITOR};

QString objectText(const std::optional<QJsonObject> &o)
{
    return o ? QString::fromUtf8(QJsonDocument(*o).toJson(QJsonDocument::Compact)) : QString();
}

Response list(Tx &tx, const AuditQuery &query)
{
    QList<wire::AuditEntry> entries = AuditRepository(tx.db).find(query, query.limit + 1);
    const bool more = entries.size() > query.limit;
    if (more)
        entries.resize(query.limit);
    const QString next = more ? QString::number(entries.last().id) : QString();
    if (query.csv) {
        Response r;
        r.contentType = "text/csv; charset=utf-8";
        r.body = auditCsv(entries);
        r.withHeader("Content-Disposition", "attachment; filename=\"flowviz-audit.csv\"");
        if (more)
            r.withHeader("X-Next-Cursor", next.toLatin1());
        return r;
    }
    QJsonArray items;
    for (const wire::AuditEntry &e : entries)
        items.append(e.toJson());
    return Response::json(200,
                          QJsonObject{{QStringLiteral("items"), items},
                                      {QStringLiteral("next_cursor"),
                                       wire::textJson(more ? std::optional(next) : std::nullopt)}});
}

} // namespace

QByteArray auditCsv(const QList<wire::AuditEntry> &entries)
{
    QByteArray out = "id,at,actor,db_user,action,entity,entity_key,old_values,new_values,"
                     "reason\r\n";
    for (const wire::AuditEntry &e : entries) {
        const QList<QString> cells{QString::number(e.id),
                                   wire::timeJson(e.at).toString(),
                                   e.actor.value_or(QString()),
                                   e.dbUser,
                                   e.action,
                                   e.entity,
                                   e.entityKey,
                                   objectText(e.oldValues),
                                   objectText(e.newValues),
                                   e.reason};
        out += csvRecord(cells);
    }
    return out;
}

void registerRoutes(http::HttpServer &server, ApiContext &api)
{
    server.route("GET", QStringLiteral("/api/v1/audit"),
                 guarded([&api](const Request &req, Responder respond) {
                     const auto user = api.authorize(req, kCanReadAudit, RateBucket::None);
                     const AuditQuery query = parseAuditQuery(req.query);
                     api.read(req, std::move(respond), user,
                              [query](Tx &tx) { return list(tx, query); });
                 }));
}

} // namespace flowviz::audit
