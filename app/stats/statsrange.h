#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace flowviz::app {

// The time window the supervisor dashboard shows: a preset (this shift, today, 7 or 30 days)
// or a custom span of whole days, in the plant's time zone, with the bucket size the stats
// API aggregates by. `from` is inclusive and `to` exclusive, as the API reads them.
struct StatsRange
{
    enum class Preset
    {
        Shift,
        Today,
        Week,
        Month,
        Custom
    };

    // The plant's shifts by default: 06–14, 14–22, 22–06 (the Settings page can change them).
    static QList<QTime> defaultShiftStarts();
    // One to four start times, strictly increasing within a day; the last shift runs past
    // midnight to the first start of the next day.
    static bool isValidShiftStarts(const QList<QTime> &starts);
    // "06:00–14:00, 14:00–22:00, 22:00–06:00".
    static QString shiftsText(const QList<QTime> &starts);

    Preset preset = Preset::Today;
    QDateTime from;
    QDateTime to;
    QString bucket = QStringLiteral("hour"); // "hour" or "day"

    bool isValid() const { return from.isValid() && to.isValid() && from < to; }
    bool operator==(const StatsRange &other) const;

    // The shift around `now` (of `starts`; the default shifts when those are not valid),
    // today, or the last `days` days up to the end of today.
    static StatsRange shift(const QDateTime &now, const QTimeZone &zone,
                            const QList<QTime> &starts = defaultShiftStarts());
    static StatsRange today(const QDateTime &now, const QTimeZone &zone);
    static StatsRange lastDays(int days, const QDateTime &now, const QTimeZone &zone);
    // Whole days `first` to `last` (both included); hourly buckets up to two days.
    static StatsRange custom(QDate first, QDate last, const QTimeZone &zone);
    static StatsRange forPreset(Preset preset, const QDateTime &now, const QTimeZone &zone,
                                const QList<QTime> &shiftStarts = defaultShiftStarts());

    // The days the kilograms-per-day chart shows for this range: the range itself when it is
    // by the day, otherwise the 7 plant-local days ending with the range's last day.
    bool isDaily() const { return bucket == u"day"; }
    StatsRange kilogramDays(const QTimeZone &zone) const;
    static constexpr int kKilogramDays = 7;

    // "from=…&to=…&bucket=…", percent-encoded, times in RFC 3339 with their offset.
    QString query() const;
    QJsonObject toJson() const;
    static StatsRange fromJson(const QJsonObject &o);

    // RFC 3339 with the time's own UTC offset ("2026-01-14T06:00:00+01:00").
    static QString rfc3339(const QDateTime &time);
    static QString presetName(Preset preset);
};

} // namespace flowviz::app
