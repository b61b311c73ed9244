// Receiving against a real flowviz-server: suppliers (/api/v1/suppliers) and the receipt a RAW
// lot is registered with (the supplier, the supplier's lot code as printed, GTIN, delivery
// note, days, units): stored with the lot in one statement or not at all, answered in the
// lot's record, found again from the supplier's lot code, audited.

#include "tests/backend/apitestutil.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace flowviz::test;

namespace {

const QString kLots = QStringLiteral("/api/v1/lots");
const QString kSuppliers = QStringLiteral("/api/v1/suppliers");

QJsonObject supplierBody(const QString &code, const QString &name)
{
    return {{QStringLiteral("supplier_code"), code}, {QStringLiteral("name"), name}};
}

// A receipt with every member a GS1-128 label can give.
QJsonObject fullReceipt(const QString &supplier, const QString &supplierLot)
{
    return {{QStringLiteral("supplier_code"), supplier},
            {QStringLiteral("supplier_lot_code"), supplierLot},
            {QStringLiteral("gtin"), QStringLiteral("09501101530003")},
            {QStringLiteral("delivery_note"), QStringLiteral("DN 2026/4471")},
            {QStringLiteral("received_on"), QStringLiteral("2026-11-30")},
            {QStringLiteral("expires_on"), QStringLiteral("2027-01-15")},
            {QStringLiteral("units"), 24}};
}

QJsonObject receiptOnly(const QString &supplier, const QString &supplierLot,
                        const QString &receivedOn = QStringLiteral("2026-11-30"))
{
    return {{QStringLiteral("supplier_code"), supplier},
            {QStringLiteral("supplier_lot_code"), supplierLot},
            {QStringLiteral("received_on"), receivedOn}};
}

QJsonObject rawLot(const QString &code, const QJsonObject &receipt)
{
    QJsonObject body =
        lotBody(code, QStringLiteral("RAW"), QStringLiteral("500"), QStringLiteral("3"));
    body.insert(QStringLiteral("receipt"), receipt);
    return body;
}

QStringList codesOf(const QJsonArray &items, const char *member)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << v.toObject().value(QLatin1String(member)).toString();
    return out;
}

} // namespace

class TestReceivingApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_receivingapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_manager = clientFor(*m_server, QStringLiteral("manager"));
        m_auditor = clientFor(*m_server, QStringLiteral("auditor"));
        QVERIFY(m_operator && m_manager && m_auditor);
        const Reply r = m_manager->post(
            kSuppliers, supplierBody(QStringLiteral("ACME"), QStringLiteral("Acme Meat Kft.")));
        FV_VERIFY_STATUS(r, 201);
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_manager.reset();
        m_auditor.reset();
        m_server.reset();
    }

    // Managers and admins keep the supplier list; everyone reads it; codes follow the lot
    // code alphabet (lower-case letters upper-cased, nothing else changed).
    void suppliersAreKeptByManagers()
    {
        QJsonObject body =
            supplierBody(QStringLiteral("nordfarm-01"), QStringLiteral("Nordfarm Zrt."));
        body.insert(QStringLiteral("address"), QStringLiteral("Fő utca 1.\n6000 Kecskemét"));
        body.insert(QStringLiteral("contact"), QStringLiteral("+36 76 555 0101"));
        FV_VERIFY_PROBLEM(m_operator->post(kSuppliers, body), 403);
        const Reply created = m_manager->post(kSuppliers, body);
        FV_VERIFY_STATUS(created, 201);
        QCOMPARE(created.header("location"), QByteArray("/api/v1/suppliers/NORDFARM-01"));
        const QJsonObject s = created.json();
        QCOMPARE(s.value(QStringLiteral("supplier_code")).toString(),
                 QStringLiteral("NORDFARM-01"));
        QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("Nordfarm Zrt."));
        QCOMPARE(s.value(QStringLiteral("address")).toString(),
                 QStringLiteral("Fő utca 1.\n6000 Kecskemét"));
        QCOMPARE(s.value(QStringLiteral("active")).toBool(), true);

        const Reply again = m_manager->post(
            kSuppliers, supplierBody(QStringLiteral("NORDFARM-01"), QStringLiteral("Other")));
        FV_VERIFY_PROBLEM(again, 409);
        QVERIFY2(again.problemDetail().contains(QStringLiteral("NORDFARM-01")),
                 qPrintable(describe(again)));

        const Reply list = m_operator->get(kSuppliers);
        FV_VERIFY_STATUS(list, 200);
        QVERIFY(codesOf(list.json().value(QStringLiteral("items")).toArray(), "supplier_code")
                    .contains(QStringLiteral("NORDFARM-01")));
    }

    // PATCH changes only what is sent; null clears an address or contact; an inactive supplier
    // drops out of ?active=true.
    void supplierChangesKeepWhatIsNotSent()
    {
        FV_VERIFY_STATUS(
            m_manager->post(
                kSuppliers,
                QJsonObject{{QStringLiteral("supplier_code"), QStringLiteral("PATCHME")},
                            {QStringLiteral("name"), QStringLiteral("Patch Kft.")},
                            {QStringLiteral("contact"), QStringLiteral("Anna")}}),
            201);
        const QString path = kSuppliers + QStringLiteral("/PATCHME");
        auto patch = [&](HttpClient &c, const QJsonObject &body) {
            return c.send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
        };
        FV_VERIFY_PROBLEM(patch(*m_operator, {{QStringLiteral("active"), false}}), 403);
        const Reply renamed =
            patch(*m_manager, {{QStringLiteral("name"), QStringLiteral("Patch Zrt.")},
                               {QStringLiteral("address"), QStringLiteral("Szeged")}});
        FV_VERIFY_STATUS(renamed, 200);
        QCOMPARE(renamed.json().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Patch Zrt."));
        QCOMPARE(renamed.json().value(QStringLiteral("contact")).toString(),
                 QStringLiteral("Anna"));
        QCOMPARE(renamed.json().value(QStringLiteral("address")).toString(),
                 QStringLiteral("Szeged"));

        const Reply cleared = patch(*m_manager, {{QStringLiteral("contact"), QJsonValue()},
                                                 {QStringLiteral("active"), false}});
        FV_VERIFY_STATUS(cleared, 200);
        QVERIFY(cleared.json().value(QStringLiteral("contact")).isNull());
        QCOMPARE(cleared.json().value(QStringLiteral("address")).toString(),
                 QStringLiteral("Szeged"));
        QCOMPARE(cleared.json().value(QStringLiteral("active")).toBool(), false);

        const Reply active = m_operator->get(kSuppliers + QStringLiteral("?active=true"));
        FV_VERIFY_STATUS(active, 200);
        QVERIFY(!codesOf(active.json().value(QStringLiteral("items")).toArray(), "supplier_code")
                     .contains(QStringLiteral("PATCHME")));
        const Reply inactive = m_operator->get(kSuppliers + QStringLiteral("?active=false"));
        QCOMPARE(codesOf(inactive.json().value(QStringLiteral("items")).toArray(), "supplier_code"),
                 QStringList{QStringLiteral("PATCHME")});

        const Reply empty = patch(*m_manager, {});
        FV_VERIFY_PROBLEM(empty, 422);
        QVERIFY(hasFieldError(empty, QString(), QStringLiteral("body.empty")) ||
                empty.json()
                        .value(QStringLiteral("errors"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("code")) == QStringLiteral("body.empty"));
        FV_VERIFY_PROBLEM(m_manager->send("PATCH", kSuppliers + QStringLiteral("/NO-SUCH"),
                                          R"({"active":false})"),
                          404);
        FV_VERIFY_PROBLEM(m_operator->get(kSuppliers + QStringLiteral("?active=yes")), 400);
    }

    // Hostile or wrong supplier bodies are refused whole, with the field named; nothing stored.
    void badSupplierBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("space in code")
            << QByteArray(R"({"supplier_code":"ACME CORP","name":"A"})") << "supplier_code"
            << "supplier_code.invalid_character";
        QTest::newRow("non-ASCII code")
            << QByteArray(R"({"supplier_code":"STRAßE","name":"A"})") << "supplier_code"
            << "supplier_code.invalid_character";
        QTest::newRow("long code")
            << QByteArray(R"({"supplier_code":")" + QByteArray(41, 'A') + R"(","name":"A"})")
            << "supplier_code"
            << "supplier_code.too_long";
        QTest::newRow("blank name")
            << QByteArray(R"({"supplier_code":"S1","name":"   "})") << "name"
            << "text.blank";
        QTest::newRow("tab in name")
            << QByteArray(R"({"supplier_code":"S1","name":"A\tB"})") << "name"
            << "text.control_character";
        QTest::newRow("NUL in address")
            << QByteArray(R"({"supplier_code":"S1","name":"A","address":"x\u0000y"})") << "address"
            << "text.nul";
        QTest::newRow("unknown member")
            << QByteArray(R"({"supplier_code":"S1","name":"A","vat":"HU1"})") << "vat"
            << "field.unknown";
        QTest::newRow("missing name") << QByteArray(R"({"supplier_code":"S1"})") << "name"
                                      << "field.required";
    }
    void badSupplierBodiesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const int before = rowCount(*m_server, QStringLiteral("suppliers"));
        const Reply r = m_manager->send("POST", kSuppliers, body);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("suppliers")), before);
    }

    // A RAW lot registered with its receipt answers it, with the supplier's name, and so does
    // every later read; the supplier's lot code is kept exactly as printed.
    void rawLotCarriesItsReceipt()
    {
        const Reply r = m_operator->post(
            kLots, rawLot(QStringLiteral("RCV-RAW-1"),
                          fullReceipt(QStringLiteral("acme"), QStringLiteral("L2611/b-07"))));
        FV_VERIFY_STATUS(r, 201);
        const QJsonObject expected{
            {QStringLiteral("supplier_code"), QStringLiteral("ACME")},
            {QStringLiteral("supplier_name"), QStringLiteral("Acme Meat Kft.")},
            {QStringLiteral("supplier_lot_code"), QStringLiteral("L2611/b-07")},
            {QStringLiteral("gtin"), QStringLiteral("09501101530003")},
            {QStringLiteral("delivery_note"), QStringLiteral("DN 2026/4471")},
            {QStringLiteral("received_on"), QStringLiteral("2026-11-30")},
            {QStringLiteral("expires_on"), QStringLiteral("2027-01-15")},
            {QStringLiteral("units"), 24}};
        QCOMPARE(r.json().value(QStringLiteral("receipt")).toObject(), expected);

        const Reply got = m_operator->get(kLots + QStringLiteral("/RCV-RAW-1"));
        FV_VERIFY_STATUS(got, 200);
        QCOMPARE(got.json().value(QStringLiteral("receipt")).toObject(), expected);

        // Only the required members: the others answer null.
        const Reply minimal = m_operator->post(
            kLots, rawLot(QStringLiteral("RCV-RAW-2"),
                          receiptOnly(QStringLiteral("ACME"), QStringLiteral("X"))));
        FV_VERIFY_STATUS(minimal, 201);
        const QJsonObject receipt = minimal.json().value(QStringLiteral("receipt")).toObject();
        QCOMPARE(receipt.value(QStringLiteral("supplier_lot_code")).toString(),
                 QStringLiteral("X"));
        QVERIFY(receipt.value(QStringLiteral("gtin")).isNull());
        QVERIFY(receipt.value(QStringLiteral("units")).isNull());

        // A lot without one answers null, not an empty object.
        FV_VERIFY_STATUS(
            m_operator->post(kLots, lotBody(QStringLiteral("RCV-RAW-NONE"), QStringLiteral("RAW"),
                                            QStringLiteral("10"), QStringLiteral("2"))),
            201);
        const Reply none = m_operator->get(kLots + QStringLiteral("/RCV-RAW-NONE"));
        FV_VERIFY_STATUS(none, 200);
        QVERIFY(none.json().contains(QStringLiteral("receipt")));
        QVERIFY(none.json().value(QStringLiteral("receipt")).isNull());
    }

    // Each refusal names its field; neither the lot nor a receipt is stored.
    void badReceiptsAreRefused_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("receipt");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QString acme = QStringLiteral("ACME");
        auto with = [&](const char *name, const QJsonValue &v) {
            QJsonObject r = receiptOnly(acme, QStringLiteral("L1"));
            r.insert(QLatin1String(name), v);
            return r;
        };
        QTest::newRow("not RAW") << "DEB" << receiptOnly(acme, QStringLiteral("L1")) << "receipt"
                                 << "receipt.not_raw";
        QTest::newRow("unknown supplier")
            << "RAW" << receiptOnly(QStringLiteral("NOBODY"), QStringLiteral("L1"))
            << "receipt.supplier_code"
            << "supplier.unknown";
        QTest::newRow("inactive supplier")
            << "RAW" << receiptOnly(QStringLiteral("PATCHME"), QStringLiteral("L1"))
            << "receipt.supplier_code"
            << "supplier.inactive";
        QTest::newRow("GTIN check digit")
            << "RAW" << with("gtin", QStringLiteral("09501101530004")) << "receipt.gtin"
            << "gtin.check_digit";
        QTest::newRow("GTIN-13 unpadded")
            << "RAW" << with("gtin", QStringLiteral("5901234123457")) << "receipt.gtin"
            << "gtin.format";
        QTest::newRow("GTIN as number") << "RAW" << with("gtin", 9501101530003.0) << "receipt.gtin"
                                        << "field.type";
        QTest::newRow("future day")
            << "RAW"
            << receiptOnly(acme, QStringLiteral("L1"),
                           QDate::currentDate().addDays(3).toString(Qt::ISODate))
            << "receipt.received_on"
            << "received_on.future";
        QTest::newRow("no such day")
            << "RAW" << receiptOnly(acme, QStringLiteral("L1"), QStringLiteral("2026-02-30"))
            << "receipt.received_on"
            << "field.type";
        QTest::newRow("day as typed")
            << "RAW" << receiptOnly(acme, QStringLiteral("L1"), QStringLiteral("30.11.2026"))
            << "receipt.received_on"
            << "field.type";
        QTest::newRow("no day") << "RAW"
                                << QJsonObject{{QStringLiteral("supplier_code"), acme},
                                               {QStringLiteral("supplier_lot_code"),
                                                QStringLiteral("L1")}}
                                << "receipt.received_on"
                                << "field.required";
        QTest::newRow("space at end")
            << "RAW" << receiptOnly(acme, QStringLiteral("L1 ")) << "receipt.supplier_lot_code"
            << "supplier_lot_code.space";
        QTest::newRow("non-ASCII lot")
            << "RAW" << receiptOnly(acme, QStringLiteral("LÖT-1")) << "receipt.supplier_lot_code"
            << "supplier_lot_code.invalid_character";
        QTest::newRow("GS in lot") << "RAW"
                                   << receiptOnly(acme, QStringLiteral("L1\x1d"
                                                                       "17"))
                                   << "receipt.supplier_lot_code"
                                   << "supplier_lot_code.invalid_character";
        QTest::newRow("NUL in lot")
            << "RAW" << receiptOnly(acme, QStringLiteral("L1") + QChar(0) + QStringLiteral("X"))
            << "receipt.supplier_lot_code"
            << "text.nul";
        QTest::newRow("expired on arrival")
            << "RAW" << with("expires_on", QStringLiteral("2026-11-29")) << "receipt.expires_on"
            << "expires_on.before_received";
        QTest::newRow("units 0") << "RAW" << with("units", 0) << "receipt.units"
                                 << "units.range";
        QTest::newRow("units 2.5") << "RAW" << with("units", 2.5) << "receipt.units"
                                   << "field.type";
        QTest::newRow("unknown member")
            << "RAW" << with("batch", QStringLiteral("x")) << "receipt.batch"
            << "field.unknown";
        QTest::newRow("note with newline")
            << "RAW" << with("delivery_note", QStringLiteral("a\nb")) << "receipt.delivery_note"
            << "text.control_character";
    }
    void badReceiptsAreRefused()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, receipt);
        QFETCH(QString, field);
        QFETCH(QString, code);
        const int lots = rowCount(*m_server, QStringLiteral("lots"));
        const int receipts = rowCount(*m_server, QStringLiteral("lot_receipts"));
        QJsonObject body =
            lotBody(QStringLiteral("RCV-BAD"), type, QStringLiteral("100"), QStringLiteral("3"));
        body.insert(QStringLiteral("receipt"), receipt);
        const Reply r = m_operator->post(kLots, body);
        FV_VERIFY_PROBLEM(r, 422);
        QVERIFY2(hasFieldError(r, field, code), qPrintable(describe(r)));
        QCOMPARE(rowCount(*m_server, QStringLiteral("lots")), lots);
        QCOMPARE(rowCount(*m_server, QStringLiteral("lot_receipts")), receipts);
    }

    // A code already taken answers 409 and its receipt lands nowhere: not on the lot that
    // holds the code, which was registered without one.
    void takenCodeGetsNoReceipt()
    {
        FV_VERIFY_STATUS(
            m_operator->post(kLots, lotBody(QStringLiteral("RCV-TAKEN"), QStringLiteral("RAW"),
                                            QStringLiteral("10"), QStringLiteral("2"))),
            201);
        const Reply r = m_operator->post(
            kLots, rawLot(QStringLiteral("RCV-TAKEN"),
                          receiptOnly(QStringLiteral("ACME"), QStringLiteral("TAKEN-1"))));
        FV_VERIFY_PROBLEM(r, 409);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM lot_receipts r JOIN lots l ON l.id = r.lot_id "
                     "WHERE l.lot_code = 'RCV-TAKEN' OR r.supplier_lot_code = 'TAKEN-1'")),
                 QStringLiteral("0"));
        // The database keeps the RAW-only rule for any other writer too.
        FV_VERIFY_STATUS(
            m_operator->post(
                kLots, lotBody(QStringLiteral("RCV-DEB"), QStringLiteral("DEB"),
                               QStringLiteral("8"), QStringLiteral("2"),
                               {parentRef(QStringLiteral("RCV-TAKEN"), QStringLiteral("9"))})),
            201);
        const QString refused = trySql(
            *m_server, QStringLiteral("INSERT INTO lot_receipts (lot_id, supplier_id, "
                                      "supplier_lot_code, received_on) SELECT l.id, s.id, 'Z', "
                                      "current_date FROM lots l, suppliers s WHERE l.lot_code = "
                                      "'RCV-DEB' AND s.supplier_code = 'ACME'"));
        QVERIFY2(refused.startsWith(QStringLiteral("23514")), qPrintable(refused));
    }

    // The first question of a recall: which of our lots came from the supplier's lot L?
    void receiptsAreFoundBySupplierLot()
    {
        FV_VERIFY_STATUS(m_manager->post(kSuppliers, supplierBody(QStringLiteral("FINDER"),
                                                                  QStringLiteral("Finder Bt."))),
                         201);
        const struct
        {
            const char *lot, *supplierLot, *day;
        } received[] = {{"RCV-F-1", "SL-A", "2026-11-01"},
                        {"RCV-F-2", "SL-B", "2026-11-02"},
                        {"RCV-F-3", "SL-A", "2026-11-03"},
                        {"RCV-F-4", "sl-a", "2026-11-04"}};
        for (const auto &l : received)
            FV_VERIFY_STATUS(
                m_operator->post(
                    kLots, rawLot(QLatin1String(l.lot),
                                  receiptOnly(QStringLiteral("FINDER"),
                                              QLatin1String(l.supplierLot), QLatin1String(l.day)))),
                201);
        const QString path = kSuppliers + QStringLiteral("/FINDER/receipts");
        const Reply a = m_auditor->get(path + QStringLiteral("?supplier_lot_code=SL-A"));
        FV_VERIFY_STATUS(a, 200);
        QCOMPARE(
            a.json().value(QStringLiteral("supplier")).toObject().value(QStringLiteral("name")),
            QStringLiteral("Finder Bt."));
        // Newest first; the code is compared exactly as printed ("sl-a" is another lot).
        const QJsonArray items = a.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(codesOf(items, "lot_code"),
                 (QStringList{QStringLiteral("RCV-F-3"), QStringLiteral("RCV-F-1")}));
        QCOMPARE(items.first().toObject().value(QStringLiteral("weight_kg")).toDouble(), 500.0);
        QCOMPARE(items.first()
                     .toObject()
                     .value(QStringLiteral("receipt"))
                     .toObject()
                     .value(QStringLiteral("received_on")),
                 QStringLiteral("2026-11-03"));

        const Reply all = m_auditor->get(path);
        FV_VERIFY_STATUS(all, 200);
        QCOMPARE(codesOf(all.json().value(QStringLiteral("items")).toArray(), "lot_code"),
                 (QStringList{QStringLiteral("RCV-F-4"), QStringLiteral("RCV-F-3"),
                              QStringLiteral("RCV-F-2"), QStringLiteral("RCV-F-1")}));
        const Reply limited = m_auditor->get(path + QStringLiteral("?limit=1"));
        QCOMPARE(limited.json().value(QStringLiteral("items")).toArray().size(), 1);
        FV_VERIFY_PROBLEM(m_auditor->get(path + QStringLiteral("?limit=0")), 400);
        FV_VERIFY_PROBLEM(m_auditor->get(path + QStringLiteral("?supplier_lot_code=%20X")), 400);
        FV_VERIFY_PROBLEM(m_auditor->get(kSuppliers + QStringLiteral("/NOBODY/receipts")), 404);
    }

    // The console's offline queue sends registrations through /api/v1/sync: a receipt goes the
    // same way and is refused the same way.
    void receiptsSyncLikeSingleRegistrations()
    {
        const QJsonObject good{
            {QStringLiteral("idempotency_key"), QStringLiteral("rcv-sync-1")},
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("path"), kLots},
            {QStringLiteral("body"),
             rawLot(QStringLiteral("RCV-SYNC-1"),
                    fullReceipt(QStringLiteral("ACME"), QStringLiteral("S-1")))}};
        QJsonObject bad = good;
        bad.insert(QStringLiteral("idempotency_key"), QStringLiteral("rcv-sync-2"));
        bad.insert(QStringLiteral("body"),
                   rawLot(QStringLiteral("RCV-SYNC-2"),
                          receiptOnly(QStringLiteral("NOBODY"), QStringLiteral("S-2"))));
        const Reply r =
            m_operator->post(QStringLiteral("/api/v1/sync"),
                             QJsonObject{{QStringLiteral("operations"), QJsonArray{good, bad}}});
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].toObject().value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(results[1].toObject().value(QStringLiteral("status")).toInt(), 422);
        QCOMPARE(results[0]
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("receipt"))
                     .toObject()
                     .value(QStringLiteral("supplier_lot_code")),
                 QStringLiteral("S-1"));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT string_agg(r.supplier_lot_code, ',') FROM lot_receipts r JOIN lots l "
                     "ON l.id = r.lot_id WHERE l.lot_code LIKE 'RCV-SYNC-%'")),
                 QStringLiteral("S-1"));
    }

    // Suppliers and receipts are in the audit trail, who and what.
    void receivingIsAudited()
    {
        const Reply s =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=suppliers&key=PATCHME"));
        FV_VERIFY_STATUS(s, 200);
        const QJsonArray changes = s.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(changes.size(), 3); // created, renamed, deactivated
        QCOMPARE(changes.last().toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("INSERT"));
        QCOMPARE(changes.first().toObject().value(QStringLiteral("actor")).toString(),
                 QStringLiteral("manager"));
        QCOMPARE(changes.first().toObject().value(QStringLiteral("new_values")).toObject(),
                 (QJsonObject{{QStringLiteral("active"), false},
                              {QStringLiteral("contact"), QJsonValue()}}));

        const QString lotId = m_server->db().scalar(
            QStringLiteral("SELECT id FROM lots WHERE lot_code = 'RCV-RAW-1'"));
        const Reply r =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=lot_receipts&key=") + lotId);
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value(QStringLiteral("actor")).toString(),
                 QStringLiteral("operator"));
        QCOMPARE(items[0]
                     .toObject()
                     .value(QStringLiteral("new_values"))
                     .toObject()
                     .value(QStringLiteral("supplier_lot_code")),
                 QStringLiteral("L2611/b-07"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_manager;
    std::unique_ptr<HttpClient> m_auditor;
};

QTEST_GUILESS_MAIN(TestReceivingApi)
#include "tst_receivingapi.moc"
