// TemperatureProfile: classification at the exact edges of range and margin, and its JSON form.

#include "domain/temperatureprofile.h"

#include <QJsonDocument>
#include <QTest>

using flowviz::Decimal;
using flowviz::LotType;
using flowviz::Reading;
using flowviz::TemperatureProfile;

namespace {

Decimal dec(const QString &text)
{
    const auto d = Decimal::parse(text);
    if (!d)
        qFatal("test data \"%s\" is not a decimal", qPrintable(text));
    return *d;
}

TemperatureProfile profile(LotType type, const char *tMin, const char *tMax, const char *tMargin,
                           const char *wMin, const char *wMax, const char *wMargin)
{
    TemperatureProfile p;
    p.lotType = type;
    p.tempMin = dec(QString::fromLatin1(tMin));
    p.tempMax = dec(QString::fromLatin1(tMax));
    p.tempMargin = dec(QString::fromLatin1(tMargin));
    p.weightMin = dec(QString::fromLatin1(wMin));
    p.weightMax = dec(QString::fromLatin1(wMax));
    p.weightMargin = dec(QString::fromLatin1(wMargin));
    return p;
}

// As seeded: chilled bulk 1..4 °C with a 2 °C margin, frozen -25..-18 °C with 3 °C.
TemperatureProfile chilled()
{
    return profile(LotType::BULK, "1", "4", "2", "400", "600", "60");
}
TemperatureProfile frozen()
{
    return profile(LotType::FRZ, "-25", "-18", "3", "15", "30", "3");
}
TemperatureProfile noMargin()
{
    return profile(LotType::SKW, "2.0", "4.0", "0", "15.00", "30.00", "0.00");
}

QJsonObject profileJson()
{
    return QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("FRZ")},
                       {QStringLiteral("temp_min_c"), -25},
                       {QStringLiteral("temp_max_c"), -18},
                       {QStringLiteral("temp_margin_c"), 3},
                       {QStringLiteral("weight_min_kg"), 15},
                       {QStringLiteral("weight_max_kg"), 30},
                       {QStringLiteral("weight_margin_kg"), 3}};
}

} // namespace

class TestTemperatureProfile : public QObject
{
    Q_OBJECT

private slots:
    void classifyTemperature_data()
    {
        QTest::addColumn<TemperatureProfile>("profile");
        QTest::addColumn<QString>("celsius");
        QTest::addColumn<Reading>("expected");

        const TemperatureProfile c = chilled();
        QTest::newRow("chilled min") << c << "1" << Reading::Ok;
        QTest::newRow("chilled max") << c << "4" << Reading::Ok;
        QTest::newRow("chilled inside") << c << "2.5" << Reading::Ok;
        QTest::newRow("chilled max, other scale") << c << "4.0" << Reading::Ok;
        QTest::newRow("chilled just above max") << c << "4.1" << Reading::Warning;
        QTest::newRow("chilled just below min") << c << "0.9" << Reading::Warning;
        QTest::newRow("chilled max + margin") << c << "6" << Reading::Warning;
        QTest::newRow("chilled min - margin (crosses zero)") << c << "-1" << Reading::Warning;
        QTest::newRow("chilled beyond max + margin") << c << "6.1" << Reading::Critical;
        QTest::newRow("chilled beyond min - margin") << c << "-1.1" << Reading::Critical;
        QTest::newRow("chilled far") << c << "100" << Reading::Critical;

        const TemperatureProfile f = frozen();
        QTest::newRow("frozen min") << f << "-25" << Reading::Ok;
        QTest::newRow("frozen max") << f << "-18" << Reading::Ok;
        QTest::newRow("frozen inside") << f << "-20.5" << Reading::Ok;
        QTest::newRow("frozen just above max") << f << "-17.9" << Reading::Warning;
        QTest::newRow("frozen just below min") << f << "-25.1" << Reading::Warning;
        QTest::newRow("frozen max + margin") << f << "-15" << Reading::Warning;
        QTest::newRow("frozen min - margin") << f << "-28" << Reading::Warning;
        QTest::newRow("frozen min - margin, other scale") << f << "-28.0" << Reading::Warning;
        QTest::newRow("frozen beyond max + margin") << f << "-14.9" << Reading::Critical;
        QTest::newRow("frozen beyond min - margin") << f << "-28.1" << Reading::Critical;
        QTest::newRow("frozen thawed") << f << "4" << Reading::Critical;

        const TemperatureProfile z = noMargin();
        QTest::newRow("no margin min") << z << "2" << Reading::Ok;
        QTest::newRow("no margin max") << z << "4" << Reading::Ok;
        QTest::newRow("no margin just above") << z << "4.1" << Reading::Critical;
        QTest::newRow("no margin just below") << z << "1.9" << Reading::Critical;
    }
    void classifyTemperature()
    {
        QFETCH(TemperatureProfile, profile);
        QFETCH(QString, celsius);
        QFETCH(Reading, expected);
        QCOMPARE(flowviz::toString(profile.classifyTemperature(dec(celsius))),
                 flowviz::toString(expected));
    }

