// A supplier's GS1 label read into a receipt (app/registration/receiptscan.h): which elements
// fill which field, GS1 dates with their century and day 00, and labels that give nothing.

#include "app/registration/receiptscan.h"

#include <QTest>

using flowviz::app::gs1Date;
using flowviz::app::Gs1Parser;
using flowviz::app::receiptFromScan;
using flowviz::app::ReceiptScan;

class TestReceiptScan : public QObject
{
    Q_OBJECT

private slots:
    void gs1Dates_data()
    {
        QTest::addColumn<QString>("yymmdd");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("expected");
        const QDate today(2026, 12, 6);
        QTest::newRow("plain") << QStringLiteral("270315") << today << QDate(2027, 3, 15);
        QTest::newRow("day 00: last of February, leap year")
            << QStringLiteral("280200") << today << QDate(2028, 2, 29);
        QTest::newRow("day 00: last of February")
            << QStringLiteral("270200") << today << QDate(2027, 2, 28);
        QTest::newRow("50 years ahead") << QStringLiteral("760101") << today << QDate(2076, 1, 1);
        QTest::newRow("51 years ahead is the last century")
            << QStringLiteral("770101") << today << QDate(1977, 1, 1);
        QTest::newRow("49 years back")
            << QStringLiteral("770101") << QDate(2026, 1, 1) << QDate(1977, 1, 1);
        QTest::newRow("near a century's end")
            << QStringLiteral("020101") << QDate(2098, 6, 1) << QDate(2102, 1, 1);
        QTest::newRow("31 February") << QStringLiteral("270231") << today << QDate();
        QTest::newRow("month 13") << QStringLiteral("271301") << today << QDate();
        QTest::newRow("five digits") << QStringLiteral("27031") << today << QDate();
        QTest::newRow("letter") << QStringLiteral("27O315") << today << QDate();
    }
    void gs1Dates()
    {
        QFETCH(QString, yymmdd);
        QFETCH(QDate, today);
        QFETCH(QDate, expected);
        const auto date = gs1Date(yymmdd, today);
        QCOMPARE(date.value_or(QDate()), expected);
    }

    void labelElementsFillTheReceipt()
    {
        const QString gs = QString(Gs1Parser::kGroupSeparator);
        const ReceiptScan r = receiptFromScan(
            Gs1Parser::parse(QStringLiteral("]C1010950110153000317301231") +
                             QStringLiteral("10aB-12/x") + gs + QStringLiteral("370024")));
        QCOMPARE(r.gtin, QStringLiteral("09501101530003"));
        // As printed: case kept.
        QCOMPARE(r.supplierLotCode, QStringLiteral("aB-12/x"));
        QCOMPARE(r.expiresOn.value_or(QDate()), QDate(2030, 12, 31));
        QCOMPARE(r.units, QStringLiteral("24"));
        QVERIFY(r.unreadableExpiry.isEmpty());
        QVERIFY(!r.isEmpty());
    }

    void onlyWhatTheLabelCarries()
    {
        const ReceiptScan r = receiptFromScan(Gs1Parser::parse(QStringLiteral("(10)L7")));
        QCOMPARE(r.supplierLotCode, QStringLiteral("L7"));
        QVERIFY(r.gtin.isEmpty());
        QVERIFY(!r.expiresOn);
        QVERIFY(r.units.isEmpty());
    }

    void plainScansAndBadDatesGiveNothingToUse()
    {
        QVERIFY(receiptFromScan(Gs1Parser::parse(QStringLiteral("RAW-20261206-DUNA01-0001")))
                    .isEmpty());
        // The parser accepts day 31 in any month (GS1's table does); the receipt does not.
        const ReceiptScan r = receiptFromScan(Gs1Parser::parse(QStringLiteral("(17)270231(10)L7")));
        QCOMPARE(r.unreadableExpiry, QStringLiteral("270231"));
        QVERIFY(!r.expiresOn);
        QVERIFY(!r.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestReceiptScan)
#include "tst_receiptscan.moc"
