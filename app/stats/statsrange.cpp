#include "statsrange.h"

#include <QUrl>

namespace flowviz::app {

namespace {

QDateTime at(QDate date, int hour, const QTimeZone &zone)
{
    return QDateTime(date, QTime(hour, 0), zone);
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

bool StatsRange::operator==(const StatsRange &other) const
{
    return preset == other.preset && from == other.from && to == other.to && bucket == other.bucket;
}

StatsRange StatsRange::shift(const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = now.toTimeZone(zone);
    const QDate day = local.date();
    const int hour = local.time().hour();
    StatsRange r;
    r.preset = Preset::Shift;
    r.bucket = QStringLiteral("hour");
    // The latest shift start at or before now; before the first start of the day the night
    // shift of the previous day is still running.
    constexpr int count = int(std::size(kShiftStarts));
    int index = -1;
    for (int i = 0; i < count; ++i)
        if (kShiftStarts[i] <= hour)
            index = i;
    if (index < 0) {
        r.from = at(day.addDays(-1), kShiftStarts[count - 1], zone);
        r.to = at(day, kShiftStarts[0], zone);
    } else {
        r.from = at(day, kShiftStarts[index], zone);
        r.to = index + 1 < count ? at(day, kShiftStarts[index + 1], zone)
                                 : at(day.addDays(1), kShiftStarts[0], zone);
    }
    return r;
}

StatsRange StatsRange::today(const QDateTime &now, const QTimeZone &zone)
{
    const QDate day = now.toTimeZone(zone).date();
    StatsRange r;
    r.preset = Preset::Today;
    r.bucket = QStringLiteral("hour");
    r.from = at(day, 0, zone);
    r.to = at(day.addDays(1), 0, zone);
    return r;
}

StatsRange StatsRange::lastDays(int days, const QDateTime &now, const QTimeZone &zone)
{
    const QDate day = now.toTimeZone(zone).date();
    StatsRange r;
    r.preset = days <= 7 ? Preset::Week : Preset::Month;
    r.bucket = QStringLiteral("day");
    r.from = at(day.addDays(1 - qMax(1, days)), 0, zone);
    r.to = at(day.addDays(1), 0, zone);
    return r;
}

StatsRange StatsRange::custom(QDate first, QDate last, const QTimeZone &zone)
{
    if (last < first)
        std::swap(first, last);
    StatsRange r;
    r.preset = Preset::Custom;
    r.from = at(first, 0, zone);
    r.to = at(last.addDays(1), 0, zone);
    r.bucket = first.daysTo(last) < 2 ? QStringLiteral("hour") : QStringLiteral("day");
    return r;
}

StatsRange StatsRange::forPreset(Preset preset, const QDateTime &now, const QTimeZone &zone)
{
    switch (preset) {
    case Preset::Shift:
        return shift(now, zone);
    case Preset::Week:
        return lastDays(7, now, zone);
    case Preset::Month:
        return lastDays(30, now, zone);
    case Preset::Today:
    case Preset::Custom:
        break;
    }
    return today(now, zone);
}

QString StatsRange::rfc3339(const QDateTime &time)
{
    const int offset = time.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    const QString zone = offset == 0
                             ? QStringLiteral("Z")
                             : QStringLiteral("%1%2:%3")
                                   .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                                   .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                                   .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    const QDateTime shifted = time.toOffsetFromUtc(offset);
    return shifted.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) + zone;
}

QString StatsRange::query() const
{
    return QStringLiteral("from=%1&to=%2&bucket=%3")
        .arg(encoded(rfc3339(from)), encoded(rfc3339(to)), bucket);
}

QString StatsRange::presetName(Preset preset)
{
    switch (preset) {
    case Preset::Shift:
        return QStringLiteral("shift");
    case Preset::Today:
        return QStringLiteral("today");
    case Preset::Week:
        return QStringLiteral("7d");
    case Preset::Month:
        return QStringLiteral("30d");
    case Preset::Custom:
        break;
    }
    return QStringLiteral("custom");
}

QJsonObject StatsRange::toJson() const
{
    return {{QStringLiteral("preset"), presetName(preset)},
            {QStringLiteral("from"), rfc3339(from)},
            {QStringLiteral("to"), rfc3339(to)},
            {QStringLiteral("bucket"), bucket}};
}

StatsRange StatsRange::fromJson(const QJsonObject &o)
{
    StatsRange r;
    const QString preset = o.value(QStringLiteral("preset")).toString();
    for (Preset p : {Preset::Shift, Preset::Today, Preset::Week, Preset::Month, Preset::Custom})
        if (presetName(p) == preset)
            r.preset = p;
    r.from = QDateTime::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    r.to = QDateTime::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    r.bucket = o.value(QStringLiteral("bucket")).toString(QStringLiteral("hour"));
    return r;
}

} // namespace flowviz::app
