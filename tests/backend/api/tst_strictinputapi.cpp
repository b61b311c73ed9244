// What a client sent is never silently changed: a NUL, a lone surrogate, invalid UTF-8 (400), a
// number with more digits than can be kept, a letter outside the lot-code alphabet that case
// folding would rewrite, an enumeration in another spelling, an unknown member in a sync batch:
// each is refused with 422 problem+json (never 500), and nothing is stored.

#include "tests/backend/apitestutil.h"

#include <QJsonArray>
#include <QTest>

using namespace flowviz::test;

class TestStrictInputApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server =
            std::make_unique<TestServer>(QStringLiteral("tst_strictinputapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_client);
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("STRICT-1"), QStringLiteral("RAW"),
                                                QStringLiteral("300"))),
                         201);
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void refused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QByteArray hold = R"({"lot_code":"STRICT-1","gate_number":1,"decision":"HOLD",)";
        QTest::newRow("NUL in notes")
            << "/api/v1/qc-decisions" << hold + R"("notes":"x\u0000yyyyyyyyyy"})"
            << "notes"
            << "text.nul";
        // Found by fuzz_bodyreader: Qt's parser reads "\<NUL>" as a NUL.
        QTest::newRow("backslash before a raw NUL in notes")
            << "/api/v1/qc-decisions" << hold + QByteArray("\"notes\":\"x\\\0yyyyyyyyyy\"}", 24)
            << "notes"
            << "text.nul";
        // Found by fuzz_bodyreader: the text check stopped at 512 levels, the parser at 1024.
        QTest::newRow("metadata nested deeper than the text check goes")
            << "/api/v1/lots"
            << R"({"lot_code":"STRICT-D1","lot_type":"RAW","metadata":{"a":)" +
                   QByteArray(600, '[') + R"("\u0000")" + QByteArray(600, ']') + "}}"
            << "body"
            << "body.too_deep";
        QTest::newRow("lone high surrogate in notes")
            << "/api/v1/qc-decisions" << hold + R"("notes":"torn bag \ud800 on arrival"})"
            << "notes"
            << "text.surrogate";
        QTest::newRow("lone low surrogate in notes")
            << "/api/v1/qc-decisions" << hold + R"("notes":"torn bag \udc00 on arrival"})"
            << "notes"
            << "text.surrogate";
        QTest::newRow("decision in lower case")
            << "/api/v1/qc-decisions"
            << QByteArray(R"({"lot_code":"STRICT-1","gate_number":1,"decision":"pass"})")
            << "decision"
            << "decision.unknown";
        QTest::newRow("decision with a blank")
            << "/api/v1/qc-decisions"
            << QByteArray(R"({"lot_code":"STRICT-1","gate_number":1,"decision":"PASS "})")
            << "decision"
            << "decision.unknown";
        QTest::newRow("NUL in metadata value")
            << "/api/v1/lots"
            << QByteArray(
                   R"({"lot_code":"STRICT-M1","lot_type":"RAW","metadata":{"a":"a\u0000b"}})")
            << "metadata.a"
            << "text.nul";
        QTest::newRow("NUL in metadata key")
            << "/api/v1/lots"
            << QByteArray(R"({"lot_code":"STRICT-M2","lot_type":"RAW","metadata":{"a\u0000":"b"}})")
            << "metadata"
            << "text.nul";
        QTest::newRow("lone surrogate in metadata")
            << "/api/v1/lots"
            << QByteArray(R"({"lot_code":"STRICT-M3","lot_type":"RAW","metadata":{"a":"\ud800"}})")
            << "metadata.a"
            << "text.surrogate";
        QTest::newRow("weight with 18 significant digits")
            << "/api/v1/lots"
            << QByteArray(
                   R"({"lot_code":"STRICT-W1","lot_type":"RAW","weight_kg":12.3400000000000001})")
            << "weight_kg"
            << "number.precision";
        QTest::newRow("quantity with 30 digits")
            << "/api/v1/lots"
            << QByteArray(R"({"lot_code":"STRICT-W2","lot_type":"DEB","weight_kg":20,)"
                          R"("parents":[{"lot_code":"STRICT-1","quantity_used_kg":)"
                          R"(1.00000000000000000000000000001}]})")
            << "parents[0].quantity_used_kg"
            << "number.precision";
        QTest::newRow("sharp s in a lot code")
            << "/api/v1/lots" << QByteArray(R"({"lot_code":"STRAßE-1","lot_type":"RAW"})")
            << "lot_code"
            << "lot_code.invalid_character";
        QTest::newRow("fi ligature in a lot code")
            << "/api/v1/lots"
            << QByteArray("{\"lot_code\":\"\xef\xac\x81-1\",\"lot_type\":\"RAW\"}") << "lot_code"
            << "lot_code.invalid_character";
        QTest::newRow("dotless i in a lot code")
            << "/api/v1/lots" << QByteArray(R"({"lot_code":"\u0131-1","lot_type":"RAW"})")
            << "lot_code"
            << "lot_code.invalid_character";
        QTest::newRow("NUL in a heartbeat")
            << "/api/v1/heartbeat"
            << QByteArray(R"({"workstation_id":"\u0000WS","pending_sync":0})") << "workstation_id"
            << "text.nul";
        QTest::newRow("NUL in a login name")
            << "/api/v1/auth/login"
            << QByteArray(R"({"username":"operator\u0000evil","password":"operator-password-1"})")
            << "username"
            << "text.nul";
        QTest::newRow("unknown member at the top of a sync batch")
            << "/api/v1/sync" << QByteArray(R"({"operations":[],"force":true})") << "force"
            << "field.unknown";
        QTest::newRow("unknown member in a sync operation")
            << "/api/v1/sync"
            << QByteArray(R"({"operations":[{"idempotency_key":"k-1","method":"POST",)"
                          R"("path":"/api/v1/lots","priority":1,)"
                          R"("body":{"lot_code":"STRICT-S1","lot_type":"RAW"}}]})")
            << "operations[0].priority"
            << "field.unknown";
        QTest::newRow("NUL inside a sync operation's body")
            << "/api/v1/sync"
            << QByteArray(
                   R"({"operations":[{"idempotency_key":"k-2","method":"POST",)"
                   R"("path":"/api/v1/lots",)"
                   R"("body":{"lot_code":"STRICT-S2","lot_type":"RAW","metadata":{"n":"\u0000"}}}]})")
            << "operations[0].body.metadata.n"
            << "text.nul";
    }
    void refused()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const QString counts = QStringLiteral(
            "SELECT (SELECT count(*) FROM lots) || ' ' || (SELECT count(*) FROM qc_decisions) || "
            "' ' || (SELECT count(*) FROM workstation_heartbeats) || ' ' || "
            "(SELECT count(*) FROM login_audit WHERE succeeded)");
        const QString before = m_server->db().scalar(counts);
        const Reply r = m_client->send("POST", path, body, {{"Content-Type", "application/json"}});
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(m_server->db().scalar(counts), before);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT status FROM lots WHERE lot_code = "
                                                      "'STRICT-1'")),
                 QStringLiteral("CREATED"));
    }

    void nulInAPathIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("lot") << QStringLiteral("/api/v1/lots/STRICT-1%00XYZ");
        QTest::newRow("lot decisions") << QStringLiteral("/api/v1/lots/STRICT-1%00/qc-decisions");
        QTest::newRow("trace") << QStringLiteral("/api/v1/traceability/STRICT-1%00X");
        QTest::newRow("invalid UTF-8") << QStringLiteral("/api/v1/lots/STRICT-1%ED%A0%80");
    }
    void nulInAPathIsRefused()
    {
        // Not cut at the NUL and answered with lot STRICT-1.
        QFETCH(QString, path);
        const Reply r = m_client->get(path);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, QStringLiteral("lot_code"), QStringLiteral("text.nul")) ||
                     hasFieldError(r, QStringLiteral("lot_code"), QStringLiteral("text.surrogate")),
                 qPrintable(describe(r)));
        // The sentence names the parameter, with no placeholder left unfilled.
        const QString message = r.json()
                                    .value(QStringLiteral("errors"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
        QVERIFY2(message.startsWith(QStringLiteral("The path parameter lot_code ")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("%1")), qPrintable(message));
    }

    void invalidUtf8IsNotReadAtAll()
    {
        // Not replaced by U+FFFD and stored: the body cannot be read, 400.
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const Reply r = m_client->send(
            "POST", QStringLiteral("/api/v1/qc-decisions"),
            "{\"lot_code\":\"STRICT-1\",\"gate_number\":1,\"decision\":\"HOLD\",\"notes\":\"torn "
            "bag \xed\xa0\x80 on arrival\"}",
            {{"Content-Type", "application/json"}});
        FV_VERIFY_PROBLEM(r, 400);
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);
    }

    void exactNumbersStillPass()
    {
        // Trailing zeros and the longest exact forms keep their value: they are not refused.
        const Reply r = m_client->send(
            "POST", QStringLiteral("/api/v1/lots"),
            R"({"lot_code":"STRICT-OK","lot_type":"RAW","weight_kg":300.500000000000000000,)"
            R"("metadata":{"emoji":"\ud83d\ude00","n":123456789012345}})",
            {{"Content-Type", "application/json"}});
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT weight_kg::text || ' ' || (metadata->>'emoji') FROM lots WHERE "
                     "lot_code = 'STRICT-OK'")),
                 QStringLiteral("300.50 😀"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_GUILESS_MAIN(TestStrictInputApi)
#include "tst_strictinputapi.moc"
