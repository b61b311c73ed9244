#pragma once

#include "domain/decimal.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

struct pg_result;

namespace flowviz::db {

// A query's rows in text format. Owns the libpq result.
class PgResult
{
public:
    explicit PgResult(pg_result *result);

    int rows() const;
    int columns() const;
    int column(const char *name) const; // -1 when absent
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    // The value's bytes as PostgreSQL sent them (UTF-8 text), valid while the result lives;
    // empty for NULL.
    QByteArrayView bytes(int row, int col) const;
    QString text(int row, const char *name) const { return text(row, column(name)); }
    bool isNull(int row, const char *name) const { return isNull(row, column(name)); }
    qint64 toInt(int row, const char *name) const;
    bool toBool(int row, const char *name) const;
    QUuid toUuid(int row, const char *name) const;
    QDateTime toDateTime(int row, const char *name) const;
    std::optional<Decimal> toDecimal(int row, const char *name) const;
    // A nullable decimal as JSON: a number, or null.
    QJsonValue decimalJson(int row, const char *name) const;
    QJsonValue jsonValue(int row, const char *name) const; // a json/jsonb column, parsed
    // A json/jsonb object of texts, such as a name by language; other members are skipped.
    QMap<QString, QString> textMap(int row, const char *name) const;
    // Timestamps go out as ISO 8601 in UTC with milliseconds, or null.
    QJsonValue timeJson(int row, const char *name) const;
    QJsonValue textJson(int row, const char *name) const; // text or null
    qint64 affectedRows() const;
    QByteArray commandTag() const; // "INSERT 0 1", "COMMIT", "ROLLBACK", ...

private:
    std::shared_ptr<pg_result> m_result;
};

} // namespace flowviz::db
