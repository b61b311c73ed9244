// Wire names of the domain enumerations: every enumerator round-trips, parsing is exact.

#include "domain/enums.h"

#include <QTest>

using namespace flowviz;

namespace {

// Every enumerator of E with its expected wire name, in declaration order.
template <typename E> QStringList names(const QList<E> &values)
{
    QStringList out;
    for (const E v : values)
        out << toString(v);
    return out;
}

QStringList parseRejections()
{
    return {QString(), QStringLiteral(" "), QStringLiteral("UNKNOWN"), QStringLiteral("X")};
}

// Variants of a valid name that must not parse: case changes, blanks, prefixes, suffixes.
QStringList variantsOf(const QString &name)
{
    return {name.toLower(),
            name.left(1) + name.mid(1).toLower(),
            QStringLiteral(" ") + name,
            name + QStringLiteral(" "),
            name + QStringLiteral("\n"),
            name.left(name.size() - 1),
            name + QStringLiteral("S"),
            QStringLiteral("\"") + name + QStringLiteral("\"")};
}

template <typename E, typename Parse>
void checkEnum(const QList<E> &values, const QStringList &expectedNames, Parse parse)
{
    QCOMPARE(names(values), expectedNames);
    for (const E v : values) {
        const QString name = toString(v);
        const std::optional<E> back = parse(name);
        QVERIFY2(back.has_value(), qPrintable(name));
        QVERIFY2(*back == v, qPrintable(name));
        for (const QString &variant : variantsOf(name))
            QVERIFY2(!parse(variant).has_value(), qPrintable(variant));
    }
    for (const QString &bad : parseRejections())
        QVERIFY2(!parse(bad).has_value(), qPrintable(bad));
}

} // namespace

class TestEnums : public QObject
{
    Q_OBJECT

private slots:
    void lotType()
    {
        checkEnum(allLotTypes(),
                  {QStringLiteral("RAW"), QStringLiteral("DEB"), QStringLiteral("BULK"),
                   QStringLiteral("MIX"), QStringLiteral("SKW"), QStringLiteral("FRZ"),
                   QStringLiteral("FG")},
                  lotTypeFromString);
    }
    void lotStatus()
    {
        checkEnum(allLotStatuses(),
                  {QStringLiteral("CREATED"), QStringLiteral("QUARANTINE"),
                   QStringLiteral("RELEASED"), QStringLiteral("HOLD"), QStringLiteral("REJECTED"),
                   QStringLiteral("CONSUMED"), QStringLiteral("FINISHED")},
                  lotStatusFromString);
    }
    void decision()
    {
        checkEnum(allDecisions(),
                  {QStringLiteral("PASS"), QStringLiteral("HOLD"), QStringLiteral("FAIL")},
                  decisionFromString);
    }
    void gateType()
    {
        checkEnum(
            QList<GateType>{GateType::CHECKPOINT, GateType::BLOCKING, GateType::INFO},
            {QStringLiteral("CHECKPOINT"), QStringLiteral("BLOCKING"), QStringLiteral("INFO")},
            gateTypeFromString);
    }
    void role()
    {
        checkEnum(allRoles(),
                  {QStringLiteral("ADMIN"), QStringLiteral("MANAGER"), QStringLiteral("AUDITOR"),
                   QStringLiteral("OPERATOR"), QStringLiteral("VIEWER")},
                  roleFromString);
    }
    void runStatus()
    {
        checkEnum(
            QList<RunStatus>{RunStatus::ACTIVE, RunStatus::COMPLETED, RunStatus::CANCELLED},
            {QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"), QStringLiteral("CANCELLED")},
            runStatusFromString);
    }

    void namesDoNotCrossEnums()
    {
        // HOLD is both a decision and a status; names of one enum are unknown to the others.
        QCOMPARE(decisionFromString(u"HOLD"), std::optional<Decision>(Decision::HOLD));
        QCOMPARE(lotStatusFromString(u"HOLD"), std::optional<LotStatus>(LotStatus::HOLD));
        QVERIFY(!decisionFromString(u"RELEASED").has_value());
        QVERIFY(!lotStatusFromString(u"PASS").has_value());
        QVERIFY(!roleFromString(u"RAW").has_value());
        QVERIFY(!lotTypeFromString(u"ADMIN").has_value());
        QVERIFY(!runStatusFromString(u"CREATED").has_value());
        QVERIFY(!gateTypeFromString(u"FG").has_value());
    }
};

QTEST_GUILESS_MAIN(TestEnums)
#include "tst_enums.moc"
