// Decimal: exact parsing, canonical text, JSON in and out, arithmetic across scales.

#include "domain/decimal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using flowviz::Decimal;

namespace {

// The JSON text QJsonDocument writes for one value, without the surrounding array.
QByteArray jsonText(const QJsonValue &v)
{
    const QByteArray doc = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

} // namespace

class TestDecimal : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("zero") << "0" << qint64(0) << 0 << "0";
        QTest::newRow("integer") << "12" << qint64(12) << 0 << "12";
        QTest::newRow("negative") << "-3.5" << qint64(-35) << 1 << "-3.5";
        QTest::newRow("plus sign") << "+2.25" << qint64(225) << 2 << "2.25";
        QTest::newRow("below one") << "0.25" << qint64(25) << 2 << "0.25";
        QTest::newRow("negative below one") << "-0.05" << qint64(-5) << 2 << "-0.05";
        QTest::newRow("leading zeros") << "007" << qint64(7) << 0 << "7";
        QTest::newRow("negative zero") << "-0" << qint64(0) << 0 << "0";
        QTest::newRow("negative zero decimals") << "-0.00" << qint64(0) << 2 << "0";
        QTest::newRow("trailing zeros") << "12.340" << qint64(12340) << 3 << "12.34";
        QTest::newRow("only zero decimals") << "12.000000" << qint64(12000000) << 6 << "12";
        QTest::newRow("six decimals") << "0.000001" << qint64(1) << 6 << "0.000001";
        QTest::newRow("10^12") << "1000000000000" << qint64(1000000000000LL) << 0
                               << "1000000000000";
        QTest::newRow("-10^12") << "-1000000000000" << qint64(-1000000000000LL) << 0
                                << "-1000000000000";
        QTest::newRow("10^12 at scale 6")
            << "1000000000000.000000" << qint64(1000000000000000000LL) << 6 << "1000000000000";
        QTest::newRow("just below 10^12")
            << "999999999999.999999" << qint64(999999999999999999LL) << 6 << "999999999999.999999";
        QTest::newRow("weight max") << "10000.00" << qint64(1000000) << 2 << "10000";
        QTest::newRow("temperature min") << "-50.0" << qint64(-500) << 1 << "-50";
    }
    void parseAccepts()
    {
        QFETCH(QString, text);
        QFETCH(qint64, units);
        QFETCH(int, scale);
        QFETCH(QString, canonical);
        const auto d = Decimal::parse(text);
        QVERIFY2(d.has_value(), qPrintable(text));
        QCOMPARE(d->units(), units);
        QCOMPARE(d->scale(), scale);
        QCOMPARE(d->toString(), canonical);
        // The canonical text parses back to an equal value.
        const auto again = Decimal::parse(d->toString());
        QVERIFY(again.has_value());
        QCOMPARE(*again, *d);
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << "";
        QTest::newRow("blank") << " ";
        QTest::newRow("leading blank") << " 12";
        QTest::newRow("trailing blank") << "12 ";
        QTest::newRow("inner blank") << "1 2";
        QTest::newRow("tab") << "\t12";
        QTest::newRow("exponent") << "1e3";
        QTest::newRow("exponent upper") << "1E3";
        QTest::newRow("exponent negative") << "1.5e-2";
        QTest::newRow("trailing point") << "12.";
        QTest::newRow("leading point") << ".5";
        QTest::newRow("signed leading point") << "-.5";
        QTest::newRow("point only") << ".";
        QTest::newRow("minus only") << "-";
        QTest::newRow("plus only") << "+";
        QTest::newRow("double minus") << "--1";
        QTest::newRow("plus minus") << "+-1";
        QTest::newRow("sign after digits") << "1-";
        QTest::newRow("two points") << "1.2.3";
        QTest::newRow("decimal comma") << "12,5";
        QTest::newRow("thousands separator") << "1,000";
        QTest::newRow("underscore") << "1_000";
        QTest::newRow("hex") << "0x10";
        QTest::newRow("letters") << "abc";
        QTest::newRow("inf") << "inf";
        QTest::newRow("nan") << "nan";
        QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0662");
        QTest::newRow("full-width digit") << QStringLiteral("\uFF11");
        QTest::newRow("seven decimals") << "0.0000001";
        QTest::newRow("seven decimals, zero") << "1.0000000";
        QTest::newRow("above 10^12") << "1000000000001";
        QTest::newRow("above 10^12 by 10^-6") << "1000000000000.000001";
        QTest::newRow("below -10^12") << "-1000000000001";
        QTest::newRow("20 digits") << "99999999999999999999";
        QTest::newRow("int64 overflow") << "9223372036854775808";
        QTest::newRow("40+ characters") << QString(41, u'0');
    }
    void parseRejects()
    {
        QFETCH(QString, text);
        const auto d = Decimal::parse(text);
        QVERIFY2(!d.has_value(), qPrintable(d ? d->toString() : QString()));
    }

    // What an operator types: '.' or the locale's decimal point, a typographic minus and
    // blanks around are fine; a group separator never is, so "1,250" is neither 1250 nor 1.25
    // where the decimal point is '.'.
    void parseTyped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("expected"); // canonical text; empty: refused
        QTest::addColumn<int>("scale");

        const QString comma = QStringLiteral(",");
        const QString dot = QStringLiteral(".");
        QTest::newRow("hu comma") << "12,50" << comma << "12.5" << 2;
        QTest::newRow("hu dot") << "12.50" << comma << "12.5" << 2;
        QTest::newRow("hu negative") << "-18,0" << comma << "-18" << 1;
        QTest::newRow("hu integer") << "7" << comma << "7" << 0;
        QTest::newRow("hu typographic minus") << "\u22123,5" << comma << "-3.5" << 1;
        QTest::newRow("hu blanks around") << " \t2,25\u00a0 " << comma << "2.25" << 2;
        QTest::newRow("en dot") << "12.50" << dot << "12.5" << 2;
        QTest::newRow("en typographic minus") << "\u221218.0" << dot << "-18" << 1;
        QTest::newRow("en six decimals") << "0.000001" << dot << "0.000001" << 6;

        QTest::newRow("en group separator") << "1,250" << dot << "" << 0;
        QTest::newRow("en comma decimal") << "12,50" << dot << "" << 0;
        QTest::newRow("en grouped with decimals") << "1,250.5" << dot << "" << 0;
        QTest::newRow("hu space group") << "1 250" << comma << "" << 0;
        QTest::newRow("hu nbsp group") << "1\u00a0250" << comma << "" << 0;
        QTest::newRow("hu dot group and comma") << "1.250,5" << comma << "" << 0;
        QTest::newRow("hu two commas") << "1,2,5" << comma << "" << 0;
        QTest::newRow("hu comma and dot") << "1,25.0" << comma << "" << 0;
        QTest::newRow("hu trailing comma") << "12," << comma << "" << 0;
        QTest::newRow("hu leading comma") << ",5" << comma << "" << 0;
        QTest::newRow("minus inside") << "1\u22122" << dot << "" << 0;
        QTest::newRow("minus then blank") << "- 18" << dot << "" << 0;
        QTest::newRow("two minus signs") << "--18" << dot << "" << 0;
        QTest::newRow("exponent") << "1e3" << dot << "" << 0;
        QTest::newRow("blank") << "   " << comma << "" << 0;
        QTest::newRow("empty") << "" << comma << "" << 0;
        QTest::newRow("seven decimals") << "0,0000001" << comma << "" << 0;
        QTest::newRow("letters") << "12kg" << dot << "" << 0;
    }
    void parseTyped()
    {
        QFETCH(QString, text);
        QFETCH(QString, point);
        QFETCH(QString, expected);
        QFETCH(int, scale);
        const auto d = Decimal::parseTyped(text, point);
        if (expected.isEmpty()) {
            QVERIFY2(!d.has_value(), qPrintable(d ? d->toString() : QString()));
            return;
        }
        QVERIFY2(d.has_value(), qPrintable(text));
        QCOMPARE(d->toString(), expected);
        QCOMPARE(d->scale(), scale); // exact, as typed: "12,50" is 1250 hundredths
    }

    void significantScale_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("significant");

        QTest::newRow("integer") << "100" << 0;
        QTest::newRow("integer with zeros") << "100.000" << 0;
        QTest::newRow("one") << "12.5" << 1;
        QTest::newRow("trailing zero") << "12.50" << 1;
        QTest::newRow("two") << "12.34" << 2;
        QTest::newRow("two with trailing zero") << "12.340" << 2;
        QTest::newRow("three") << "12.345" << 3;
        QTest::newRow("small") << "0.001" << 3;
        QTest::newRow("negative") << "-0.10" << 1;
        QTest::newRow("six") << "0.000001" << 6;
        QTest::newRow("zero with decimals") << "0.000000" << 0;
    }
    void significantScale()
    {
        QFETCH(QString, text);
        QFETCH(int, significant);
        const auto d = Decimal::parse(text);
        QVERIFY(d.has_value());
        QCOMPARE(d->significantScale(), significant);
    }

    void toStringCanonical_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("expected");

        QTest::newRow("0") << qint64(0) << 0 << "0";
        QTest::newRow("0 at scale 3") << qint64(0) << 3 << "0";
        QTest::newRow("0.5") << qint64(5) << 1 << "0.5";
        QTest::newRow("-0.5") << qint64(-5) << 1 << "-0.5";
        QTest::newRow("0.05") << qint64(5) << 2 << "0.05";
        QTest::newRow("-0.05") << qint64(-5) << 2 << "-0.05";
        QTest::newRow("0.000001") << qint64(1) << 6 << "0.000001";
        QTest::newRow("-0.000001") << qint64(-1) << 6 << "-0.000001";
        QTest::newRow("-12.50") << qint64(-1250) << 2 << "-12.5";
        QTest::newRow("-100.0") << qint64(-1000) << 1 << "-100";
        QTest::newRow("1.10") << qint64(110) << 2 << "1.1";
        QTest::newRow("10.01") << qint64(1001) << 2 << "10.01";
        QTest::newRow("-50.1") << qint64(-501) << 1 << "-50.1";
        QTest::newRow("scale clamped to 6") << qint64(5) << 9 << "0.000005";
        QTest::newRow("negative scale clamped to 0") << qint64(5) << -2 << "5";
    }
    void toStringCanonical()
    {
        QFETCH(qint64, units);
        QFETCH(int, scale);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::fromUnits(units, scale).toString(), expected);
    }

    void fromJson_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("significant");

        QTest::newRow("number 12.345") << QJsonValue(12.345) << true << "12.345" << 3;
        QTest::newRow("number 12.35") << QJsonValue(12.35) << true << "12.35" << 2;
        QTest::newRow("number 4.35") << QJsonValue(4.35) << true << "4.35" << 2;
        QTest::newRow("number 0.1") << QJsonValue(0.1) << true << "0.1" << 1;
        QTest::newRow("number -50.1") << QJsonValue(-50.1) << true << "-50.1" << 1;
        QTest::newRow("number 10000.01") << QJsonValue(10000.01) << true << "10000.01" << 2;
        QTest::newRow("number 9999.99") << QJsonValue(9999.99) << true << "9999.99" << 2;
        QTest::newRow("number integer") << QJsonValue(10000) << true << "10000" << 0;
        QTest::newRow("number zero") << QJsonValue(0) << true << "0" << 0;
        QTest::newRow("number negative zero") << QJsonValue(-0.0) << true << "0" << 0;
        QTest::newRow("number 1e12") << QJsonValue(1e12) << true << "1000000000000" << 0;
        // 0.1 + 0.2 is 0.30000000000000004 in binary: 17 decimals, not a decimal we accept.
        QTest::newRow("number 0.1+0.2") << QJsonValue(0.1 + 0.2) << false << "" << 0;
        QTest::newRow("number 1e-7") << QJsonValue(1e-7) << false << "" << 0;
        QTest::newRow("number 1e20") << QJsonValue(1e20) << false << "" << 0;
        QTest::newRow("number 1e12+1") << QJsonValue(1e12 + 1) << false << "" << 0;
        QTest::newRow("number infinity")
            << QJsonValue(std::numeric_limits<double>::infinity()) << false << "" << 0;
        QTest::newRow("string 12.345")
            << QJsonValue(QStringLiteral("12.345")) << true << "12.345" << 3;
        QTest::newRow("string 12.340")
            << QJsonValue(QStringLiteral("12.340")) << true << "12.34" << 2;
        QTest::newRow("string -0.5") << QJsonValue(QStringLiteral("-0.5")) << true << "-0.5" << 1;
        QTest::newRow("string exponent") << QJsonValue(QStringLiteral("1e3")) << false << "" << 0;
        QTest::newRow("string blank") << QJsonValue(QStringLiteral(" 1")) << false << "" << 0;
        QTest::newRow("string empty") << QJsonValue(QString()) << false << "" << 0;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false << "" << 0;
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << false << "" << 0;
        QTest::newRow("bool") << QJsonValue(true) << false << "" << 0;
        QTest::newRow("array") << QJsonValue(QJsonArray{1}) << false << "" << 0;
        QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("v"), 1}}) << false << ""
                                << 0;
    }
    void fromJson()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        QFETCH(int, significant);
        const auto d = Decimal::fromJson(value);
        QCOMPARE(d.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(d->toString(), canonical);
        QCOMPARE(d->significantScale(), significant);
        QCOMPARE(*d, *Decimal::parse(canonical));
    }

    void fromJsonNumberIsExact()
    {
        // 12.35 has no exact binary form; the decimal must still be exactly 1235 hundredths.
        const auto d = Decimal::fromJson(QJsonDocument::fromJson("[12.35]").array().at(0));
        QVERIFY(d.has_value());
        QCOMPARE(d->units(), qint64(1235));
        QCOMPARE(d->scale(), 2);
    }

    void compare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order"); // sign of a <=> b

        QTest::newRow("equal across scales") << "1.5"
                                             << "1.50" << 0;
        QTest::newRow("equal integer and decimals") << "10"
                                                    << "10.000000" << 0;
        QTest::newRow("zero and negative zero") << "0"
                                                << "-0.0" << 0;
        QTest::newRow("less by last digit") << "1.5"
                                            << "1.51" << -1;
        QTest::newRow("greater by last digit") << "1.51"
                                               << "1.5" << 1;
        QTest::newRow("negatives") << "-0.1"
                                   << "-0.2" << 1;
        QTest::newRow("negative below positive") << "-0.000001"
                                                 << "0" << -1;
        QTest::newRow("integer above fraction") << "10"
                                                << "9.999999" << 1;
        QTest::newRow("near the limit") << "1000000000000"
                                        << "999999999999.999999" << 1;
        QTest::newRow("limits") << "-1000000000000"
                                << "1000000000000.000000" << -1;
    }
    void compare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        const Decimal x = *Decimal::parse(a);
        const Decimal y = *Decimal::parse(b);
        const auto cmp = x <=> y;
        QCOMPARE(cmp < 0 ? -1 : cmp > 0 ? 1 : 0, order);
        const auto reverse = y <=> x;
        QCOMPARE(reverse < 0 ? -1 : reverse > 0 ? 1 : 0, -order);
        QCOMPARE(x == y, order == 0);
        QCOMPARE(x < y, order < 0);
        QCOMPARE(x >= y, order >= 0);
    }

    void add_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("sum");
        QTest::addColumn<int>("scale");

        QTest::newRow("different scales") << "1.5"
                                          << "2.25"
                                          << "3.75" << 2;
        QTest::newRow("0.1 + 0.2 exact") << "0.1"
                                         << "0.2"
                                         << "0.3" << 1;
        QTest::newRow("crossing zero") << "-1"
                                       << "0.01"
                                       << "-0.99" << 2;
        QTest::newRow("to zero") << "-2.5"
                                 << "2.50"
                                 << "0" << 2;
        QTest::newRow("integers") << "9999"
                                  << "1"
                                  << "10000" << 0;
        QTest::newRow("micro") << "0.000001"
                               << "0.999999"
                               << "1" << 6;
        QTest::newRow("negative margin") << "-25"
                                         << "-3.0"
                                         << "-28" << 1;
        QTest::newRow("big") << "999999999999.999999"
                             << "0.000001"
                             << "1000000000000" << 6;
    }
    void add()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, sum);
        QFETCH(int, scale);
        const Decimal x = *Decimal::parse(a);
        const Decimal y = *Decimal::parse(b);
        QCOMPARE((x + y).toString(), sum);
        QCOMPARE((x + y).scale(), scale);
        QCOMPARE((y + x).toString(), sum);
        QCOMPARE(x + y, *Decimal::parse(sum));
    }

    void toJsonSingleValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("json");

        QTest::newRow("0") << "0" << QByteArray("0");
        QTest::newRow("-0.0") << "-0.0" << QByteArray("0");
        QTest::newRow("12.340") << "12.340" << QByteArray("12.34");
        QTest::newRow("0.01") << "0.01" << QByteArray("0.01");
        QTest::newRow("10000.00") << "10000.00" << QByteArray("10000");
        QTest::newRow("9999.99") << "9999.99" << QByteArray("9999.99");
        QTest::newRow("-50.0") << "-50.0" << QByteArray("-50");
        QTest::newRow("-49.9") << "-49.9" << QByteArray("-49.9");
        QTest::newRow("-0.1") << "-0.1" << QByteArray("-0.1");
    }
    void toJsonSingleValues()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, json);
        const QJsonValue v = Decimal::parse(text)->toJson();
        QVERIFY(v.isDouble());
        QCOMPARE(jsonText(v), json);
    }

    // Every weight 0.00..10000.00 in steps of 0.01 and every temperature -50.0..100.0 in steps
    // of 0.1: the JSON text QJsonDocument writes is exactly the canonical decimal, and reading
    // it back gives the same decimal. No value is altered by the double at the JSON boundary.
    void toJsonIsExactForEveryWeight() { checkRange(0, 1000000, 2); }
    void toJsonIsExactForEveryTemperature() { checkRange(-500, 1000, 1); }

