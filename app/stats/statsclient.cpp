#include "app/stats/statsclient.h"

#include "app/api/apiclient.h"
#include "app/models/serverlotsmodel.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

namespace flowviz::app {

StatsClient::StatsClient(ApiClient *api, const QString &storePath, QObject *parent)
    : QObject(parent), m_api(api), m_storePath(storePath),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    load();
    // Back to the range of the stored snapshot, so a restart shows what was watched.
    const auto preset = m_snapshot.isEmpty() ? StatsRange::Preset::Today : m_snapshot.range.preset;
    m_range = preset == StatsRange::Preset::Custom
                  ? m_snapshot.range
                  : StatsRange::forPreset(preset, now(), plantZone());
}

void StatsClient::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QTimeZone StatsClient::plantZone() const
{
    if (!m_timeZone.isEmpty()) {
        const QTimeZone zone(m_timeZone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

void StatsClient::setShiftStarts(const QList<QTime> &starts)
{
    if (!StatsRange::isValidShiftStarts(starts) || starts == m_shiftStarts)
        return;
    m_shiftStarts = starts;
    if (m_range.preset == StatsRange::Preset::Shift)
        m_range = StatsRange::shift(now(), plantZone(), m_shiftStarts);
}

void StatsClient::setPreset(StatsRange::Preset preset)
{
    setRange(StatsRange::forPreset(preset, now(), plantZone(), m_shiftStarts));
}

void StatsClient::setRange(const StatsRange &range)
{
    m_range = range;
    refresh();
}

qint64 StatsClient::dataAgeSeconds() const
{
    if (m_snapshot.isEmpty())
        return -1;
    return qMax<qint64>(0, m_snapshot.fetchedAt.secsTo(now()));
}

QString StatsClient::ageText(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 days ago").arg(seconds / 86400); // two or more
}

bool StatsClient::isOfflineError(const ApiError &error)
{
    using K = ApiError::Kind;
    return error.kind == K::Network || error.kind == K::Timeout || error.kind == K::Tls ||
           error.kind == K::Unavailable;
}

void StatsClient::refresh()
{
    if (!m_api)
        return;
    if (m_range.preset != StatsRange::Preset::Custom)
        m_range = StatsRange::forPreset(m_range.preset, now(), plantZone(), m_shiftStarts);
    const quint64 generation = ++m_generation;
    m_requested = m_range;
    m_answers = {};
    m_failedOffline = false;
    m_failure.clear();

    const StatsRange today = StatsRange::today(now(), plantZone());
    StatsRange todayByDay = today;
    todayByDay.bucket = QStringLiteral("day");
    QList<std::pair<QString, QString>> calls{
        {QStringLiteral("lots"), QStringLiteral("/api/v1/stats/lots?") + m_range.query()},
        {QStringLiteral("qc"), QStringLiteral("/api/v1/stats/qc?") + m_range.query()},
        {QStringLiteral("lots_today"), QStringLiteral("/api/v1/stats/lots?") + todayByDay.query()},
        {QStringLiteral("qc_today"), QStringLiteral("/api/v1/stats/qc?") + todayByDay.query()},
        {QStringLiteral("holds"), QStringLiteral("/api/v1/stats/holds")},
        {QStringLiteral("workstations"), QStringLiteral("/api/v1/stats/workstations")},
    };
    // The kilograms are always shown per day: a range by the hour asks for its last 7 days.
    if (!m_range.isDaily())
        calls.append({QStringLiteral("lots_daily"), QStringLiteral("/api/v1/stats/lots?") +
                                                        m_range.kilogramDays(plantZone()).query()});
    const bool wasLoading = isLoading();
    m_pending = int(calls.size());
    for (const auto &[name, path] : calls) {
        m_api->get(path, this, [this, generation, name](const ApiResult &r) {
            if (generation != m_generation)
                return; // an answer for a range no longer asked for
            if (r.ok() && r.body.isObject()) {
                m_answers.insert(name, r.object());
            } else if (isOfflineError(r.error)) {
                m_failedOffline = true;
            } else if (m_failure.isEmpty()) {
                m_failure = r.error.kind == ApiError::Kind::Forbidden
                                ? tr("Your role cannot see the supervisor figures. Ask an "
                                     "administrator for a manager, auditor or viewer account.")
                                : ServerLotsModel::errorMessage(r.error);
            }
            if (--m_pending == 0)
                finish();
        });
    }
    if (!wasLoading)
        emit stateChanged();
}

void StatsClient::finish()
{
    const bool complete = !m_failedOffline && m_failure.isEmpty();
    m_offline = m_failedOffline;
    m_error = m_failure;
    if (complete) {
        m_snapshot = StatsSnapshot::fromAnswers(m_requested, now(), m_answers);
        const QString zone = m_snapshot.lots.timeZone;
        const bool zoneChanged = !zone.isEmpty() && zone != m_timeZone;
        if (!zone.isEmpty())
            m_timeZone = zone;
        save();
        emit stateChanged();
        emit updated();
        // The range was laid out in the workstation's zone before the server named the
        // plant's: ask again for the same days in the plant's zone.
        if (zoneChanged && plantZone() != m_requested.from.timeZone()) {
            m_range =
                m_range.preset == StatsRange::Preset::Custom
                    ? StatsRange::custom(m_range.from.date(), m_range.to.addSecs(-1).date(),
                                         plantZone())
                    : StatsRange::forPreset(m_range.preset, now(), plantZone(), m_shiftStarts);
            QTimer::singleShot(0, this, &StatsClient::refresh);
        }
        return;
    }
    emit stateChanged();
}

void StatsClient::load()
{
    if (m_storePath.isEmpty())
        return;
    QFile file(m_storePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    m_snapshot = StatsSnapshot::fromJson(o);
    m_timeZone = m_snapshot.lots.timeZone;
}

void StatsClient::save() const
{
    if (m_storePath.isEmpty())
        return;
    // Only the stats API's aggregates: no credentials, nothing an operator typed.
    QSaveFile file(m_storePath);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(m_snapshot.toJson()).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace flowviz::app
