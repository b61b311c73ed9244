#include "ui/common/temperaturebadge.h"

#include <QEvent>

namespace flowviz::ui {

TemperatureBadge::TemperatureBadge(QWidget *parent) : QLabel(parent)
{
    setMinimumHeight(44);
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    refresh();
}

void TemperatureBadge::setReading(const std::optional<Decimal> &celsius,
                                  const std::optional<TemperatureProfile> &profile)
{
    m_celsius = celsius;
    m_profile = profile;
    refresh();
}

QString TemperatureBadge::readingName(Reading reading)
{
    switch (reading) {
    case Reading::Ok:
        return tr("OK");
    case Reading::Warning:
        return tr("WARNING");
    case Reading::Critical:
        return tr("CRITICAL");
    }
    return {};
}

void TemperatureBadge::refresh()
{
    m_reading.reset();
    if (!m_celsius || !m_profile) {
        setText(m_celsius ? tr("No temperature profile for this lot type")
                          : tr("No temperature yet"));
        setStyleSheet(
            QStringLiteral("QLabel { padding: 6px; border: 1px solid #888; border-radius: 4px; }"));
        return;
    }
    m_reading = m_profile->classifyTemperature(*m_celsius);
    const QString range = tr("expected %1 to %2 °C")
                              .arg(m_profile->tempMin.toString(), m_profile->tempMax.toString());
    QString icon;
    QString colour;
    switch (*m_reading) {
    case Reading::Ok:
        icon = QStringLiteral("\u2714"); // heavy check mark
        colour = QStringLiteral("#1b7f3b");
        break;
    case Reading::Warning:
        icon = QStringLiteral("\u26A0"); // warning sign
        colour = QStringLiteral("#a86500");
        break;
    case Reading::Critical:
        icon = QStringLiteral("\u2716"); // heavy multiplication x
        colour = QStringLiteral("#b00020");
        break;
    }
    setText(QStringLiteral("%1 %2 — %3 °C (%4)")
                .arg(icon, readingName(*m_reading), m_celsius->toString(), range));
    setStyleSheet(QStringLiteral("QLabel { padding: 6px; border-radius: 4px; color: white; "
                                 "font-weight: bold; background: %1; }")
                      .arg(colour));
}

void TemperatureBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace flowviz::ui
