// Dispatch against a real flowviz-server: customers and their ship-to locations, the second
// person's signed review of a lot's CCP records, and shipments of FG lots that ship only
// RELEASED, reviewed and within the lot's weight; the same rules in the database whoever writes.

#include "tests/backend/apitestutil.h"

#include "domain/decisionsignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace flowviz::test;

namespace {

const QString kCustomers = QStringLiteral("/api/v1/customers");
const QString kShipments = QStringLiteral("/api/v1/shipments");
const QString kLots = QStringLiteral("/api/v1/lots");
const QString kDecisions = QStringLiteral("/api/v1/qc-decisions");

QJsonObject shipmentBody(const QString &reference, const QString &customer = QStringLiteral("SPAR"))
{
    return {{QStringLiteral("reference"), reference},
            {QStringLiteral("customer_code"), customer},
            {QStringLiteral("ship_date"), QStringLiteral("2026-12-07")},
            {QStringLiteral("carrier"), QStringLiteral("Waberer's")}};
}

QJsonObject lineBody(const QString &lot, const QString &kg)
{
    return {{QStringLiteral("lot_code"), lot}, {QStringLiteral("quantity_kg"), number(kg)}};
}

QJsonObject ccpPass(const QString &lot)
{
    QJsonObject pass = decisionBody(lot, QStringLiteral("PASS"), 7);
    pass.insert(QStringLiteral("temperature_c"), number(QStringLiteral("-20")));
    return pass;
}

QJsonObject passwordSignature(const QString &signer)
{
    return {{QStringLiteral("signer"), signer},
            {QStringLiteral("password"), TestServer::passwordOf(signer)},
            {QStringLiteral("meaning"), QStringLiteral("CCP records reviewed before shipping")}};
}

} // namespace

class TestDispatchApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_dispatchapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_manager = clientFor(*m_server, QStringLiteral("manager"));
        m_admin = clientFor(*m_server, QStringLiteral("admin"));
        QVERIFY(m_operator && m_manager && m_admin);
        const Reply r = m_manager->post(
            kCustomers,
            QJsonObject{
                {QStringLiteral("customer_code"), QStringLiteral("spar")},
                {QStringLiteral("name"), QStringLiteral("SPAR Magyarország Kft.")},
                {QStringLiteral("ship_to"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("ship_to_code"), QStringLiteral("bicske-dc")},
                     {QStringLiteral("name"), QStringLiteral("Bicske distribution centre")},
                     {QStringLiteral("address"), QStringLiteral("Bicske, Kossuth u. 1.")}}}}});
        FV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.header("location"), QByteArray("/api/v1/customers/SPAR"));
        const QJsonArray places = r.json().value(QStringLiteral("ship_to")).toArray();
        QCOMPARE(places.size(), 1);
        QCOMPARE(places[0].toObject().value(QStringLiteral("ship_to_code")).toString(),
                 QStringLiteral("BICSKE-DC"));
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_manager.reset();
        m_admin.reset();
        m_server.reset();
    }

    void customersAreKeptByManagers()
    {
        const QJsonObject body{{QStringLiteral("customer_code"), QStringLiteral("METRO")},
                               {QStringLiteral("name"), QStringLiteral("Metro Kft.")}};
        FV_VERIFY_PROBLEM(m_operator->post(kCustomers, body), 403);
        FV_VERIFY_STATUS(m_manager->post(kCustomers, body), 201);
        FV_VERIFY_PROBLEM(m_manager->post(kCustomers, body), 409);
        // Two places under one code in one body: refused, nothing stored.
        const QJsonObject place{{QStringLiteral("ship_to_code"), QStringLiteral("A")},
                                {QStringLiteral("name"), QStringLiteral("Depot")},
                                {QStringLiteral("address"), QStringLiteral("Győr")}};
        const Reply twice = m_manager->post(
            kCustomers, QJsonObject{{QStringLiteral("customer_code"), QStringLiteral("TWICE")},
                                    {QStringLiteral("name"), QStringLiteral("Twice Kft.")},
                                    {QStringLiteral("ship_to"), QJsonArray{place, place}}});
        FV_VERIFY_PROBLEM(twice, 422);
        QVERIFY2(hasFieldError(twice, QStringLiteral("ship_to[1].ship_to_code"),
                               QStringLiteral("ship_to_code.duplicate")),
                 qPrintable(describe(twice)));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM customers WHERE customer_code = 'TWICE'")),
                 QStringLiteral("0"));
        // A code outside the alphabet is refused, not folded.
        FV_VERIFY_PROBLEM(
            m_manager->post(kCustomers,
                            QJsonObject{{QStringLiteral("customer_code"), QStringLiteral("STRAßE")},
                                        {QStringLiteral("name"), QStringLiteral("x")}}),
            422);
        // A place added later; the same code again is a 409.
        const QString shipTo = kCustomers + QStringLiteral("/METRO/ship-to");
        FV_VERIFY_STATUS(m_manager->post(shipTo, place), 201);
        FV_VERIFY_PROBLEM(m_manager->post(shipTo, place), 409);
        FV_VERIFY_PROBLEM(m_manager->post(kCustomers + QStringLiteral("/NOBODY/ship-to"), place),
                          404);
        const Reply list = m_operator->get(kCustomers + QStringLiteral("?active=true"));
        FV_VERIFY_STATUS(list, 200);
        QStringList codes;
        for (const QJsonValue &c : list.json().value(QStringLiteral("items")).toArray())
            codes << c.toObject().value(QStringLiteral("customer_code")).toString();
        QVERIFY(codes.contains(QStringLiteral("METRO")));
        FV_VERIFY_PROBLEM(m_operator->get(kCustomers + QStringLiteral("?active=yes")), 400);
    }

    void shipmentsNameAKnownActiveCustomer()
    {
        FV_VERIFY_PROBLEM(m_operator->post(kShipments, shipmentBody(QStringLiteral("DN-1"),
                                                                    QStringLiteral("NOBODY"))),
                          422);
        QJsonObject wrongPlace = shipmentBody(QStringLiteral("DN-1"));
        wrongPlace.insert(QStringLiteral("ship_to_code"), QStringLiteral("ELSEWHERE"));
        const Reply place = m_operator->post(kShipments, wrongPlace);
        FV_VERIFY_PROBLEM(place, 422);
        QVERIFY(hasFieldError(place, QStringLiteral("ship_to_code"),
                              QStringLiteral("ship_to.unknown")));
        QJsonObject ok = shipmentBody(QStringLiteral("dn-1"));
        ok.insert(QStringLiteral("ship_to_code"), QStringLiteral("BICSKE-DC"));
        const Reply created = m_operator->post(kShipments, ok);
        FV_VERIFY_STATUS(created, 201);
        const QJsonObject s = created.json();
        QCOMPARE(s.value(QStringLiteral("reference")).toString(), QStringLiteral("DN-1"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("OPEN"));
        QCOMPARE(s.value(QStringLiteral("ship_to_code")).toString(), QStringLiteral("BICSKE-DC"));
        QCOMPARE(s.value(QStringLiteral("ship_date")).toString(), QStringLiteral("2026-12-07"));
        FV_VERIFY_PROBLEM(m_operator->post(kShipments, ok), 409);

        FV_VERIFY_STATUS(
            m_manager->send("PATCH", kCustomers + QStringLiteral("/METRO"), R"({"active":false})"),
            200);
        const Reply inactive = m_operator->post(
            kShipments, shipmentBody(QStringLiteral("DN-M"), QStringLiteral("METRO")));
        FV_VERIFY_PROBLEM(inactive, 422);
        QVERIFY(hasFieldError(inactive, QStringLiteral("customer_code"),
                              QStringLiteral("customer.inactive")));
    }

    // The whole path of an FG lot: made from a frozen lot whose CCP decision someone recorded,
    // reviewed by a second person, shipped in parts, never over its weight.
    void aLotShipsOnlyReleasedReviewedAndWithinItsWeight()
    {
        makeFgLot(QStringLiteral("FRZ-1"), QStringLiteral("FG-1"), m_operator.get());
        const QString review = kLots + QStringLiteral("/FG-1/ccp-review");

        FV_VERIFY_STATUS(m_operator->post(kShipments, shipmentBody(QStringLiteral("S-1"))), 201);
        FV_VERIFY_STATUS(m_operator->post(kShipments, shipmentBody(QStringLiteral("S-2"))), 201);
        FV_VERIFY_STATUS(m_operator->post(kShipments, shipmentBody(QStringLiteral("S-3"))), 201);
        const QString lines1 = kShipments + QStringLiteral("/S-1/lines");
        const QString lines2 = kShipments + QStringLiteral("/S-2/lines");
        const QString lines3 = kShipments + QStringLiteral("/S-3/lines");

        // Not reviewed yet.
        const Reply unreviewed =
            m_operator->post(lines1, lineBody(QStringLiteral("FG-1"), QStringLiteral("12")));
        FV_VERIFY_PROBLEM(unreviewed, 409);
        QVERIFY2(unreviewed.json()
                     .value(QStringLiteral("type"))
                     .toString()
                     .endsWith(QStringLiteral("ccp-review-missing")),
                 qPrintable(describe(unreviewed)));

        // What the reviewer sees: the frozen parent's CCP decision, recorded by the operator.
        const Reply seen = m_manager->get(review);
        FV_VERIFY_STATUS(seen, 200);
        const QJsonObject state = seen.json();
        QCOMPARE(state.value(QStringLiteral("record_count")).toInt(), 1);
        QCOMPARE(state.value(QStringLiteral("reviewed")).toBool(), false);
        const QJsonObject record =
            state.value(QStringLiteral("records")).toArray().first().toObject();
        QCOMPARE(record.value(QStringLiteral("lot_code")).toString(), QStringLiteral("FRZ-1"));
        QCOMPARE(record.value(QStringLiteral("gate_number")).toInt(), 7);
        QCOMPARE(record.value(QStringLiteral("recorded_by")).toString(),
                 QStringLiteral("operator"));
        const QString digest = state.value(QStringLiteral("records_digest")).toString();
        QCOMPARE(digest.size(), 64);

        // Operators do not sign reviews; a wrong digest or password records nothing.
        QJsonObject body{
            {QStringLiteral("records_digest"), digest},
            {QStringLiteral("notes"), QStringLiteral("Freezer chart checked")},
            {QStringLiteral("signature"), passwordSignature(QStringLiteral("manager"))}};
        FV_VERIFY_PROBLEM(m_operator->post(review, body), 403);
        QJsonObject wrongDigest = body;
        wrongDigest.insert(QStringLiteral("records_digest"), QString(64, u'0'));
        FV_VERIFY_PROBLEM(m_manager->post(review, wrongDigest), 409);
        QJsonObject badPassword = body;
        QJsonObject sig = passwordSignature(QStringLiteral("manager"));
        sig.insert(QStringLiteral("password"), QStringLiteral("not-the-password"));
        badPassword.insert(QStringLiteral("signature"), sig);
        FV_VERIFY_PROBLEM(m_manager->post(review, badPassword), 422);
        QJsonObject unsigned_ = body;
        unsigned_.remove(QStringLiteral("signature"));
        FV_VERIFY_PROBLEM(m_manager->post(review, unsigned_), 422);
        QCOMPARE(rowCount(*m_server, QStringLiteral("ccp_reviews")), 0);

        const Reply reviewed = m_manager->post(review, body);
        FV_VERIFY_STATUS(reviewed, 201);
        QCOMPARE(reviewed.json().value(QStringLiteral("reviewer")).toString(),
                 QStringLiteral("manager"));
        QCOMPARE(reviewed.json().value(QStringLiteral("current")).toBool(), true);
        QVERIFY(reviewed.json()
                    .value(QStringLiteral("signature"))
                    .toString()
                    .contains(QStringLiteral("CCP records reviewed before shipping")));
        QCOMPARE(m_manager->get(review).json().value(QStringLiteral("reviewed")).toBool(), true);

        // 20 kg made: 12 + 8 ship, a cent more does not; a cancelled shipment frees its kg.
        FV_VERIFY_STATUS(
            m_operator->post(lines1, lineBody(QStringLiteral("fg-1"), QStringLiteral("12"))), 201);
        FV_VERIFY_PROBLEM(
            m_operator->post(lines1, lineBody(QStringLiteral("FG-1"), QStringLiteral("1"))), 409);
        FV_VERIFY_STATUS(
            m_operator->post(lines2, lineBody(QStringLiteral("FG-1"), QStringLiteral("8"))), 201);
        const Reply over =
            m_operator->post(lines3, lineBody(QStringLiteral("FG-1"), QStringLiteral("0.01")));
        FV_VERIFY_PROBLEM(over, 409);
        QVERIFY2(over.problemDetail().contains(QStringLiteral("20")), qPrintable(describe(over)));
        const Reply cancelled =
            m_operator->post(kShipments + QStringLiteral("/S-2/cancel"), QJsonObject{});
        FV_VERIFY_STATUS(cancelled, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("CANCELLED"));
        FV_VERIFY_STATUS(
            m_operator->post(lines3, lineBody(QStringLiteral("FG-1"), QStringLiteral("8"))), 201);
        FV_VERIFY_PROBLEM(
            m_operator->post(lines2, lineBody(QStringLiteral("FG-1"), QStringLiteral("1"))), 409);

        // Only FG lots ship; an unknown lot is named.
        const Reply frz =
            m_operator->post(lines1, lineBody(QStringLiteral("FRZ-1"), QStringLiteral("1")));
        FV_VERIFY_PROBLEM(frz, 422);
        QVERIFY(hasFieldError(frz, QStringLiteral("lot_code"), QStringLiteral("lot.not_fg")));
        FV_VERIFY_PROBLEM(
            m_operator->post(lines1, lineBody(QStringLiteral("NO-SUCH"), QStringLiteral("1"))),
            422);

        // Put on HOLD after it went on the shipment: the dispatch stops; released again, it goes.
        FV_VERIFY_STATUS(
            m_operator->post(kDecisions,
                             decisionBody(QStringLiteral("FG-1"), QStringLiteral("HOLD"), 8,
                                          QStringLiteral("Label misprint, checking"))),
            201);
        const Reply held =
            m_operator->post(kShipments + QStringLiteral("/S-1/dispatch"), QJsonObject{});
        FV_VERIFY_PROBLEM(held, 409);
        QVERIFY2(held.problemDetail().contains(QStringLiteral("HOLD")), qPrintable(describe(held)));
        // Monitoring sees it (the alert HoldLotOnOpenShipment), and a refused dispatch is none.
        QCOMPARE(metric("flowviz_open_shipment_hold_lots"), 1.0);
        QCOMPARE(metric("flowviz_shipments_dispatched_total"), 0.0);
        FV_VERIFY_STATUS(m_operator->post(kDecisions, decisionBody(QStringLiteral("FG-1"),
                                                                   QStringLiteral("PASS"), 8)),
                         201);
        const Reply dispatched =
            m_operator->post(kShipments + QStringLiteral("/S-1/dispatch"), QJsonObject{});
        FV_VERIFY_STATUS(dispatched, 200);
        const QJsonObject shipped = dispatched.json();
        QCOMPARE(shipped.value(QStringLiteral("status")).toString(), QStringLiteral("DISPATCHED"));
        QVERIFY(!shipped.value(QStringLiteral("dispatched_at")).isNull());
        QCOMPARE(shipped.value(QStringLiteral("total_kg")).toDouble(), 12.0);
        QCOMPARE(shipped.value(QStringLiteral("lines")).toArray().size(), 1);
        QCOMPARE(metric("flowviz_shipments_dispatched_total"), 1.0);
        QCOMPARE(metric("flowviz_open_shipment_hold_lots"), 0.0);

        // A dispatched shipment's lines stay as they went.
        FV_VERIFY_PROBLEM(m_operator->send("DELETE", lines1 + QStringLiteral("/FG-1"), {}), 409);
        FV_VERIFY_PROBLEM(
            m_operator->post(kShipments + QStringLiteral("/S-1/dispatch"), QJsonObject{}), 409);

        // A CCP record added after the review makes it stale.
        FV_VERIFY_STATUS(m_operator->post(kDecisions, ccpPass(QStringLiteral("FRZ-1"))), 201);
        QCOMPARE(m_manager->get(review).json().value(QStringLiteral("reviewed")).toBool(), false);
        FV_VERIFY_STATUS(m_operator->send("DELETE", lines3 + QStringLiteral("/FG-1"), {}), 204);
        const Reply stale =
            m_operator->post(lines3, lineBody(QStringLiteral("FG-1"), QStringLiteral("1")));
        FV_VERIFY_PROBLEM(stale, 409);
        QVERIFY2(stale.problemDetail().contains(QStringLiteral("after its last review")),
                 qPrintable(describe(stale)));

        // Listing: by status and customer.
        const Reply open = m_operator->get(kShipments + QStringLiteral("?status=DISPATCHED"));
        FV_VERIFY_STATUS(open, 200);
        const QJsonArray items = open.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value(QStringLiteral("line_count")).toInt(), 1);
        FV_VERIFY_PROBLEM(m_operator->get(kShipments + QStringLiteral("?status=open")), 400);
    }

    // Someone who recorded a CCP record of the lot does not review it (9 CFR 417.5(c)).
    void theReviewerIsASecondPerson()
    {
        makeFgLot(QStringLiteral("FRZ-2"), QStringLiteral("FG-2"), m_admin.get());
        const QString review = kLots + QStringLiteral("/FG-2/ccp-review");
        const QString digest =
            m_admin->get(review).json().value(QStringLiteral("records_digest")).toString();
        const QJsonObject byAdmin{
            {QStringLiteral("records_digest"), digest},
            {QStringLiteral("signature"), passwordSignature(QStringLiteral("admin"))}};
        const Reply self = m_admin->post(review, byAdmin);
        FV_VERIFY_PROBLEM(self, 409);
        QVERIFY(self.json()
                    .value(QStringLiteral("type"))
                    .toString()
                    .endsWith(QStringLiteral("ccp-review-same-person")));
        // Nor signs it for someone else.
        const QJsonObject signedByAdmin{
            {QStringLiteral("records_digest"), digest},
            {QStringLiteral("signature"), passwordSignature(QStringLiteral("admin"))}};
        FV_VERIFY_PROBLEM(m_manager->post(review, signedByAdmin), 409);
        QJsonObject byManager = byAdmin;
        byManager.insert(QStringLiteral("signature"), passwordSignature(QStringLiteral("manager")));
        FV_VERIFY_STATUS(m_manager->post(review, byManager), 201);
        // A lot without any CCP record has nothing to review and cannot ship.
        FV_VERIFY_STATUS(
            m_operator->post(kLots, lotBody(QStringLiteral("FG-BARE"), QStringLiteral("FG"),
                                            QStringLiteral("5"))),
            201);
        const QString bare = kLots + QStringLiteral("/FG-BARE/ccp-review");
        const Reply none = m_manager->post(
            bare, QJsonObject{
                      {QStringLiteral("records_digest"),
                       m_manager->get(bare).json().value(QStringLiteral("records_digest"))},
                      {QStringLiteral("signature"), passwordSignature(QStringLiteral("manager"))}});
        FV_VERIFY_PROBLEM(none, 409);
        FV_VERIFY_PROBLEM(m_manager->get(kLots + QStringLiteral("/NO-SUCH/ccp-review")), 404);
    }

    // A review signed on the workstation with the reviewer's own key: the server checks the
    // signature against the same canonical record; one changed member and it is refused.
    void aReviewSignedOnTheWorkstationVerifies()
    {
        makeFgLot(QStringLiteral("FRZ-3"), QStringLiteral("FG-3"), m_operator.get());
        const QString review = kLots + QStringLiteral("/FG-3/ccp-review");
        const QJsonObject state = m_manager->get(review).json();
        HttpClient c(m_server->baseUrl());
        const Reply login =
            c.post(QStringLiteral("/api/v1/auth/login"),
                   QJsonObject{{QStringLiteral("username"), QStringLiteral("manager")},
                               {QStringLiteral("password"),
                                TestServer::passwordOf(QStringLiteral("manager"))}});
        FV_VERIFY_STATUS(login, 200);
        const auto key = flowviz::signing::SealedKey::fromJson(
            login.json().value(QStringLiteral("signing_key")).toObject());
        QVERIFY(key);
        auto seed =
            flowviz::signing::unseal(*key, TestServer::passwordOf(QStringLiteral("manager")));
        QVERIFY(seed);

        flowviz::signing::ReviewRecord rec;
        rec.id = QUuid::createUuid();
        rec.lotCode = QStringLiteral("FG-3");
        rec.recordCount = state.value(QStringLiteral("record_count")).toInt();
        rec.recordsDigest = QByteArray::fromHex(
            state.value(QStringLiteral("records_digest")).toString().toLatin1());
        rec.notes = QStringLiteral("Freezer log and probe calibration checked");
        rec.signer = QStringLiteral("manager");
        rec.keyId = key->keyId;
        rec.meaning = QStringLiteral("Reviewed before shipping");
        rec.signedAt = QDateTime::currentDateTimeUtc();
        const QByteArray value =
            flowviz::signing::sign(flowviz::signing::canonicalReview(rec), *seed);
        flowviz::signing::wipe(*seed);
        QJsonObject body{
            {QStringLiteral("id"), rec.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("records_digest"), state.value(QStringLiteral("records_digest"))},
            {QStringLiteral("notes"), rec.notes},
            {QStringLiteral("signature"),
             QJsonObject{
                 {QStringLiteral("signer"), rec.signer},
                 {QStringLiteral("key_id"), rec.keyId.toString(QUuid::WithoutBraces)},
                 {QStringLiteral("meaning"), rec.meaning},
                 {QStringLiteral("signed_at"), flowviz::signing::canonicalTime(rec.signedAt)},
                 {QStringLiteral("value"), QString::fromLatin1(value.toBase64())}}}};
        QJsonObject altered = body;
        altered.insert(QStringLiteral("notes"), QStringLiteral("Nothing checked"));
        const Reply refused = m_manager->post(review, altered);
        FV_VERIFY_PROBLEM(refused, 422);
        QVERIFY(hasFieldError(refused, QStringLiteral("signature"),
                              QStringLiteral("signature.invalid")));
        const Reply ok = m_manager->post(review, body);
        FV_VERIFY_STATUS(ok, 201);
        QCOMPARE(ok.json().value(QStringLiteral("id")).toString(),
                 rec.id.toString(QUuid::WithoutBraces));
        // The same signature again is not a second review.
        body.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        FV_VERIFY_PROBLEM(m_manager->post(review, body), 422);
    }

    // The database keeps the rules for any writer, and audits every change.
    void theDatabaseKeepsTheRules()
    {
        QVERIFY(trySql(*m_server, QStringLiteral("UPDATE ccp_reviews SET notes = 'x'"))
                    .startsWith(QStringLiteral("42501")));
        // Over the weight through SQL: refused by the trigger.
        const QString over = trySql(
            *m_server,
            QStringLiteral("INSERT INTO shipment_lines (shipment_id, lot_id, quantity_kg) SELECT "
                           "s.id, l.id, 19.99 FROM shipments s, lots l WHERE s.reference = 'S-3' "
                           "AND l.lot_code = 'FG-1'"));
        QVERIFY2(over.startsWith(QStringLiteral("23514")), qPrintable(over));
        // A dispatched shipment's lines do not change.
        const QString dispatched = trySql(
            *m_server, QStringLiteral("DELETE FROM shipment_lines WHERE shipment_id = (SELECT id "
                                      "FROM shipments WHERE reference = 'S-1')"));
        QVERIFY2(dispatched.startsWith(QStringLiteral("23514")), qPrintable(dispatched));
        QCOMPARE(
            m_server->db().scalar(QStringLiteral(
                "SELECT string_agg(DISTINCT entity, ' ' ORDER BY entity) FROM audit_log "
                "WHERE entity IN ('customers', 'ship_to_locations', 'ccp_reviews', "
                "'shipments', 'shipment_lines')")),
            QStringLiteral("ccp_reviews customers ship_to_locations shipment_lines shipments"));
        // Who dispatched S-1 is on record.
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT u.username FROM shipments s JOIN users u ON u.id = s.dispatched_by "
                     "WHERE s.reference = 'S-1'")),
                 QStringLiteral("operator"));
    }

