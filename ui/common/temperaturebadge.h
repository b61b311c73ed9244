#pragma once

#include "domain/temperatureprofile.h"

#include <QLabel>

#include <optional>

namespace flowviz::ui {

// A reading against its lot type's profile: ok / warning / critical, always as an icon and a
// word as well as a colour, so it never depends on colour alone.
class TemperatureBadge : public QLabel
{
    Q_OBJECT

public:
    explicit TemperatureBadge(QWidget *parent = nullptr);

    // Classifies `celsius` against `profile`; no reading or no profile shows a neutral text.
    void setReading(const std::optional<Decimal> &celsius,
                    const std::optional<TemperatureProfile> &profile);
    std::optional<Reading> reading() const { return m_reading; }

    static QString readingName(Reading reading);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    std::optional<Decimal> m_celsius;
    std::optional<TemperatureProfile> m_profile;
    std::optional<Reading> m_reading;
};

} // namespace flowviz::ui
