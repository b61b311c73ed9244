#include "domain/wire/audit.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

namespace {

QJsonValue objectJson(const std::optional<QJsonObject> &o)
{
    return o ? QJsonValue(*o) : QJsonValue(QJsonValue::Null);
}

std::optional<QJsonObject> objectFrom(const QJsonValue &v)
{
    return v.isObject() ? std::optional(v.toObject()) : std::nullopt;
}

} // namespace

QJsonObject AuditEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("at"), timeJson(at)},
                       {QStringLiteral("actor"), textJson(actor)},
                       {QStringLiteral("db_user"), dbUser},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("entity"), entity},
                       {QStringLiteral("entity_key"), entityKey},
                       {QStringLiteral("old_values"), objectJson(oldValues)},
                       {QStringLiteral("new_values"), objectJson(newValues)},
                       {QStringLiteral("reason"), reason}};
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.id = o.value(QLatin1StringView("id")).toInteger();
    e.at = timeFrom(o.value(QLatin1StringView("at")));
    e.actor = textFrom(o.value(QLatin1StringView("actor")));
    e.dbUser = o.value(QLatin1StringView("db_user")).toString();
    e.action = o.value(QLatin1StringView("action")).toString();
    e.entity = o.value(QLatin1StringView("entity")).toString();
    e.entityKey = o.value(QLatin1StringView("entity_key")).toString();
    e.oldValues = objectFrom(o.value(QLatin1StringView("old_values")));
    e.newValues = objectFrom(o.value(QLatin1StringView("new_values")));
    e.reason = o.value(QLatin1StringView("reason")).toString();
    return e;
}

} // namespace flowviz::wire