private:
    // The value of an unlabelled series on /metrics; -1 when it is not there.
    double metric(const char *name)
    {
        const Reply r = m_operator->get(QStringLiteral("/metrics"));
        for (const QByteArray &line : r.body.split('\n')) {
            if (line.startsWith(QByteArray(name) + ' '))
                return line.mid(qstrlen(name) + 1).toDouble();
        }
        return -1;
    }

    // A 20 kg FRZ lot whose CCP decision (gate 7) `recorder` records, and a 20 kg FG lot made
    // from it, released at gate 8 by the operator.
    void makeFgLot(const QString &frz, const QString &fg, HttpClient *recorder)
    {
        FV_VERIFY_STATUS(
            m_operator->post(kLots, lotBody(frz, QStringLiteral("FRZ"), QStringLiteral("20"),
                                            QStringLiteral("-20"))),
            201);
        FV_VERIFY_STATUS(recorder->post(kDecisions, ccpPass(frz)), 201);
        FV_VERIFY_STATUS(
            m_operator->post(kLots,
                             lotBody(fg, QStringLiteral("FG"), QStringLiteral("20"), QString(),
                                     QJsonArray{parentRef(frz, QStringLiteral("20"))})),
            201);
        FV_VERIFY_STATUS(m_operator->post(kDecisions, decisionBody(fg, QStringLiteral("PASS"), 8)),
                         201);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_manager;
    std::unique_ptr<HttpClient> m_admin;
};

QTEST_GUILESS_MAIN(TestDispatchApi)
#include "tst_dispatchapi.moc"
