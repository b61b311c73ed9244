// wire::Decision and wire::RecordDecision: one toJson/fromJson each, the exact JSON the API
// answers and accepts.

#include "domain/wire/decision.h"

#include <QJsonDocument>
#include <QTest>

using flowviz::Decimal;
using flowviz::LotStatus;
using flowviz::wire::Decision;
using flowviz::wire::DecisionLimit;
using flowviz::wire::DecisionSignature;
using flowviz::wire::RecordDecision;
using flowviz::wire::SignatureInput;

namespace {

const QUuid kId(QStringLiteral("6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10"));
const QUuid kLot(QStringLiteral("11111111-2222-3333-4444-555555555555"));
const QUuid kUser(QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
const QUuid kKey(QStringLiteral("99999999-8888-7777-6666-555555555555"));

QDateTime at(int h, int m, int ms = 0)
{
    return QDateTime(QDate(2026, 1, 14), QTime(h, m, 0, ms), Qt::UTC);
}

Decision plainDecision()
{
    Decision d;
    d.id = kId;
    d.lotId = kLot;
    d.lotCode = QStringLiteral("BULK-20260114-001");
    d.qcGateId = 4;
    d.gateNumber = 4;
    d.decision = flowviz::Decision::PASS;
    d.operatorId = kUser;
    d.operatorUsername = QStringLiteral("op1");
    d.operatorName = QStringLiteral("Olga Operator");
    d.decidedAt = at(8, 30);
    d.recordedAt = at(8, 30, 250);
    return d;
}

Decision signedCcpDecision()
{
    Decision d = plainDecision();
    d.gateNumber = 7;
    d.qcGateId = 6;
    d.isCcp = true;
    d.decision = flowviz::Decision::HOLD;
    d.notes = QStringLiteral("Core too warm");
    d.temperatureC = Decimal::parse(u"-12.5");
    d.correctiveAction = QStringLiteral("Back to the freezer");
    d.deviation = true;
    d.criticalLimit = DecisionLimit{std::nullopt, Decimal::parse(u"-18")};
    DecisionSignature s;
    s.signer = QStringLiteral("op1");
    s.signerName = QStringLiteral("Olga Operator");
    s.keyId = kKey;
    s.meaning = QStringLiteral("Decided by");
    s.signedAt = at(8, 31);
    s.clientSignedAt = at(8, 30, 500);
    s.recordHash = QByteArray::fromHex("00ff10");
    s.value = QByteArray("sig");
    d.signature = s;
    d.digitalSignature = QStringLiteral("Olga Operator (op1) signed ...: Decided by");
    d.signatureMeaning = QStringLiteral("Decided by");
    d.signedAt = at(8, 31);
    d.workstationId = QStringLiteral("WS-01");
    d.clientTimeFlagged = true;
    d.lotStatus = LotStatus::HOLD;
    return d;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWireDecision : public QObject
{
    Q_OBJECT

private slots:
    void plainDecisionJsonIsExact()
    {
        QCOMPARE(compact(plainDecision().toJson()),
                 QByteArray(R"({"client_time_flagged":false,"corrective_action":null,)"
                            R"("critical_limit":null,"decided_at":"2026-01-14T08:30:00.000Z",)"
                            R"("decision":"PASS","deviation":false,"digital_signature":null,)"
                            R"("gate_number":4,"id":"6f1c2a8e-9b7d-4c3e-8a21-0d5e4f3b2a10",)"
                            R"("is_ccp":false,"lot_code":"BULK-20260114-001",)"
                            R"("lot_id":"11111111-2222-3333-4444-555555555555","notes":"",)"
                            R"("operator":"op1","operator_id":"aaaaaaaa-bbbb-cccc-dddd-)"
                            R"(eeeeeeeeeeee","operator_name":"Olga Operator","qc_gate_id":4,)"
                            R"("recorded_at":"2026-01-14T08:30:00.250Z","signature":null,)"
                            R"("signature_meaning":null,"signed_at":null,"temperature_c":null,)"
                            R"("workstation_id":null})"));
    }
    void signedDecisionJsonIsExact()
    {
        const QJsonObject o = signedCcpDecision().toJson();
        QCOMPARE(o.size(), 24);
        QCOMPARE(o.value(QStringLiteral("lot_status")), QJsonValue(QStringLiteral("HOLD")));
        QCOMPARE(o.value(QStringLiteral("temperature_c")), QJsonValue(-12.5));
        QCOMPARE(compact(o.value(QStringLiteral("critical_limit")).toObject()),
                 QByteArray(R"({"max":-18,"min":null,"parameter":"temperature_c"})"));
        QCOMPARE(compact(o.value(QStringLiteral("signature")).toObject()),
                 QByteArray(R"({"client_signed_at":"2026-01-14T08:30:00.500Z",)"
                            R"("key_id":"99999999-8888-7777-6666-555555555555",)"
                            R"("meaning":"Decided by","record_hash":"00ff10",)"
                            R"("signed_at":"2026-01-14T08:31:00.000Z","signer":"op1",)"
                            R"("signer_name":"Olga Operator","value":"c2ln"})"));
    }
    void decisionRoundTrip_data()
    {
        QTest::addColumn<Decision>("decision");
        QTest::newRow("plain") << plainDecision();
        QTest::newRow("signed ccp") << signedCcpDecision();
    }
    void decisionRoundTrip()
    {
        QFETCH(Decision, decision);
        QCOMPARE(Decision::fromJson(decision.toJson()), decision);
    }
    void recordDecisionJson()
    {
        RecordDecision c;
        c.lotCode = QStringLiteral("BULK-1");
        c.gateNumber = 4;
        QCOMPARE(compact(c.toJson()),
                 QByteArray(R"({"decision":"PASS","gate_number":4,"lot_code":"BULK-1"})"));
        QCOMPARE(RecordDecision::fromJson(c.toJson()), c);
    }
    void recordDecisionRoundTrip()
    {
        RecordDecision c;
        c.id = kId;
        c.lotId = kLot;
        c.qcGateId = 6;
        c.decision = flowviz::Decision::FAIL;
        c.notes = QStringLiteral("Smell");
        c.temperatureC = Decimal::parse(u"4.25");
        c.correctiveAction = QStringLiteral("Destroyed");
        c.workstationId = QStringLiteral("WS-01");
        c.decidedAt = at(9, 0, 5);
        SignatureInput s;
        s.signer = QStringLiteral("op1");
        s.meaning = QStringLiteral("Decided by");
        s.keyId = kKey;
        s.signedAt = at(9, 0, 6);
        s.value = QByteArray(64, '\x01');
        c.signature = s;
        const QJsonObject o = c.toJson();
        QCOMPARE(o.value(QStringLiteral("decided_at")),
                 QJsonValue(QStringLiteral("2026-01-14T09:00:00.005Z")));
        QCOMPARE(o.value(QStringLiteral("signature")).toObject().size(), 5);
        QCOMPARE(RecordDecision::fromJson(o), c);
        SignatureInput byPassword;
        byPassword.signer = QStringLiteral("mgr");
        byPassword.meaning = QStringLiteral("Approved by");
        byPassword.password = QStringLiteral("secret");
        c.signature = byPassword;
        QCOMPARE(compact(c.toJson().value(QStringLiteral("signature")).toObject()),
                 QByteArray(R"({"meaning":"Approved by","password":"secret","signer":"mgr"})"));
        QCOMPARE(RecordDecision::fromJson(c.toJson()), c);
    }
};

QTEST_GUILESS_MAIN(TestWireDecision)
#include "tst_decision.moc"
