#pragma once

#include "domain/decimal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

// How the wire types write and read their common members, the one place for each: a missing
// value is written as null (never left out), timestamps as ISO 8601 in UTC with milliseconds,
// UUIDs without braces, decimals as Decimal::toJson writes them. Readers are tolerant: a
// member of the wrong JSON type reads as missing.
namespace flowviz::wire {

QJsonValue timeJson(const QDateTime &t);
QDateTime timeFrom(const QJsonValue &v);

QJsonValue decimalJson(const std::optional<Decimal> &d);

QJsonValue uuidJson(const std::optional<QUuid> &id);
std::optional<QUuid> uuidFrom(const QJsonValue &v);

QJsonValue textJson(const std::optional<QString> &text);
std::optional<QString> textFrom(const QJsonValue &v);

// A list of wire objects as a JSON array (each item's toJson()), and back (T::fromJson).
template <typename T> QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

template <typename T> QList<T> listFrom(const QJsonValue &v)
{
    QList<T> out;
    for (const QJsonValue &item : v.toArray())
        out.append(T::fromJson(item.toObject()));
    return out;
}

} // namespace flowviz::wire