private:
    void checkRange(qint64 firstUnits, qint64 lastUnits, int scale)
    {
        QJsonArray array;
        QStringList expected;
        expected.reserve(lastUnits - firstUnits + 1);
        for (qint64 u = firstUnits; u <= lastUnits; ++u) {
            const Decimal d = Decimal::fromUnits(u, scale);
            array.append(d.toJson());
            expected.append(d.toString());
        }
        const QByteArray doc = QJsonDocument(array).toJson(QJsonDocument::Compact);
        QVERIFY(doc.startsWith('[') && doc.endsWith(']'));
        const QList<QByteArray> written = doc.mid(1, doc.size() - 2).split(',');
        QCOMPARE(written.size(), expected.size());
        for (qsizetype i = 0; i < written.size(); ++i) {
            if (written[i] != expected[i].toLatin1())
                QFAIL(qPrintable(QStringLiteral("%1 was written as %2")
                                     .arg(expected[i], QString::fromLatin1(written[i]))));
        }
        // And back: parsing the document gives the same decimals.
        const QJsonArray read = QJsonDocument::fromJson(doc).array();
        QCOMPARE(read.size(), array.size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            const auto d = Decimal::fromJson(read.at(i));
            if (!d || d->toString() != expected[i])
                QFAIL(qPrintable(QStringLiteral("%1 was read back as %2")
                                     .arg(expected[i], d ? d->toString() : QStringLiteral("-"))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
