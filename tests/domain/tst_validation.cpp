// The field rules in domain/validation.h at and around each boundary, with the error field and
// code the console and the API rely on.

#include "domain/validation.h"

#include "tests/domain/verifyerror.h"

#include <QJsonValue>
#include <QTest>

using flowviz::Decimal;
using flowviz::Decision;
namespace rules = flowviz::rules;
using flowviz::test::verifyError;

namespace {

Decimal dec(const QString &text)
{
    const auto d = Decimal::parse(text);
    if (!d)
        qFatal("test data \"%s\" is not a decimal", qPrintable(text));
    return *d;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void normalizeLotCode_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalized");

        QTest::newRow("already normal") << "BULK-2024-001"
                                        << "BULK-2024-001";
        QTest::newRow("lower case") << "bulk-2024-001"
                                    << "BULK-2024-001";
        QTest::newRow("mixed case") << "Raw.a_b/c"
                                    << "RAW.A_B/C";
        QTest::newRow("surrounding blanks") << "  abc  "
                                            << "ABC";
        QTest::newRow("tabs and newlines") << "\tlot/1\r\n"
                                           << "LOT/1";
        QTest::newRow("inner blank kept") << " a b "
                                          << "A B";
        QTest::newRow("blank only") << "   "
                                    << "";
        // Only ASCII letters change case: other letters stay as written, for the alphabet
        // check to refuse, so two printed labels can never become one code.
        QTest::newRow("sharp s kept") << QStringLiteral("straße-1") << QStringLiteral("STRAßE-1");
        QTest::newRow("fi ligature kept")
            << QStringLiteral("\uFB01-1") << QStringLiteral("\uFB01-1");
        QTest::newRow("dotless i kept") << QStringLiteral("\u0131-1") << QStringLiteral("\u0131-1");
        QTest::newRow("long s kept") << QStringLiteral("\u017F-1") << QStringLiteral("\u017F-1");
        QTest::newRow("empty") << ""
                               << "";
    }
    void normalizeLotCode()
    {
        QFETCH(QString, raw);
        QFETCH(QString, normalized);
        QCOMPARE(rules::normalizeLotCode(raw), normalized);
    }

    void lotCode_data()
    {
        QTest::addColumn<QString>("raw"); // normalised before the check
        QTest::addColumn<QString>("code");

        QTest::newRow("one character") << "A"
                                       << "";
        QTest::newRow("digits") << "0123456789"
                                << "";
        QTest::newRow("every allowed class") << "AZ09-_./"
                                             << "";
        QTest::newRow("hyphen only") << "-"
                                     << "lot_code.no_alphanumeric";
        QTest::newRow("dot only") << "."
                                  << "lot_code.no_alphanumeric";
        QTest::newRow("dot dot") << ".."
                                 << "lot_code.no_alphanumeric";
        QTest::newRow("slash only") << "/"
                                    << "lot_code.no_alphanumeric";
        QTest::newRow("punctuation and one digit") << "-./0"
                                                   << "";
        QTest::newRow("slash") << "BULK/2024/7"
                               << "";
        QTest::newRow("lower case normalised") << "mix-1"
                                               << "";
        QTest::newRow("blanks trimmed") << "  RAW-1 "
                                        << "";
        QTest::newRow("100 characters") << QString(100, u'A') << "";
        QTest::newRow("sharp s") << QStringLiteral("STRAßE-1") << "lot_code.invalid_character";
        QTest::newRow("fi ligature") << QStringLiteral("\uFB01") << "lot_code.invalid_character";
        QTest::newRow("dotless i") << QStringLiteral("\u0131") << "lot_code.invalid_character";
        QTest::newRow("100 after trimming")
            << QStringLiteral(" ") + QString(100, u'A') + QStringLiteral(" ") << "";
        QTest::newRow("101 characters") << QString(101, u'A') << "lot_code.too_long";
        QTest::newRow("empty") << ""
                               << "lot_code.empty";
        QTest::newRow("blank only") << "  \t "
                                    << "lot_code.empty";
        QTest::newRow("inner space") << "AB C"
                                     << "lot_code.invalid_character";
        QTest::newRow("inner tab") << "AB\tC"
                                   << "lot_code.invalid_character";
        QTest::newRow("backslash") << "AB\\C"
                                   << "lot_code.invalid_character";
        QTest::newRow("hash") << "AB#C"
                              << "lot_code.invalid_character";
        QTest::newRow("percent") << "AB%2FC"
                                 << "lot_code.invalid_character";
        QTest::newRow("comma") << "AB,C"
                               << "lot_code.invalid_character";
        QTest::newRow("colon") << "AB:C"
                               << "lot_code.invalid_character";
        QTest::newRow("plus") << "AB+C"
                              << "lot_code.invalid_character";
        QTest::newRow("at") << "AB@C"
                            << "lot_code.invalid_character";
        QTest::newRow("quote") << "AB'C"
                               << "lot_code.invalid_character";
        QTest::newRow("question mark") << "AB?C"
                                       << "lot_code.invalid_character";
        QTest::newRow("nul") << QStringLiteral("AB") + QChar(0) << "lot_code.invalid_character";
        QTest::newRow("latin letter with accent")
            << QStringLiteral("\u00C4PFEL") << "lot_code.invalid_character";
        QTest::newRow("cyrillic look-alike") << QStringLiteral("\u0410B") // Cyrillic A
                                             << "lot_code.invalid_character";
        QTest::newRow("full-width letter")
            << QStringLiteral("\uFF21") << "lot_code.invalid_character";
        QTest::newRow("non-breaking space inside")
            << QStringLiteral("A\u00A0B") << "lot_code.invalid_character";
        QTest::newRow("emoji") << QStringLiteral("LOT-\U0001F600") << "lot_code.invalid_character";
    }
    void lotCode()
    {
        QFETCH(QString, raw);
        QFETCH(QString, code);
        verifyError(rules::checkLotCode(rules::normalizeLotCode(raw)), code,
                    QStringLiteral("lot_code"));
    }

