#include "tests/support/jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <functional>

namespace flowviz::test {

namespace {

constexpr int kMaxDepth = 64; // a "$ref" cycle without progress ends here, loudly

const QSet<QString> &assertionSet()
{
    static const QSet<QString> s{
        QStringLiteral("type"),
        QStringLiteral("enum"),
        QStringLiteral("const"),
        QStringLiteral("required"),
        QStringLiteral("properties"),
        QStringLiteral("additionalProperties"),
        QStringLiteral("items"),
        QStringLiteral("prefixItems"),
        QStringLiteral("minItems"),
        QStringLiteral("maxItems"),
        QStringLiteral("minProperties"),
        QStringLiteral("minLength"),
        QStringLiteral("maxLength"),
        QStringLiteral("pattern"),
        QStringLiteral("minimum"),
        QStringLiteral("maximum"),
        QStringLiteral("exclusiveMinimum"),
        QStringLiteral("exclusiveMaximum"),
        QStringLiteral("multipleOf"),
        QStringLiteral("format"),
        QStringLiteral("oneOf"),
        QStringLiteral("anyOf"),
        QStringLiteral("allOf"),
        QStringLiteral("not"),
        QStringLiteral("if"),
        QStringLiteral("then"),
        QStringLiteral("else"),
        QStringLiteral("$ref"),
    };
    return s;
}

const QSet<QString> &annotationSet()
{
    static const QSet<QString> s{
        QStringLiteral("title"),           QStringLiteral("description"),
        QStringLiteral("examples"),        QStringLiteral("example"),
        QStringLiteral("default"),         QStringLiteral("deprecated"),
        QStringLiteral("readOnly"),        QStringLiteral("writeOnly"),
        QStringLiteral("contentEncoding"), QStringLiteral("contentMediaType"),
        QStringLiteral("$comment"),
    };
    return s;
}

bool isAnnotation(const QString &keyword)
{
    return annotationSet().contains(keyword) || keyword.startsWith(u"x-");
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::trunc(d) == d ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == u"number")
        return v.isDouble();
    if (type == u"integer")
        return v.isDouble() && std::trunc(v.toDouble()) == v.toDouble();
    return typeName(v) == type;
}

// JSON equality: numbers by value (1 and 1.0 are equal), objects regardless of member order.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEqual(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !jsonEqual(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString shortText(const QJsonValue &v)
{
    QString text = compact(v);
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

// A double as (mantissa, exponent) of its shortest decimal form: 0.1 is (1, -1), -18.1 is
// (-181, -1). multipleOf on these is exact, where floating-point division says 18.1 / 0.1 is
// 180.99999999999997.
struct DecimalParts
{
    qint64 mantissa = 0;
    int exponent = 0;
};

std::optional<DecimalParts> decimalParts(double d)
{
    if (!std::isfinite(d))
        return std::nullopt;
    const QString text = QString::number(d, 'e', QLocale::FloatingPointShortest);
    const qsizetype e = text.indexOf(u'e');
    if (e < 0)
        return std::nullopt;
    QString digits = text.left(e);
    const bool negative = digits.startsWith(u'-');
    if (negative)
        digits.remove(0, 1);
    const qsizetype point = digits.indexOf(u'.');
    int fraction = 0;
    if (point >= 0) {
        fraction = int(digits.size() - point - 1);
        digits.remove(point, 1);
    }
    bool ok = false;
    DecimalParts p;
    p.mantissa = digits.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (negative)
        p.mantissa = -p.mantissa;
    p.exponent = text.mid(e + 1).toInt(&ok) - fraction;
    if (!ok)
        return std::nullopt;
    return p;
}

bool isMultipleOf(double value, double divisor)
{
    const auto v = decimalParts(value);
    const auto m = decimalParts(divisor);
    if (!v || !m || m->mantissa == 0)
        return false;
    // value / divisor = (a / b) * 10^(ea - eb), with a and b of at most 17 digits.
    const qint64 a = v->mantissa;
    const qint64 b = std::abs(m->mantissa);
    const int shift = v->exponent - m->exponent;
    if (shift >= 0) {
        // An integer when a * 10^shift is a multiple of b: work modulo b (< 10^17, so r * 10
        // stays in range).
        qint64 r = std::abs(a) % b;
        for (int i = 0; i < shift && r != 0; ++i)
            r = (r * 10) % b;
        return r == 0;
    }
    // An integer when a is a multiple of b * 10^-shift.
    if (a % b != 0)
        return false;
    qint64 q = std::abs(a / b);
    for (int i = 0; i < -shift; ++i) {
        if (q % 10 != 0)
            return false;
        q /= 10;
    }
    return true;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
        return 29;
    return kDays[month - 1];
}

// RFC 3339 section 5.6 date-time: full-date "T" full-time, with seconds and an offset.
bool isDateTime(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?"
        "([Zz]|[+-]([0-9]{2}):([0-9]{2}))$"));
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch())
        return false;
    const int year = m.captured(1).toInt();
    const int month = m.captured(2).toInt();
    const int day = m.captured(3).toInt();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    if (m.captured(4).toInt() > 23 || m.captured(5).toInt() > 59 || m.captured(6).toInt() > 60)
        return false;
    if (!m.captured(9).isEmpty() && (m.captured(9).toInt() > 23 || m.captured(10).toInt() > 59))
        return false;
    return true;
}

