#include "app/core/domainlabels.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>
#include <QTranslator>

using flowviz::Decision;
using flowviz::GateType;
using flowviz::LotStatus;
using flowviz::LotType;
using flowviz::app::DomainLabels;

namespace {

// Every label non-empty and no two values of one enum with the same label.
template <typename Enum> void checkLabels(const QList<Enum> &values, QString (*label)(Enum))
{
    QSet<QString> seen;
    for (const Enum value : values) {
        const QString text = label(value);
        QVERIFY2(!text.trimmed().isEmpty(), qPrintable(flowviz::toString(value)));
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
    }
    QCOMPARE(seen.size(), values.size());
}

} // namespace

class TestDomainLabels : public QObject
{
    Q_OBJECT

private:
    // Installs the language's catalogue ("en" is the source text, but has a catalogue too).
    bool useLanguage(const QString &language)
    {
        QCoreApplication::removeTranslator(&m_translator);
        if (!m_translator.load(QStringLiteral(":/i18n/flowviz_%1.qm").arg(language)))
            return false;
        return QCoreApplication::installTranslator(&m_translator);
    }

    QTranslator m_translator;

private slots:
    void everyValueHasItsOwnLabel_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("hu") << QStringLiteral("hu");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void everyValueHasItsOwnLabel()
    {
        QFETCH(QString, language);
        QVERIFY(useLanguage(language));
        checkLabels(flowviz::allLotStatuses(), &DomainLabels::lotStatus);
        checkLabels(flowviz::allLotTypes(), &DomainLabels::lotType);
        checkLabels(flowviz::allDecisions(), &DomainLabels::decision);
        checkLabels(QList<GateType>{GateType::CHECKPOINT, GateType::BLOCKING, GateType::INFO},
                    &DomainLabels::gateType);
    }

    // The two languages are really both there: a label per value in each, and they differ.
    void hungarianDiffersFromEnglish()
    {
        QVERIFY(useLanguage(QStringLiteral("en")));
        QCOMPARE(DomainLabels::lotStatus(LotStatus::HOLD), QStringLiteral("On hold"));
        QCOMPARE(DomainLabels::lotType(LotType::SKW), QStringLiteral("Skewer"));
        QCOMPARE(DomainLabels::decision(Decision::FAIL), QStringLiteral("FAIL"));
        QStringList english;
        for (const LotStatus s : flowviz::allLotStatuses())
            english << DomainLabels::lotStatus(s);
        for (const LotType t : flowviz::allLotTypes())
            english << DomainLabels::lotType(t);
        for (const Decision d : flowviz::allDecisions())
            english << DomainLabels::decision(d);

        QVERIFY(useLanguage(QStringLiteral("hu")));
        QCOMPARE(DomainLabels::lotStatus(LotStatus::HOLD), QStringLiteral("Visszatartva"));
        QCOMPARE(DomainLabels::lotType(LotType::SKW), QStringLiteral("Nyárs"));
        QCOMPARE(DomainLabels::lotType(LotType::RAW), QStringLiteral("Nyersanyag"));
        QStringList hungarian;
        for (const LotStatus s : flowviz::allLotStatuses())
            hungarian << DomainLabels::lotStatus(s);
        for (const LotType t : flowviz::allLotTypes())
            hungarian << DomainLabels::lotType(t);
        for (const Decision d : flowviz::allDecisions())
            hungarian << DomainLabels::decision(d);
        QCOMPARE(hungarian.size(), english.size());
        QVERIFY(hungarian != english);
    }

    void gateNamesSayWhetherTheyAreCriticalControlPoints()
    {
        QVERIFY(useLanguage(QStringLiteral("en")));
        QCOMPARE(DomainLabels::gate(3, QStringLiteral("Metal detection"), true),
                 QStringLiteral("3. Metal detection (CCP)"));
        QCOMPARE(DomainLabels::gate(1, QStringLiteral("Receiving"), false),
                 QStringLiteral("1. Receiving"));
    }

    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_translator); }
};

QTEST_GUILESS_MAIN(TestDomainLabels)
#include "tst_domainlabels.moc"