    void lotCodeErrorNamesTheCharacterAndField()
    {
        const auto e = rules::checkLotCode(QStringLiteral("AB#C"), QStringLiteral("parents[2]"));
        QVERIFY(e.has_value());
        QCOMPARE(e->field, QStringLiteral("parents[2]"));
        QVERIFY2(e->message.contains(QStringLiteral("'#'")), qPrintable(e->message));
    }

    void weight_data()
    {
        QTest::addColumn<QString>("kg");
        QTest::addColumn<QString>("code");

        QTest::newRow("0") << "0"
                           << "";
        QTest::newRow("0.00") << "0.00"
                              << "";
        QTest::newRow("-0") << "-0"
                            << "";
        QTest::newRow("0.01") << "0.01"
                              << "";
        QTest::newRow("-0.01") << "-0.01"
                               << "weight.range";
        QTest::newRow("-1") << "-1"
                            << "weight.range";
        QTest::newRow("10000") << "10000"
                               << "";
        QTest::newRow("10000.00") << "10000.00"
                                  << "";
        QTest::newRow("9999.99") << "9999.99"
                                 << "";
        QTest::newRow("10000.01") << "10000.01"
                                  << "weight.range";
        QTest::newRow("10001") << "10001"
                               << "weight.range";
        QTest::newRow("12.34") << "12.34"
                               << "";
        QTest::newRow("12.345") << "12.345"
                                << "weight.scale";
        QTest::newRow("12.340") << "12.340"
                                << "";
        QTest::newRow("12.340000") << "12.340000"
                                   << "";
        QTest::newRow("12.341") << "12.341"
                                << "weight.scale";
        QTest::newRow("0.001") << "0.001"
                               << "weight.scale";
        QTest::newRow("-0.001 (scale first)") << "-0.001"
                                              << "weight.scale";
        QTest::newRow("10000.001 (scale first)") << "10000.001"
                                                 << "weight.scale";
    }
    void weight()
    {
        QFETCH(QString, kg);
        QFETCH(QString, code);
        verifyError(rules::checkWeight(dec(kg)), code, QStringLiteral("weight_kg"));
        verifyError(rules::checkWeight(dec(kg), QStringLiteral("outputs[1].weight_kg")), code,
                    QStringLiteral("outputs[1].weight_kg"));
    }

    void weightFromJsonNumber_data()
    {
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("code");

        QTest::newRow("12.345") << 12.345 << "weight.scale";
        QTest::newRow("12.35") << 12.35 << "";
        QTest::newRow("0.01") << 0.01 << "";
        QTest::newRow("10000.01") << 10000.01 << "weight.range";
        QTest::newRow("0.1+0.2 is not a decimal") << 0.1 + 0.2 << "invalid";
    }
    void weightFromJsonNumber()
    {
        QFETCH(double, number);
        QFETCH(QString, code);
        const auto d = Decimal::fromJson(QJsonValue(number));
        if (code == u"invalid") {
            QVERIFY(!d.has_value());
            return;
        }
        QVERIFY(d.has_value());
        verifyError(rules::checkWeight(*d), code, QStringLiteral("weight_kg"));
    }

