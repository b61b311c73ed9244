#pragma once

#include "app/stats/statsrange.h"
#include "app/stats/statssnapshot.h"

#include <QObject>
#include <QPointer>
#include <QTimeZone>

#include <functional>

namespace flowviz::app {

class ApiClient;
struct ApiError;

// The supervisor dashboard's data: fetches the stats API for the chosen range (plus its
// kilograms per day, today's figures for the KPI tiles, the open holds and the workstations)
// as one snapshot, and keeps
// the last complete snapshot in a small JSON file so it is still shown, with its age, when
// the server cannot be reached or after a restart. Nothing is shown as live that is not.
class StatsClient : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    static constexpr int kRefreshIntervalMs = 30 * 1000;

    // `storePath` is the JSON file of the last snapshot (empty: not stored).
    StatsClient(ApiClient *api, const QString &storePath, QObject *parent = nullptr);

    void setClock(Clock clock);
    QDateTime now() const { return m_clock(); }
    // The plant's time zone as the server reported it; the workstation's until then.
    QTimeZone plantZone() const;

    StatsRange range() const { return m_range; }
    // The plant's shift start times ("this shift"); invalid lists are ignored. A "this shift"
    // range is laid out again at once; the next refresh fetches it.
    QList<QTime> shiftStarts() const { return m_shiftStarts; }
    void setShiftStarts(const QList<QTime> &starts);
    // A preset follows the clock: "today" is today at every refresh.
    void setPreset(StatsRange::Preset preset);
    void setRange(const StatsRange &range);

    const StatsSnapshot &snapshot() const { return m_snapshot; }
    bool isLoading() const { return m_pending > 0; }
    // The last refresh could not reach the server: the snapshot on screen is old.
    bool isOffline() const { return m_offline; }
    // The last refresh failed for another reason (in the supervisor's words), or empty.
    QString errorString() const { return m_error; }
    // Seconds since the snapshot was fetched; -1 without data.
    qint64 dataAgeSeconds() const;

    // "just now", "12 min ago", "3 h ago", "2 days ago".
    static QString ageText(qint64 seconds);
    static bool isOfflineError(const ApiError &error);

public slots:
    void refresh();

signals:
    // A new snapshot is on hand.
    void updated();
    // Loading, offline or error state changed.
    void stateChanged();

private:
    void load();
    void save() const;
    void finish();

    QPointer<ApiClient> m_api;
    QString m_storePath;
    Clock m_clock;
    QList<QTime> m_shiftStarts = StatsRange::defaultShiftStarts();
    StatsRange m_range;
    StatsSnapshot m_snapshot;
    QString m_timeZone; // IANA id from the last answer
    bool m_offline = false;
    QString m_error;

    // The refresh in flight.
    quint64 m_generation = 0;
    int m_pending = 0;
    StatsRange m_requested;
    QJsonObject m_answers;
    bool m_failedOffline = false;
    QString m_failure;
};

} // namespace flowviz::app