bool isUuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(s).hasMatch();
}

QString unescapeToken(QString token)
{
    return token.replace(QStringLiteral("~1"), QStringLiteral("/"))
        .replace(QStringLiteral("~0"), QStringLiteral("~"));
}

// Whether a concrete path matches a template ("/api/v1/lots/{lot_code}"): a "{name}" segment
// matches one non-empty segment.
bool pathMatches(const QString &templ, const QString &path)
{
    const QStringList t = templ.split(u'/');
    const QStringList p = path.split(u'/');
    if (t.size() != p.size())
        return false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t[i].startsWith(u'{') && t[i].endsWith(u'}')) {
            if (p[i].isEmpty())
                return false;
        } else if (t[i] != p[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

QString jsonPointerToken(const QString &token)
{
    QString t = token;
    return t.replace(QStringLiteral("~"), QStringLiteral("~0"))
        .replace(QStringLiteral("/"), QStringLiteral("~1"));
}

QString SchemaViolation::toString() const
{
    return QStringLiteral("%1: %2 [%3 at %4]")
        .arg(instancePath.isEmpty() ? QStringLiteral("(root)") : instancePath, message, keyword,
             schemaPath.isEmpty() ? QStringLiteral("(schema)") : schemaPath);
}

JsonSchema::JsonSchema(const QJsonObject &document) : m_document(document) {}

QStringList JsonSchema::knownAssertions()
{
    QStringList l = assertionSet().values();
    l.sort();
    return l;
}

QStringList JsonSchema::knownAnnotations()
{
    QStringList l = annotationSet().values();
    l.sort();
    l << QStringLiteral("x-*");
    return l;
}

QString JsonSchema::describe(const SchemaViolations &violations)
{
    QStringList lines;
    for (const SchemaViolation &v : violations)
        lines << v.toString();
    return lines.join(u'\n');
}

std::optional<QJsonValue> JsonSchema::resolve(const QString &pointer) const
{
    QJsonValue at = m_document;
    if (pointer.isEmpty())
        return at;
    if (!pointer.startsWith(u'/'))
        return std::nullopt;
    for (const QString &raw : pointer.mid(1).split(u'/')) {
        const QString token = unescapeToken(raw);
        if (at.isObject()) {
            const QJsonObject o = at.toObject();
            if (!o.contains(token))
                return std::nullopt;
            at = o.value(token);
        } else if (at.isArray()) {
            bool ok = false;
            const int i = token.toInt(&ok);
            if (!ok || i < 0 || i >= at.toArray().size())
                return std::nullopt;
            at = at.toArray().at(i);
        } else {
            return std::nullopt;
        }
    }
    return at;
}

SchemaViolations JsonSchema::validate(const QJsonValue &instance, const QJsonValue &schema,
                                      const QString &schemaPath) const
{
    SchemaViolations out;
    check(instance, schema, QString(), schemaPath, 0, out);
    return out;
}

SchemaViolations JsonSchema::validateComponent(const QJsonValue &instance,
                                               const QString &name) const
{
    return validateAt(instance, QStringLiteral("/components/schemas/") + jsonPointerToken(name));
}

SchemaViolations JsonSchema::validateAt(const QJsonValue &instance, const QString &pointer) const
{
    const auto schema = resolve(pointer);
    if (!schema)
        return {{QString(), pointer, QStringLiteral("$ref"),
                 QStringLiteral("no schema at %1 in the document").arg(pointer)}};
    return validate(instance, *schema, pointer);
}

void JsonSchema::check(const QJsonValue &instance, const QJsonValue &schema,
                       const QString &instancePath, const QString &schemaPath, int depth,
                       SchemaViolations &out) const
{
    if (depth > kMaxDepth) {
        out.append({instancePath, schemaPath, QStringLiteral("$ref"),
                    QStringLiteral("schema nesting deeper than %1: a $ref cycle?").arg(kMaxDepth)});
        return;
    }
    if (schema.isBool()) {
        if (!schema.toBool())
            out.append({instancePath, schemaPath, QStringLiteral("false"),
                        QStringLiteral("no value is allowed here")});
        return;
    }
    if (!schema.isObject()) {
        out.append({instancePath, schemaPath, QStringLiteral("schema"),
                    QStringLiteral("the schema is neither an object nor a boolean")});
        return;
    }
    checkObject(instance, schema.toObject(), instancePath, schemaPath, depth, out);
}

void JsonSchema::checkObject(const QJsonValue &instance, const QJsonObject &schema,
                             const QString &instancePath, const QString &schemaPath, int depth,
                             SchemaViolations &out) const
{
    const auto at = [&schemaPath](const QString &keyword) {
        return schemaPath + u'/' + jsonPointerToken(keyword);
    };
    const auto fail = [&](const QString &keyword, const QString &message) {
        out.append({instancePath, at(keyword), keyword, message});
    };

    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!assertionSet().contains(it.key()) && !isAnnotation(it.key()))
            fail(QStringLiteral("unsupported"),
                 QStringLiteral("keyword \"%1\" is not supported by this validator: the value "
                                "cannot be checked against it")
                     .arg(it.key()));
    }

    if (schema.contains(QStringLiteral("$ref"))) {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        const auto target = ref.startsWith(QStringLiteral("#/"))
                                ? resolve(QUrl::fromPercentEncoding(ref.mid(1).toUtf8()))
                                : std::nullopt;
        if (!target)
            fail(QStringLiteral("$ref"),
                 QStringLiteral("cannot resolve \"%1\" (only \"#/...\" pointers into the "
                                "document are supported)")
                     .arg(ref));
        else
            check(instance, *target, instancePath, ref.mid(1), depth + 1, out);
    }

    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue t = schema.value(QStringLiteral("type"));
        QStringList types;
        if (t.isArray()) {
            for (const QJsonValue &v : t.toArray())
                types << v.toString();
        } else {
            types << t.toString();
        }
        bool matched = false;
        for (const QString &type : types)
            matched = matched || hasType(instance, type);
        if (!matched) {
            fail(QStringLiteral("type"), QStringLiteral("%1 is %2, not %3")
                                             .arg(shortText(instance), typeName(instance),
                                                  types.join(QStringLiteral(" or "))));
            return; // the other keywords' messages would only repeat it
        }
    }
    if (schema.contains(QStringLiteral("enum"))) {
        bool found = false;
        for (const QJsonValue &v : schema.value(QStringLiteral("enum")).toArray())
            found = found || jsonEqual(v, instance);
        if (!found)
            fail(QStringLiteral("enum"),
                 QStringLiteral("%1 is not one of %2")
                     .arg(shortText(instance), compact(schema.value(QStringLiteral("enum")))));
    }
    if (schema.contains(QStringLiteral("const")) &&
        !jsonEqual(schema.value(QStringLiteral("const")), instance))
        fail(QStringLiteral("const"),
             QStringLiteral("%1 is not %2")
                 .arg(shortText(instance), compact(schema.value(QStringLiteral("const")))));

    if (instance.isObject()) {
        const QJsonObject o = instance.toObject();
        for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
            if (!o.contains(name.toString()))
                fail(QStringLiteral("required"),
                     QStringLiteral("member \"%1\" is required").arg(name.toString()));
        }
        if (schema.contains(QStringLiteral("minProperties")) &&
            o.size() < schema.value(QStringLiteral("minProperties")).toInteger())
            fail(QStringLiteral("minProperties"),
                 QStringLiteral("%1 members, fewer than %2")
                     .arg(o.size())
                     .arg(schema.value(QStringLiteral("minProperties")).toInteger()));
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString member = instancePath + u'/' + jsonPointerToken(it.key());
            if (properties.contains(it.key())) {
                check(it.value(), properties.value(it.key()), member,
                      at(QStringLiteral("properties")) + u'/' + jsonPointerToken(it.key()),
                      depth + 1, out);
            } else if (schema.contains(QStringLiteral("additionalProperties"))) {
                const QJsonValue extra = schema.value(QStringLiteral("additionalProperties"));
                if (extra.isBool() && !extra.toBool())
                    out.append({member, at(QStringLiteral("additionalProperties")),
                                QStringLiteral("additionalProperties"),
                                QStringLiteral("member \"%1\" is not allowed").arg(it.key())});
                else
                    check(it.value(), extra, member, at(QStringLiteral("additionalProperties")),
                          depth + 1, out);
            }
        }
    }

    if (instance.isArray()) {
        const QJsonArray a = instance.toArray();
        if (schema.contains(QStringLiteral("minItems")) &&
            a.size() < schema.value(QStringLiteral("minItems")).toInteger())
            fail(QStringLiteral("minItems"),
                 QStringLiteral("%1 items, fewer than %2")
                     .arg(a.size())
                     .arg(schema.value(QStringLiteral("minItems")).toInteger()));
        if (schema.contains(QStringLiteral("maxItems")) &&
            a.size() > schema.value(QStringLiteral("maxItems")).toInteger())
            fail(QStringLiteral("maxItems"),
                 QStringLiteral("%1 items, more than %2")
                     .arg(a.size())
                     .arg(schema.value(QStringLiteral("maxItems")).toInteger()));
        // 2020-12: the first items against prefixItems one by one, "items" for the rest.
        const QJsonArray prefix = schema.value(QStringLiteral("prefixItems")).toArray();
        for (qsizetype i = 0; i < a.size() && i < prefix.size(); ++i)
            check(a.at(i), prefix.at(i), instancePath + u'/' + QString::number(i),
                  at(QStringLiteral("prefixItems")) + u'/' + QString::number(i), depth + 1, out);
        if (schema.contains(QStringLiteral("items"))) {
            for (qsizetype i = prefix.size(); i < a.size(); ++i)
                check(a.at(i), schema.value(QStringLiteral("items")),
                      instancePath + u'/' + QString::number(i), at(QStringLiteral("items")),
                      depth + 1, out);
        }
    }

    if (instance.isString())
        checkString(instance.toString(), schema, instancePath, schemaPath, out);
    if (instance.isDouble())
        checkNumber(instance.toDouble(), schema, instancePath, schemaPath, out);

    checkCombinators(instance, schema, instancePath, schemaPath, depth, out);
}

