#include "domain/wire/jsonfields.h"

namespace flowviz::wire {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QDateTime timeFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

QJsonValue decimalJson(const std::optional<Decimal> &d)
{
    return d ? d->toJson() : QJsonValue(QJsonValue::Null);
}

QJsonValue uuidJson(const std::optional<QUuid> &id)
{
    return id ? QJsonValue(id->toString(QUuid::WithoutBraces)) : QJsonValue(QJsonValue::Null);
}

std::optional<QUuid> uuidFrom(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    const QUuid id(v.toString());
    return id.isNull() ? std::nullopt : std::optional<QUuid>(id);
}

QJsonValue textJson(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

std::optional<QString> textFrom(const QJsonValue &v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

} // namespace flowviz::wire
