#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace flowviz::test {

// One rule of a schema that a JSON value breaks.
struct SchemaViolation
{
    QString instancePath; // JSON pointer into the value: "" is the value, "/signature/value"
    QString schemaPath;   // JSON pointer into the document: "/components/schemas/Lot/required"
    QString keyword;      // "required", "maxLength", ...; "unsupported" for a keyword not known
    QString message;

    QString toString() const;
};
using SchemaViolations = QList<SchemaViolation>;

// A strict validator for the JSON Schema 2020-12 subset an OpenAPI 3.1 document uses, with the
// document's operations: a request body or a response checked against what the document says.
//
// A keyword it does not know makes validation fail ("unsupported") instead of being skipped,
// so a rule added to the document is never silently unchecked. knownAssertions() and
// knownAnnotations() list what it knows.
class JsonSchema
{
public:
    // `document` is the OpenAPI document (or any JSON document holding schemas): "$ref":
    // "#/..." pointers resolve inside it.
    explicit JsonSchema(const QJsonObject &document);

    // Keywords that constrain a value: "type", "enum", "const", "required", "properties",
    // "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength" (in
    // Unicode code points), "pattern" (ECMA-262 subset through QRegularExpression, unanchored),
    // "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" (exact for
    // decimal literals such as 0.1), "format" ("uuid", "date-time"; any other format fails),
    // "oneOf", "anyOf", "allOf", "not", "if"/"then"/"else", "$ref" (to "#/..." only).
    static QStringList knownAssertions();
    // Keywords that only describe: "title", "description", "examples", "default", ... and "x-*".
    static QStringList knownAnnotations();

    const QJsonObject &document() const { return m_document; }

    // `schema` is a schema object or boolean; `schemaPath` names where it sits in the document
    // (for the violations' schemaPath).
    SchemaViolations validate(const QJsonValue &instance, const QJsonValue &schema,
                              const QString &schemaPath = {}) const;
    // Against "#/components/schemas/<name>".
    SchemaViolations validateComponent(const QJsonValue &instance, const QString &name) const;
    // Against "#/<pointer>", e.g. "/components/schemas/Lot".
    SchemaViolations validateAt(const QJsonValue &instance, const QString &pointer) const;

    // The value at a JSON pointer in the document ("" is the whole document).
    std::optional<QJsonValue> resolve(const QString &pointer) const;

    // Operations: `path` is a concrete request path ("/api/v1/qc-gates/7/limits", with or
    // without a query); it is matched against the document's path templates.
    // The pointer of the operation ("/paths/~1api~1v1~1lots/post"); nullopt when undocumented.
    std::optional<QString> operationPointer(const QString &method, const QString &path) const;
    // The pointer of the application/json request body schema; nullopt when there is none.
    std::optional<QString> requestBodySchema(const QString &method, const QString &path) const;
    SchemaViolations validateRequest(const QString &method, const QString &path,
                                     const QJsonValue &body) const;
    // Checks that `status` is documented for the operation, that the content type is one it
    // documents (none for a response without content), and that the body matches the schema.
    SchemaViolations validateResponse(const QString &method, const QString &path, int status,
                                      const QByteArray &contentType, const QByteArray &body) const;

    // Every keyword used in a schema anywhere in the document that this validator does not
    // know, as "<pointer>: <keyword>" (empty when it can check the whole document).
    QStringList unsupportedKeywords() const;

    static QString describe(const SchemaViolations &violations);

private:
    void check(const QJsonValue &instance, const QJsonValue &schema, const QString &instancePath,
               const QString &schemaPath, int depth, SchemaViolations &out) const;
    void checkObject(const QJsonValue &instance, const QJsonObject &schema,
                     const QString &instancePath, const QString &schemaPath, int depth,
                     SchemaViolations &out) const;
    void checkString(const QString &s, const QJsonObject &schema, const QString &instancePath,
                     const QString &schemaPath, SchemaViolations &out) const;
    void checkNumber(double d, const QJsonObject &schema, const QString &instancePath,
                     const QString &schemaPath, SchemaViolations &out) const;
    void checkCombinators(const QJsonValue &instance, const QJsonObject &schema,
                          const QString &instancePath, const QString &schemaPath, int depth,
                          SchemaViolations &out) const;
    const QRegularExpression &regex(const QString &pattern) const;
    void collectUnsupported(const QJsonValue &schema, const QString &pointer,
                            QStringList &out) const;

    QJsonObject m_document;
    mutable QHash<QString, QRegularExpression> m_regexes;
};

// JSON pointer escaping of one reference token ("~" -> "~0", "/" -> "~1").
QString jsonPointerToken(const QString &token);

} // namespace flowviz::test
