// JsonSchema: the strict JSON Schema 2020-12 subset the API tests check requests and responses
// with. A few cases per keyword, the loud failure on keywords it does not know, and the
// document's own schemas and examples.

#include "tests/support/jsonschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using flowviz::test::JsonSchema;
using flowviz::test::SchemaViolations;

namespace {

// Schemas with "#/..." or "//" are written in ordinary string literals: moc's lexer does not
// see them as text inside a raw string literal, and then misses the test class.
QJsonValue parse(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

// A document with a few components to refer to.
QJsonObject document()
{
    return parse("{\"components\": {\"schemas\": {"
                 "\"Code\": {\"type\": \"string\", \"pattern\": \"^[A-Z]{3}$\"},"
                 "\"Pair\": {\"type\": \"object\", \"additionalProperties\": false,"
                 "  \"properties\": {\"a\": {\"$ref\": \"#/components/schemas/Code\"}}},"
                 "\"Odd~Name/x\": {\"const\": 1}}}}")
        .toObject();
}

// The document the server serves, from the source tree.
QJsonObject sourceDocument()
{
    QFile f(QStringLiteral(FLOWVIZ_SOURCE_DIR "/backend/api/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestJsonSchema : public QObject
{
    Q_OBJECT

private slots:
    void keywords_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QByteArray>("instance");
        // Empty: valid; else the keyword of the first violation and its instance path.
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("where");

        const auto row = [](const char *name, const char *schema, const char *instance,
                            const char *keyword = "", const char *where = "") {
            QTest::newRow(name) << QByteArray(schema) << QByteArray(instance)
                                << QString::fromLatin1(keyword) << QString::fromLatin1(where);
        };
        row("type string", R"({"type": "string"})", R"("x")");
        row("type string vs number", R"({"type": "string"})", "1", "type");
        row("type integer 7", R"({"type": "integer"})", "7");
        row("type integer 7.0", R"({"type": "integer"})", "7.0");
        row("type integer 7.5", R"({"type": "integer"})", "7.5", "type");
        row("type number vs string", R"({"type": "number"})", R"("7")", "type");
        row("type array null", R"({"type": ["string", "null"]})", "null");
        row("type array bool", R"({"type": ["string", "null"]})", "true", "type");
        row("type object vs array", R"({"type": "object"})", "[]", "type");
        row("enum in", R"({"enum": ["PASS", "HOLD", null]})", "null");
        row("enum case", R"({"enum": ["PASS", "HOLD"]})", R"("pass")", "enum");
        row("enum number 1.0", R"({"enum": [1, 2]})", "1.0");
        row("const", R"({"const": "POST"})", R"("POST")");
        row("const other", R"({"const": "POST"})", R"("post")", "const");
        row("const object order", R"({"const": {"a": 1, "b": [2]}})", R"({"b": [2], "a": 1})");
        row("required present", R"({"required": ["a"]})", R"({"a": null})");
        row("required missing", R"({"required": ["a", "b"]})", R"({"a": 1})", "required");
        row("required on non-object", R"({"required": ["a"]})", "3");
        row("properties nested", R"({"properties": {"a": {"type": "integer"}}})", R"({"a": "x"})",
            "type", "/a");
        row("additionalProperties false", R"({"properties": {"a": {}},
            "additionalProperties": false})",
            R"({"a": 1, "b~/": 2})", "additionalProperties", "/b~0~1");
        row("additionalProperties schema", R"({"additionalProperties": {"type": "string"}})",
            R"({"x": 2})", "type", "/x");
        row("items", R"({"items": {"type": "integer"}})", "[1, 2, \"3\"]", "type", "/2");
        row("prefixItems", R"({"prefixItems": [{"type": "string"}, {"type": "integer"}]})",
            R"(["a", "b"])", "type", "/1");
        row("prefixItems then items", R"({"prefixItems": [{"type": "string"}],
            "items": {"type": "integer"}})",
            R"(["a", 1, "c"])", "type", "/2");
        row("prefixItems shorter array",
            R"({"prefixItems": [{"type": "string"}, {"type": "integer"}]})", R"(["a"])");
        row("minItems", R"({"minItems": 1})", "[]", "minItems");
        row("maxItems", R"({"maxItems": 1})", "[1, 2]", "maxItems");
        row("minLength", R"({"minLength": 2})", R"("a")", "minLength");
        row("maxLength code points", R"({"maxLength": 2})", R"("😀😀")");
        row("maxLength over", R"({"maxLength": 2})", R"("😀😀x")", "maxLength");
        row("maxLength ignores numbers", R"({"maxLength": 1})", "12345");
        row("pattern unanchored", R"({"pattern": "[0-9]"})", R"("ab1")");
        row("pattern anchored", R"({"pattern": "^[0-9]+$"})", R"("1a")", "pattern");
        row("pattern unicode space", R"({"pattern": "^\\s*$"})", R"("\u2003")");
        row("pattern lookahead", R"({"pattern": "^(?=.*[A-Z])[A-Z.]+$"})", R"("...")", "pattern");
        row("pattern invalid", "{\"pattern\": \"(\"}", R"("x")", "pattern");
        row("minimum", R"({"minimum": -50})", "-50");
        row("minimum below", R"({"minimum": -50})", "-50.1", "minimum");
        row("maximum", R"({"maximum": 100})", "100.5", "maximum");
        row("exclusiveMinimum", R"({"exclusiveMinimum": 0})", "0", "exclusiveMinimum");
        row("exclusiveMaximum", R"({"exclusiveMaximum": 1})", "0.99");
        row("multipleOf 0.1 exact", R"({"multipleOf": 0.1})", "-18.1");
        row("multipleOf 0.1 big", R"({"multipleOf": 0.1})", "9999.9");
        row("multipleOf 0.1 off", R"({"multipleOf": 0.1})", "-18.05", "multipleOf");
        row("multipleOf 0.01", R"({"multipleOf": 0.01})", "12.34");
        row("multipleOf 0.01 off", R"({"multipleOf": 0.01})", "12.345", "multipleOf");
        row("multipleOf 5", R"({"multipleOf": 5})", "1e3");
        row("multipleOf 5 off", R"({"multipleOf": 5})", "12", "multipleOf");
        row("format uuid", R"({"format": "uuid"})", R"("0b6a8c8e-6f7d-4d1e-9a53-0f7c2f1e9b11")");
        row("format uuid braces", R"({"format": "uuid"})",
            R"("{0b6a8c8e-6f7d-4d1e-9a53-0f7c2f1e9b11}")", "format");
        row("format uuid short", R"({"format": "uuid"})", R"("0b6a8c8e")", "format");
        row("format date-time Z", R"({"format": "date-time"})", R"("2026-12-03T08:00:00Z")");
        row("format date-time offset ms", R"({"format": "date-time"})",
            R"("2026-12-03T08:00:00.123+01:00")");
        row("format date-time no offset", R"({"format": "date-time"})", R"("2026-12-03T08:00:00")",
            "format");
        row("format date-time no seconds", R"({"format": "date-time"})", R"("2026-12-03T08:00Z")",
            "format");
        row("format date-time space", R"({"format": "date-time"})", R"("2026-12-03 08:00:00Z")",
            "format");
        row("format date-time Feb 30", R"({"format": "date-time"})", R"("2026-02-30T08:00:00Z")",
            "format");
        row("format date-time leap day", R"({"format": "date-time"})", R"("2028-02-29T23:59:59Z")");
        row("format ignores numbers", R"({"format": "uuid"})", "1");
        row("format unknown", R"({"format": "email"})", R"("a@b")", "format");
        row("oneOf one", R"({"oneOf": [{"type": "null"}, {"type": "string"}]})", "null");
        row("oneOf none", R"({"oneOf": [{"type": "null"}, {"type": "string"}]})", "1", "oneOf");
        row("oneOf two", R"({"oneOf": [{"type": "number"}, {"type": "integer"}]})", "1", "oneOf");
        row("anyOf one", R"({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]})", R"({"b": 1})");
        row("anyOf both", R"({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]})",
            R"({"a": 1, "b": 1})");
        row("anyOf neither", R"({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]})", "{}",
            "anyOf");
        row("allOf", R"({"allOf": [{"minimum": 1}, {"maximum": 2}]})", "3", "maximum");
        row("not", R"({"not": {"type": "null"}})", "null", "not");
        row("if then", R"({"if": {"properties": {"d": {"const": "HOLD"}}},
            "then": {"required": ["notes"]}, "else": {"maxProperties": 0}})",
            R"({"d": "HOLD"})", "required");
        row("if else", R"({"if": {"properties": {"d": {"const": "HOLD"}}},
            "then": {"required": ["notes"]}})",
            R"({"d": "PASS"})");
        row("ref", "{\"$ref\": \"#/components/schemas/Code\"}", R"("abc")", "pattern");
        row("ref nested", "{\"$ref\": \"#/components/schemas/Pair\"}", R"({"a": "ABC", "b": 1})",
            "additionalProperties", "/b");
        row("ref escaped", "{\"$ref\": \"#/components/schemas/Odd~0Name~1x\"}", "1");
        row("ref with sibling", "{\"$ref\": \"#/components/schemas/Code\", \"maxLength\": 2}",
            R"("ABC")", "maxLength");
        row("ref missing", "{\"$ref\": \"#/components/schemas/Nope\"}", "1", "$ref");
        row("ref remote", "{\"$ref\": \"https://example.com/s.json\"}", "1", "$ref");
        row("boolean true", "true", "1");
        row("boolean false", "false", "1", "false");
        row("annotations", R"({"description": "d", "examples": [1], "writeOnly": true,
            "contentEncoding": "base64", "x-roles": ["ADMIN"]})",
            "1");
        row("unknown keyword", R"({"maxProperties": 1})", "{}", "unsupported");
        row("unknown keyword nested", R"({"properties": {"a": {"nullable": true}}})",
            R"({"a": null})", "unsupported", "/a");
    }
    void keywords()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QByteArray, instance);
        QFETCH(QString, keyword);
        QFETCH(QString, where);
        const JsonSchema validator(document());
        const QJsonValue s = parse(schema);
        QVERIFY2(!s.isUndefined(), schema.constData());
        const QJsonValue v = parse(instance);
        QVERIFY2(!v.isUndefined(), instance.constData());
        const SchemaViolations violations = validator.validate(v, s);
        if (keyword.isEmpty()) {
            QVERIFY2(violations.isEmpty(), qPrintable(JsonSchema::describe(violations)));
            return;
        }
        QVERIFY2(!violations.isEmpty(), "no violation");
        QCOMPARE(violations.first().keyword, keyword);
        QCOMPARE(violations.first().instancePath, where);
        QVERIFY(!violations.first().message.isEmpty());
    }

    void violationsNameTheSchemaPath()
    {
        const JsonSchema validator(document());
        const SchemaViolations v =
            validator.validateComponent(parse(R"({"a": "abc"})"), QStringLiteral("Pair"));
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().instancePath, QStringLiteral("/a"));
        QCOMPARE(v.first().schemaPath, QStringLiteral("/components/schemas/Code/pattern"));
        QVERIFY2(v.first().toString().contains(QStringLiteral("^[A-Z]{3}$")),
                 qPrintable(v.first().toString()));
    }

    void oneOfSaysWhyNoneFits()
    {
        const JsonSchema validator(document());
        const SchemaViolations v = validator.validate(
            parse("5"), parse(R"({"oneOf": [{"type": "string"}, {"maximum": 3}]})"));
        QCOMPARE(v.size(), 1);
        QVERIFY2(v.first().message.contains(QStringLiteral("#0: 5 is integer, not string")),
                 qPrintable(v.first().message));
        QVERIFY2(v.first().message.contains(QStringLiteral("#1: 5 is above 3")),
                 qPrintable(v.first().message));
    }

    void operations()
    {
        const JsonSchema validator(parse(R"({"paths": {
            "/lots": {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"required": ["a"]}}}},
                "responses": {"201": {"description": "x", "content": {"application/json":
                                 {"schema": {"required": ["id"]}}}},
                              "422": {"$ref": )"
                                         "\"#/components/responses/Problem\""
                                         R"(}}}},
            "/lots/new": {"get": {"responses": {"204": {"description": "none"}}}},
            "/lots/{code}": {"get": {"responses": {"2XX": {"description": "any",
                "content": {"text/plain": {"schema": {"type": "string"}}}}}}}
        }, "components": {"responses": {"Problem": {"description": "p", "content": {
            "application/problem+json": {"schema": {"required": ["title"]}}}}}}})")
                                       .toObject());
        QCOMPARE(*validator.operationPointer(QStringLiteral("POST"), QStringLiteral("/lots")),
                 QStringLiteral("/paths/~1lots/post"));
        QCOMPARE(*validator.operationPointer(QStringLiteral("get"), QStringLiteral("/lots/new")),
                 QStringLiteral("/paths/~1lots~1new/get"));
        QCOMPARE(*validator.operationPointer(QStringLiteral("GET"), QStringLiteral("/lots/A?x=1")),
                 QStringLiteral("/paths/~1lots~1{code}/get"));
        QVERIFY(!validator.operationPointer(QStringLiteral("PUT"), QStringLiteral("/lots")));
        QVERIFY(!validator.operationPointer(QStringLiteral("GET"), QStringLiteral("/lots/a/b")));

        QVERIFY(validator
                    .validateRequest(QStringLiteral("POST"), QStringLiteral("/lots"),
                                     parse(R"({"a": 1})"))
                    .isEmpty());
        QCOMPARE(
            validator.validateRequest(QStringLiteral("POST"), QStringLiteral("/lots"), parse("{}"))
                .first()
                .keyword,
            QStringLiteral("required"));
        QCOMPARE(
            validator
                .validateRequest(QStringLiteral("GET"), QStringLiteral("/lots/new"), parse("{}"))
                .first()
                .keyword,
            QStringLiteral("requestBody"));

        const auto response = [&](const char *method, const char *path, int status,
                                  const QByteArray &type, const QByteArray &body) {
            return validator.validateResponse(QString::fromLatin1(method),
                                              QString::fromLatin1(path), status, type, body);
        };
        QVERIFY(response("POST", "/lots", 201, "application/json", R"({"id": 1})").isEmpty());
        QCOMPARE(response("POST", "/lots", 201, "application/json", "{}").first().keyword,
                 QStringLiteral("required"));
        QCOMPARE(response("POST", "/lots", 201, "application/json", "{").first().keyword,
                 QStringLiteral("json"));
        QVERIFY(response("POST", "/lots", 422, "application/problem+json", R"({"title": "t"})")
                    .isEmpty());
        QCOMPARE(
            response("POST", "/lots", 422, "application/json", R"({"title": "t"})").first().keyword,
            QStringLiteral("content"));
        QCOMPARE(response("POST", "/lots", 409, "application/problem+json", "{}").first().keyword,
                 QStringLiteral("responses"));
        QVERIFY(response("GET", "/lots/new", 204, "", "").isEmpty());
        QCOMPARE(response("GET", "/lots/new", 204, "application/json", "{}").first().keyword,
                 QStringLiteral("content"));
        QVERIFY(response("GET", "/lots/X", 200, "text/plain; charset=utf-8", "hi").isEmpty());
        QCOMPARE(response("GET", "/nowhere", 200, "", "").first().keyword, QStringLiteral("paths"));
    }

    // The document the server serves: every keyword in it is one this validator checks, and
    // every example in a component schema fits that schema.
    void theDocumentIsCheckable()
    {
        const JsonSchema validator(sourceDocument());
        QCOMPARE(validator.unsupportedKeywords(), QStringList());
        const QJsonObject schemas =
            validator.resolve(QStringLiteral("/components/schemas"))->toObject();
        QVERIFY(schemas.size() > 20);
        int examples = 0;
        for (auto it = schemas.begin(); it != schemas.end(); ++it) {
            for (const QJsonValue &example :
                 it.value().toObject().value(QStringLiteral("examples")).toArray()) {
                const SchemaViolations v = validator.validateComponent(example, it.key());
                QVERIFY2(v.isEmpty(),
                         qPrintable(it.key() + QStringLiteral(": ") + JsonSchema::describe(v)));
                ++examples;
            }
        }
        QVERIFY(examples >= 4);
    }

    // GET /api/v1/traceability/{lot_code} answers one of two shapes (backend/trace/
    // traceroutes.cpp): the lot with its neighbours, or, with direction or depth, the graph.
    // Each Trace branch takes exactly its own shape and nothing more, so no answer can fit
    // both and a member of the other shape is never taken silently.
    void traceAnswersFitExactlyOneBranch_data()
    {
        QTest::addColumn<QJsonObject>("answer");
        QTest::addColumn<bool>("neighbours"); // fits Trace/oneOf/0
        QTest::addColumn<bool>("graph");      // fits Trace/oneOf/1

        const QJsonObject lot = parse(R"({"id": "0b6a8c8e-6f7d-4d1e-9a53-0f7c2f1e9b11",
            "lot_code": "BULK-20261203-DUNA01-0001", "lot_type": "BULK", "status": "RELEASED",
            "production_run_id": null, "run_code": null,
            "operator_id": "5d1c2f4e-0a7b-4c3d-8e9f-112233445566", "operator": "operator",
            "workstation_id": "WS-01", "weight_kg": 120.5, "temperature_c": 3.5,
            "temperature_status": "ok", "weight_status": "ok", "metadata": {},
            "client_created_at": null, "client_time_flagged": false,
            "created_at": "2026-12-03T08:00:00.000Z", "updated_at": "2026-12-03T08:00:00.000Z"})")
                                    .toObject();
        QJsonObject parent = lot;
        parent.insert(QStringLiteral("lot_code"), QStringLiteral("RAW-20261203-DUNA01-0001"));
        parent.insert(QStringLiteral("lot_type"), QStringLiteral("RAW"));
        parent.insert(QStringLiteral("quantity_used_kg"), 60.25);
        const QJsonObject neighbours{{QStringLiteral("central"), lot},
                                     {QStringLiteral("parents"), QJsonArray{parent}},
                                     {QStringLiteral("children"), QJsonArray{}}};
        const QJsonObject graph = parse(R"({"root": "BULK-20261203-DUNA01-0001",
            "direction": "both", "depth": 50, "truncated": false, "max_nodes": 5000,
            "nodes": [{"id": "0b6a8c8e-6f7d-4d1e-9a53-0f7c2f1e9b11",
                       "lot_code": "BULK-20261203-DUNA01-0001", "lot_type": "BULK",
                       "status": "RELEASED", "weight_kg": 120.5, "temperature_c": null,
                       "created_at": "2026-12-03T08:00:00.000Z", "level": 0}],
            "edges": [{"parent_lot_code": "RAW-20261203-DUNA01-0001",
                       "child_lot_code": "BULK-20261203-DUNA01-0001",
                       "quantity_used_kg": 60.25}]})")
                                      .toObject();
        QJsonObject both = neighbours;
        for (auto it = graph.begin(); it != graph.end(); ++it)
            both.insert(it.key(), it.value());

        QTest::newRow("neighbours answer") << neighbours << true << false;
        QTest::newRow("graph answer") << graph << false << true;
        const auto with = [](QJsonObject o, const QString &member, const QJsonValue &value) {
            o.insert(member, value);
            return o;
        };
        QTest::newRow("neighbours answer with root")
            << with(neighbours, QStringLiteral("root"), lot[QStringLiteral("lot_code")]) << false
            << false;
        QTest::newRow("graph answer with central")
            << with(graph, QStringLiteral("central"), lot) << false << false;
        QTest::newRow("both answers in one") << both << false << false;
    }
    void traceAnswersFitExactlyOneBranch()
    {
        QFETCH(QJsonObject, answer);
        QFETCH(bool, neighbours);
        QFETCH(bool, graph);
        const JsonSchema validator(sourceDocument());
        const auto fits = [&](const QString &pointer) {
            return validator.validateAt(answer, pointer).isEmpty();
        };
        QCOMPARE(fits(QStringLiteral("/components/schemas/Trace/oneOf/0")), neighbours);
        QCOMPARE(fits(QStringLiteral("/components/schemas/Trace/oneOf/1")), graph);
        const SchemaViolations v = validator.validateComponent(answer, QStringLiteral("Trace"));
        QVERIFY2(v.isEmpty() == (neighbours != graph), qPrintable(JsonSchema::describe(v)));
    }

    void knownKeywordsAreListed()
    {
        QVERIFY(JsonSchema::knownAssertions().contains(QStringLiteral("oneOf")));
        QVERIFY(JsonSchema::knownAssertions().contains(QStringLiteral("$ref")));
        QVERIFY(!JsonSchema::knownAssertions().contains(QStringLiteral("maxProperties")));
        QVERIFY(JsonSchema::knownAnnotations().contains(QStringLiteral("description")));
    }
};

QTEST_GUILESS_MAIN(TestJsonSchema)
#include "tst_jsonschema.moc"