    void quantityUsed_data()
    {
        QTest::addColumn<QString>("kg");
        QTest::addColumn<QString>("code");

        QTest::newRow("0") << "0"
                           << "quantity.not_positive";
        QTest::newRow("0.00") << "0.00"
                              << "quantity.not_positive";
        QTest::newRow("-0") << "-0"
                            << "quantity.not_positive";
        QTest::newRow("0.01") << "0.01"
                              << "";
        QTest::newRow("1") << "1"
                           << "";
        QTest::newRow("10000") << "10000"
                               << "";
        QTest::newRow("10000.01") << "10000.01"
                                  << "weight.range";
        QTest::newRow("-0.01") << "-0.01"
                               << "weight.range";
        QTest::newRow("0.001") << "0.001"
                               << "weight.scale";
        QTest::newRow("0.005") << "0.005"
                               << "weight.scale";
    }
    void quantityUsed()
    {
        QFETCH(QString, kg);
        QFETCH(QString, code);
        verifyError(
            rules::checkQuantityUsed(dec(kg), QStringLiteral("parents[0].quantity_used_kg")), code,
            QStringLiteral("parents[0].quantity_used_kg"));
    }

    void temperature_data()
    {
        QTest::addColumn<QString>("celsius");
        QTest::addColumn<QString>("code");

        QTest::newRow("-50") << "-50"
                             << "";
        QTest::newRow("-50.0") << "-50.0"
                               << "";
        QTest::newRow("-49.9") << "-49.9"
                               << "";
        QTest::newRow("-50.1") << "-50.1"
                               << "temperature.range";
        QTest::newRow("-51") << "-51"
                             << "temperature.range";
        QTest::newRow("100") << "100"
                             << "";
        QTest::newRow("100.0") << "100.0"
                               << "";
        QTest::newRow("99.9") << "99.9"
                              << "";
        QTest::newRow("100.1") << "100.1"
                               << "temperature.range";
        QTest::newRow("0") << "0"
                           << "";
        QTest::newRow("-0.1") << "-0.1"
                              << "";
        QTest::newRow("4.5") << "4.5"
                             << "";
        QTest::newRow("4.50") << "4.50"
                              << "";
        QTest::newRow("4.55") << "4.55"
                              << "temperature.scale";
        QTest::newRow("-18.25") << "-18.25"
                                << "temperature.scale";
        QTest::newRow("-50.05 (scale first)") << "-50.05"
                                              << "temperature.scale";
        QTest::newRow("100.01 (scale first)") << "100.01"
                                              << "temperature.scale";
    }
    void temperature()
    {
        QFETCH(QString, celsius);
        QFETCH(QString, code);
        verifyError(rules::checkTemperature(dec(celsius)), code, QStringLiteral("temperature_c"));
        verifyError(rules::checkTemperature(dec(celsius), QStringLiteral("temp_min_c")), code,
                    QStringLiteral("temp_min_c"));
    }

    void notes_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<Decision>("decision");
        QTest::addColumn<QString>("code");