void JsonSchema::checkString(const QString &s, const QJsonObject &schema,
                             const QString &instancePath, const QString &schemaPath,
                             SchemaViolations &out) const
{
    const auto fail = [&](const QString &keyword, const QString &message) {
        out.append({instancePath, schemaPath + u'/' + keyword, keyword, message});
    };
    // Length in code points, as JSON Schema counts it (an emoji is one, not two UTF-16 units).
    const qsizetype length = s.toUcs4().size();
    if (schema.contains(QStringLiteral("minLength")) &&
        length < schema.value(QStringLiteral("minLength")).toInteger())
        fail(QStringLiteral("minLength"),
             QStringLiteral("%1 characters, fewer than %2")
                 .arg(length)
                 .arg(schema.value(QStringLiteral("minLength")).toInteger()));
    if (schema.contains(QStringLiteral("maxLength")) &&
        length > schema.value(QStringLiteral("maxLength")).toInteger())
        fail(QStringLiteral("maxLength"),
             QStringLiteral("%1 characters, more than %2")
                 .arg(length)
                 .arg(schema.value(QStringLiteral("maxLength")).toInteger()));
    if (schema.contains(QStringLiteral("pattern"))) {
        const QString pattern = schema.value(QStringLiteral("pattern")).toString();
        const QRegularExpression &re = regex(pattern);
        if (!re.isValid())
            fail(QStringLiteral("pattern"), QStringLiteral("the pattern %1 does not compile: %2")
                                                .arg(pattern, re.errorString()));
        else if (!re.match(s).hasMatch())
            fail(QStringLiteral("pattern"),
                 QStringLiteral("%1 does not match %2").arg(shortText(s), pattern));
    }
    if (schema.contains(QStringLiteral("format"))) {
        const QString format = schema.value(QStringLiteral("format")).toString();
        if (format == u"uuid") {
            if (!isUuid(s))
                fail(QStringLiteral("format"),
                     QStringLiteral("%1 is not a UUID").arg(shortText(s)));
        } else if (format == u"date") {
            if (!isDateTime(s + QStringLiteral("T00:00:00Z")))
                fail(QStringLiteral("format"),
                     QStringLiteral("%1 is not an RFC 3339 full-date").arg(shortText(s)));
        } else if (format == u"date-time") {
            if (!isDateTime(s))
                fail(QStringLiteral("format"),
                     QStringLiteral("%1 is not an RFC 3339 date-time").arg(shortText(s)));
        } else {
            fail(QStringLiteral("format"),
                 QStringLiteral("format \"%1\" is not supported by this validator").arg(format));
        }
    }
}

