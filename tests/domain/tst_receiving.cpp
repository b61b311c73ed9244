// The receiving rules in domain/receiving.h: GTIN check digits (against GS1's published
// examples), the supplier's lot code kept exactly as printed, supplier codes in the plant's
// alphabet, delivery notes and free text.

#include "domain/receiving.h"

#include "tests/domain/verifyerror.h"

#include <QTest>

namespace rules = flowviz::rules;
using flowviz::test::verifyError;

class TestReceiving : public QObject
{
    Q_OBJECT

private slots:
    void gtinCheckDigits_data()
    {
        QTest::addColumn<QString>("gtin");
        QTest::addColumn<QString>("code");
        // GS1 General Specifications' and GS1 member organisations' published examples.
        QTest::newRow("GS1 example") << QStringLiteral("09501101530003") << QString();
        QTest::newRow("GTIN-13 padded") << QStringLiteral("04012345123456") << QString();
        QTest::newRow("Polish prefix") << QStringLiteral("05901234123457") << QString();
        QTest::newRow("GTIN-12 padded") << QStringLiteral("00614141000418") << QString();
        QTest::newRow("check digit 0") << QStringLiteral("00000000000000") << QString();
        QTest::newRow("wrong check digit")
            << QStringLiteral("09501101530004") << QStringLiteral("gtin.check_digit");
        // Two neighbouring digits swapped: the weights 3 and 1 catch most transpositions.
        QTest::newRow("transposed digits")
            << QStringLiteral("09501101350003") << QStringLiteral("gtin.check_digit");
        QTest::newRow("13 digits")
            << QStringLiteral("4012345123456") << QStringLiteral("gtin.format");
        QTest::newRow("15 digits")
            << QStringLiteral("004012345123456") << QStringLiteral("gtin.format");
        QTest::newRow("letter") << QStringLiteral("0950110153000A")
                                << QStringLiteral("gtin.format");
        QTest::newRow("space") << QStringLiteral("0950110153000 ") << QStringLiteral("gtin.format");
        QTest::newRow("Arabic-Indic digits")
            << QStringLiteral("\u0660\u0669\u0665\u0660\u0661\u0661\u0660\u0661\u0665\u0663"
                              "\u0660\u0660\u0660\u0663")
            << QStringLiteral("gtin.format");
        QTest::newRow("empty") << QString() << QStringLiteral("gtin.format");
    }
    void gtinCheckDigits()
    {
        QFETCH(QString, gtin);
        QFETCH(QString, code);
        verifyError(rules::checkGtin(gtin, QStringLiteral("receipt.gtin")), code,
                    QStringLiteral("receipt.gtin"));
        QCOMPARE(rules::gtinCheckDigitValid(gtin), code.isEmpty());
    }

    void everyWrongCheckDigitIsCaught()
    {
        // Of the ten possible last digits exactly one is right.
        const QString stem = QStringLiteral("0950110153000");
        int valid = 0;
        for (char d = '0'; d <= '9'; ++d)
            valid += rules::gtinCheckDigitValid(stem + QLatin1Char(d)) ? 1 : 0;
        QCOMPARE(valid, 1);
    }