    void classifyWeight_data()
    {
        QTest::addColumn<TemperatureProfile>("profile");
        QTest::addColumn<QString>("kg");
        QTest::addColumn<Reading>("expected");

        const TemperatureProfile f = frozen(); // 15..30 kg, margin 3
        QTest::newRow("min") << f << "15" << Reading::Ok;
        QTest::newRow("max") << f << "30.00" << Reading::Ok;
        QTest::newRow("just below min") << f << "14.99" << Reading::Warning;
        QTest::newRow("just above max") << f << "30.01" << Reading::Warning;
        QTest::newRow("min - margin") << f << "12" << Reading::Warning;
        QTest::newRow("max + margin") << f << "33" << Reading::Warning;
        QTest::newRow("beyond min - margin") << f << "11.99" << Reading::Critical;
        QTest::newRow("beyond max + margin") << f << "33.01" << Reading::Critical;
        QTest::newRow("zero") << f << "0" << Reading::Critical;

        const TemperatureProfile z = noMargin(); // 15..30 kg, margin 0
        QTest::newRow("no margin max") << z << "30" << Reading::Ok;
        QTest::newRow("no margin just above") << z << "30.01" << Reading::Critical;
        QTest::newRow("no margin just below") << z << "14.99" << Reading::Critical;
    }
    void classifyWeight()
    {
        QFETCH(TemperatureProfile, profile);
        QFETCH(QString, kg);
        QFETCH(Reading, expected);
        QCOMPARE(flowviz::toString(profile.classifyWeight(dec(kg))), flowviz::toString(expected));
    }

    void readingNames()
    {
        QCOMPARE(flowviz::toString(Reading::Ok), QStringLiteral("ok"));
        QCOMPARE(flowviz::toString(Reading::Warning), QStringLiteral("warning"));
        QCOMPARE(flowviz::toString(Reading::Critical), QStringLiteral("critical"));
    }

    void toJson()
    {
        const QJsonObject o = frozen().toJson();
        QCOMPARE(o.value(QStringLiteral("lot_type")).toString(), QStringLiteral("FRZ"));
        QCOMPARE(QJsonDocument(o).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"lot_type":"FRZ","temp_margin_c":3,"temp_max_c":-18,)"
                            R"("temp_min_c":-25,"weight_margin_kg":3,"weight_max_kg":30,)"
                            R"("weight_min_kg":15})"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<TemperatureProfile>("profile");
        QTest::newRow("chilled") << chilled();
        QTest::newRow("frozen") << frozen();
        QTest::newRow("decimals") << profile(LotType::MIX, "-2.5", "4.5", "0.5", "699.99", "900.01",
                                             "89.95");
        QTest::newRow("min equals max") << profile(LotType::FG, "-18", "-18.0", "0", "0", "0", "0");
    }
    void roundTrip()
    {
        QFETCH(TemperatureProfile, profile);
        // Through the JSON text, as the API and the console exchange it.
        const QByteArray text = QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact);
        const auto back = TemperatureProfile::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.has_value(), text.constData());
        QCOMPARE(flowviz::toString(back->lotType), flowviz::toString(profile.lotType));
        QCOMPARE(back->tempMin.toString(), profile.tempMin.toString());
        QCOMPARE(back->tempMax.toString(), profile.tempMax.toString());
        QCOMPARE(back->tempMargin.toString(), profile.tempMargin.toString());
        QCOMPARE(back->weightMin.toString(), profile.weightMin.toString());
        QCOMPARE(back->weightMax.toString(), profile.weightMax.toString());
        QCOMPARE(back->weightMargin.toString(), profile.weightMargin.toString());
        QCOMPARE(QJsonDocument(back->toJson()).toJson(QJsonDocument::Compact), text);
    }

    void fromJsonAcceptsDecimalStrings()
    {
        QJsonObject o = profileJson();
        o.insert(QStringLiteral("temp_min_c"), QStringLiteral("-25.5"));
        o.insert(QStringLiteral("weight_max_kg"), QStringLiteral("30.25"));
        const auto p = TemperatureProfile::fromJson(o);
        QVERIFY(p.has_value());
        QCOMPARE(p->tempMin.toString(), QStringLiteral("-25.5"));
        QCOMPARE(p->weightMax.toString(), QStringLiteral("30.25"));
        QCOMPARE(flowviz::toString(p->lotType), QStringLiteral("FRZ"));
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // Undefined removes the key

        QTest::newRow("valid (control)") << QString() << QJsonValue();
        QTest::newRow("temp min above max") << "temp_min_c" << QJsonValue(-17.9);
        QTest::newRow("temp max below min") << "temp_max_c" << QJsonValue(-26);
        QTest::newRow("weight min above max") << "weight_min_kg" << QJsonValue(30.01);
        QTest::newRow("weight max below min") << "weight_max_kg" << QJsonValue(14.99);
        QTest::newRow("unknown lot type") << "lot_type" << QJsonValue(QStringLiteral("XYZ"));
        QTest::newRow("lower-case lot type") << "lot_type" << QJsonValue(QStringLiteral("frz"));
        QTest::newRow("lot type as number") << "lot_type" << QJsonValue(1);
        QTest::newRow("missing lot type") << "lot_type" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("missing temp_margin_c")
            << "temp_margin_c" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("missing weight_margin_kg")
            << "weight_margin_kg" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("null temperature") << "temp_min_c" << QJsonValue(QJsonValue::Null);
        QTest::newRow("boolean weight") << "weight_min_kg" << QJsonValue(true);
        QTest::newRow("exponent string") << "temp_max_c" << QJsonValue(QStringLiteral("-1.8e1"));
        QTest::newRow("not a decimal") << "temp_max_c" << QJsonValue(1e-9);
    }
    void fromJsonRejects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject o = profileJson();
        if (key.isEmpty()) {
            QVERIFY(TemperatureProfile::fromJson(o).has_value());
            return;
        }
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        QVERIFY(!TemperatureProfile::fromJson(o).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTemperatureProfile)
#include "tst_temperatureprofile.moc"