void JsonSchema::checkNumber(double d, const QJsonObject &schema, const QString &instancePath,
                             const QString &schemaPath, SchemaViolations &out) const
{
    const auto bound = [&](const char *keyword, auto broken, const char *relation) {
        const QString k = QString::fromLatin1(keyword);
        if (!schema.contains(k))
            return;
        const double limit = schema.value(k).toDouble();
        if (broken(d, limit))
            out.append({instancePath, schemaPath + u'/' + k, k,
                        QStringLiteral("%1 is %2 %3")
                            .arg(QString::number(d, 'g', QLocale::FloatingPointShortest),
                                 QString::fromLatin1(relation),
                                 QString::number(limit, 'g', QLocale::FloatingPointShortest))});
    };
    bound(
        "minimum", [](double v, double l) { return v < l; }, "below");
    bound(
        "maximum", [](double v, double l) { return v > l; }, "above");
    bound(
        "exclusiveMinimum", [](double v, double l) { return v <= l; }, "not above");
    bound(
        "exclusiveMaximum", [](double v, double l) { return v >= l; }, "not below");
    bound(
        "multipleOf", [](double v, double l) { return !isMultipleOf(v, l); }, "not a multiple of");
}

void JsonSchema::checkCombinators(const QJsonValue &instance, const QJsonObject &schema,
                                  const QString &instancePath, const QString &schemaPath, int depth,
                                  SchemaViolations &out) const
{
    const auto at = [&schemaPath](const QString &keyword) { return schemaPath + u'/' + keyword; };
    // Each alternative's own violations, for a message that says why none (or several) fit.
    const auto alternatives = [&](const QString &keyword, QList<SchemaViolations> &results) {
        const QJsonArray list = schema.value(keyword).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            SchemaViolations v;
            check(instance, list.at(i), instancePath, at(keyword) + u'/' + QString::number(i),
                  depth + 1, v);
            results.append(v);
        }
    };
    const auto reasons = [](const QList<SchemaViolations> &results) {
        QStringList parts;
        for (qsizetype i = 0; i < results.size(); ++i) {
            QStringList why;
            for (const SchemaViolation &v : results[i])
                why << (v.instancePath.isEmpty() ? QString() : v.instancePath + u' ') + v.message;
            parts << QStringLiteral("#%1: %2").arg(i).arg(
                why.isEmpty() ? QStringLiteral("fits") : why.join(QStringLiteral("; ")));
        }
        return parts.join(QStringLiteral(" | "));
    };

    if (schema.contains(QStringLiteral("allOf"))) {
        QList<SchemaViolations> results;
        alternatives(QStringLiteral("allOf"), results);
        for (const SchemaViolations &r : results)
            out.append(r);
    }
    if (schema.contains(QStringLiteral("anyOf"))) {
        QList<SchemaViolations> results;
        alternatives(QStringLiteral("anyOf"), results);
        if (std::none_of(results.begin(), results.end(),
                         [](const SchemaViolations &r) { return r.isEmpty(); }))
            out.append(
                {instancePath, at(QStringLiteral("anyOf")), QStringLiteral("anyOf"),
                 QStringLiteral("fits none of the alternatives (%1)").arg(reasons(results))});
    }
    if (schema.contains(QStringLiteral("oneOf"))) {
        QList<SchemaViolations> results;
        alternatives(QStringLiteral("oneOf"), results);
        const auto fits = std::count_if(results.begin(), results.end(),
                                        [](const SchemaViolations &r) { return r.isEmpty(); });
        if (fits != 1)
            out.append({instancePath, at(QStringLiteral("oneOf")), QStringLiteral("oneOf"),
                        QStringLiteral("fits %1 of the alternatives, not exactly one (%2)")
                            .arg(fits)
                            .arg(reasons(results))});
    }
    if (schema.contains(QStringLiteral("not"))) {
        SchemaViolations v;
        check(instance, schema.value(QStringLiteral("not")), instancePath,
              at(QStringLiteral("not")), depth + 1, v);
        if (v.isEmpty())
            out.append(
                {instancePath, at(QStringLiteral("not")), QStringLiteral("not"),
                 QStringLiteral("%1 fits the schema it must not fit").arg(shortText(instance))});
    }
    if (schema.contains(QStringLiteral("if"))) {
        SchemaViolations condition;
        check(instance, schema.value(QStringLiteral("if")), instancePath, at(QStringLiteral("if")),
              depth + 1, condition);
        const QString branch =
            condition.isEmpty() ? QStringLiteral("then") : QStringLiteral("else");
        if (schema.contains(branch))
            check(instance, schema.value(branch), instancePath, at(branch), depth + 1, out);
    }
}