    void supplierLotCodesAreKeptAsPrinted_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("GS1 AI 10") << QStringLiteral("ABC123") << QString();
        QTest::newRow("lower case kept") << QStringLiteral("lot-2026/a") << QString();
        QTest::newRow("inner space") << QStringLiteral("L 2026 07") << QString();
        QTest::newRow("punctuation") << QStringLiteral("#12*!~") << QString();
        QTest::newRow("40 characters") << QString(40, u'X') << QString();
        QTest::newRow("41 characters")
            << QString(41, u'X') << QStringLiteral("supplier_lot_code.too_long");
        QTest::newRow("empty") << QString() << QStringLiteral("supplier_lot_code.empty");
        QTest::newRow("leading space")
            << QStringLiteral(" L1") << QStringLiteral("supplier_lot_code.space");
        QTest::newRow("trailing space")
            << QStringLiteral("L1 ") << QStringLiteral("supplier_lot_code.space");
        QTest::newRow("NUL") << QStringLiteral("L1\u0000X").left(4)
                             << QStringLiteral("supplier_lot_code.invalid_character");
        QTest::newRow("GS1 separator") << QStringLiteral("L1\u001d17")
                                       << QStringLiteral("supplier_lot_code.invalid_character");
        QTest::newRow("tab") << QStringLiteral("L1\tX")
                             << QStringLiteral("supplier_lot_code.invalid_character");
        QTest::newRow("sharp s") << QStringLiteral("STRA\u00dfE")
                                 << QStringLiteral("supplier_lot_code.invalid_character");
        QTest::newRow("lone surrogate")
            << QString(QChar(0xd800)) << QStringLiteral("supplier_lot_code.invalid_character");
    }
    void supplierLotCodesAreKeptAsPrinted()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        verifyError(rules::checkSupplierLotCode(code, QStringLiteral("receipt.supplier_lot_code")),
                    error, QStringLiteral("receipt.supplier_lot_code"));
    }

    void supplierCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QStringLiteral("ACME") << QString();
        QTest::newRow("alphabet") << QStringLiteral("HU-12_3.4/5") << QString();
        QTest::newRow("40 characters") << QString(40, u'A') << QString();
        QTest::newRow("41 characters")
            << QString(41, u'A') << QStringLiteral("supplier_code.too_long");
        QTest::newRow("empty") << QString() << QStringLiteral("supplier_code.empty");
        QTest::newRow("lower case")
            << QStringLiteral("acme") << QStringLiteral("supplier_code.invalid_character");
        QTest::newRow("space") << QStringLiteral("AC ME")
                               << QStringLiteral("supplier_code.invalid_character");
        QTest::newRow("accented") << QStringLiteral("GY\u00d6R")
                                  << QStringLiteral("supplier_code.invalid_character");
        QTest::newRow("only punctuation")
            << QStringLiteral("--") << QStringLiteral("supplier_code.invalid_character");
    }
    void supplierCodes()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        verifyError(rules::checkSupplierCode(code), error, QStringLiteral("supplier_code"));
    }

    void deliveryNotesAndText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("multiLine");
        QTest::addColumn<QString>("error");
        QTest::newRow("delivery note") << QStringLiteral("SZL-2026/0071") << false << QString();
        QTest::newRow("accented") << QStringLiteral("Szállítólevél 7") << false << QString();
        QTest::newRow("blank") << QStringLiteral("   ") << false << QStringLiteral("text.blank");
        QTest::newRow("NUL") << QStringLiteral("A\u0000B").left(3) << false
                             << QStringLiteral("text.control_character");
        QTest::newRow("line break in one line")
            << QStringLiteral("A\nB") << false << QStringLiteral("text.control_character");
        QTest::newRow("line break in an address") << QStringLiteral("A\nB") << true << QString();
        QTest::newRow("trailing space")
            << QStringLiteral("A ") << false << QStringLiteral("text.space");
    }
    void deliveryNotesAndText()
    {
        QFETCH(QString, text);
        QFETCH(bool, multiLine);
        QFETCH(QString, error);
        const QString field = QStringLiteral("address");
        verifyError(rules::checkPlainText(text, field, multiLine), error, field);
        if (!multiLine)
            verifyError(rules::checkDeliveryNote(text, field), error, field);
    }

    void deliveryNoteLength()
    {
        const QString field = QStringLiteral("receipt.delivery_note");
        verifyError(rules::checkDeliveryNote(QString(60, u'N'), field), QString(), field);
        verifyError(rules::checkDeliveryNote(QString(61, u'N'), field),
                    QStringLiteral("delivery_note.too_long"), field);
        // Counted in characters as a person sees them, not UTF-16 units.
        QString emoji;
        for (int i = 0; i < 60; ++i)
            emoji += QStringLiteral("\U0001F41F");
        verifyError(rules::checkDeliveryNote(emoji, field), QString(), field);
    }
};

QTEST_APPLESS_MAIN(TestReceiving)
#include "tst_receiving.moc"
