// checkJsonText: what Qt's JSON parser would change silently in a body that parsed (a NUL, a
// lone surrogate, a rounded number) is reported with the member it is in, and a body too deep to
// scan is refused rather than let through unscanned.

#include "backend/api/jsontext.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using flowviz::FieldErrors;
using flowviz::api::checkJsonText;

namespace {

// The whole literal, NUL bytes included.
template <qsizetype N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void problems_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field"); // empty: no problem
        QTest::addColumn<QString>("code");

        QTest::newRow("clean") << QByteArray(R"({"notes":"ok \u00e9 \ud83d\ude00","n":12.50})")
                               << ""
                               << "";
        QTest::newRow("escaped backslash before u0000")
            << QByteArray(R"({"notes":"\\u0000"})") << ""
            << "";
        QTest::newRow("NUL escape") << QByteArray(R"({"notes":"a\u0000b"})") << "notes"
                                    << "text.nul";
        QTest::newRow("lone surrogate") << QByteArray(R"({"a":[{"b":"\ud800"}]})") << "a[0].b"
                                        << "text.surrogate";
        QTest::newRow("18 digits") << QByteArray(R"({"w":12.3400000000000001})") << "w"
                                   << "number.precision";
        // Found by fuzz_bodyreader: Qt's parser takes "\" before any character as that
        // character, a raw NUL byte too, so "\<NUL>" is a NUL that reached the database.
        QTest::newRow("backslash before a raw NUL")
            << bytes("{\"notes\":\"x\\\0yyyyyyyyyy\"}") << "notes"
            << "text.nul";
        QTest::newRow("backslash before a raw NUL in a key")
            << bytes("{\"metadata\":{\"a\\\0\":\"b\"}}") << "metadata"
            << "text.nul";
        // Found by fuzz_bodyreader: past 512 levels the scanner stopped looking, and it also
        // stopped for every later member, while Qt's parser takes 1024 levels.
        QTest::newRow("NUL deeper than the scanner goes")
            << QByteArray(600, '[') + R"("\u0000")" + QByteArray(600, ']') << "body"
            << "body.too_deep";
        QTest::newRow("NUL after a deep member")
            << "[" + QByteArray(520, '[') + QByteArray(520, ']') + R"(,"\u0000"])"
            << "body"
            << "body.too_deep";
        QTest::newRow("512 levels are scanned")
            << QByteArray(511, '[') + R"("\u0000")" + QByteArray(511, ']')
            << QString(QStringLiteral("[0]").repeated(511)) << "text.nul";
    }
    void problems()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, code);
        // Each case is a body the server gets past its parser; the check runs after it.
        QJsonParseError error{};
        QJsonDocument::fromJson(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);

        const FieldErrors problems = checkJsonText(body);
        if (field.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, field);
        QCOMPARE(problems.first().code, code);
        QVERIFY(!problems.first().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
