// wire::Lot, LotPage and RegisterLot: the JSON the server answers with, read back unchanged.

#include "domain/wire/lot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace flowviz;
using namespace flowviz::wire;

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Decimal dec(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

Lot sampleLot()
{
    Lot l;
    l.id = QUuid::fromString(QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
    l.lotCode = QStringLiteral("MIX-0007");
    l.type = LotType::MIX;
    l.status = LotStatus::QUARANTINE;
    l.productionRunId = QUuid::fromString(QStringLiteral("0b9d2c4e-6f3a-4c1b-8e2d-7a5f1c3e9b10"));
    l.runCode = QStringLiteral("RUN-2026-014");
    l.operatorId = QUuid::fromString(QStringLiteral("11111111-2222-4333-8444-555555555555"));
    l.operatorName = QStringLiteral("alice");
    l.workstationId = std::nullopt;
    l.weightKg = dec("12.50");
    l.temperatureC = dec("-3.5");
    l.metadata = QJsonObject{{QStringLiteral("line"), 2}};
    l.clientCreatedAt = QDateTime();
    l.clientTimeFlagged = false;
    l.createdAt =
        QDateTime::fromString(QStringLiteral("2026-01-14T09:30:00.120+01:00"), Qt::ISODateWithMs);
    l.updatedAt =
        QDateTime::fromString(QStringLiteral("2026-01-14T08:31:02.005Z"), Qt::ISODateWithMs);
    l.temperatureStatus = Reading::Critical;
    l.weightStatus = std::nullopt;
    l.parents = QList<LotLink>{
        {QStringLiteral("BULK-0001"), LotType::BULK, LotStatus::RELEASED, dec("7.25")},
        {QStringLiteral("BULK-0002"), LotType::BULK, LotStatus::CREATED, dec("5")}};
    l.children = QList<LotLink>{};
    return l;
}

} // namespace

class TestWireLot : public QObject
{
    Q_OBJECT

private slots:
    void lotJsonIsExactlyTheServersAnswer()
    {
        const QByteArray expected =
            "{\"children\":[],\"client_created_at\":null,\"client_time_flagged\":false,"
            "\"created_at\":\"2026-01-14T08:30:00.120Z\",\"id\":\"3f2504e0-4f89-41d3-9a0c-"
            "0305e82c3301\","
            "\"lot_code\":\"MIX-0007\",\"lot_type\":\"MIX\",\"metadata\":{\"line\":2},\"operator\":"
            "\"alice\","
            "\"operator_id\":\"11111111-2222-4333-8444-555555555555\","
            "\"parents\":[{\"lot_code\":\"BULK-0001\",\"lot_type\":\"BULK\",\"quantity_used_kg\":7."
            "25,"
            "\"status\":\"RELEASED\"},{\"lot_code\":\"BULK-0002\",\"lot_type\":\"BULK\","
            "\"quantity_used_kg\":5,\"status\":\"CREATED\"}],"
            "\"production_run_id\":\"0b9d2c4e-6f3a-4c1b-8e2d-7a5f1c3e9b10\",\"receipt\":null,"
            "\"run_code\":\"RUN-2026-014\",\"status\":\"QUARANTINE\",\"temperature_c\":-3.5,"
            "\"temperature_status\":\"critical\",\"updated_at\":\"2026-01-14T08:31:02.005Z\","
            "\"weight_kg\":12.5,\"weight_status\":null,\"workstation_id\":null}";
        QCOMPARE(compact(sampleLot().toJson()), expected);
    }

    void lotRoundTrips()
    {
        const Lot lot = sampleLot();
        const Lot back = Lot::fromJson(lot.toJson());
        QCOMPARE(back.toJson(), lot.toJson());
        QVERIFY(back == lot);
    }

    // A RAW lot's receipt: every member in the answer, null where absent; the command leaves
    // absent members out; both read back equal.
    void receiptRoundTrips()
    {
        Lot lot = sampleLot();
        LotReceipt r;
        r.supplierCode = QStringLiteral("ALFOLD-HUS");
        r.supplierName = QStringLiteral("Alföld Hús Kft.");
        r.supplierLotCode = QStringLiteral("Lot a/7");
        r.gtin = QStringLiteral("09501101530003");
        r.receivedOn = QDate(2026, 11, 30);
        r.expiresOn = QDate(2027, 3, 31);
        r.units = 24;
        lot.receipt = r;
        QCOMPARE(compact(QJsonObject{{QStringLiteral("r"), r.toJson()}}),
                 QByteArray("{\"r\":{\"delivery_note\":null,\"expires_on\":\"2027-03-31\","
                            "\"gtin\":\"09501101530003\",\"received_on\":\"2026-11-30\","
                            "\"supplier_code\":\"ALFOLD-HUS\",\"supplier_lot_code\":\"Lot a/7\","
                            "\"supplier_name\":\"Alf\xc3\xb6ld H\xc3\xbas Kft.\",\"units\":24}}"));
        QVERIFY(Lot::fromJson(lot.toJson()) == lot);

        RegisterLot c;
        c.lotCode = QStringLiteral("RAW-1");
        r.supplierName.reset();
        c.receipt = r;
        QCOMPARE(compact(c.receipt->toCommandJson()),
                 QByteArray("{\"expires_on\":\"2027-03-31\",\"gtin\":\"09501101530003\","
                            "\"received_on\":\"2026-11-30\",\"supplier_code\":\"ALFOLD-HUS\","
                            "\"supplier_lot_code\":\"Lot a/7\",\"units\":24}"));
        QVERIFY(RegisterLot::fromJson(c.toJson()) == c);
    }

    void listItemsHaveNoGenealogy()
    {
        Lot lot = sampleLot();
        lot.parents.reset();
        lot.children.reset();
        const QJsonObject o = lot.toJson();
        QVERIFY(!o.contains(QStringLiteral("parents")));
        QVERIFY(!o.contains(QStringLiteral("children")));
        QVERIFY(o.value(QStringLiteral("temperature_status")).isString());
        QVERIFY(!Lot::fromJson(o).parents);
    }

    void emptyValuesAreNullNotAbsent()
    {
        Lot lot;
        lot.id = QUuid::fromString(QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        lot.lotCode = QStringLiteral("RAW-1");
        const QJsonObject o = lot.toJson();
        for (const char *key :
             {"production_run_id", "run_code", "operator_id", "operator", "workstation_id",
              "weight_kg", "temperature_c", "client_created_at", "created_at", "updated_at",
              "temperature_status", "weight_status"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
            QVERIFY2(o.value(QLatin1String(key)).isNull(), key);
        }
        QCOMPARE(o.value(QStringLiteral("metadata")), QJsonValue(QJsonObject()));
        QVERIFY(Lot::fromJson(o) == lot);
    }

    void fromJsonIsTolerant()
    {
        const Lot lot =
            Lot::fromJson(QJsonObject{{QStringLiteral("lot_code"), 42},
                                      {QStringLiteral("weight_kg"), QStringLiteral("x")},
                                      {QStringLiteral("temperature_c"), QStringLiteral("4.5")},
                                      {QStringLiteral("parents"), 3}});
        QVERIFY(lot.lotCode.isEmpty());
        QVERIFY(!lot.weightKg);
        QCOMPARE(*lot.temperatureC, dec("4.5"));
        QVERIFY(!lot.parents);
        QVERIFY(!lot.createdAt.isValid());
    }

    void pageJson()
    {
        LotPage page;
        QCOMPARE(compact(page.toJson()), QByteArray("{\"items\":[],\"next_cursor\":null}"));
        Lot lot = sampleLot();
        lot.parents.reset();
        lot.children.reset();
        page.items = {lot, lot};
        page.nextCursor = QStringLiteral("abc");
        QCOMPARE(page.toJson().value(QStringLiteral("next_cursor")).toString(),
                 QStringLiteral("abc"));
        QVERIFY(LotPage::fromJson(page.toJson()) == page);
    }

    void registerLotRoundTrips()
    {
        RegisterLot c;
        c.id = QUuid::fromString(QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        c.lotCode = QStringLiteral("MIX-0007");
        c.type = LotType::MIX;
        c.weightKg = dec("12.5");
        c.temperatureC = dec("3");
        c.runCode = QStringLiteral("RUN-1");
        c.workstationId = QStringLiteral("WS-01");
        c.clientCreatedAt =
            QDateTime::fromString(QStringLiteral("2026-01-14T08:30:00.000Z"), Qt::ISODateWithMs);
        c.parents = {{QStringLiteral("BULK-0001"), dec("7.25")}};
        const QByteArray expected =
            "{\"client_created_at\":\"2026-01-14T08:30:00.000Z\","
            "\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"lot_code\":\"MIX-0007\","
            "\"lot_type\":\"MIX\",\"parents\":[{\"lot_code\":\"BULK-0001\",\"quantity_used_kg\":7."
            "25}],"
            "\"run_code\":\"RUN-1\",\"temperature_c\":3,\"weight_kg\":12.5,\"workstation_id\":\"WS-"
            "01\"}";
        QCOMPARE(compact(c.toJson()), expected);
        QVERIFY(RegisterLot::fromJson(c.toJson()) == c);

        RegisterLot minimal;
        minimal.lotCode = QStringLiteral("RAW-1");
        QCOMPARE(compact(minimal.toJson()),
                 QByteArray("{\"lot_code\":\"RAW-1\",\"lot_type\":\"RAW\"}"));
        QVERIFY(RegisterLot::fromJson(minimal.toJson()) == minimal);
    }
};

QTEST_GUILESS_MAIN(TestWireLot)
#include "tst_lot.moc"
