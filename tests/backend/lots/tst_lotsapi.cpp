// Lot registration and listing: status on registration, the rules for parent lots (status,
// mass balance, duplicates), duplicate codes under concurrency, registrations stored together
// while others wait, list filters and keyset pagination.

#include "tests/backend/apitestutil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace flowviz::test;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QStringList codesOf(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
        out << v.toObject().value(QStringLiteral("lot_code")).toString();
    return out;
}

} // namespace

class TestLotsApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_lotsapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_client = clientFor(*m_server, QStringLiteral("operator"));
        m_qc = clientFor(*m_server, QStringLiteral("auditor"));
        m_admin = clientFor(*m_server, QStringLiteral("admin"));
        QVERIFY(m_client && m_qc && m_admin);
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_qc.reset();
        m_admin.reset();
        m_server.reset();
    }

    void newLotIsCreated()
    {
        QJsonObject body = lotBody(QStringLiteral("LOT-NEW-1"), QStringLiteral("BULK"),
                                   QStringLiteral("450.5"), QStringLiteral("3.5"));
        body.insert(QStringLiteral("metadata"),
                    QJsonObject{{QStringLiteral("supplier"), QStringLiteral("Duna Kft")}});
        body.insert(QStringLiteral("workstation_id"), QStringLiteral("DUNA01"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"), body);
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.header("location"), QByteArray("/api/v1/lots/LOT-NEW-1"));
        const QJsonObject o = r.json();
        QVERIFY(!QUuid::fromString(o.value(QStringLiteral("id")).toString()).isNull());
        QCOMPARE(o.value(QStringLiteral("lot_code")).toString(), QStringLiteral("LOT-NEW-1"));
        QCOMPARE(o.value(QStringLiteral("lot_type")).toString(), QStringLiteral("BULK"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
        QVERIFY(o.contains(QStringLiteral("production_run_id")) &&
                o.value(QStringLiteral("production_run_id")).isNull());
        QCOMPARE(o.value(QStringLiteral("operator_id")).toString(),
                 userId(*m_server, QStringLiteral("operator")));
        QCOMPARE(o.value(QStringLiteral("weight_kg")).toDouble(), 450.5);
        QCOMPARE(o.value(QStringLiteral("temperature_c")).toDouble(), 3.5);
        QCOMPARE(o.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("supplier"))
                     .toString(),
                 QStringLiteral("Duna Kft"));
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const Reply got = m_client->get(QStringLiteral("/api/v1/lots/LOT-NEW-1"));
        FV_VERIFY_STATUS(got, 200);
        QCOMPARE(got.json().value(QStringLiteral("id")), o.value(QStringLiteral("id")));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT status || ' ' || workstation_id || ' ' || (metadata->>'supplier') "
                     "FROM lots WHERE lot_code = 'LOT-NEW-1'")),
                 QStringLiteral("CREATED DUNA01 Duna Kft"));
    }

    void clientSuppliedIdIsKept()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject body =
            lotBody(QStringLiteral("LOT-OWN-ID"), QStringLiteral("RAW"), QStringLiteral("300"));
        body.insert(QStringLiteral("id"), id);
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"), body);
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), id);
        // The same id under another code is a conflict, not a 500.
        body.insert(QStringLiteral("lot_code"), QStringLiteral("LOT-OWN-ID-2"));
        FV_VERIFY_PROBLEM(m_client->post(QStringLiteral("/api/v1/lots"), body), 409);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE 'LOT-OWN-ID%'")),
                 QStringLiteral("1"));
    }

    // The type's profile decides: a critical temperature sends a new lot to QUARANTINE.
    void statusOnRegistration_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reading");
        QTest::newRow("RAW no temperature") << "RAW"
                                            << ""
                                            << "CREATED"
                                            << "";
        QTest::newRow("RAW 4 ok") << "RAW"
                                  << "4"
                                  << "CREATED"
                                  << "ok";
        QTest::newRow("RAW 6 ok") << "RAW"
                                  << "6"
                                  << "CREATED"
                                  << "ok";
        QTest::newRow("RAW 8 warning") << "RAW"
                                       << "8"
                                       << "CREATED"
                                       << "warning";
        QTest::newRow("RAW 8.1 critical") << "RAW"
                                          << "8.1"
                                          << "QUARANTINE"
                                          << "critical";
        QTest::newRow("RAW 0 warning") << "RAW"
                                       << "0"
                                       << "CREATED"
                                       << "warning";
        QTest::newRow("RAW -0.1 critical") << "RAW"
                                           << "-0.1"
                                           << "QUARANTINE"
                                           << "critical";
        QTest::newRow("FRZ -20 ok") << "FRZ"
                                    << "-20"
                                    << "CREATED"
                                    << "ok";
        QTest::newRow("FRZ -15 warning") << "FRZ"
                                         << "-15"
                                         << "CREATED"
                                         << "warning";
        QTest::newRow("FRZ -14.9 critical") << "FRZ"
                                            << "-14.9"
                                            << "QUARANTINE"
                                            << "critical";
        QTest::newRow("FRZ -28.1 critical") << "FRZ"
                                            << "-28.1"
                                            << "QUARANTINE"
                                            << "critical";
        QTest::newRow("FG 4 critical") << "FG"
                                       << "4"
                                       << "QUARANTINE"
                                       << "critical";
        QTest::newRow("MIX 3 ok") << "MIX"
                                  << "3"
                                  << "CREATED"
                                  << "ok";
        QTest::newRow("BULK 7 warning") << "BULK"
                                        << "6"
                                        << "CREATED"
                                        << "warning";
        QTest::newRow("BULK 6.1 critical") << "BULK"
                                           << "6.1"
                                           << "QUARANTINE"
                                           << "critical";
    }
    void statusOnRegistration()
    {
        QFETCH(QString, type);
        QFETCH(QString, temperature);
        QFETCH(QString, status);
        QFETCH(QString, reading);
        const QString code = QStringLiteral("LOT-REG-%1").arg(++m_sequence);
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"),
                                       lotBody(code, type, QStringLiteral("20"), temperature));
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), status);
        QCOMPARE(r.json().value(QStringLiteral("temperature_status")).toString(), reading);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = $1"), {code}),
                 status);
    }

    // Profiles are data an ADMIN changes, not constants: the same reading becomes critical.
    void changedProfileChangesQuarantine()
    {
        const QJsonObject seeded{
            {QStringLiteral("temp_min_c"), 2},     {QStringLiteral("temp_max_c"), 4},
            {QStringLiteral("temp_margin_c"), 2},  {QStringLiteral("weight_min_kg"), 15},
            {QStringLiteral("weight_max_kg"), 30}, {QStringLiteral("weight_margin_kg"), 3}};
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-PROF-1"), QStringLiteral("SKW"),
                                                QStringLiteral("20"), QStringLiteral("3"))),
                         201);
        QJsonObject strict = seeded;
        strict.insert(QStringLiteral("temp_min_c"), 10);
        strict.insert(QStringLiteral("temp_max_c"), 12);
        strict.insert(QStringLiteral("temp_margin_c"), 0);
        const Reply put = m_admin->put(QStringLiteral("/api/v1/lot-profiles/skw"), strict);
        FV_VERIFY_STATUS(put, 200);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT temp_min_c::text FROM lot_profiles WHERE lot_type = 'SKW'")),
                 QStringLiteral("10.0"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"),
                                       lotBody(QStringLiteral("LOT-PROF-2"), QStringLiteral("SKW"),
                                               QStringLiteral("20"), QStringLiteral("3")));
        FV_VERIFY_STATUS(m_admin->put(QStringLiteral("/api/v1/lot-profiles/SKW"), seeded), 200);
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("QUARANTINE"));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = 'LOT-PROF-1'")),
                 QStringLiteral("CREATED"));
        // An inverted range is refused and the profile stays as it was.
        QJsonObject inverted = seeded;
        inverted.insert(QStringLiteral("temp_min_c"), 5);
        FV_VERIFY_PROBLEM(m_admin->put(QStringLiteral("/api/v1/lot-profiles/SKW"), inverted), 422);
        FV_VERIFY_PROBLEM(m_admin->put(QStringLiteral("/api/v1/lot-profiles/PORK"), seeded), 404);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT temp_min_c::text || '..' || temp_max_c::text FROM "
                                    "lot_profiles WHERE lot_type = 'SKW'")),
                 QStringLiteral("2.0..4.0"));
    }

    void parentStatusRules_data()
    {
        QTest::addColumn<QString>("setup"); // how the parent gets its status
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("usable");
        QTest::newRow("CREATED") << "none"
                                 << "CREATED" << true;
        QTest::newRow("RELEASED") << "PASS"
                                  << "RELEASED" << true;
        QTest::newRow("RELEASED after HOLD") << "HOLD PASS"
                                             << "RELEASED" << true;
        QTest::newRow("HOLD") << "HOLD"
                              << "HOLD" << false;
        QTest::newRow("REJECTED") << "FAIL"
                                  << "REJECTED" << false;
        QTest::newRow("QUARANTINE") << "critical"
                                    << "QUARANTINE" << false;
    }
    void parentStatusRules()
    {
        QFETCH(QString, setup);
        QFETCH(QString, status);
        QFETCH(bool, usable);
        const int n = ++m_sequence;
        const QString parent = QStringLiteral("LOT-PAR-%1").arg(n);
        const QString child = QStringLiteral("LOT-CHI-%1").arg(n);
        const QString temperature =
            setup == u"critical" ? QStringLiteral("20") : QStringLiteral("4");
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(parent, QStringLiteral("RAW"),
                                                QStringLiteral("300"), temperature)),
                         201);
        if (setup != u"none" && setup != u"critical") {
            for (const QString &d : setup.split(u' '))
                FV_VERIFY_STATUS(
                    m_qc->post(QStringLiteral("/api/v1/qc-decisions"),
                               decisionBody(parent, d, 1,
                                            QStringLiteral("Visual check of the lot done."))),
                    201);
        }
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT status FROM lots WHERE lot_code = $1"), {parent}),
                 status);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const int links = rowCount(*m_server, QStringLiteral("lot_genealogy"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"),
                                       lotBody(child, QStringLiteral("DEB"), QStringLiteral("100"),
                                               {}, {parentRef(parent, QStringLiteral("100"))}));
        if (usable) {
            FV_VERIFY_STATUS(r, 201);
            const QJsonArray parents = r.json().value(QStringLiteral("parents")).toArray();
            QCOMPARE(parents.size(), 1);
            QCOMPARE(parents[0].toObject().value(QStringLiteral("lot_code")).toString(), parent);
            QCOMPARE(m_server->db().scalar(
                         QStringLiteral("SELECT g.quantity_used_kg::text FROM lot_genealogy g "
                                        "JOIN lots p ON p.id = g.parent_lot_id JOIN lots c ON c.id "
                                        "= g.child_lot_id "
                                        "WHERE p.lot_code = $1 AND c.lot_code = $2"),
                         {parent, child}),
                     QStringLiteral("100.00"));
            return;
        }
        FV_VERIFY_PROBLEM(r, 409);
        QVERIFY2(r.problemDetail().contains(parent), qPrintable(r.problemDetail()));
        QVERIFY2(r.problemDetail().contains(status), qPrintable(r.problemDetail()));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_genealogy")), links);
    }

    // A blocked parent among good ones refuses the whole registration.
    void oneBlockedParentRefusesAll()
    {
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-MIXP-OK"),
                                                QStringLiteral("RAW"), QStringLiteral("300"))),
                         201);
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-MIXP-HOLD"),
                                                QStringLiteral("RAW"), QStringLiteral("300"))),
                         201);
        FV_VERIFY_STATUS(
            m_qc->post(QStringLiteral("/api/v1/qc-decisions"),
                       decisionBody(QStringLiteral("LOT-MIXP-HOLD"), QStringLiteral("HOLD"), 1,
                                    QStringLiteral("Label unreadable, hold."))),
            201);
        const int links = rowCount(*m_server, QStringLiteral("lot_genealogy"));
        const Reply r = m_client->post(
            QStringLiteral("/api/v1/lots"),
            lotBody(QStringLiteral("LOT-MIXP-CHILD"), QStringLiteral("DEB"), QStringLiteral("100"),
                    {},
                    {parentRef(QStringLiteral("LOT-MIXP-OK"), QStringLiteral("50")),
                     parentRef(QStringLiteral("LOT-MIXP-HOLD"), QStringLiteral("50"))}));
        FV_VERIFY_PROBLEM(r, 409);
        QVERIFY2(r.problemDetail().contains(QStringLiteral("LOT-MIXP-HOLD")) &&
                     r.problemDetail().contains(QStringLiteral("HOLD")),
                 qPrintable(r.problemDetail()));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_genealogy")), links);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'LOT-MIXP-CHILD'")),
                 QStringLiteral("0"));
    }

    void parentQuantityBalance()
    {
        const QString parent = QStringLiteral("LOT-MASS-P");
        FV_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/lots"),
                           lotBody(parent, QStringLiteral("RAW"), QStringLiteral("100.00"))),
            201);
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-MASS-1"), QStringLiteral("DEB"),
                                                QStringLiteral("60"), {},
                                                {parentRef(parent, QStringLiteral("60.5"))})),
                         201);
        const int links = rowCount(*m_server, QStringLiteral("lot_genealogy"));
        // 39.5 kg are left: one hundredth more is refused...
        const Reply over = m_client->post(QStringLiteral("/api/v1/lots"),
                                          lotBody(QStringLiteral("LOT-MASS-2"),
                                                  QStringLiteral("DEB"), QStringLiteral("40"), {},
                                                  {parentRef(parent, QStringLiteral("39.51"))}));
        FV_VERIFY_PROBLEM(over, 409);
        QVERIFY2(over.problemDetail().contains(parent), qPrintable(over.problemDetail()));
        QVERIFY2(over.problemDetail().contains(QStringLiteral("39.5")),
                 qPrintable(over.problemDetail()));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_genealogy")), links);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'LOT-MASS-2'")),
                 QStringLiteral("0"));
        // ...exactly what is left is fine...
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-MASS-2"), QStringLiteral("DEB"),
                                                QStringLiteral("40"), {},
                                                {parentRef(parent, QStringLiteral("39.50"))})),
                         201);
        // ...and then nothing more can be drawn.
        FV_VERIFY_PROBLEM(m_client->post(QStringLiteral("/api/v1/lots"),
                                         lotBody(QStringLiteral("LOT-MASS-3"),
                                                 QStringLiteral("DEB"), QStringLiteral("1"), {},
                                                 {parentRef(parent, QStringLiteral("0.01"))})),
                          409);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT sum(g.quantity_used_kg)::text FROM lot_genealogy g "
                                    "JOIN lots p ON p.id = g.parent_lot_id "
                                    "WHERE p.lot_code = $1"),
                     {parent}),
                 QStringLiteral("100.00"));
    }

    void concurrentDrawsKeepMassBalance()
    {
        const QString parent = QStringLiteral("LOT-CMASS-P");
        FV_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/lots"),
                           lotBody(parent, QStringLiteral("RAW"), QStringLiteral("100"))),
            201);
        QList<HttpClient::Call> calls;
        for (int i = 0; i < 16; ++i) {
            calls.append({"POST",
                          QStringLiteral("/api/v1/lots"),
                          QJsonDocument(lotBody(QStringLiteral("LOT-CMASS-%1").arg(i),
                                                QStringLiteral("DEB"), QStringLiteral("20"), {},
                                                {parentRef(parent, QStringLiteral("20"))}))
                              .toJson(QJsonDocument::Compact),
                          {}});
        }
        const QList<Reply> replies = m_client->sendAll(calls);
        int created = 0;
        int refused = 0;
        for (const Reply &r : replies) {
            if (r.status == 201)
                ++created;
            else if (r.status == 409)
                ++refused;
            else
                QFAIL(qPrintable(describe(r)));
        }
        QCOMPARE(created, 5);
        QCOMPARE(refused, 11);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT sum(g.quantity_used_kg)::text FROM lot_genealogy g "
                                    "JOIN lots p ON p.id = g.parent_lot_id "
                                    "WHERE p.lot_code = $1"),
                     {parent}),
                 QStringLiteral("100.00"));
    }

    void badParentLists_data()
    {
        QTest::addColumn<QJsonArray>("parents");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("listed twice")
            << QJsonArray{parentRef(QStringLiteral("LOT-BP-P"), QStringLiteral("1")),
                          parentRef(QStringLiteral("lot-bp-p"), QStringLiteral("2"))}
            << "parents[1].lot_code"
            << "parents.duplicate";
        QTest::newRow("self parent")
            << QJsonArray{parentRef(QStringLiteral("LOT-BP-C"), QStringLiteral("1"))}
            << "parents[0].lot_code"
            << "parents.self";
        QTest::newRow("unknown parent")
            << QJsonArray{parentRef(QStringLiteral("LOT-BP-P"), QStringLiteral("1")),
                          parentRef(QStringLiteral("LOT-BP-NONE"), QStringLiteral("1"))}
            << "parents[1].lot_code"
            << "parents.unknown";
        QTest::newRow("parent not an object")
            << QJsonArray{QStringLiteral("LOT-BP-P")} << "parents[0]"
            << "field.type";
        QTest::newRow("negative quantity")
            << QJsonArray{parentRef(QStringLiteral("LOT-BP-P"), QStringLiteral("-1"))}
            << "parents[0].quantity_used_kg"
            << "weight.range";
    }
    void badParentLists()
    {
        QFETCH(QJsonArray, parents);
        QFETCH(QString, field);
        QFETCH(QString, code);
        if (m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'LOT-BP-P'")) == u"0")
            FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                            lotBody(QStringLiteral("LOT-BP-P"),
                                                    QStringLiteral("RAW"), QStringLiteral("300"))),
                             201);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const int links = rowCount(*m_server, QStringLiteral("lot_genealogy"));
        const Reply r = m_client->post(QStringLiteral("/api/v1/lots"),
                                       lotBody(QStringLiteral("LOT-BP-C"), QStringLiteral("DEB"),
                                               QStringLiteral("10"), {}, parents));
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_genealogy")), links);
    }

    void duplicateCodeIs409()
    {
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-DUP-1"), QStringLiteral("RAW"),
                                                QStringLiteral("300"))),
                         201);
        for (const QString &again : {QStringLiteral("LOT-DUP-1"), QStringLiteral("lot-dup-1"),
                                     QStringLiteral(" LOT-DUP-1 ")}) {
            const Reply r =
                m_admin->post(QStringLiteral("/api/v1/lots"),
                              lotBody(again, QStringLiteral("DEB"), QStringLiteral("100")));
            FV_VERIFY_PROBLEM(r, 409);
            QVERIFY2(r.problemDetail().contains(QStringLiteral("LOT-DUP-1")),
                     qPrintable(r.problemDetail()));
        }
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT lot_type || count(*) OVER () FROM lots WHERE lot_code = 'LOT-DUP-1'")),
                 QStringLiteral("RAW1"));
    }

    void concurrentCreatesOfOneCode()
    {
        QList<HttpClient::Call> calls;
        for (int i = 0; i < 32; ++i) {
            calls.append({"POST",
                          QStringLiteral("/api/v1/lots"),
                          QJsonDocument(lotBody(QStringLiteral("LOT-RACE-1"), QStringLiteral("RAW"),
                                                QString::number(200 + i)))
                              .toJson(QJsonDocument::Compact),
                          {}});
        }
        const QList<Reply> replies = m_client->sendAll(calls);
        int created = 0;
        int conflicts = 0;
        for (const Reply &r : replies) {
            if (r.status == 201) {
                ++created;
            } else {
                FV_VERIFY_PROBLEM(r, 409);
                ++conflicts;
            }
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, 31);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code = 'LOT-RACE-1'")),
                 QStringLiteral("1"));
    }

    // Registrations that arrive while the server's two registration transactions wait are
    // stored together, in one transaction, each answered and stored as if it had been alone.
    void waitingRegistrationsAreStoredTogether()
    {
        const long long together = metric("flowviz_lot_transactions_total", "together");
        const long long alone = metric("flowviz_lot_transactions_total", "alone");
        QList<HttpClient::Call> calls;
        for (int i = 1; i <= 6; ++i) {
            QJsonObject body =
                lotBody(QStringLiteral("LOT-TOGETHER-%1").arg(i), QStringLiteral("RAW"),
                        QStringLiteral("%1.25").arg(100 + i), QStringLiteral("-18.5"));
            body.insert(QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("note"),
                                     QStringLiteral("\"Árvíztűrő\" \\ %1").arg(i)}});
            body.insert(QStringLiteral("workstation_id"), QStringLiteral("WS-%1").arg(i));
            calls.append(postLot(body));
        }
        const QList<Reply> replies = whileTwoWait(QStringLiteral("T"), calls);
        QCOMPARE(replies.size(), 6);
        for (int i = 1; i <= 6; ++i) {
            const Reply &r = replies.at(i - 1);
            FV_VERIFY_STATUS(r, 201);
            const QString code = QStringLiteral("LOT-TOGETHER-%1").arg(i);
            QCOMPARE(r.header("location"), "/api/v1/lots/" + code.toUtf8());
            const QJsonObject o = r.json();
            QCOMPARE(o.value(QStringLiteral("lot_code")).toString(), code);
            QCOMPARE(o.value(QStringLiteral("weight_kg")).toDouble(), 100 + i + 0.25);
            QCOMPARE(o.value(QStringLiteral("operator_id")).toString(),
                     userId(*m_server, QStringLiteral("operator")));
            // As stored, and as the lot's own page answers it.
            QCOMPARE(m_server->db().scalar(
                         QStringLiteral("SELECT count(*) || ' ' || max(weight_kg) || ' ' || "
                                        "max(temperature_c) || ' ' || max(workstation_id) || ' ' "
                                        "|| max(metadata->>'note') FROM lots WHERE lot_code = $1"),
                         {code}),
                     QStringLiteral("1 %1.25 -18.5 WS-%2 \"Árvíztűrő\" \\ %2").arg(100 + i).arg(i));
            const Reply page = m_client->get(QStringLiteral("/api/v1/lots/") + code);
            FV_VERIFY_STATUS(page, 200);
            QJsonObject asListed = page.json();
            asListed.remove(QStringLiteral("children")); // a registration's answer has none
            QCOMPARE(asListed, o);
            // The audit trail names the operator, as for a lot registered alone.
            QCOMPARE(m_server->db().scalar(
                         QStringLiteral("SELECT string_agg(actor::text, ',') FROM audit_log WHERE "
                                        "entity = 'lots' AND new_values->>'lot_code' = $1"),
                         {code}),
                     userId(*m_server, QStringLiteral("operator")));
        }
        // The two that waited ran alone; of the six sent while they waited, at least two were
        // stored together (without this, a broken transaction together would only show as the
        // slower fallback, each alone).
        QVERIFY(metric("flowviz_lot_transactions_total", "together") > together);
        QVERIFY(metric("flowviz_lot_transactions_total", "alone") - alone >= 2);
    }

    // One refused registration among those stored together is refused alone: the others are
    // stored, each exactly once.
    void refusedRegistrationAmongWaitingOnesIsRefusedAlone()
    {
        FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"),
                                        lotBody(QStringLiteral("LOT-TAKEN-1"),
                                                QStringLiteral("RAW"), QStringLiteral("10"))),
                         201);
        QList<HttpClient::Call> calls;
        for (const char *code : {"LOT-BESIDE-1", "LOT-BESIDE-2", "LOT-TAKEN-1", "LOT-BESIDE-3",
                                 "LOT-BESIDE-4", "LOT-BESIDE-4"}) {
            calls.append(postLot(
                lotBody(QString::fromLatin1(code), QStringLiteral("RAW"), QStringLiteral("20"))));
        }
        const QList<Reply> replies = whileTwoWait(QStringLiteral("R"), calls);
        QCOMPARE(replies.size(), 6);
        for (int i : {0, 1, 3})
            FV_VERIFY_STATUS(replies.at(i), 201);
        FV_VERIFY_PROBLEM(replies.at(2), 409);
        QVERIFY2(replies.at(2).problemDetail().contains(QStringLiteral("LOT-TAKEN-1")),
                 qPrintable(replies.at(2).problemDetail()));
        // The same code twice: one of the two is stored.
        QCOMPARE(QSet<int>({replies.at(4).status, replies.at(5).status}), QSet<int>({201, 409}));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT string_agg(lot_code || ':' || weight_kg, ' ' ORDER BY lot_code) "
                     "FROM lots WHERE lot_code LIKE 'LOT-BESIDE-%' OR lot_code = 'LOT-TAKEN-1'")),
                 QStringLiteral("LOT-BESIDE-1:20.00 LOT-BESIDE-2:20.00 LOT-BESIDE-3:20.00 "
                                "LOT-BESIDE-4:20.00 LOT-TAKEN-1:10.00"));
    }

    // List filters: a fixed set of lots with creation times set in the database.
    void listFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // newest first
        QTest::newRow("prefix") << "code_prefix=LST-"
                                << words("LST-FG-2 LST-FG-1 LST-MIX-2 LST-MIX-1 LST-DEB-3 "
                                         "LST-DEB-2 LST-DEB-1 LST-RAW-2 LST-RAW-1");
        QTest::newRow("prefix lower case")
            << "code_prefix=lst-deb" << words("LST-DEB-3 LST-DEB-2 LST-DEB-1");
        QTest::newRow("type") << "code_prefix=LST-&type=DEB"
                              << words("LST-DEB-3 LST-DEB-2 LST-DEB-1");
        QTest::newRow("type lower case")
            << "code_prefix=LST-&type=fg" << words("LST-FG-2 LST-FG-1");
        QTest::newRow("status HOLD")
            << "code_prefix=LST-&status=HOLD" << words("LST-MIX-1 LST-RAW-2");
        QTest::newRow("status RELEASED")
            << "code_prefix=LST-&status=RELEASED" << words("LST-DEB-1");
        QTest::newRow("run") << "run=LST-RUN-A" << words("LST-MIX-2 LST-DEB-3 LST-DEB-2");
        QTest::newRow("run and type") << "run=lst-run-a&type=DEB" << words("LST-DEB-3 LST-DEB-2");
        QTest::newRow("created range")
            << "code_prefix=LST-&created_from=2025-03-01T12:00:00Z&created_to=2025-03-01T15:00:00Z"
            << words("LST-DEB-3 LST-DEB-2 LST-DEB-1 LST-RAW-2");
        QTest::newRow("created from") << "code_prefix=LST-&created_from=2025-03-01T17:00:00.000Z"
                                      << words("LST-FG-2 LST-FG-1");
        QTest::newRow("created to")
            << "code_prefix=LST-&created_to=2025-03-01T12:00:00%2B01:00" << words("LST-RAW-1");
        QTest::newRow("underscore is literal") << "code_prefix=LSX_" << words("LSX_1");
        QTest::newRow("percent is literal") << "code_prefix=LSX%25" << words("");
        QTest::newRow("no match") << "code_prefix=LST-&type=SKW" << words("");
    }
    void listFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        seedListLots();
        const Reply r = m_client->get(QStringLiteral("/api/v1/lots?") + query);
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(codesOf(r), expected);
        QVERIFY(r.json().value(QStringLiteral("next_cursor")).isNull());
    }

    void paginationWalksEveryLotOnce_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("2") << 2;
        QTest::newRow("4") << 4;
        QTest::newRow("9") << 9;
        QTest::newRow("500") << 500;
    }
    void paginationWalksEveryLotOnce()
    {
        QFETCH(int, limit);
        seedListLots();
        const QStringList all = words("LST-FG-2 LST-FG-1 LST-MIX-2 LST-MIX-1 LST-DEB-3 LST-DEB-2 "
                                      "LST-DEB-1 LST-RAW-2 LST-RAW-1");
        QStringList walked;
        QString cursor;
        int pages = 0;
        do {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("code_prefix"), QStringLiteral("LST-"));
            q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            if (!cursor.isEmpty())
                q.addQueryItem(QStringLiteral("cursor"), cursor);
            const Reply r =
                m_client->get(QStringLiteral("/api/v1/lots?") + q.toString(QUrl::FullyEncoded));
            FV_VERIFY_STATUS(r, 200);
            const QStringList page = codesOf(r);
            QVERIFY(page.size() <= limit);
            walked += page;
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            QVERIFY2(++pages <= all.size() + 1, "pagination does not end");
        } while (!cursor.isEmpty());
        QCOMPARE(walked, all);
        QCOMPARE(pages, (int(all.size()) + limit - 1) / limit);
    }

    void paginationOverWholeTable()
    {
        // Every lot of the suite, including many created within the same millisecond.
        QStringList walked;
        QString cursor;
        do {
            const Reply r =
                m_client->get(QStringLiteral("/api/v1/lots?limit=7") +
                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            FV_VERIFY_STATUS(r, 200);
            walked += codesOf(r);
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty() && walked.size() < 10000);
        QStringList expected;
        for (const QStringList &row : m_server->db().query(
                 QStringLiteral("SELECT lot_code FROM lots ORDER BY created_at DESC, id DESC")))
            expected << row.first();
        QCOMPARE(walked.size(), expected.size());
        QCOMPARE(QSet<QString>(walked.begin(), walked.end()).size(), expected.size());
        QCOMPARE(walked, expected);
    }

private:
    static HttpClient::Call postLot(const QJsonObject &body)
    {
        return {"POST",
                QStringLiteral("/api/v1/lots"),
                QJsonDocument(body).toJson(QJsonDocument::Compact),
                {}};
    }

    // Backends of the test database waiting for a lock.
    int lockWaiters()
    {
        return m_server->db()
            .scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND wait_event_type = 'Lock'"))
            .toInt();
    }

    // Sends `calls` as the operator while both of the server's registration transactions wait:
    // an open transaction here inserts two codes that the operator and the admin then register
    // (one each, so that they are never stored together), and is rolled back a second after
    // `calls` went out. Returns the answers to `calls`.
    QList<Reply> whileTwoWait(const QString &tag, const QList<HttpClient::Call> &calls)
    {
        const std::unique_ptr<TestDb> holder = m_server->db().secondConnection();
        const QString first = QStringLiteral("LOT-WAIT-%1-1").arg(tag);
        const QString second = QStringLiteral("LOT-WAIT-%1-2").arg(tag);
        holder->exec(QStringLiteral("BEGIN"));
        holder->exec(QStringLiteral("INSERT INTO lots (lot_code, lot_type) VALUES ('%1', 'RAW'), "
                                    "('%2', 'RAW')")
                         .arg(first, second));
        const auto sender = clientFor(*m_server, QStringLiteral("operator"));
        if (!sender)
            return {};
        QList<Reply> out;
        QList<Reply> secondReply;
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (lockWaiters() < 2)
                return;
            poll.stop();
            QTimer::singleShot(1000, [&] { holder->exec(QStringLiteral("ROLLBACK")); });
            out = sender->sendAll(calls);
        });
        // Each send waits in an event loop, where the next step's timer runs.
        QTimer::singleShot(0, [&] {
            secondReply = m_admin->sendAll({postLot(lotBody(second, QStringLiteral("RAW")))});
        });
        poll.start();
        const Reply firstReply =
            m_client->post(QStringLiteral("/api/v1/lots"), lotBody(first, QStringLiteral("RAW")));
        if (firstReply.status != 201 || secondReply.value(0).status != 201)
            qWarning() << "a waiting registration was not stored:" << describe(firstReply)
                       << describe(secondReply.value(0));
        return out;
    }

    long long metric(const char *name, const char *label = "")
    {
        return metricSum(*m_server, name, label);
    }

    void seedListLots()
    {
        if (m_listSeeded)
            return;
        m_listSeeded = true;
        FV_VERIFY_STATUS(m_admin->post(QStringLiteral("/api/v1/production-runs"),
                                       {{QStringLiteral("run_code"), QStringLiteral("LST-RUN-A")}}),
                         201);
        // code, type, run, hour of 2025-03-01 (UTC). LST-DEB-2 and -3 share a time; their ids
        // decide the order (id descending), so they are given.
        const QList<std::tuple<const char *, const char *, bool, int>> lots = {
            {"LST-RAW-1", "RAW", false, 10}, {"LST-RAW-2", "RAW", false, 12},
            {"LST-DEB-1", "DEB", false, 13}, {"LST-DEB-2", "DEB", true, 14},
            {"LST-DEB-3", "DEB", true, 14},  {"LST-MIX-1", "MIX", false, 15},
            {"LST-MIX-2", "MIX", true, 16},  {"LST-FG-1", "FG", false, 17},
            {"LST-FG-2", "FG", false, 18},   {"LSX_1", "RAW", false, 9},
            {"LSXA1", "RAW", false, 9},      {"LSX-1", "RAW", false, 9}};
        for (const auto &[code, type, inRun, hour] : lots) {
            QJsonObject body =
                lotBody(QString::fromLatin1(code), QString::fromLatin1(type), QStringLiteral("20"));
            if (inRun)
                body.insert(QStringLiteral("run_code"), QStringLiteral("LST-RUN-A"));
            if (QByteArray(code).startsWith("LST-DEB-"))
                body.insert(QStringLiteral("id"),
                            QStringLiteral("00000000-0000-4000-8000-00000000000") +
                                QLatin1Char(code[8]));
            FV_VERIFY_STATUS(m_client->post(QStringLiteral("/api/v1/lots"), body), 201);
            m_server->db().exec(
                QStringLiteral(
                    "UPDATE lots SET created_at = '2025-03-01T%1:00:00Z' WHERE lot_code = '%2'")
                    .arg(hour, 2, 10, QLatin1Char('0'))
                    .arg(QString::fromLatin1(code)));
        }
        for (const auto &[code, decision] :
             {std::pair{"LST-RAW-2", "HOLD"}, std::pair{"LST-MIX-1", "HOLD"},
              std::pair{"LST-DEB-1", "PASS"}}) {
            FV_VERIFY_STATUS(
                m_qc->post(QStringLiteral("/api/v1/qc-decisions"),
                           decisionBody(QString::fromLatin1(code), QString::fromLatin1(decision), 1,
                                        QStringLiteral("Checked for the list test."))),
                201);
        }
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<HttpClient> m_qc;
    std::unique_ptr<HttpClient> m_admin;
    int m_sequence = 0;
    bool m_listSeeded = false;
};

QTEST_GUILESS_MAIN(TestLotsApi)
#include "tst_lotsapi.moc"
