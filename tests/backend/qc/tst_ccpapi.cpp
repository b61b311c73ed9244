// The server is the food-safety authority: critical limits of CCP gates (per lot type, audited),
// corrective actions, and electronic signatures it verifies itself (Ed25519 keys sealed under
// the user's password, so a workstation can sign offline). Every refusal leaves nothing behind.

#include "tests/backend/apitestutil.h"

#include "domain/criticallimit.h"
#include "domain/decisionsignature.h"

#include <QDateTime>
#include <QTest>

using namespace flowviz;
using namespace flowviz::test;

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// What a workstation keeps after a user's login: the sealed key, opened with the password.
struct Signer
{
    QString username;
    signing::SealedKey key;
    QByteArray seed;
};

} // namespace

class TestCcpApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(signing::initialize());
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_ccpapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_admin = clientFor(*m_server, QStringLiteral("admin"));
        QVERIFY(m_operator && m_admin);
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_admin.reset();
        m_server.reset();
    }

    void gatesServeTheirLimits()
    {
        const Reply r = m_operator->get(QStringLiteral("/api/v1/qc-gates"));
        FV_VERIFY_STATUS(r, 200);
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray()) {
            const QJsonObject g = v.toObject();
            const QJsonArray limits = g.value(QStringLiteral("critical_limits")).toArray();
            QVERIFY(g.contains(QStringLiteral("pass_requires_signature")));
            if (g.value(QStringLiteral("gate_number")).toInt() != 7) {
                QCOMPARE(limits.size(), 0);
                continue;
            }
            QCOMPARE(limits.size(), 1);
            const auto limit = CriticalLimit::fromJson(limits.first().toObject());
            QVERIFY(limit);
            QVERIFY(!limit->lotType);
            QVERIFY(!limit->minC);
            QCOMPARE(limit->maxC->toString(), QStringLiteral("-18"));
        }
    }

    void loginServesTheSealedKey()
    {
        const Signer s = signer(QStringLiteral("operator"));
        QCOMPARE(s.seed.size(), 32);
        // Only the right password opens it.
        QVERIFY(!signing::unseal(s.key, QStringLiteral("operator-password-2")));
        // The same key at the next login (the key is the user's, not the session's).
        QCOMPARE(signer(QStringLiteral("operator")).key.keyId, s.key.keyId);
    }

    void passAtCcpAgainstTheLimit_data()
    {
        QTest::addColumn<QString>("lotType");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("FRZ -25.0: inside") << "FRZ"
                                           << "-25.0" << 201 << "";
        QTest::newRow("FRZ -18.1: inside") << "FRZ"
                                           << "-18.1" << 201 << "";
        QTest::newRow("FRZ -18.0: at the limit") << "FRZ"
                                                 << "-18.0" << 201 << "";
        QTest::newRow("FRZ -17.9: outside") << "FRZ"
                                            << "-17.9" << 422 << "ccp.limit_exceeded";
        QTest::newRow("FRZ -1: the reported case") << "FRZ"
                                                   << "-1" << 422 << "ccp.limit_exceeded";
        QTest::newRow("FRZ no value") << "FRZ"
                                      << "" << 422 << "temperature.required_at_ccp";
        QTest::newRow("FG -18.0: gate-wide limit") << "FG"
                                                   << "-18.0" << 201 << "";
        QTest::newRow("FG -17.9") << "FG"
                                  << "-17.9" << 422 << "ccp.limit_exceeded";
        QTest::newRow("SKW 3.0") << "SKW"
                                 << "3.0" << 422 << "ccp.limit_exceeded";
    }
    void passAtCcpAgainstTheLimit()
    {
        QFETCH(QString, lotType);
        QFETCH(QString, temperature);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString lot = newLot(lotType);
        QJsonObject body = decisionBody(lot, QStringLiteral("PASS"), 7);
        if (!temperature.isEmpty())
            body.insert(QStringLiteral("temperature_c"), number(temperature));
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), body);
        if (status == 201) {
            FV_VERIFY_STATUS(r, 201);
            QCOMPARE(r.json().value(QStringLiteral("lot_status")).toString(),
                     QStringLiteral("RELEASED"));
            QCOMPARE(r.json().value(QStringLiteral("deviation")).toBool(), false);
            QCOMPARE(r.json()
                         .value(QStringLiteral("critical_limit"))
                         .toObject()
                         .value(QStringLiteral("max"))
                         .toDouble(),
                     -18.0);
            return;
        }
        FV_VERIFY_PROBLEM(r, status);
        QVERIFY2(hasFieldError(r, QStringLiteral("temperature_c"), code), qPrintable(describe(r)));
        if (code == u"ccp.limit_exceeded") {
            // The sentence names the limit and what to do instead.
            const QString message = r.json()
                                        .value(QStringLiteral("errors"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toString();
            QVERIFY2(message.contains(QStringLiteral("≤ -18.0 °C")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("HOLD or FAIL")), qPrintable(message));
        }
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);
        QCOMPARE(statusOf(lot), QStringLiteral("CREATED"));
    }

    void limitPerLotTypeAppliesToTheNextDecisionOnly()
    {
        const QString early = newLot(QStringLiteral("FG"));
        QJsonObject pass = decisionBody(early, QStringLiteral("PASS"), 7);
        pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-19.0")));
        const Reply before = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass);
        FV_VERIFY_STATUS(before, 201);

        // FG gets a stricter limit of its own; FRZ keeps the gate-wide one.
        const Reply set = m_admin->put(
            QStringLiteral("/api/v1/qc-gates/7/limits"),
            QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("FG")},
                        {QStringLiteral("min"), number(QStringLiteral("-30"))},
                        {QStringLiteral("max"), number(QStringLiteral("-20.0"))},
                        {QStringLiteral("reason"), QStringLiteral("HACCP plan v7, section 4.2")}});
        FV_VERIFY_STATUS(set, 200);
        QCOMPARE(set.json().value(QStringLiteral("critical_limits")).toArray().size(), 2);

        const QString late = newLot(QStringLiteral("FG"));
        pass.insert(QStringLiteral("lot_code"), late);
        const Reply refused = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass);
        FV_VERIFY_PROBLEM(refused, 422);
        QVERIFY(hasFieldError(refused, QStringLiteral("temperature_c"),
                              QStringLiteral("ccp.limit_exceeded")));
        pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-31")));
        FV_VERIFY_PROBLEM(m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass), 422);
        pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-20.0")));
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass), 201);

        const QString frozen = newLot(QStringLiteral("FRZ"));
        pass.insert(QStringLiteral("lot_code"), frozen);
        pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-19.0")));
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass), 201);

        // The earlier decision keeps the limit it was judged by.
        const Reply history =
            m_operator->get(QStringLiteral("/api/v1/lots/%1/qc-decisions").arg(early));
        const QJsonObject first =
            history.json().value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("critical_limit"))
                     .toObject()
                     .value(QStringLiteral("max"))
                     .toDouble(),
                 -18.0);

        // Audited: who, when, old and new, why.
        const Reply changes = m_admin->get(QStringLiteral("/api/v1/qc-gates/7/limit-changes"));
        FV_VERIFY_STATUS(changes, 200);
        const QJsonObject change =
            changes.json().value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(change.value(QStringLiteral("lot_type")).toString(), QStringLiteral("FG"));
        QCOMPARE(change.value(QStringLiteral("changed_by")).toString(), QStringLiteral("admin"));
        QVERIFY(change.value(QStringLiteral("old_max")).isNull());
        QCOMPARE(change.value(QStringLiteral("new_max")).toDouble(), -20.0);
        QCOMPARE(change.value(QStringLiteral("new_min")).toDouble(), -30.0);
        QCOMPARE(change.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("HACCP plan v7, section 4.2"));
        QVERIFY(!change.value(QStringLiteral("changed_at")).toString().isEmpty());

        // A second change keeps the old values; the history cannot be rewritten.
        FV_VERIFY_STATUS(
            m_admin->put(
                QStringLiteral("/api/v1/qc-gates/7/limits"),
                QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("FG")},
                            {QStringLiteral("max"), number(QStringLiteral("-19.5"))},
                            {QStringLiteral("reason"), QStringLiteral("validated by trial 12")}}),
            200);
        const QStringList last =
            m_server->db()
                .query(QStringLiteral("SELECT old_min::text, old_max::text, "
                                      "coalesce(new_min::text, 'null'), new_max::text "
                                      "FROM ccp_limit_changes ORDER BY id DESC LIMIT 1"))
                .first();
        QCOMPARE(last, (QStringList{QStringLiteral("-30.0"), QStringLiteral("-20.0"),
                                    QStringLiteral("null"), QStringLiteral("-19.5")}));
        QVERIFY(trySql(*m_server, QStringLiteral("UPDATE ccp_limit_changes SET reason = 'x'"))
                    .contains(QStringLiteral("append-only")));
        QVERIFY(trySql(*m_server, QStringLiteral("DELETE FROM ccp_limit_changes"))
                    .contains(QStringLiteral("append-only")));
        // Put the gate-wide limit back for the other tests.
        m_server->db().exec(QStringLiteral("DELETE FROM ccp_limits WHERE lot_type = 'FG'"));
    }

    void limitEditsAreRefused_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("gate");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QJsonObject ok{{QStringLiteral("max"), -18.0},
                             {QStringLiteral("reason"), QStringLiteral("HACCP plan v7, 4.2")}};
        QTest::newRow("manager") << "manager"
                                 << "7" << ok << 403 << "";
        QTest::newRow("operator") << "operator"
                                  << "7" << ok << 403 << "";
        QTest::newRow("not a CCP") << "admin"
                                   << "3" << ok << 422 << "gate_number";
        QTest::newRow("unknown gate") << "admin"
                                      << "99" << ok << 404 << "";
        QJsonObject noReason = ok;
        noReason.remove(QStringLiteral("reason"));
        QTest::newRow("no reason") << "admin"
                                   << "7" << noReason << 422 << "reason";
        QJsonObject inverted = ok;
        inverted.insert(QStringLiteral("min"), -10.0);
        QTest::newRow("min above max") << "admin"
                                       << "7" << inverted << 422 << "min";
        QTest::newRow("no bound") << "admin"
                                  << "7"
                                  << QJsonObject{{QStringLiteral("reason"),
                                                  QStringLiteral("HACCP plan v7, 4.2")}}
                                  << 422 << "max";
        QJsonObject badType = ok;
        badType.insert(QStringLiteral("lot_type"), QStringLiteral("PORK"));
        QTest::newRow("unknown lot type") << "admin"
                                          << "7" << badType << 422 << "lot_type";
    }
    void limitEditsAreRefused()
    {
        QFETCH(QString, user);
        QFETCH(QString, gate);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto client = clientFor(*m_server, user);
        const QString limits = m_server->db().scalar(
            QStringLiteral("SELECT string_agg(concat_ws(',', qc_gate_id, lot_type, min_value, "
                           "max_value), ';') FROM ccp_limits"));
        const int changes = rowCount(*m_server, QStringLiteral("ccp_limit_changes"));
        const Reply r = client->put(QStringLiteral("/api/v1/qc-gates/%1/limits").arg(gate), body);
        FV_VERIFY_PROBLEM(r, status);
        if (!field.isEmpty())
            QVERIFY2(r.body.contains(QStringLiteral("\"field\":\"%1\"").arg(field).toUtf8()),
                     qPrintable(describe(r)));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT string_agg(concat_ws(',', qc_gate_id, lot_type, "
                                    "min_value, max_value), ';') FROM ccp_limits")),
                 limits);
        QCOMPARE(rowCount(*m_server, QStringLiteral("ccp_limit_changes")), changes);
    }

    void deviationNeedsCorrectiveActionAndSignature()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        QJsonObject hold = decisionBody(lot, QStringLiteral("HOLD"), 7,
                                        QStringLiteral("Core at -1, freezer door open"));
        hold.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-1")));
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), hold);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(hasFieldError(r, QStringLiteral("corrective_action"),
                              QStringLiteral("corrective_action.required")));
        QVERIFY(
            hasFieldError(r, QStringLiteral("signature"), QStringLiteral("signature.required")));

        hold.insert(QStringLiteral("corrective_action"),
                    QStringLiteral("Lot moved to blast freezer 2, door fixed"));
        r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), hold);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(
            hasFieldError(r, QStringLiteral("signature"), QStringLiteral("signature.required")));
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);

        const Signer op = signer(QStringLiteral("operator"));
        r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), signedBody(hold, op));
        FV_VERIFY_STATUS(r, 201);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("lot_status")).toString(), QStringLiteral("HOLD"));
        QCOMPARE(o.value(QStringLiteral("deviation")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("corrective_action")).toString(),
                 QStringLiteral("Lot moved to blast freezer 2, door fixed"));
        const QJsonObject sig = o.value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("operator"));
        QCOMPARE(sig.value(QStringLiteral("key_id")).toString(),
                 op.key.keyId.toString(QUuid::WithoutBraces));
        QCOMPARE(sig.value(QStringLiteral("meaning")).toString(),
                 QStringLiteral("I put this lot on HOLD"));
        // signed_at is the server's time, not the client's.
        const QDateTime signedAt = QDateTime::fromString(
            sig.value(QStringLiteral("signed_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(signedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The stored hash is the hash of the canonical record.
        const QString hash = m_server->db().scalar(
            QStringLiteral(
                "SELECT encode(record_hash, 'hex') FROM qc_decisions WHERE id = $1::uuid"),
            {o.value(QStringLiteral("id")).toString()});
        QCOMPARE(hash, sig.value(QStringLiteral("record_hash")).toString());
        QCOMPARE(hash.size(), 64);
        // The signature as stored: strict base64 of 64 bytes, equal to what was sent.
        const auto value =
            QByteArray::fromBase64Encoding(sig.value(QStringLiteral("value")).toString().toLatin1(),
                                           QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(value);
        QCOMPARE(value.decoded.size(), 64);
    }

    void deviationOnFailIsRecorded()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        QJsonObject fail = decisionBody(lot, QStringLiteral("FAIL"), 7,
                                        QStringLiteral("Thawed in transit, core -2"));
        fail.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-2")));
        fail.insert(QStringLiteral("corrective_action"),
                    QStringLiteral("Lot destroyed, carrier notified"));
        const Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                                         signedBody(fail, signer(QStringLiteral("operator"))));
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("lot_status")).toString(),
                 QStringLiteral("REJECTED"));
        QCOMPARE(r.json().value(QStringLiteral("deviation")).toBool(), true);
    }

    void passRequiresSignatureWhereConfigured()
    {
        m_server->db().exec(QStringLiteral(
            "UPDATE qc_gates SET pass_requires_signature = true WHERE gate_number = 7"));
        const QString lot = newLot(QStringLiteral("FRZ"));
        QJsonObject pass = decisionBody(lot, QStringLiteral("PASS"), 7);
        pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-20")));
        const Reply unsignedPass = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), pass);
        m_server->db().exec(QStringLiteral(
            "UPDATE qc_gates SET pass_requires_signature = false WHERE gate_number = 7"));
        FV_VERIFY_PROBLEM(unsignedPass, 422);
        QVERIFY(hasFieldError(unsignedPass, QStringLiteral("signature"),
                              QStringLiteral("signature.required")));
    }

    void signatureRefusals_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("free text names someone else")
            << "free text" << 422 << "signature.free_text";
        QTest::newRow("someone else's key") << "other key" << 422 << "signature.invalid";
        QTest::newRow("copied onto another record") << "other record" << 422 << "signature.invalid";
        QTest::newRow("record changed after signing") << "changed" << 422 << "signature.invalid";
        QTest::newRow("meaning changed after signing") << "meaning" << 422 << "signature.invalid";
        QTest::newRow("signed by another key of the signer")
            << "forged" << 422 << "signature.invalid";
        QTest::newRow("unknown key") << "unknown key" << 422 << "signature.invalid";
        QTest::newRow("not base64") << "garbage" << 422 << "signature.format";
        QTest::newRow("wrong password (server signs)")
            << "wrong password" << 422 << "signature.invalid";
        QTest::newRow("co-signed by an auditor")
            << "auditor" << 422 << "signature.signer_not_allowed";
        QTest::newRow("no id") << "no id" << 422 << "field.required";
    }
    void signatureRefusals()
    {
        QFETCH(QString, tamper);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString lot = newLot(QStringLiteral("FRZ"));
        const QJsonObject fail = ccpFail(lot);
        const Signer op = signer(QStringLiteral("operator"));
        QJsonObject body = signedBody(fail, op);
        QJsonObject sig = body.value(QStringLiteral("signature")).toObject();
        if (tamper == u"free text") {
            body.remove(QStringLiteral("signature"));
            body.insert(QStringLiteral("digital_signature"),
                        QStringLiteral("Signed by barmanager"));
        } else if (tamper == u"other key") {
            sig.insert(QStringLiteral("key_id"),
                       signer(QStringLiteral("manager")).key.keyId.toString(QUuid::WithoutBraces));
        } else if (tamper == u"other record") {
            body.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        } else if (tamper == u"changed") {
            body.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-3")));
        } else if (tamper == u"meaning") {
            sig.insert(QStringLiteral("meaning"), QStringLiteral("I release this lot"));
        } else if (tamper == u"forged") {
            // A key pair made by the client itself, claimed under the operator's key id.
            signing::KeyPair fake = signing::generateKeyPair();
            Signer forger = op;
            forger.seed = fake.seed;
            sig = signedBody(fail, forger).value(QStringLiteral("signature")).toObject();
            body.insert(QStringLiteral("id"), signedBody(fail, forger).value(QStringLiteral("id")));
            sig = signedBody(fail, forger).value(QStringLiteral("signature")).toObject();
        } else if (tamper == u"unknown key") {
            sig.insert(QStringLiteral("key_id"),
                       QUuid::createUuid().toString(QUuid::WithoutBraces));
        } else if (tamper == u"garbage") {
            sig.insert(QStringLiteral("value"), QStringLiteral("not base64!"));
        } else if (tamper == u"wrong password") {
            sig = QJsonObject{{QStringLiteral("signer"), QStringLiteral("operator")},
                              {QStringLiteral("password"), QStringLiteral("guess-guess-guess")},
                              {QStringLiteral("meaning"), QStringLiteral("I reject this lot")}};
        } else if (tamper == u"auditor") {
            body = signedBody(fail, signer(QStringLiteral("auditor")));
            sig = body.value(QStringLiteral("signature")).toObject();
        } else if (tamper == u"no id") {
            body.remove(QStringLiteral("id"));
        }
        if (body.contains(QStringLiteral("signature")))
            body.insert(QStringLiteral("signature"), sig);
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_PROBLEM(r, status);
        QVERIFY2(r.body.contains(QStringLiteral("\"code\":\"%1\"").arg(code).toUtf8()),
                 qPrintable(describe(r)));
        QVERIFY2(!r.body.contains("guess-guess"), r.body.constData());
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);
        QCOMPARE(statusOf(lot), QStringLiteral("CREATED"));
    }

    void serverSignsWithThePassword()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        QJsonObject body = ccpFail(lot);
        body.insert(QStringLiteral("signature"),
                    QJsonObject{{QStringLiteral("signer"), QStringLiteral("operator")},
                                {QStringLiteral("password"),
                                 TestServer::passwordOf(QStringLiteral("operator"))},
                                {QStringLiteral("meaning"), QStringLiteral("I reject this lot")}});
        const Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_STATUS(r, 201);
        QVERIFY2(!r.body.contains("operator-password-1"), r.body.constData());
        const QJsonObject sig = r.json().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("operator"));
        QVERIFY(r.json()
                    .value(QStringLiteral("digital_signature"))
                    .toString()
                    .contains(QStringLiteral("(operator) signed ")));
        // The stored signature verifies against the registered public key.
        const Signer op = signer(QStringLiteral("operator"));
        const QStringList row =
            m_server->db()
                .query(QStringLiteral("SELECT encode(signature, 'base64'), to_char(signed_at AT "
                                      "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                                      "to_char(decided_at AT TIME ZONE 'UTC', "
                                      "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM qc_decisions "
                                      "WHERE id = $1::uuid"),
                       {r.json().value(QStringLiteral("id")).toString()})
                .first();
        signing::DecisionRecord rec = record(body, op);
        rec.id = QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
        rec.decidedAt = QDateTime::fromString(row[2], Qt::ISODateWithMs);
        rec.signedAt = QDateTime::fromString(row[1], Qt::ISODateWithMs);
        rec.meaning = QStringLiteral("I reject this lot");
        QVERIFY(signing::verify(signing::canonicalRecord(rec),
                                QByteArray::fromBase64(row[0].toLatin1()), op.key.publicKey));
    }

    void supervisorMayCoSign()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        const Reply r =
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                             signedBody(ccpFail(lot), signer(QStringLiteral("manager"))));
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("operator")).toString(), QStringLiteral("operator"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("signature"))
                     .toObject()
                     .value(QStringLiteral("signer"))
                     .toString(),
                 QStringLiteral("manager"));
    }

    void replayedSignatureIsRefused()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        const QJsonObject body = signedBody(ccpFail(lot), signer(QStringLiteral("operator")));
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/qc-decisions"), body), 201);
        const int before = rowCount(*m_server, QStringLiteral("qc_decisions"));
        const Reply again = m_operator->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_PROBLEM(again, 409);
        // The same signature on a copy of the record under a new id does not verify.
        QJsonObject copy = body;
        copy.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        FV_VERIFY_PROBLEM(m_operator->post(QStringLiteral("/api/v1/qc-decisions"), copy), 422);
        QCOMPARE(rowCount(*m_server, QStringLiteral("qc_decisions")), before);
        // Even written straight into the table, one signature cannot sign two records.
        QVERIFY(
            trySql(*m_server,
                   QStringLiteral(
                       "INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                       "decided_at, signature, signer_id, signing_key_id, record_hash, signed_at) "
                       "SELECT lot_id, qc_gate_id, operator_id, decision, decided_at, signature, "
                       "signer_id, signing_key_id, record_hash, signed_at "
                       "FROM qc_decisions WHERE signature IS NOT NULL LIMIT 1"))
                .contains(QStringLiteral("23505")));
    }

    void signedOfflineAndSyncedAnHourLater()
    {
        const QString lot = newLot(QStringLiteral("FRZ"));
        const QDateTime anHourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QJsonObject fail = ccpFail(lot);
        fail.insert(QStringLiteral("decided_at"), isoUtc(anHourAgo));
        const QJsonObject body = signedBody(fail, signer(QStringLiteral("operator")), anHourAgo);
        const QJsonObject op{
            {QStringLiteral("idempotency_key"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("path"), QStringLiteral("/api/v1/qc-decisions")},
            {QStringLiteral("body"), body}};
        const Reply r =
            m_operator->post(QStringLiteral("/api/v1/sync"),
                             QJsonObject{{QStringLiteral("operations"), QJsonArray{op}}});
        FV_VERIFY_STATUS(r, 200);
        const QJsonObject result =
            r.json().value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(result.value(QStringLiteral("status")).toInt(), 201);
        const QJsonObject sig = result.value(QStringLiteral("body"))
                                    .toObject()
                                    .value(QStringLiteral("signature"))
                                    .toObject();
        QCOMPARE(sig.value(QStringLiteral("client_signed_at")).toString(), isoUtc(anHourAgo));
        QCOMPARE(statusOf(lot), QStringLiteral("REJECTED"));
    }

    void disabledSignerIsRefused()
    {
        const Signer manager = signer(QStringLiteral("manager"));
        QCOMPARE(m_server->runCommand({QStringLiteral("user"), QStringLiteral("disable"),
                                       QStringLiteral("manager")}),
                 0);
        const QString lot = newLot(QStringLiteral("FRZ"));
        const Reply r = m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                                         signedBody(ccpFail(lot), manager));
        QCOMPARE(m_server->runCommand(
                     {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("manager")}),
                 0);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(hasFieldError(r, QStringLiteral("signature"),
                              QStringLiteral("signature.signer_disabled")));
        QCOMPARE(statusOf(lot), QStringLiteral("CREATED"));
    }

    void passwordChangeRetiresTheKey()
    {
        const Signer old = signer(QStringLiteral("manager"));
        const QString pw = TestServer::passwordOf(QStringLiteral("manager"));
        QCOMPARE(m_server->runCommand(
                     {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("manager")},
                     pw.toUtf8() + "\n"),
                 0);
        const QString lot = newLot(QStringLiteral("FRZ"));
        const Reply r =
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"), signedBody(ccpFail(lot), old));
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY(
            hasFieldError(r, QStringLiteral("signature"), QStringLiteral("signature.key_retired")));
        const Signer fresh = signer(QStringLiteral("manager"));
        QVERIFY(fresh.key.keyId != old.key.keyId);
        FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                                          signedBody(ccpFail(lot), fresh)),
                         201);
    }

