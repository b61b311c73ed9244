#include "app/core/domainlabels.h"
#include "app/scan/gs1parser.h"
#include "ui/i18n/languagemanager.h"
#include "ui/labels/labelpreview.h"
#include "ui/labels/labelrenderer.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QXmlStreamReader>

using flowviz::LotType;
using flowviz::app::DomainLabels;
using flowviz::app::Gs1Parser;
using flowviz::ui::LabelPreview;
using flowviz::ui::LabelRenderer;
using flowviz::ui::LanguageManager;

class TestLanguageManager : public QObject
{
    Q_OBJECT

private slots:
    void switchesVisibleTextsAtRunTime();
    void translatesNonWidgetStrings();
    void refusesUnsupportedLanguage();
    void languageForLocale();
    void translationFilesAreComplete_data();
    void translationFilesAreComplete();
};

void TestLanguageManager::switchesVisibleTextsAtRunTime()
{
    LanguageManager languages;
    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    QVERIFY(languages.setLanguage(QStringLiteral("en")));

    LabelPreview preview;
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    auto *print = preview.findChild<QPushButton *>(QStringLiteral("printButton"));
    auto *title = preview.findChild<QLabel *>(QStringLiteral("titleLabel"));
    QVERIFY(print && title);
    QCOMPARE(print->text(), QStringLiteral("Print label…"));
    QCOMPARE(title->text(), QStringLiteral("Label preview (100 × 50 mm)"));

    QVERIFY(languages.setLanguage(QStringLiteral("hu")));
    QCOMPARE(languages.language(), QStringLiteral("hu"));
    QTRY_COMPARE(print->text(), QStringLiteral("Címke nyomtatása…"));
    QCOMPARE(title->text(), QStringLiteral("Címke előnézete (100 × 50 mm)"));
    QVERIFY(preview.isVisible()); // same widget, no restart

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(print->text(), QStringLiteral("Print label…"));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("en"));

    QVERIFY(languages.setLanguage(QStringLiteral("en"))); // no change, no signal
    QCOMPARE(changed.size(), 3);
}

void TestLanguageManager::translatesNonWidgetStrings()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("hu")));
    QCOMPARE(DomainLabels::lotType(LotType::SKW), QStringLiteral("Nyárs"));
    QCOMPARE(LabelRenderer::formatWeight(*flowviz::Decimal::parse(u"12.5")),
             QStringLiteral("12,50 kg"));
    // app/scan's operator messages come from the same compiled-in translations.
    const auto result = Gs1Parser::parse(u"LOT 42");
    QVERIFY2(result.errorText().contains(QStringLiteral("nem tételkód")),
             qPrintable(result.errorText()));

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(DomainLabels::lotType(LotType::SKW), QStringLiteral("Skewer"));
    QVERIFY(Gs1Parser::parse(u"LOT 42").errorText().contains(QStringLiteral("is not a lot code")));
}

void TestLanguageManager::refusesUnsupportedLanguage()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("hu")));
    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    QVERIFY(!languages.setLanguage(QStringLiteral("de")));
    QCOMPARE(languages.language(), QStringLiteral("hu"));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(DomainLabels::lotType(LotType::RAW), QStringLiteral("Nyersanyag"));
    QCOMPARE(LanguageManager::supportedLanguages(),
             (QStringList{QStringLiteral("en"), QStringLiteral("hu")}));
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("hu")), QStringLiteral("Magyar"));
}

void TestLanguageManager::languageForLocale()
{
    QCOMPARE(LanguageManager::languageFor(QLocale(QLocale::Hungarian, QLocale::Hungary)),
             QStringLiteral("hu"));
    QCOMPARE(LanguageManager::languageFor(QLocale(QLocale::German, QLocale::Austria)),
             QStringLiteral("en"));
}

void TestLanguageManager::translationFilesAreComplete_data()
{
    QTest::addColumn<QString>("path");
    for (const char *lang : {"hu", "en"}) {
        QTest::newRow(lang) << QStringLiteral(FLOWVIZ_SOURCE_DIR
                                              "/resources/translations/flowviz_") +
                                   QLatin1String(lang) + QStringLiteral(".ts");
    }
}

// Every message has a finished translation that keeps the source's placeholders.
void TestLanguageManager::translationFilesAreComplete()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QXmlStreamReader xml(&file);
    const QRegularExpression placeholder(QStringLiteral("%\\d"));
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString translation = xml.readElementText();
            QVERIFY2(type.isEmpty(), qPrintable(type + QStringLiteral(": ") + source));
            QVERIFY2(!translation.isEmpty(), qPrintable(source));
            auto marks = [&](const QString &text) {
                QStringList found;
                for (auto it = placeholder.globalMatch(text); it.hasNext();)
                    found << it.next().captured();
                found.sort();
                return found;
            };
            QVERIFY2(marks(source) == marks(translation), qPrintable(source));
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 20);
}

QTEST_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
