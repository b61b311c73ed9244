#include "app/scan/gs1parser.h"

#include <QTest>

using flowviz::app::Gs1Element;
using flowviz::app::Gs1Parser;
using flowviz::app::ScanResult;

namespace {

const QString GS = QString(QChar(0x1D));
// GS1's example GTIN, with a correct check digit.
const QString kGtin = QStringLiteral("09501101530003");

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

} // namespace

class TestGs1Parser : public QObject
{
    Q_OBJECT

private slots:
    void lotCode_data();
    void lotCode();
    void elementsInOrder();
    void fallback_data();
    void fallback();
    void reportsInvalidLotCode();
    void bracketedForm();
};

void TestGs1Parser::lotCode_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("code");

    const QString gtin = s("01") + kGtin;
    QTest::newRow("AI 10 alone after ]C1")
        << s("]C110BULK-20260114-DUNA01-5001") << s("BULK-20260114-DUNA01-5001");
    QTest::newRow("GTIN, expiry, then lot (fixed AIs need no GS)")
        << gtin + s("17260131") + s("10LOT-42") << s("LOT-42");
    QTest::newRow("]C1 + GTIN + lot") << s("]C1") + gtin + s("10LOT-42") << s("LOT-42");
    QTest::newRow("lot first, GS ends it, then expiry")
        << s("10LOT-42") + GS + s("17260131") << s("LOT-42");
    QTest::newRow("leading FNC1 as GS") << GS + gtin + s("10LOT-42") << s("LOT-42");
    QTest::newRow("lot, GS, serial, GS, net weight")
        << s("]C110LOT-42") + GS + s("21SN0001") + GS + s("3103001250") << s("LOT-42");
    QTest::newRow("serial then lot") << s("]C121SN0001") + GS + s("10LOT-42") << s("LOT-42");
    QTest::newRow("production date, net weight, lot")
        << s("11260114") + s("3102001250") + s("10LOT-42") << s("LOT-42");
    QTest::newRow("trailing GS tolerated") << s("]C110LOT-42") + GS << s("LOT-42");
    QTest::newRow("lower case lot is normalised") << s("]C110lot-42") << s("LOT-42");
    QTest::newRow("GS1 DataMatrix identifier") << s("]d2") + gtin + s("10LOT-42") << s("LOT-42");
    QTest::newRow("GS1 QR identifier") << s("]Q3") + gtin + s("10LOT-42") << s("LOT-42");
    QTest::newRow("plain code") << s("BULK-20260114-DUNA01-5001") << s("BULK-20260114-DUNA01-5001");
    QTest::newRow("plain code, trimmed and upper-cased")
        << s("  mix-20260114-duna01-0007 ") << s("MIX-20260114-DUNA01-0007");
    QTest::newRow("unmarked digits starting with 10 stay plain") << s("1012345") << s("1012345");
    QTest::newRow("plain Code 128 identifier ]C0 is stripped")
        << s("]C0BULK-20260114-DUNA01-5001") << s("BULK-20260114-DUNA01-5001");
}

void TestGs1Parser::lotCode()
{
    QFETCH(QString, raw);
    QFETCH(QString, code);
    const ScanResult result = Gs1Parser::parse(raw);
    QCOMPARE(result.code, code);
    QVERIFY2(result.isValid(), qPrintable(result.errorText()));
    QCOMPARE(result.raw, raw);
}

void TestGs1Parser::elementsInOrder()
{
    const ScanResult result = Gs1Parser::parse(s("]C101") + kGtin + s("11260110") + s("17260131") +
                                               s("3103001250") + s("10LOT-42") + GS + s("21SN7"));
    QCOMPARE(result.format, ScanResult::Format::Gs1);
    const QList<Gs1Element> expected{{s("01"), kGtin},       {s("11"), s("260110")},
                                     {s("17"), s("260131")}, {s("3103"), s("001250")},
                                     {s("10"), s("LOT-42")}, {s("21"), s("SN7")}};
    QCOMPARE(result.elements, expected);
    QCOMPARE(result.value(u"3103"), s("001250"));
    QCOMPARE(result.value(u"99"), QString());
    QVERIFY(result.gs1Problem.isEmpty());
}

