#include "app/core/consolesettings.h"

#include "app/core/privatefiles.h"

#include <QRegularExpression>
#include <QSettings>
#include <QStringList>

namespace flowviz::app {

ConsoleSettings ConsoleSettings::load()
{
    const ConsoleSettings defaults;
    ConsoleSettings s;
    QSettings q(QStringLiteral("FlowViz"), QStringLiteral("flowviz-console"));
    s.serverUrl =
        QUrl(q.value(QStringLiteral("server/url"), defaults.serverUrl.toString()).toString());
    s.caFile = q.value(QStringLiteral("server/caFile"), defaults.caFile).toString();
    s.site = q.value(QStringLiteral("workstation/site"), defaults.site).toString();
    s.workstation = q.value(QStringLiteral("workstation/id"), defaults.workstation).toString();
    s.language = q.value(QStringLiteral("ui/language"), defaults.language).toString();
    s.labelPrinter = q.value(QStringLiteral("labels/printer"), defaults.labelPrinter).toString();
    const double w =
        q.value(QStringLiteral("labels/widthMm"), defaults.labelSizeMm.width()).toDouble();
    const double h =
        q.value(QStringLiteral("labels/heightMm"), defaults.labelSizeMm.height()).toDouble();
    s.labelSizeMm = (w > 0 && h > 0) ? QSizeF(w, h) : defaults.labelSizeMm;
    s.scannerPrefix = q.value(QStringLiteral("scanner/prefix"), defaults.scannerPrefix).toString();
    s.scannerSuffix = q.value(QStringLiteral("scanner/suffix"), defaults.scannerSuffix).toString();
    s.idleLockMinutes =
        q.value(QStringLiteral("ui/idleLockMinutes"), defaults.idleLockMinutes).toInt();
    if (s.idleLockMinutes < 0)
        s.idleLockMinutes = defaults.idleLockMinutes;
    bool daysOk = false;
    s.offlineLoginDays =
        q.value(QStringLiteral("session/offlineLoginDays"), defaults.offlineLoginDays)
            .toInt(&daysOk);
    if (!daysOk || s.offlineLoginDays < 0)
        s.offlineLoginDays = defaults.offlineLoginDays;
    // A stored value that is not a valid set of shifts (edited by hand) gives the defaults.
    QString ignored;
    s.shiftStarts = parseShiftStarts(q.value(QStringLiteral("supervisor/shiftStarts"),
                                             shiftStartsText(defaults.shiftStarts))
                                         .toString(),
                                     &ignored)
                        .value_or(defaults.shiftStarts);
    return s;
}

void ConsoleSettings::save() const
{
    QSettings q(QStringLiteral("FlowViz"), QStringLiteral("flowviz-console"));
    q.setValue(QStringLiteral("server/url"), serverUrl.toString());
    q.setValue(QStringLiteral("server/caFile"), caFile);
    q.setValue(QStringLiteral("workstation/site"), site);
    q.setValue(QStringLiteral("workstation/id"), workstation);
    q.setValue(QStringLiteral("ui/language"), language);
    q.setValue(QStringLiteral("labels/printer"), labelPrinter);
    q.setValue(QStringLiteral("labels/widthMm"), labelSizeMm.width());
    q.setValue(QStringLiteral("labels/heightMm"), labelSizeMm.height());
    q.setValue(QStringLiteral("scanner/prefix"), scannerPrefix);
    q.setValue(QStringLiteral("scanner/suffix"), scannerSuffix);
    q.setValue(QStringLiteral("ui/idleLockMinutes"), idleLockMinutes);
    q.setValue(QStringLiteral("supervisor/shiftStarts"), shiftStartsText(shiftStarts));
    q.setValue(QStringLiteral("session/offlineLoginDays"), offlineLoginDays);
    q.sync();
    // The server address and workstation identity are this account's business only.
    privatefiles::restrict(q.fileName());
}

std::optional<QString> ConsoleSettings::checkShiftStarts(const QList<QTime> &starts)
{
    if (starts.isEmpty() || starts.size() > kMaxShifts)
        return tr("Enter the start times of one to four shifts, for example 06:00, 14:00, "
                  "22:00.");
    for (const QTime &start : starts)
        if (!start.isValid())
            return tr("A shift start time is not a time of day. Write hours and minutes, for "
                      "example 06:00.");
    for (int i = 1; i < starts.size(); ++i)
        if (!(starts.at(i - 1) < starts.at(i)))
            return tr("Each shift must start later in the day than the one before it, for "
                      "example 06:00, 14:00, 22:00. The last shift runs on past midnight.");
    return std::nullopt;
}

std::optional<QList<QTime>> ConsoleSettings::parseShiftStarts(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression time(QStringLiteral("^(\\d{1,2})(?:[:.](\\d{2}))?$"));
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QList<QTime> starts;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = time.match(part);
        const QTime start =
            m.hasMatch()
                ? QTime(m.captured(1).toInt(), m.captured(2).isEmpty() ? 0 : m.captured(2).toInt())
                : QTime();
        if (!start.isValid())
            return fail(tr("“%1” is not a time of day. Write shift start times as hours and "
                           "minutes, for example 06:00, 14:00, 22:00.")
                            .arg(part));
        starts.append(start);
    }
    if (const auto problem = checkShiftStarts(starts))
        return fail(*problem);
    return starts;
}

QString ConsoleSettings::shiftStartsText(const QList<QTime> &starts)
{
    QStringList out;
    for (const QTime &start : starts)
        out << start.toString(QStringLiteral("HH:mm"));
    return out.join(QStringLiteral(", "));
}

} // namespace flowviz::app