const QRegularExpression &JsonSchema::regex(const QString &pattern) const
{
    auto it = m_regexes.find(pattern);
    if (it == m_regexes.end())
        // Unicode properties so that \s and \S know every space, as ECMA-262 does; patterns
        // write digits as [0-9] (PCRE's \d would then take other scripts' digits too).
        it = m_regexes.insert(
            pattern, QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption));
    return *it;
}

std::optional<QString> JsonSchema::operationPointer(const QString &method,
                                                    const QString &path) const
{
    const QString bare = path.section(u'?', 0, 0);
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    // A literal segment wins over a template ("/a/b" before "/a/{x}"): try exact first.
    QString found;
    if (paths.contains(bare)) {
        found = bare;
    } else {
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            if (pathMatches(it.key(), bare)) {
                found = it.key();
                break;
            }
        }
    }
    const QString op = method.toLower();
    if (found.isEmpty() || !paths.value(found).toObject().contains(op))
        return std::nullopt;
    return QStringLiteral("/paths/") + jsonPointerToken(found) + u'/' + op;
}

std::optional<QString> JsonSchema::requestBodySchema(const QString &method,
                                                     const QString &path) const
{
    const auto op = operationPointer(method, path);
    if (!op)
        return std::nullopt;
    const QString pointer = *op + QStringLiteral("/requestBody/content/application~1json/schema");
    if (!resolve(pointer))
        return std::nullopt;
    return pointer;
}

