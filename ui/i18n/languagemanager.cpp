#include "ui/i18n/languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace flowviz::ui {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

QStringList LanguageManager::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("hu")};
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == u"hu")
        return QStringLiteral("Magyar");
    if (code == u"en")
        return QStringLiteral("English");
    return code;
}

QString LanguageManager::languageFor(const QLocale &locale)
{
    return locale.language() == QLocale::Hungarian ? QStringLiteral("hu") : QStringLiteral("en");
}

bool LanguageManager::setLanguage(const QString &code)
{
    if (!supportedLanguages().contains(code))
        return false;
    if (code == m_language)
        return true;

    // Load first, so a failure leaves the current language in place.
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral("flowviz_") + code, QStringLiteral(":/i18n")))
        return false;
    // Qt's own strings (standard dialogs, context menus) when the system has them.
    auto qt = std::make_unique<QTranslator>();
    if (!qt->load(QStringLiteral("qtbase_") + code,
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qt.reset();

    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());

    // Numbers and dates follow the language: decimal comma in Hungarian. English is set for a
    // European plant: 24-hour clock, day before month.
    QLocale::setDefault(code == u"hu" ? QLocale(QLocale::Hungarian, QLocale::Hungary)
                                      : QLocale(QLocale::English, QLocale::UnitedKingdom));

    m_qtTranslator = std::move(qt);
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    m_appTranslator = std::move(app);
    QCoreApplication::installTranslator(m_appTranslator.get());

    m_language = code;
    emit languageChanged(code);
    return true;
}

} // namespace flowviz::ui
