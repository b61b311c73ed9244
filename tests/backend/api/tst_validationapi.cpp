// Every input rule and its boundaries, through the API: 422 problems naming the field and the
// rule, exact decimals as stored, and nothing half-written after a refused request.

#include "tests/backend/apitestutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace flowviz::test;

namespace {

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

} // namespace

class TestValidationApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server =
            std::make_unique<TestServer>(QStringLiteral("tst_validationapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_client);
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("VAL-QC"), QStringLiteral("RAW"),
                                                QStringLiteral("300"), QStringLiteral("4"))),
                         201);
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void lotRules_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // for 422: the field and code in errors[]
        QTest::addColumn<QString>("code");
        const QString raw = QStringLiteral("RAW");
        const auto lot = [&](const QString &code) {
            return lotBody(code, raw, QStringLiteral("250"));
        };

        QTest::newRow("lot_code empty") << lot(QString()) << 422 << "lot_code"
                                        << "lot_code.empty";
        QTest::newRow("lot_code blank") << lot(QStringLiteral("   ")) << 422 << "lot_code"
                                        << "lot_code.empty";
        QTest::newRow("lot_code missing")
            << without(lot(QStringLiteral("X")), QStringLiteral("lot_code")) << 422 << "lot_code"
            << "field.required";
        QTest::newRow("lot_code not a string")
            << with(lot(QStringLiteral("X")), QStringLiteral("lot_code"), 12) << 422 << "lot_code"
            << "field.type";
        QTest::newRow("lot_code 100 chars")
            << lot(QStringLiteral("V100-") + QString(95, u'A')) << 201 << ""
            << "";
        QTest::newRow("lot_code 101 chars")
            << lot(QStringLiteral("V101-") + QString(96, u'A')) << 422 << "lot_code"
            << "lot_code.too_long";
        QTest::newRow("lot_code space") << lot(QStringLiteral("VAL 1")) << 422 << "lot_code"
                                        << "lot_code.invalid_character";
        QTest::newRow("lot_code hash") << lot(QStringLiteral("VAL#1")) << 422 << "lot_code"
                                       << "lot_code.invalid_character";
        QTest::newRow("lot_code percent") << lot(QStringLiteral("VAL%1")) << 422 << "lot_code"
                                          << "lot_code.invalid_character";
        QTest::newRow("lot_code accented") << lot(QStringLiteral("VAL-\u0150")) << 422 << "lot_code"
                                           << "lot_code.invalid_character";
        QTest::newRow("lot_code all allowed punctuation")
            << lot(QStringLiteral("VAL-A_B.C/D-09")) << 201 << ""
            << "";

        QTest::newRow("weight 0") << lotBody(QStringLiteral("VAL-W0"), raw, QStringLiteral("0"))
                                  << 201 << ""
                                  << "";
        QTest::newRow("weight 10000")
            << lotBody(QStringLiteral("VAL-W10000"), raw, QStringLiteral("10000")) << 201 << ""
            << "";
        QTest::newRow("weight 12.34")
            << lotBody(QStringLiteral("VAL-W1234"), raw, QStringLiteral("12.34")) << 201 << ""
            << "";
        QTest::newRow("weight 10000.01")
            << lotBody(QStringLiteral("VAL-WX"), raw, QStringLiteral("10000.01")) << 422
            << "weight_kg"
            << "weight.range";
        QTest::newRow("weight -0.01")
            << lotBody(QStringLiteral("VAL-WX"), raw, QStringLiteral("-0.01")) << 422 << "weight_kg"
            << "weight.range";
        QTest::newRow("weight 12.345 number")
            << lotBody(QStringLiteral("VAL-WX"), raw, QStringLiteral("12.345")) << 422
            << "weight_kg"
            << "weight.scale";
        QTest::newRow("weight 12.345 string")
            << with(lotBody(QStringLiteral("VAL-WX"), raw), QStringLiteral("weight_kg"),
                    QStringLiteral("12.345"))
            << 422 << "weight_kg"
            << "weight.scale";
        QTest::newRow("weight 12.34 string")
            << with(lotBody(QStringLiteral("VAL-WS1234"), raw), QStringLiteral("weight_kg"),
                    QStringLiteral("12.34"))
            << 201 << ""
            << "";
        QTest::newRow("weight 1e3") << with(lotBody(QStringLiteral("VAL-WX"), raw),
                                            QStringLiteral("weight_kg"), QStringLiteral("1e3"))
                                    << 422 << "weight_kg"
                                    << "field.type";
        QTest::newRow("weight word") << with(lotBody(QStringLiteral("VAL-WX"), raw),
                                             QStringLiteral("weight_kg"), QStringLiteral("heavy"))
                                     << 422 << "weight_kg"
                                     << "field.type";
        QTest::newRow("weight bool")
            << with(lotBody(QStringLiteral("VAL-WX"), raw), QStringLiteral("weight_kg"), true)
            << 422 << "weight_kg"
            << "field.type";

        QTest::newRow("temperature -50")
            << lotBody(QStringLiteral("VAL-T-50"), raw, {}, QStringLiteral("-50")) << 201 << ""
            << "";
        QTest::newRow("temperature 100")
            << lotBody(QStringLiteral("VAL-T100"), raw, {}, QStringLiteral("100")) << 201 << ""
            << "";
        QTest::newRow("temperature 4.5")
            << lotBody(QStringLiteral("VAL-T45"), raw, {}, QStringLiteral("4.5")) << 201 << ""
            << "";
        QTest::newRow("temperature -50.1")
            << lotBody(QStringLiteral("VAL-TX"), raw, {}, QStringLiteral("-50.1")) << 422
            << "temperature_c"
            << "temperature.range";
        QTest::newRow("temperature 100.1")
            << lotBody(QStringLiteral("VAL-TX"), raw, {}, QStringLiteral("100.1")) << 422
            << "temperature_c"
            << "temperature.range";
        QTest::newRow("temperature 4.55")
            << lotBody(QStringLiteral("VAL-TX"), raw, {}, QStringLiteral("4.55")) << 422
            << "temperature_c"
            << "temperature.scale";
        QTest::newRow("temperature 4.55 string")
            << with(lotBody(QStringLiteral("VAL-TX"), raw), QStringLiteral("temperature_c"),
                    QStringLiteral("4.55"))
            << 422 << "temperature_c"
            << "temperature.scale";

        QTest::newRow("lot_type unknown")
            << lotBody(QStringLiteral("VAL-TY"), QStringLiteral("PORK"), QStringLiteral("250"))
            << 422 << "lot_type"
            << "lot_type.unknown";
        QTest::newRow("lot_type missing")
            << without(lotBody(QStringLiteral("VAL-TY"), raw), QStringLiteral("lot_type")) << 422
            << "lot_type"
            << "field.required";
        // Enumerations are exact, as the schema says: "deb" is refused, not upper-cased.
        QTest::newRow("lot_type lower case")
            << lotBody(QStringLiteral("VAL-TYLOW"), QStringLiteral("deb"), QStringLiteral("250"))
            << 422 << "lot_type"
            << "lot_type.unknown";
        QTest::newRow("unknown field")
            << with(lot(QStringLiteral("VAL-UF")), QStringLiteral("colour"), QStringLiteral("red"))
            << 422 << "colour"
            << "field.unknown";
        QTest::newRow("unknown parent field")
            << lotBody(QStringLiteral("VAL-UPF"), raw, QStringLiteral("10"), {},
                       {with(parentRef(QStringLiteral("VAL-QC"), QStringLiteral("1")),
                             QStringLiteral("note"), QStringLiteral("x"))})
            << 422 << "parents[0].note"
            << "field.unknown";
        QTest::newRow("parent quantity 0")
            << lotBody(QStringLiteral("VAL-PQ0"), raw, QStringLiteral("10"), {},
                       {parentRef(QStringLiteral("VAL-QC"), QStringLiteral("0"))})
            << 422 << "parents[0].quantity_used_kg"
            << "quantity.not_positive";
        QTest::newRow("parent quantity 1.001")
            << lotBody(QStringLiteral("VAL-PQS"), raw, QStringLiteral("10"), {},
                       {parentRef(QStringLiteral("VAL-QC"), QStringLiteral("1.001"))})
            << 422 << "parents[0].quantity_used_kg"
            << "weight.scale";
        QTest::newRow("parent without quantity")
            << lotBody(QStringLiteral("VAL-PNQ"), raw, QStringLiteral("10"), {},
                       {QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("VAL-QC")}}})
            << 422 << "parents[0].quantity_used_kg"
            << "field.required";
        QTest::newRow("parent unknown")
            << lotBody(QStringLiteral("VAL-PU"), raw, QStringLiteral("10"), {},
                       {parentRef(QStringLiteral("VAL-NOSUCH"), QStringLiteral("1"))})
            << 422 << "parents[0].lot_code"
            << "parents.unknown";
        QTest::newRow("run unknown")
            << with(lot(QStringLiteral("VAL-RU")), QStringLiteral("run_code"),
                    QStringLiteral("NO-SUCH-RUN"))
            << 422 << "run_code"
            << "run.unknown";
        QTest::newRow("metadata not an object")
            << with(lot(QStringLiteral("VAL-MD")), QStringLiteral("metadata"), QStringLiteral("x"))
            << 422 << "metadata"
            << "field.type";
        QTest::newRow("client time without offset")
            << with(lot(QStringLiteral("VAL-CT")), QStringLiteral("client_created_at"),
                    QStringLiteral("2026-01-14T08:30:00"))
            << 422 << "client_created_at"
            << "field.type";
        QTest::newRow("id not a uuid")
            << with(lot(QStringLiteral("VAL-ID")), QStringLiteral("id"), QStringLiteral("12"))
            << 422 << "id"
            << "field.type";
    }
    void lotRules()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const int lotsBefore = rowCount(*m_server, QStringLiteral("lots"));
        const int linksBefore = rowCount(*m_server, QStringLiteral("lot_genealogy"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"), body);
        if (status == 201) {
            FV_VERIFY_STATUS(r, 201);
            const QString stored =
                body.value(QStringLiteral("lot_code")).toString().trimmed().toUpper();
            QCOMPARE(r.json().value(QStringLiteral("lot_code")).toString(), stored);
            QCOMPARE(m_server->db().scalar(
                         QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = $1"), {stored}),
                     QStringLiteral("1"));
            return;
        }
        FV_VERIFY_PROBLEM(r, status);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lotsBefore);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_genealogy")), linksBefore);
    }

    void allProblemsInOneAnswer()
    {
        QJsonObject body = lotBody(QStringLiteral("BAD CODE"), QStringLiteral("PORK"),
                                   QStringLiteral("12.345"), QStringLiteral("200"));
        body.insert(QStringLiteral("colour"), QStringLiteral("red"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"), body);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(hasFieldError(r, QStringLiteral("lot_code"),
                              QStringLiteral("lot_code.invalid_character")));
        QVERIFY(hasFieldError(r, QStringLiteral("lot_type"), QStringLiteral("lot_type.unknown")));
        QVERIFY(hasFieldError(r, QStringLiteral("weight_kg"), QStringLiteral("weight.scale")));
        QVERIFY(
            hasFieldError(r, QStringLiteral("temperature_c"), QStringLiteral("temperature.range")));
        QVERIFY(hasFieldError(r, QStringLiteral("colour"), QStringLiteral("field.unknown")));
        for (const QJsonValue &e : r.json().value(QStringLiteral("errors")).toArray())
            QVERIFY(!e.toObject().value(QStringLiteral("message")).toString().isEmpty());
    }

    void lowerCaseCodeIsUpperCased()
    {
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"),
                                       lotBody(QStringLiteral("  val-lower.1/a "),
                                               QStringLiteral("RAW"), QStringLiteral("250")));
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("VAL-LOWER.1/A"));
        QCOMPARE(r.header("location"), QByteArray("/api/v1/lots/VAL-LOWER.1%2FA"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'VAL-LOWER.1/A'")),
                 QStringLiteral("1"));
        // Lookups normalise too.
        FV_VERIFY_STATUS(m_client->get(QStringLiteral("/api/v1/lots/val-lower.1%2Fa")), 200);
    }

    void exactDecimals_data()
    {
        QTest::addColumn<QJsonValue>("weight");
        QTest::addColumn<QJsonValue>("temperature");
        QTest::addColumn<QString>("storedWeight");
        QTest::addColumn<QString>("storedTemperature");
        QTest::addColumn<QByteArray>("jsonWeight");
        QTest::addColumn<QByteArray>("jsonTemperature");
        QTest::newRow("12.30 as string")
            << QJsonValue(QStringLiteral("12.30")) << QJsonValue(QStringLiteral("4.50")) << "12.30"
            << "4.5" << QByteArray("12.3") << QByteArray("4.5");
        QTest::newRow("12.3 as number")
            << number(QStringLiteral("12.3")) << number(QStringLiteral("-18")) << "12.30"
            << "-18.0" << QByteArray("12.3") << QByteArray("-18");
        QTest::newRow("0.01 and -0.1")
            << number(QStringLiteral("0.01")) << number(QStringLiteral("-0.1")) << "0.01"
            << "-0.1" << QByteArray("0.01") << QByteArray("-0.1");
        QTest::newRow("9999.99 and 99.9")
            << number(QStringLiteral("9999.99")) << number(QStringLiteral("99.9")) << "9999.99"
            << "99.9" << QByteArray("9999.99") << QByteArray("99.9");
        QTest::newRow("0.1 + 0.2 style")
            << number(QStringLiteral("0.3")) << number(QStringLiteral("0.3")) << "0.30"
            << "0.3" << QByteArray("0.3") << QByteArray("0.3");
        QTest::newRow("trailing zeros beyond scale")
            << QJsonValue(QStringLiteral("12.3400")) << QJsonValue(QStringLiteral("4.500"))
            << "12.34"
            << "4.5" << QByteArray("12.34") << QByteArray("4.5");
    }
    void exactDecimals()
    {
        QFETCH(QJsonValue, weight);
        QFETCH(QJsonValue, temperature);
        QFETCH(QString, storedWeight);
        QFETCH(QString, storedTemperature);
        QFETCH(QByteArray, jsonWeight);
        QFETCH(QByteArray, jsonTemperature);
        const QString code = QStringLiteral("VAL-DEC-%1").arg(++m_sequence);
        QJsonObject body = lotBody(code, QStringLiteral("FRZ"));
        body.insert(QStringLiteral("weight_kg"), weight);
        body.insert(QStringLiteral("temperature_c"), temperature);
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"), body);
        FV_VERIFY_STATUS(r, 201);
        const auto rows = m_server->db().query(
            QStringLiteral(
                "SELECT weight_kg::text, temperature_c::text FROM lots WHERE lot_code = $1"),
            {code});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][0], storedWeight);
        QCOMPARE(rows[0][1], storedTemperature);
        // The JSON text itself, not a double read back from it.
        for (const Reply &answer : {r, m_client->get(QStringLiteral("/api/v1/lots/") + code)}) {
            FV_VERIFY_STATUS(answer, answer.status == 201 ? 201 : 200);
            QVERIFY2(answer.body.contains("\"weight_kg\":" + jsonWeight + ','),
                     answer.body.constData());
            QVERIFY2(answer.body.contains("\"temperature_c\":" + jsonTemperature + ','),
                     answer.body.constData());
        }
    }

    void notJsonIs400()
    {
        const int before = rowCount(*m_server, QStringLiteral("lots"));
        for (const QByteArray &body :
             {QByteArray("{\"lot_code\": \"VAL-NJ\","), QByteArray("lot_code=VAL-NJ"),
              QByteArray("[{\"lot_code\": \"VAL-NJ\"}]"), QByteArray("\"VAL-NJ\"")}) {
            const Reply r = m_client->send("POST", QStringLiteral("/api/v1/lots"), body,
                                           {{"Content-Type", "application/json"}});
            FV_VERIFY_PROBLEM(r, 400);
        }
        const Reply qc = m_client->send("POST", QStringLiteral("/api/v1/qc-decisions"), "{oops",
                                        {{"Content-Type", "application/json"}});
        FV_VERIFY_PROBLEM(qc, 400);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), before);
    }

    void wrongContentTypeIs415_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray body = QJsonDocument(lotBody(QStringLiteral("VAL-CT415"),
                                                      QStringLiteral("RAW"), QStringLiteral("250")))
                                    .toJson();
        for (const char *type : {"text/plain", "application/x-www-form-urlencoded",
                                 "application/xml", "application/jsonp", "application/json-seq"}) {
            QTest::addRow("lots %s", type) << QStringLiteral("/api/v1/lots") << QByteArray(type);
            QTest::addRow("qc-decisions %s", type)
                << QStringLiteral("/api/v1/qc-decisions") << QByteArray(type);
        }
    }
    void wrongContentTypeIs415()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        const QByteArray body =
            path.endsWith(u"lots")
                ? QJsonDocument(lotBody(QStringLiteral("VAL-CT415"), QStringLiteral("RAW"),
                                        QStringLiteral("250")))
                      .toJson()
                : QJsonDocument(decisionBody(QStringLiteral("VAL-QC"), QStringLiteral("PASS")))
                      .toJson();
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const int decisions = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const Reply r = m_client->send("POST", path, body, {{"Content-Type", contentType}});
        FV_VERIFY_PROBLEM(r, 415);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), decisions);
    }

    void decisionRules_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QString lot = QStringLiteral("VAL-QC");
        const auto pass = [&](int gate = 1) {
            return decisionBody(lot, QStringLiteral("PASS"), gate);
        };
        const auto withTemp = [&](const QJsonObject &o, const QString &t) {
            return with(o, QStringLiteral("temperature_c"), number(t));
        };

        QTest::newRow("PASS without notes") << pass() << 201 << ""
                                            << "";
        QTest::newRow("notes 1000 chars")
            << with(pass(), QStringLiteral("notes"), QString(1000, u'n')) << 201 << ""
            << "";
        QTest::newRow("notes 1001 chars")
            << with(pass(), QStringLiteral("notes"), QString(1001, u'n')) << 422 << "notes"
            << "notes.too_long";
        // Blanks do not count: nine letters spread with spaces are still nine.
        QTest::newRow("HOLD 9 non-blank")
            << decisionBody(lot, QStringLiteral("HOLD"), 1, QStringLiteral("  a b c d e f g h i  "))
            << 422 << "notes"
            << "notes.required";
        QTest::newRow("HOLD no notes")
            << decisionBody(lot, QStringLiteral("HOLD"), 1) << 422 << "notes"
            << "notes.required";
        QTest::newRow("FAIL 9 non-blank")
            << decisionBody(lot, QStringLiteral("FAIL"), 1, QStringLiteral("123456789")) << 422
            << "notes"
            << "notes.required";
        QTest::newRow("HOLD 10 non-blank")
            << decisionBody(lot, QStringLiteral("HOLD"), 1, QStringLiteral(" a b c d e f g h i j "))
            << 201 << ""
            << "";
        QTest::newRow("FAIL 10 non-blank")
            << decisionBody(QStringLiteral("VAL-QC-FAIL"), QStringLiteral("FAIL"), 1,
                            QStringLiteral("1234567890"))
            << 201 << ""
            << "";
        QTest::newRow("CCP gate 7 without temperature") << pass(7) << 422 << "temperature_c"
                                                        << "temperature.required_at_ccp";
        QTest::newRow("CCP gate 7 with temperature")
            << withTemp(pass(7), QStringLiteral("-19.5")) << 201 << ""
            << "";
        QTest::newRow("temperature -50.1")
            << withTemp(pass(), QStringLiteral("-50.1")) << 422 << "temperature_c"
            << "temperature.range";
        QTest::newRow("temperature 100.1")
            << withTemp(pass(), QStringLiteral("100.1")) << 422 << "temperature_c"
            << "temperature.range";
        QTest::newRow("temperature 4.55")
            << withTemp(pass(), QStringLiteral("4.55")) << 422 << "temperature_c"
            << "temperature.scale";
        QTest::newRow("temperature -50") << withTemp(pass(), QStringLiteral("-50")) << 201 << ""
                                         << "";
        QTest::newRow("temperature 100") << withTemp(pass(), QStringLiteral("100")) << 201 << ""
                                         << "";
        QTest::newRow("unknown gate number") << pass(2) << 422 << "gate_number"
                                             << "gate.unknown";
        QTest::newRow("unknown gate id") << with(without(pass(), QStringLiteral("gate_number")),
                                                 QStringLiteral("qc_gate_id"), 9999)
                                         << 422 << "qc_gate_id"
                                         << "gate.unknown";
        QTest::newRow("no gate") << without(pass(), QStringLiteral("gate_number")) << 422
                                 << "qc_gate_id"
                                 << "field.required";
        QTest::newRow("gate not a number")
            << with(pass(), QStringLiteral("gate_number"), QStringLiteral("seven")) << 422
            << "gate_number"
            << "field.type";
        QTest::newRow("unknown lot code")
            << decisionBody(QStringLiteral("VAL-NOSUCH"), QStringLiteral("PASS")) << 422
            << "lot_code"
            << "lot.unknown";
        QTest::newRow("unknown lot id")
            << with(without(pass(), QStringLiteral("lot_code")), QStringLiteral("lot_id"),
                    QStringLiteral("7c6f0b55-52b4-4c49-9c4e-7d1d1f0a2b3c"))
            << 422 << "lot_id"
            << "lot.unknown";
        QTest::newRow("no lot") << without(pass(), QStringLiteral("lot_code")) << 422 << "lot_id"
                                << "field.required";
        QTest::newRow("unknown decision")
            << decisionBody(lot, QStringLiteral("MAYBE")) << 422 << "decision"
            << "decision.unknown";
        QTest::newRow("no decision")
            << without(pass(), QStringLiteral("decision")) << 422 << "decision"
            << "field.required";
        QTest::newRow("unknown field")
            << with(pass(), QStringLiteral("verdict"), QStringLiteral("ok")) << 422 << "verdict"
            << "field.unknown";
        QTest::newRow("decided_at without offset")
            << with(pass(), QStringLiteral("decided_at"), QStringLiteral("2026-01-14T08:30:00"))
            << 422 << "decided_at"
            << "field.type";
        QTest::newRow("wrong signature password")
            << with(pass(), QStringLiteral("signature"),
                    QJsonObject{{QStringLiteral("signer"), QStringLiteral("operator")},
                                {QStringLiteral("password"), QStringLiteral("wrong")},
                                {QStringLiteral("meaning"), QStringLiteral("I pass this lot")}})
            << 422 << "signature"
            << "signature.invalid";
        QTest::newRow("free-text signature")
            << with(pass(), QStringLiteral("digital_signature"), QStringLiteral("Signed by me"))
            << 422 << "digital_signature"
            << "signature.free_text";
    }
    void decisionRules()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, code);
        if (body.value(QStringLiteral("lot_code")).toString() == u"VAL-QC-FAIL")
            FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                            lotBody(QStringLiteral("VAL-QC-FAIL"),
                                                    QStringLiteral("RAW"), QStringLiteral("300"))),
                             201);
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const QString statusBefore = m_server->db().scalar(
            QStringLiteral("SELECT status FROM lots WHERE lot_code = 'VAL-QC'"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
        if (status == 201) {
            FV_VERIFY_STATUS(r, 201);
            QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before + 1);
            return;
        }
        FV_VERIFY_PROBLEM(r, status);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'VAL-QC'")),
                 statusBefore);
    }

    void decisionTemperatureStoredExactly()
    {
        QJsonObject body = decisionBody(QStringLiteral("VAL-QC"), QStringLiteral("PASS"), 7);
        body.insert(QStringLiteral("temperature_c"), QStringLiteral("-18.50"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_STATUS(r, 201);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT temperature_c::text FROM qc_decisions WHERE id = $1::uuid"),
                {id}),
            QStringLiteral("-18.5"));
        QVERIFY2(r.body.contains("\"temperature_c\":-18.5,"), r.body.constData());
    }

    void unknownLotIs404_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("lot") << QStringLiteral("/api/v1/lots/VAL-NOSUCH");
        QTest::newRow("lot decisions") << QStringLiteral("/api/v1/lots/VAL-NOSUCH/qc-decisions");
        QTest::newRow("traceability") << QStringLiteral("/api/v1/traceability/VAL-NOSUCH");
        QTest::newRow("traceability graph")
            << QStringLiteral("/api/v1/traceability/VAL-NOSUCH?direction=both&depth=2");
    }
    void unknownLotIs404()
    {
        QFETCH(QString, path);
        const Reply r = m_client->get(path);
        FV_VERIFY_PROBLEM(r, 404);
        QVERIFY2(r.problemDetail().contains(QStringLiteral("VAL-NOSUCH")),
                 qPrintable(r.problemDetail()));
    }

    void badListFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("type") << "type=PORK"
                              << "type"
                              << "lot_type.unknown";
        QTest::newRow("status") << "status=EATEN"
                                << "status"
                                << "status.unknown";
        QTest::newRow("limit 0") << "limit=0"
                                 << "limit"
                                 << "limit.range";
        QTest::newRow("limit 501") << "limit=501"
                                   << "limit"
                                   << "limit.range";
        QTest::newRow("limit word") << "limit=ten"
                                    << "limit"
                                    << "limit.range";
        QTest::newRow("created_from") << "created_from=yesterday"
                                      << "created_from"
                                      << "field.type";
        QTest::newRow("created_to") << "created_to=2026-13-45"
                                    << "created_to"
                                    << "field.type";
        QTest::newRow("created_from without offset") << "created_from=2026-01-14T08:30:00"
                                                     << "created_from"
                                                     << "field.type";
        QTest::newRow("cursor garbage") << "cursor=%21%21%21"
                                        << "cursor"
                                        << "cursor.invalid";
        QTest::newRow("cursor base64 of junk") << "cursor=aGVsbG8"
                                               << "cursor"
                                               << "cursor.invalid";
    }
    void badListFilters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const Reply r = m_client->get(QStringLiteral("/api/v1/lots?") + query);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    int m_sequence = 0;
};

QTEST_GUILESS_MAIN(TestValidationApi)
#include "tst_validationapi.moc"