void TestGs1Parser::fallback_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("reportsProblem");

    const QString gtin = s("01") + kGtin;
    // A marked scan that is not valid GS1 falls back to a plain lookup of the whole data.
    QTest::newRow("GTIN cut short") << s("]C1010950110153") << s("010950110153") << true;
    QTest::newRow("GTIN with letters")
        << s("]C101ABCDEFGHIJKLMN10X") << s("01ABCDEFGHIJKLMN10X") << true;
    QTest::newRow("GTIN check digit wrong")
        << s("]C10109501101530004") + s("10LOT") << s("0109501101530004") + s("10LOT") << true;
    QTest::newRow("expiry month 13") << s("]C11726133110LOT") << s("1726133110LOT") << true;
    QTest::newRow("unknown AI") << s("]C18812345") << s("8812345") << true;
    QTest::newRow("empty lot before GS")
        << s("10") + GS + s("21SN") << s("10") + GS + s("21SN") << true;
    QTest::newRow("GS inside a fixed field")
        << s("]C101095011") + GS + s("01530003") << s("01095011") + GS + s("01530003") << true;
    QTest::newRow("no AI 10") << s("]C1") + gtin + s("17260131") << gtin + s("17260131") << true;
    QTest::newRow("two different lots")
        << s("]C110A") + GS + s("10B") << s("10A") + GS + s("10B") << true;
    // Unmarked data that merely starts with digits is a plain code, without complaint.
    QTest::newRow("unmarked GTIN-like, no lot")
        << gtin + s("17260131") << gtin + s("17260131") << false;
    QTest::newRow("unmarked, broken") << s("0112") << s("0112") << false;
}

void TestGs1Parser::fallback()
{
    QFETCH(QString, raw);
    QFETCH(QString, code);
    QFETCH(bool, reportsProblem);
    const ScanResult result = Gs1Parser::parse(raw);
    QCOMPARE(result.format, ScanResult::Format::Plain);
    QCOMPARE(result.code, code);
    QVERIFY(result.elements.isEmpty());
    QCOMPARE(!result.gs1Problem.isEmpty(), reportsProblem);
}

void TestGs1Parser::reportsInvalidLotCode()
{
    // The group separator left in a fallback code is not a lot-code character.
    const ScanResult withGs = Gs1Parser::parse(s("10") + GS + s("21SN"));
    QVERIFY(!withGs.isValid());
    QCOMPARE(withGs.error->code, s("lot_code.invalid_character"));
    QVERIFY2(withGs.errorText().contains(s("<GS>")), qPrintable(withGs.errorText()));

    const ScanResult spaces = Gs1Parser::parse(s("LOT 42"));
    QVERIFY(!spaces.isValid());
    QCOMPARE(spaces.code, s("LOT 42"));
    QVERIFY(spaces.errorText().contains(s("LOT 42")));

    const ScanResult dots = Gs1Parser::parse(s("]C110..."));
    QCOMPARE(dots.code, s("..."));
    QCOMPARE(dots.error->code, s("lot_code.no_alphanumeric"));

    const ScanResult empty = Gs1Parser::parse(u"   ");
    QCOMPARE(empty.error->code, s("lot_code.empty"));
    QVERIFY(!empty.errorText().isEmpty());

    const ScanResult tooLong = Gs1Parser::parse(QString(101, u'A'));
    QCOMPARE(tooLong.error->code, s("lot_code.too_long"));

    QVERIFY(Gs1Parser::parse(s("]C110LOT-42")).errorText().isEmpty());
}

void TestGs1Parser::bracketedForm()
{
    const ScanResult result =
        Gs1Parser::parse(s("(01)") + kGtin + s("(17)260131(10)lot-42(21)SN7"));
    QCOMPARE(result.format, ScanResult::Format::Gs1);
    QCOMPARE(result.code, s("LOT-42"));
    QCOMPARE(result.value(u"21"), s("SN7"));

    const ScanResult broken = Gs1Parser::parse(s("(01)123(10)LOT"));
    QCOMPARE(broken.format, ScanResult::Format::Plain);
    QVERIFY(!broken.gs1Problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestGs1Parser)
#include "tst_gs1parser.moc"
