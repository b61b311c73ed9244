#include "backend/api/bodyreader.h"

#include "backend/api/apierror.h"

#include <QRegularExpression>

namespace flowviz::api {

BodyReader::BodyReader(const QJsonObject &body, const QStringList &knownFields,
                       const QString &prefix)
    : m_body(body), m_prefix(prefix)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!knownFields.contains(it.key()))
            m_errors.append({field(it.key()), QStringLiteral("field.unknown"),
                             QStringLiteral("Unknown field \"%1\".").arg(it.key())});
    }
}

bool BodyReader::has(const QString &name) const
{
    return m_body.contains(name) && !m_body.value(name).isNull();
}

void BodyReader::missing(const QString &name)
{
    m_errors.append({field(name), QStringLiteral("field.required"),
                     QStringLiteral("\"%1\" is required.").arg(name)});
}

void BodyReader::wrongType(const QString &name, const QString &expected)
{
    m_errors.append({field(name), QStringLiteral("field.type"),
                     QStringLiteral("\"%1\" must be %2.").arg(name, expected)});
}

std::optional<QString> BodyReader::string(const QString &name, bool required, int maxLength)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    const QJsonValue v = m_body.value(name);
    if (!v.isString()) {
        wrongType(name, QStringLiteral("a string"));
        return std::nullopt;
    }
    const QString s = v.toString();
    // In characters, as the OpenAPI document's maxLength counts them: an emoji is one.
    if (rules::characterCount(s) > maxLength) {
        m_errors.append(
            {field(name), QStringLiteral("field.too_long"),
             QStringLiteral("\"%1\" has at most %2 characters.").arg(name).arg(maxLength)});
        return std::nullopt;
    }
    return s;
}

std::optional<Decimal> BodyReader::decimal(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    const auto d = Decimal::fromJson(m_body.value(name));
    if (!d)
        wrongType(name, QStringLiteral("a decimal number such as 12.5"));
    return d;
}

std::optional<QUuid> BodyReader::uuid(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    // The RFC 4122 text form only (format "uuid"): not "{...}", not a bare 32-digit string.
    static const QRegularExpression form(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    const QString text = m_body.value(name).toString();
    const QUuid u = form.match(text).hasMatch() ? QUuid::fromString(text) : QUuid();
    if (u.isNull()) {
        wrongType(name, QStringLiteral("a UUID"));
        return std::nullopt;
    }
    return u;
}

std::optional<QDateTime> parseTimeWithOffset(const QString &text)
{
    // RFC 3339 (the OpenAPI format "date-time"): seconds and an offset always, "T" or "t",
    // "Z" or "z". Qt alone would also take "08:30Z", "24:00:00Z" or "+0100", which the
    // document does not allow.
    static const QRegularExpression rfc3339(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                       "([Zz]|[+-][0-9]{2}:[0-9]{2})$"));
    if (!rfc3339.match(text).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(text.toUpper(), Qt::ISODateWithMs);
    if (!t.isValid() || text.mid(11, 2) == u"24")
        return std::nullopt;
    return t;
}

std::optional<QDateTime> BodyReader::time(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    const auto t = parseTimeWithOffset(m_body.value(name).toString());
    if (!t)
        wrongType(name, QStringLiteral("an ISO 8601 time with offset, e.g. 2026-01-14T08:30:00Z"));
    return t;
}

std::optional<QDate> BodyReader::date(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    const QString text = m_body.value(name).toString();
    // QDate::fromString accepts more than the ten characters of an ISO day; the check keeps
    // the one form, so what is stored is what was sent.
    static const QRegularExpression day(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!m_body.value(name).isString() || !day.match(text).hasMatch() || !d.isValid()) {
        wrongType(name, QStringLiteral("a date as YYYY-MM-DD, e.g. 2026-01-14"));
        return std::nullopt;
    }
    return d;
}

std::optional<int> BodyReader::integer(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    const QJsonValue v = m_body.value(name);
    const double d = v.toDouble(-1e300);
    // The range first: converting a double outside it to an integer is undefined behaviour.
    if (!v.isDouble() || !(d >= -2147483648.0 && d <= 2147483647.0) || d != double(qint64(d))) {
        wrongType(name, QStringLiteral("a whole number"));
        return std::nullopt;
    }
    return int(d);
}

std::optional<QJsonObject> BodyReader::object(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    if (!m_body.value(name).isObject()) {
        wrongType(name, QStringLiteral("an object"));
        return std::nullopt;
    }
    return m_body.value(name).toObject();
}

std::optional<QJsonArray> BodyReader::array(const QString &name, bool required)
{
    if (!has(name)) {
        if (required)
            missing(name);
        return std::nullopt;
    }
    if (!m_body.value(name).isArray()) {
        wrongType(name, QStringLiteral("an array"));
        return std::nullopt;
    }
    return m_body.value(name).toArray();
}

void BodyReader::throwIfErrors() const
{
    if (!m_errors.isEmpty())
        throw ApiError::validation(m_errors);
}

} // namespace flowviz::api