private:
    QString newLot(const QString &type)
    {
        const QString code = QStringLiteral("CCP-%1-%2").arg(type).arg(++m_sequence);
        const Reply r = m_operator->post(QStringLiteral("/api/v1/lots"),
                                         lotBody(code, type, QStringLiteral("20")));
        if (r.status != 201)
            qWarning() << describe(r);
        return code;
    }
    QString statusOf(const QString &code)
    {
        return m_server->db().scalar(QStringLiteral("SELECT status FROM lots WHERE lot_code = $1"),
                                     {code});
    }
    static QJsonObject ccpFail(const QString &lot)
    {
        QJsonObject fail = decisionBody(lot, QStringLiteral("FAIL"), 7,
                                        QStringLiteral("Core -1, thawed in the corridor"));
        fail.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-1")));
        fail.insert(QStringLiteral("corrective_action"),
                    QStringLiteral("Lot destroyed, freezer door repaired"));
        return fail;
    }
    Signer signer(const QString &username)
    {
        HttpClient c(m_server->baseUrl());
        const Reply r =
            c.post(QStringLiteral("/api/v1/auth/login"),
                   QJsonObject{{QStringLiteral("username"), username},
                               {QStringLiteral("password"), TestServer::passwordOf(username)}});
        Signer s;
        s.username = username;
        const auto key =
            signing::SealedKey::fromJson(r.json().value(QStringLiteral("signing_key")).toObject());
        if (!key) {
            qWarning() << "no signing key in" << r.body;
            return s;
        }
        s.key = *key;
        s.seed = signing::unseal(*key, TestServer::passwordOf(username)).value_or(QByteArray());
        return s;
    }
    static signing::DecisionRecord record(const QJsonObject &body, const Signer &s)
    {
        signing::DecisionRecord rec;
        rec.id = QUuid::fromString(body.value(QStringLiteral("id")).toString());
        rec.lotCode = body.value(QStringLiteral("lot_code")).toString();
        rec.gateNumber = body.value(QStringLiteral("gate_number")).toInt();
        rec.decision = *decisionFromString(body.value(QStringLiteral("decision")).toString());
        rec.temperatureC = Decimal::fromJson(body.value(QStringLiteral("temperature_c")));
        rec.notes = body.value(QStringLiteral("notes")).toString();
        rec.correctiveAction = body.value(QStringLiteral("corrective_action")).toString();
        rec.decidedAt = QDateTime::fromString(body.value(QStringLiteral("decided_at")).toString(),
                                              Qt::ISODateWithMs);
        rec.workstationId = body.value(QStringLiteral("workstation_id")).toString();
        rec.signer = s.username;
        rec.keyId = s.key.keyId;
        return rec;
    }
    // The body signed as the console signs it: its own id and time, then the signature.
    static QJsonObject signedBody(QJsonObject body, const Signer &s,
                                  const QDateTime &at = QDateTime::currentDateTimeUtc())
    {
        body.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!body.contains(QStringLiteral("decided_at")))
            body.insert(QStringLiteral("decided_at"), isoUtc(at));
        signing::DecisionRecord rec = record(body, s);
        rec.meaning = body.value(QStringLiteral("decision")).toString() == u"HOLD"
                          ? QStringLiteral("I put this lot on HOLD")
                          : QStringLiteral("I reject this lot");
        rec.signedAt = at;
        const QByteArray value = signing::sign(signing::canonicalRecord(rec), s.seed);
        body.insert(
            QStringLiteral("signature"),
            QJsonObject{{QStringLiteral("signer"), s.username},
                        {QStringLiteral("key_id"), s.key.keyId.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("meaning"), rec.meaning},
                        {QStringLiteral("signed_at"), isoUtc(at)},
                        {QStringLiteral("value"), QString::fromLatin1(value.toBase64())}});
        return body;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_admin;
    int m_sequence = 0;
};

QTEST_GUILESS_MAIN(TestCcpApi)
#include "tst_ccpapi.moc"
