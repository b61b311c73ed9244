// QC decisions and the lot status they drive: the status rules, late decisions recorded
// offline, the append-only log and the seeded gates.

#include "tests/backend/apitestutil.h"

#include <QDateTime>
#include <QTest>

using namespace flowviz::test;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

class TestQcApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_qcapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_client);
        m_base = QDateTime::currentDateTimeUtc().addSecs(-3600);
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void gates_data()
    {
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("hu");
        QTest::addColumn<QString>("en");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("ccp");
        QTest::newRow("1") << 1 << QStringLiteral("Átvétel") << "Receipt"
                           << "CHECKPOINT" << false;
        QTest::newRow("3") << 3 << QStringLiteral("Csontozás") << "Deboning"
                           << "CHECKPOINT" << false;
        QTest::newRow("4") << 4 << QStringLiteral("Ömlesztett kész") << "Bulk ready"
                           << "CHECKPOINT" << false;
        QTest::newRow("5") << 5 << QStringLiteral("Keverés") << "Mixing"
                           << "CHECKPOINT" << false;
        QTest::newRow("6") << 6 << QStringLiteral("Nyárs mérése") << "Skewer weighing"
                           << "CHECKPOINT" << false;
        QTest::newRow("7") << 7 << QStringLiteral("Fagyasztás") << "Freezing"
                           << "BLOCKING" << true;
        QTest::newRow("8") << 8 << QStringLiteral("Csomagolás") << "Packaging"
                           << "CHECKPOINT" << false;
    }
    void gates()
    {
        QFETCH(int, number);
        QFETCH(QString, hu);
        QFETCH(QString, en);
        QFETCH(QString, type);
        QFETCH(bool, ccp);
        const Reply r = m_client->get(QStringLiteral("/api/v1/qc-gates"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QList<int> numbers;
        QJsonObject gate;
        for (const QJsonValue &v : items) {
            numbers << v.toObject().value(QStringLiteral("gate_number")).toInt();
            if (numbers.last() == number)
                gate = v.toObject();
        }
        QCOMPARE(numbers, (QList<int>{1, 3, 4, 5, 6, 7, 8}));
        QVERIFY(!gate.isEmpty());
        QCOMPARE(
            gate.value(QStringLiteral("name")).toObject().value(QStringLiteral("hu")).toString(),
            hu);
        QCOMPARE(
            gate.value(QStringLiteral("name")).toObject().value(QStringLiteral("en")).toString(),
            en);
        QCOMPARE(gate.value(QStringLiteral("gate_type")).toString(), type);
        QCOMPARE(gate.value(QStringLiteral("is_ccp")).toBool(), ccp);
        QVERIFY(gate.value(QStringLiteral("id")).toInt() > 0);
    }

    // Each row: decisions in the order they arrive, as "DECISION@minutes" after a base time
    // ("DECISION" alone: no decided_at, the server's clock), and the status that must follow.
    void statusFollowsLatestDecision_data()
    {
        QTest::addColumn<QStringList>("decisions");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no decision") << words("") << "CREATED";
        QTest::newRow("PASS") << words("PASS@0") << "RELEASED";
        QTest::newRow("HOLD") << words("HOLD@0") << "HOLD";
        QTest::newRow("FAIL") << words("FAIL@0") << "REJECTED";
        QTest::newRow("HOLD then HOLD") << words("HOLD@0 HOLD@5") << "HOLD";
        QTest::newRow("PASS after HOLD releases") << words("HOLD@0 PASS@5") << "RELEASED";
        QTest::newRow("HOLD after PASS") << words("PASS@0 HOLD@5") << "HOLD";
        QTest::newRow("FAIL after HOLD") << words("HOLD@0 FAIL@5") << "REJECTED";
        QTest::newRow("late HOLD with earlier time") << words("PASS@10 HOLD@5") << "RELEASED";
        QTest::newRow("late PASS with earlier time") << words("HOLD@10 PASS@5") << "HOLD";
        QTest::newRow("late FAIL with earlier time") << words("PASS@30 FAIL@1") << "RELEASED";
        QTest::newRow("late decision with later time")
            << words("PASS@10 HOLD@20 PASS@15") << "HOLD";
        QTest::newRow("server time beats an offline past") << words("HOLD@0 PASS") << "RELEASED";
        QTest::newRow("offline past after server time") << words("HOLD PASS@0") << "HOLD";
    }
    void statusFollowsLatestDecision()
    {
        QFETCH(QStringList, decisions);
        QFETCH(QString, expected);
        const QString code = QStringLiteral("QC-ST-%1").arg(++m_sequence);
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(code, QStringLiteral("RAW"), QStringLiteral("300"),
                                                QStringLiteral("4"))),
                         201);
        QString lastAnswered;
        for (const QString &d : decisions) {
            const QStringList parts = d.split(u'@');
            QJsonObject body = decisionBody(
                code, parts[0], 1, QStringLiteral("Reason for %1 at this gate.").arg(parts[0]));
            if (parts.size() == 2)
                body.insert(QStringLiteral("decided_at"),
                            isoUtc(m_base.addSecs(parts[1].toInt() * 60)));
            const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
            FV_VERIFY_STATUS(r, 201);
            lastAnswered = r.json().value(QStringLiteral("lot_status")).toString();
        }
        if (!decisions.isEmpty())
            QCOMPARE(lastAnswered, expected);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = $1"), {code}),
                 expected);
        const Reply lot = m_client->get(QStringLiteral("/api/v1/lots/") + code);
        FV_VERIFY_STATUS(lot, 200);
        QCOMPARE(lot.json().value(QStringLiteral("status")).toString(), expected);
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM qc_decisions d JOIN lots l ON l.id = d.lot_id "
                               "WHERE l.lot_code = $1"),
                {code}),
            QString::number(decisions.size()));
    }

    void quarantinedLotIsReleasedByPass()
    {
        // RAW's profile is 2-6 °C with a 2 °C margin: 9 °C is critical.
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("QC-QUAR"), QStringLiteral("RAW"),
                                                QStringLiteral("300"), QStringLiteral("9"))),
                         201);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'QC-QUAR'")),
                 QStringLiteral("QUARANTINE"));
        const Reply r =
            m_client->post(QStringLiteral("/api/v1/qc-decisions"),
                           decisionBody(QStringLiteral("QC-QUAR"), QStringLiteral("PASS")));
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("lot_status")).toString(),
                 QStringLiteral("RELEASED"));
    }

    void decisionHistoryIsInDecisionTimeOrder()
    {
        const QString code = QStringLiteral("QC-HIST");
        FV_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/lots"),
                           lotBody(code, QStringLiteral("RAW"), QStringLiteral("300"))),
            201);
        for (const auto &[decision, minutes] :
             {std::pair{"PASS", 30}, std::pair{"HOLD", 10}, std::pair{"PASS", 20}}) {
            QJsonObject body = decisionBody(code, QString::fromLatin1(decision), 3,
                                            QStringLiteral("Checked the deboning line."));
            body.insert(QStringLiteral("decided_at"), isoUtc(m_base.addSecs(minutes * 60)));
            FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/qc-decisions"), body), 201);
        }
        const Reply r = m_client->get(QStringLiteral("/api/v1/lots/qc-hist/qc-decisions"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QStringList times;
        QStringList decisions;
        for (const QJsonValue &v : items) {
            times << v.toObject().value(QStringLiteral("decided_at")).toString();
            decisions << v.toObject().value(QStringLiteral("decision")).toString();
            QCOMPARE(v.toObject().value(QStringLiteral("gate_number")).toInt(), 3);
            QCOMPARE(v.toObject().value(QStringLiteral("operator")).toString(),
                     QStringLiteral("operator"));
        }
        QCOMPARE(decisions, words("HOLD PASS PASS"));
        QCOMPARE(times.first(), isoUtc(m_base.addSecs(600)));
        QVERIFY(times[0] < times[1] && times[1] < times[2]);
    }

    void decisionByLotIdAndGateId()
    {
        const Reply lot = m_client->post(QStringLiteral("/api/v1/lots"),
                                         lotBody(QStringLiteral("QC-BYID"), QStringLiteral("FRZ"),
                                                 QStringLiteral("20"), QStringLiteral("-20")));
        FV_VERIFY_STATUS(lot, 201);
        const QString gateId =
            m_server->db().scalar(QStringLiteral("SELECT id FROM qc_gates WHERE gate_number = 7"));
        const QJsonObject body{{QStringLiteral("lot_id"), lot.json().value(QStringLiteral("id"))},
                               {QStringLiteral("qc_gate_id"), gateId.toInt()},
                               {QStringLiteral("decision"), QStringLiteral("PASS")},
                               {QStringLiteral("temperature_c"), -19.5}};
        const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_STATUS(r, 201);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("lot_code")).toString(), QStringLiteral("QC-BYID"));
        QCOMPARE(o.value(QStringLiteral("gate_number")).toInt(), 7);
        QCOMPARE(o.value(QStringLiteral("is_ccp")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("decision")).toString(), QStringLiteral("PASS"));
        QCOMPARE(o.value(QStringLiteral("lot_status")).toString(), QStringLiteral("RELEASED"));
        QCOMPARE(o.value(QStringLiteral("operator_id")).toString(),
                 userId(*m_server, QStringLiteral("operator")));
    }

    void signedDecisionRecordsSigner()
    {
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("QC-SIGN"), QStringLiteral("RAW"),
                                                QStringLiteral("300"))),
                         201);
        QJsonObject body = decisionBody(QStringLiteral("QC-SIGN"), QStringLiteral("HOLD"), 1,
                                        QStringLiteral("Packaging torn on arrival."));
        body.insert(QStringLiteral("signature"),
                    QJsonObject{{QStringLiteral("signer"), QStringLiteral("operator")},
                                {QStringLiteral("password"),
                                 TestServer::passwordOf(QStringLiteral("operator"))},
                                {QStringLiteral("meaning"), QStringLiteral("I hold this lot")}});
        const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_STATUS(r, 201);
        QVERIFY(r.json()
                    .value(QStringLiteral("digital_signature"))
                    .toString()
                    .startsWith(QStringLiteral("Test operator (operator) signed ")));
        QVERIFY(!r.json().value(QStringLiteral("signed_at")).isNull());
        QVERIFY2(!r.body.contains("\"password\"") && !r.body.contains("operator-password-1"),
                 r.body.constData());
    }

    void clientTimeFarInFutureIsFlagged_data()
    {
        QTest::addColumn<int>("secondsAhead");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("an hour ago") << -3600 << false;
        QTest::newRow("4 minutes ahead") << 240 << false;
        QTest::newRow("10 minutes ahead") << 600 << true;
        QTest::newRow("a day ahead") << 86400 << true;
    }
    void clientTimeFarInFutureIsFlagged()
    {
        QFETCH(int, secondsAhead);
        QFETCH(bool, flagged);
        const QString code = QStringLiteral("QC-CLK-%1").arg(++m_sequence);
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(secondsAhead);
        QJsonObject lot = lotBody(code, QStringLiteral("RAW"), QStringLiteral("300"));
        lot.insert(QStringLiteral("client_created_at"), isoUtc(at));
        const Reply created = m_client->post(QStringLiteral("/api/v1/lots"), lot);
        FV_VERIFY_STATUS(created, 201);
        QCOMPARE(created.json().value(QStringLiteral("client_time_flagged")).toBool(), flagged);
        QCOMPARE(created.json().value(QStringLiteral("client_created_at")).toString(), isoUtc(at));
        QJsonObject body = decisionBody(code, QStringLiteral("PASS"));
        body.insert(QStringLiteral("decided_at"), isoUtc(at));
        const Reply r = m_client->post(QStringLiteral("/api/v1/qc-decisions"), body);
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("client_time_flagged")).toBool(), flagged);
        QCOMPARE(r.json().value(QStringLiteral("decided_at")).toString(), isoUtc(at));
        const auto rows = m_server->db().query(
            QStringLiteral("SELECT d.client_time_flagged::text, l.client_time_flagged::text, "
                           "(d.decided_at = $2::timestamptz)::text FROM qc_decisions d JOIN lots l "
                           "ON l.id = d.lot_id "
                           "WHERE l.lot_code = $1"),
            {code, isoUtc(at)});
        QCOMPARE(rows.size(), 1);
        const QString expected = flagged ? QStringLiteral("true") : QStringLiteral("false");
        QCOMPARE(rows[0], (QStringList{expected, expected, QStringLiteral("true")}));
    }

    void futureClientTimeDoesNotPinStatus()
    {
        // A HOLD from a workstation whose clock runs a day ahead is flagged and counts when it
        // was recorded, so a later PASS made on a correct clock still releases the lot.
        const QString code = QStringLiteral("QC-CLK-PIN-%1").arg(++m_sequence);
        FV_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/lots"),
                           lotBody(code, QStringLiteral("RAW"), QStringLiteral("300"))),
            201);
        QJsonObject hold = decisionBody(code, QStringLiteral("HOLD"));
        hold.insert(QStringLiteral("notes"), QStringLiteral("clock of this workstation is wrong"));
        hold.insert(QStringLiteral("decided_at"),
                    isoUtc(QDateTime::currentDateTimeUtc().addDays(1)));
        const Reply held = m_client->post(QStringLiteral("/api/v1/qc-decisions"), hold);
        FV_VERIFY_STATUS(held, 201);
        QCOMPARE(held.json().value(QStringLiteral("lot_status")).toString(),
                 QStringLiteral("HOLD"));
        const Reply passed = m_client->post(QStringLiteral("/api/v1/qc-decisions"),
                                            decisionBody(code, QStringLiteral("PASS")));
        FV_VERIFY_STATUS(passed, 201);
        QCOMPARE(passed.json().value(QStringLiteral("lot_status")).toString(),
                 QStringLiteral("RELEASED"));
    }

    void decisionsAreAppendOnly_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("UPDATE") << QStringLiteral(
            "UPDATE qc_decisions SET decision = 'PASS', notes = 'changed'");
        QTest::newRow("DELETE") << QStringLiteral("DELETE FROM qc_decisions");
        QTest::newRow("TRUNCATE") << QStringLiteral("TRUNCATE qc_decisions");
    }
    void decisionsAreAppendOnly()
    {
        QFETCH(QString, sql);
        if (rowCount(*m_server, QStringLiteral("qc_decisions")) == 0 ||
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'QC-AO'")) == u"0") {
            FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                            lotBody(QStringLiteral("QC-AO"), QStringLiteral("RAW"),
                                                    QStringLiteral("300"))),
                             201);
            FV_VERIFY_STATUS(
                m_client->post(QStringLiteral("/api/v1/qc-decisions"),
                               decisionBody(QStringLiteral("QC-AO"), QStringLiteral("FAIL"), 1,
                                            QStringLiteral("Smell is off; rejected."))),
                201);
        }
        const QString snapshot = QStringLiteral(
            "SELECT string_agg(id::text || decision || notes, ',' ORDER BY id) FROM qc_decisions");
        const QString before = m_server->db().scalar(snapshot);
        const QString result = trySql(*m_server, sql);
        QVERIFY2(result.contains(QStringLiteral("append-only")), qPrintable(result));
        QCOMPARE(m_server->db().scalar(snapshot), before);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    QDateTime m_base;
    int m_sequence = 0;
};

QTEST_GUILESS_MAIN(TestQcApi)
#include "tst_qcapi.moc"