        const QString nine = QStringLiteral("123456789");
        const QString ten = QStringLiteral("1234567890");
        QTest::newRow("PASS, none") << "" << Decision::PASS << "";
        QTest::newRow("PASS, blank") << "   " << Decision::PASS << "";
        QTest::newRow("PASS, short") << "ok" << Decision::PASS << "";
        QTest::newRow("HOLD, none") << "" << Decision::HOLD << "notes.required";
        QTest::newRow("FAIL, none") << "" << Decision::FAIL << "notes.required";
        QTest::newRow("HOLD, 9") << nine << Decision::HOLD << "notes.required";
        QTest::newRow("FAIL, 9") << nine << Decision::FAIL << "notes.required";
        QTest::newRow("HOLD, 10") << ten << Decision::HOLD << "";
        QTest::newRow("FAIL, 10") << ten << Decision::FAIL << "";
        QTest::newRow("HOLD, 9 padded with spaces")
            << QStringLiteral("  1 2 3 4 5 6 7 8 9      ") << Decision::HOLD << "notes.required";
        QTest::newRow("FAIL, 9 padded with tabs and newlines")
            << QStringLiteral("\t123\n456\r\n789\t") << Decision::FAIL << "notes.required";
        QTest::newRow("HOLD, 9 padded with non-breaking spaces")
            << QStringLiteral("\u00A0123\u00A0456\u00A0789\u00A0") << Decision::HOLD
            << "notes.required";
        QTest::newRow("HOLD, 10 with spaces")
            << QStringLiteral(" too  warm: 4C ") << Decision::HOLD << "";
        QTest::newRow("HOLD, 1000 spaces")
            << QString(1000, u' ') << Decision::HOLD << "notes.required";
        QTest::newRow("PASS, 1000") << QString(1000, u'x') << Decision::PASS << "";
        QTest::newRow("HOLD, 1000") << QString(1000, u'x') << Decision::HOLD << "";
        QTest::newRow("PASS, 1001") << QString(1001, u'x') << Decision::PASS << "notes.too_long";
        QTest::newRow("FAIL, 1001") << QString(1001, u'x') << Decision::FAIL << "notes.too_long";
        QTest::newRow("PASS, 1001 blanks")
            << QString(1001, u' ') << Decision::PASS << "notes.too_long";
        // A character is a Unicode character, as PostgreSQL's char_length() counts it.
        QTest::newRow("HOLD, 9 accented") << QStringLiteral("\u00E9\u00E9\u00E9\u00E9\u00E9"
                                                            "\u00E9\u00E9\u00E9\u00E9")
                                          << Decision::HOLD << "notes.required";
        QTest::newRow("HOLD, 5 emoji") << emoji(5) << Decision::HOLD << "notes.required";
        QTest::newRow("HOLD, 9 emoji") << emoji(9) << Decision::HOLD << "notes.required";
        QTest::newRow("HOLD, 10 emoji") << emoji(10) << Decision::HOLD << "";
        QTest::newRow("PASS, 1000 emoji") << emoji(1000) << Decision::PASS << "";
        QTest::newRow("PASS, 1001 emoji") << emoji(1001) << Decision::PASS << "notes.too_long";
    }
    void notes()
    {
        QFETCH(QString, notes);
        QFETCH(Decision, decision);
        QFETCH(QString, code);
        verifyError(rules::checkNotes(notes, decision), code, QStringLiteral("notes"));
    }

    void notesRequiredMessageNamesDecision()
    {
        const auto e = rules::checkNotes(QString(), Decision::FAIL, QStringLiteral("reason"));
        QVERIFY(e.has_value());
        QCOMPARE(e->field, QStringLiteral("reason"));
        QVERIFY2(e->message.contains(u"FAIL"), qPrintable(e->message));
        QVERIFY2(e->message.contains(u"10"), qPrintable(e->message));
    }

    void nonBlankLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("length");

        QTest::newRow("empty") << "" << 0;
        QTest::newRow("blanks") << " \t\r\n\v\f" << 0;
        QTest::newRow("word") << "abc" << 3;
        QTest::newRow("words") << " a b\tc\n" << 3;
        QTest::newRow("non-breaking space") << QStringLiteral("a\u00A0b") << 2;
        QTest::newRow("ideographic space") << QStringLiteral("a\u3000b") << 2;
        QTest::newRow("emoji is one character") << QStringLiteral("\U0001F600") << 1;
        QTest::newRow("emoji and text") << QStringLiteral("ok \U0001F600!") << 4;
    }
    void nonBlankLength()
    {
        QFETCH(QString, text);
        QFETCH(int, length);
        QCOMPARE(rules::nonBlankLength(text), length);
    }

    void ccpTemperature_data()
    {
        QTest::addColumn<bool>("ccp");
        QTest::addColumn<bool>("hasTemperature");
        QTest::addColumn<QString>("code");

        QTest::newRow("CCP without temperature") << true << false << "temperature.required_at_ccp";
        QTest::newRow("CCP with temperature") << true << true << "";
        QTest::newRow("not CCP without temperature") << false << false << "";
        QTest::newRow("not CCP with temperature") << false << true << "";
    }
    void ccpTemperature()
    {
        QFETCH(bool, ccp);
        QFETCH(bool, hasTemperature);
        QFETCH(QString, code);
        verifyError(rules::checkCcpTemperature(ccp, hasTemperature), code,
                    QStringLiteral("temperature_c"));
        verifyError(rules::checkCcpTemperature(ccp, hasTemperature, QStringLiteral("t")), code,
                    QStringLiteral("t"));
    }

private:
    static QString emoji(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QStringLiteral("\U0001F600");
        return s;
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
