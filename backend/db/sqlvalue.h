#pragma once

#include "domain/decimal.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace flowviz::db {

// One SQL parameter in PostgreSQL's text format, or NULL. Decimals travel as their exact
// text; the SQL casts each placeholder to its column type ($1::numeric, $2::uuid, ...).
class SqlValue
{
public:
    SqlValue() = default; // NULL
    SqlValue(std::nullopt_t) {}
    SqlValue(const QString &s) : m_text(s.toUtf8()) {}
    SqlValue(const char *s) : m_text(QByteArray(s)) {}
    SqlValue(const QByteArray &raw) : m_text(raw) {}
    SqlValue(int v) : m_text(QByteArray::number(v)) {}
    SqlValue(qint64 v) : m_text(QByteArray::number(v)) {}
    SqlValue(bool v) : m_text(v ? QByteArray("true") : QByteArray("false")) {}
    SqlValue(const QUuid &u) : m_text(u.toByteArray(QUuid::WithoutBraces)) {}
    SqlValue(const Decimal &d) : m_text(d.toString().toLatin1()) {}
    SqlValue(const QDateTime &t)
    {
        if (t.isValid())
            m_text = t.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    }
    SqlValue(const QDate &d) // for "$1::date"; an invalid date is NULL
    {
        if (d.isValid())
            m_text = d.toString(Qt::ISODate).toLatin1();
    }
    template <typename T> SqlValue(const std::optional<T> &v)
    {
        if (v)
            *this = SqlValue(*v);
    }

    // A PostgreSQL array literal of text-format elements, NULL where an element is, for
    // "$1::text[]", "$1::uuid[]", "unnest($1::numeric[], ...)".
    static SqlValue array(const QList<SqlValue> &items)
    {
        QByteArray out = "{";
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i)
                out += ',';
            if (items[i].isNull()) {
                out += "NULL";
                continue;
            }
            QByteArray item = items[i].text();
            item.replace("\\", "\\\\").replace("\"", "\\\"");
            out += '"' + item + '"';
        }
        out += '}';
        return SqlValue(out);
    }

    // A PostgreSQL text[] literal, for "= ANY($1::text[])".
    static SqlValue textArray(const QStringList &items)
    {
        QList<SqlValue> values;
        values.reserve(items.size());
        for (const QString &item : items)
            values.append(item);
        return array(values);
    }

    // A PostgreSQL uuid[] literal, for "= ANY($1::uuid[])".
    static SqlValue uuidArray(const QList<QUuid> &items)
    {
        QList<SqlValue> values;
        values.reserve(items.size());
        for (const QUuid &item : items)
            values.append(item);
        return array(values);
    }

    bool isNull() const { return !m_text.has_value(); }
    const QByteArray &text() const { return *m_text; }

private:
    std::optional<QByteArray> m_text;
};

} // namespace flowviz::db
