#include "backend/qc/limitchange.h"

#include "domain/wire/jsonfields.h"

namespace flowviz::qc {

namespace {

using wire::decimalJson;

} // namespace

QJsonObject LimitChange::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("lot_type"),
                        lotType ? QJsonValue(toString(*lotType)) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("parameter"), parameter},
                       {QStringLiteral("old_min"), decimalJson(oldMin)},
                       {QStringLiteral("old_max"), decimalJson(oldMax)},
                       {QStringLiteral("new_min"), decimalJson(newMin)},
                       {QStringLiteral("new_max"), decimalJson(newMax)},
                       {QStringLiteral("changed_by"),
                        changedBy ? QJsonValue(*changedBy) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("db_user"), dbUser},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("changed_at"),
                        changedAt.isValid()
                            ? QJsonValue(changedAt.toUTC().toString(Qt::ISODateWithMs))
                            : QJsonValue(QJsonValue::Null)}};
}

} // namespace flowviz::qc
