#include "backend/db/pgresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <libpq-fe.h>

namespace flowviz::db {

PgResult::PgResult(pg_result *result) : m_result(result, &PQclear) {}

int PgResult::rows() const
{
    return PQntuples(m_result.get());
}
int PgResult::columns() const
{
    return PQnfields(m_result.get());
}
int PgResult::column(const char *name) const
{
    return PQfnumber(m_result.get(), name);
}

bool PgResult::isNull(int row, int col) const
{
    return col < 0 || PQgetisnull(m_result.get(), row, col) == 1;
}

QString PgResult::text(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, col),
                             PQgetlength(m_result.get(), row, col));
}

QByteArrayView PgResult::bytes(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return {PQgetvalue(m_result.get(), row, col), PQgetlength(m_result.get(), row, col)};
}

qint64 PgResult::toInt(int row, const char *name) const
{
    return text(row, name).toLongLong();
}

bool PgResult::toBool(int row, const char *name) const
{
    return text(row, name) == u"t";
}

QUuid PgResult::toUuid(int row, const char *name) const
{
    return QUuid::fromString(text(row, name));
}

QDateTime PgResult::toDateTime(int row, const char *name) const
{
    // PostgreSQL's ISO output: "2026-01-14 08:30:00.123456+00", "...+05:30", fraction optional.
    QString t = text(row, name);
    if (t.size() < 19)
        return {};
    t[10] = u'T';
    qsizetype zone = t.indexOf(u'+', 19);
    if (zone < 0)
        zone = t.indexOf(u'-', 19);
    QString offset = zone < 0 ? QStringLiteral("+00:00") : t.mid(zone);
    if (offset.size() == 3)
        offset += QStringLiteral(":00");
    QString base = zone < 0 ? t : t.left(zone);
    const qsizetype dot = base.indexOf(u'.');
    if (dot >= 0)
        base = (base.left(dot + 1) + base.mid(dot + 1) + QStringLiteral("000")).left(dot + 4);
    return QDateTime::fromString(base + offset, Qt::ISODateWithMs);
}

std::optional<Decimal> PgResult::toDecimal(int row, const char *name) const
{
    if (isNull(row, name))
        return std::nullopt;
    return Decimal::parse(text(row, name));
}

QJsonValue PgResult::decimalJson(int row, const char *name) const
{
    const auto d = toDecimal(row, name);
    return d ? d->toJson() : QJsonValue(QJsonValue::Null);
}

QJsonValue PgResult::jsonValue(int row, const char *name) const
{
    if (isNull(row, name))
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument doc = QJsonDocument::fromJson(text(row, name).toUtf8());
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(QJsonValue::Null);
}

QMap<QString, QString> PgResult::textMap(int row, const char *name) const
{
    QMap<QString, QString> out;
    const QJsonObject o = jsonValue(row, name).toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.value().isString())
            out.insert(it.key(), it.value().toString());
    return out;
}

QJsonValue PgResult::timeJson(int row, const char *name) const
{
    const QDateTime t = toDateTime(row, name);
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue PgResult::textJson(int row, const char *name) const
{
    return isNull(row, name) ? QJsonValue(QJsonValue::Null) : QJsonValue(text(row, name));
}

qint64 PgResult::affectedRows() const
{
    return QByteArray(PQcmdTuples(m_result.get())).toLongLong();
}

QByteArray PgResult::commandTag() const
{
    return QByteArray(PQcmdStatus(m_result.get()));
}

} // namespace flowviz::db