SchemaViolations JsonSchema::validateRequest(const QString &method, const QString &path,
                                             const QJsonValue &body) const
{
    const auto pointer = requestBodySchema(method, path);
    if (!pointer)
        return {
            {QString(), QString(), QStringLiteral("requestBody"),
             QStringLiteral("%1 %2 documents no application/json request body").arg(method, path)}};
    return validateAt(body, *pointer);
}

SchemaViolations JsonSchema::validateResponse(const QString &method, const QString &path,
                                              int status, const QByteArray &contentType,
                                              const QByteArray &body) const
{
    const auto op = operationPointer(method, path);
    if (!op)
        return {{QString(), QString(), QStringLiteral("paths"),
                 QStringLiteral("%1 %2 is not documented").arg(method, path)}};
    const QJsonObject responses = resolve(*op + QStringLiteral("/responses"))->toObject();
    QString key = QString::number(status);
    if (!responses.contains(key))
        key = QString::number(status / 100) + QStringLiteral("XX");
    if (!responses.contains(key))
        key = QStringLiteral("default");
    if (!responses.contains(key))
        return {{QString(), *op + QStringLiteral("/responses"), QStringLiteral("responses"),
                 QStringLiteral("status %1 is not documented for %2 %3")
                     .arg(status)
                     .arg(method.toUpper(), path)}};
    QString pointer = *op + QStringLiteral("/responses/") + key;
    QJsonObject response = responses.value(key).toObject();
    if (response.contains(QStringLiteral("$ref"))) {
        pointer = response.value(QStringLiteral("$ref")).toString().mid(1);
        response = resolve(pointer).value_or(QJsonValue()).toObject();
    }
    const QJsonObject content = response.value(QStringLiteral("content")).toObject();
    const QString type = QString::fromLatin1(contentType.split(';').first().trimmed().toLower());
    if (content.isEmpty()) {
        if (!body.isEmpty())
            return {{QString(), pointer, QStringLiteral("content"),
                     QStringLiteral("the %1 response documents no body, but one came (%2)")
                         .arg(status)
                         .arg(type)}};
        return {};
    }
    if (!content.contains(type))
        return {{QString(), pointer + QStringLiteral("/content"), QStringLiteral("content"),
                 QStringLiteral("content type \"%1\" is not documented for the %2 response "
                                "(documented: %3)")
                     .arg(type)
                     .arg(status)
                     .arg(content.keys().join(QStringLiteral(", ")))}};
    const QString schemaPointer =
        pointer + QStringLiteral("/content/") + jsonPointerToken(type) + QStringLiteral("/schema");
    if (!resolve(schemaPointer))
        return {};
    if (!type.endsWith(QStringLiteral("json")))
        return {}; // text/plain and the like: nothing to parse
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {{QString(), schemaPointer, QStringLiteral("json"),
                 QStringLiteral("the body is not JSON: %1").arg(error.errorString())}};
    const QJsonValue value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    return validateAt(value, schemaPointer);
}

