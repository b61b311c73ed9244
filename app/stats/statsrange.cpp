#include "app/stats/statsrange.h"

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

QList<QTime> StatsRange::defaultShiftStarts()
{
    return {QTime(6, 0), QTime(14, 0), QTime(22, 0)};
}

bool StatsRange::isValidShiftStarts(const QList<QTime> &starts)
{
    if (starts.isEmpty() || starts.size() > 4)
        return false;
    for (int i = 0; i < starts.size(); ++i)
        if (!starts.at(i).isValid() || (i > 0 && !(starts.at(i - 1) < starts.at(i))))
            return false;
    return true;
}

QString StatsRange::shiftsText(const QList<QTime> &starts)
{
    QStringList shifts;
    const QString format = QStringLiteral("HH:mm");
    for (int i = 0; i < starts.size(); ++i)
        shifts << starts.at(i).toString(format) + QChar(0x2013) +
                      starts.at((i + 1) % starts.size()).toString(format);
    return shifts.join(QStringLiteral(", "));
}

StatsRange StatsRange::shift(const QDateTime &now, const QTimeZone &zone,
                             const QList<QTime> &shiftStarts)
{
    const QList<QTime> starts =
        isValidShiftStarts(shiftStarts) ? shiftStarts : defaultShiftStarts();
    const QDateTime local = now.toTimeZone(zone);
    const QDate day = local.date();
    const QTime time = local.time();
    const auto startAt = [&zone](QDate date, QTime start) { return QDateTime(date, start, zone); };
    StatsRange r;
    r.preset = Preset::Shift;
    r.bucket = QStringLiteral("hour");
    // The latest shift start at or before now; before the first start of the day the last
    // shift of the previous day is still running.
    const int count = int(starts.size());
    int index = -1;
    for (int i = 0; i < count; ++i)
        if (starts.at(i) <= time)
            index = i;
    if (index < 0) {
        r.from = startAt(day.addDays(-1), starts.at(count - 1));
        r.to = startAt(day, starts.at(0));
    } else {
        r.from = startAt(day, starts.at(index));
        r.to = index + 1 < count ? startAt(day, starts.at(index + 1))
                                 : startAt(day.addDays(1), starts.at(0));
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

StatsRange StatsRange::forPreset(Preset preset, const QDateTime &now, const QTimeZone &zone,
                                 const QList<QTime> &shiftStarts)
{
    switch (preset) {
    case Preset::Shift:
        return shift(now, zone, shiftStarts);
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

StatsRange StatsRange::kilogramDays(const QTimeZone &zone) const
{
    if (isDaily())
        return *this;
    const QDate last = to.addSecs(-1).toTimeZone(zone).date();
    StatsRange r = custom(last.addDays(1 - kKilogramDays), last, zone);
    r.preset = preset;
    r.bucket = QStringLiteral("day");
    return r;
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
