#pragma once

#include "domain/decimal.h"
#include "domain/validation.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace flowviz::api {

// An ISO 8601 / RFC 3339 time that names its offset ("Z", "+01:00"); nullopt otherwise. A bare
// local time means different instants on different machines, so bodies and query parameters
// alike refuse it.
std::optional<QDateTime> parseTimeWithOffset(const QString &text);

// Reads typed fields from a JSON body, collecting every problem instead of stopping at the
// first, so a client learns all it must fix in one answer. Unknown fields are errors.
class BodyReader
{
public:
    BodyReader(const QJsonObject &body, const QStringList &knownFields, const QString &prefix = {});

    bool has(const QString &name) const;
    std::optional<QString> string(const QString &name, bool required, int maxLength = 200);
    std::optional<Decimal> decimal(const QString &name, bool required);
    std::optional<QUuid> uuid(const QString &name, bool required);
    std::optional<QDateTime> time(const QString &name, bool required);
    // A calendar day, exactly YYYY-MM-DD.
    std::optional<QDate> date(const QString &name, bool required);
    std::optional<int> integer(const QString &name, bool required);
    std::optional<QJsonObject> object(const QString &name, bool required);
    std::optional<QJsonArray> array(const QString &name, bool required);

    void add(const FieldError &e) { m_errors.append(e); }
    void add(const std::optional<FieldError> &e)
    {
        if (e)
            m_errors.append(*e);
    }
    const FieldErrors &errors() const { return m_errors; }
    void append(const FieldErrors &more) { m_errors.append(more); }
    // Throws a 422 ApiError listing every problem, if there is one.
    void throwIfErrors() const;
    QString field(const QString &name) const { return m_prefix + name; }

private:
    void missing(const QString &name);
    void wrongType(const QString &name, const QString &expected);

    QJsonObject m_body;
    QString m_prefix;
    FieldErrors m_errors;
};

} // namespace flowviz::api