QStringList JsonSchema::unsupportedKeywords() const
{
    QStringList out;
    const QJsonObject schemas =
        resolve(QStringLiteral("/components/schemas")).value_or(QJsonValue()).toObject();
    for (auto it = schemas.begin(); it != schemas.end(); ++it)
        collectUnsupported(
            it.value(), QStringLiteral("/components/schemas/") + jsonPointerToken(it.key()), out);
    // Schemas inside operations, parameters and responses: every "schema" member.
    std::function<void(const QJsonValue &, const QString &)> walk = [&](const QJsonValue &v,
                                                                        const QString &pointer) {
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                walk(a.at(i), pointer + u'/' + QString::number(i));
            return;
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString child = pointer + u'/' + jsonPointerToken(it.key());
            if (it.key() == u"schema")
                collectUnsupported(it.value(), child, out);
            else if (it.value().isObject() || it.value().isArray())
                walk(it.value(), child);
        }
    };
    walk(m_document.value(QStringLiteral("paths")), QStringLiteral("/paths"));
    walk(m_document.value(QStringLiteral("components"))
             .toObject()
             .value(QStringLiteral("parameters")),
         QStringLiteral("/components/parameters"));
    walk(m_document.value(QStringLiteral("components"))
             .toObject()
             .value(QStringLiteral("responses")),
         QStringLiteral("/components/responses"));
    return out;
}

void JsonSchema::collectUnsupported(const QJsonValue &schema, const QString &pointer,
                                    QStringList &out) const
{
    if (!schema.isObject())
        return;
    const QJsonObject o = schema.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const QString child = pointer + u'/' + jsonPointerToken(key);
        if (!assertionSet().contains(key) && !isAnnotation(key)) {
            out << pointer + QStringLiteral(": ") + key;
            continue;
        }
        if (key == u"properties") {
            const QJsonObject props = it.value().toObject();
            for (auto p = props.begin(); p != props.end(); ++p)
                collectUnsupported(p.value(), child + u'/' + jsonPointerToken(p.key()), out);
        } else if (key == u"allOf" || key == u"anyOf" || key == u"oneOf" || key == u"prefixItems") {
            const QJsonArray list = it.value().toArray();
            for (qsizetype i = 0; i < list.size(); ++i)
                collectUnsupported(list.at(i), child + u'/' + QString::number(i), out);
        } else if (key == u"items" || key == u"additionalProperties" || key == u"not" ||
                   key == u"if" || key == u"then" || key == u"else") {
            collectUnsupported(it.value(), child, out);
        } else if (key == u"format") {
            const QString format = it.value().toString();
            if (format != u"uuid" && format != u"date-time" && format != u"date")
                out << pointer + QStringLiteral(": format ") + format;
        }
    }
}

} // namespace flowviz::test
