#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace flowviz::ui {

// Switches the console's language at run time. Installing the translator makes Qt send
// QEvent::LanguageChange to every widget, which retranslates in changeEvent(); nothing restarts.
// Translations are compiled in (":/i18n/flowviz_<code>.qm"); Qt's own (standard dialogs) are
// added from the system when installed.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "en", "hu".
    static QStringList supportedLanguages();
    // The language's name in itself ("English", "Magyar"), for a language picker.
    static QString nativeName(const QString &code);
    // "hu" when `locale` is Hungarian, else "en".
    static QString languageFor(const QLocale &locale);

    // The active language code; empty before the first setLanguage().
    QString language() const { return m_language; }
    // Loads and installs `code`'s translations. False, and nothing changes, when the language is
    // not supported or its translations cannot be loaded.
    bool setLanguage(const QString &code);

signals:
    void languageChanged(const QString &code);

private:
    QString m_language;
    std::unique_ptr<QTranslator> m_appTranslator; // installed while set
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace flowviz::ui
