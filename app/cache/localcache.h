#pragma once

#include "domain/criticallimit.h"
#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/temperatureprofile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace flowviz::app {

// One QC gate as the server defines it, with its critical limits when it is a critical control
// point (so that the console warns before a PASS outside them, offline too).
struct CachedGate
{
    int id = 0;
    int number = 0;
    QString nameHu;
    QString nameEn;
    GateType type = GateType::CHECKPOINT;
    bool isCcp = false;
    bool passRequiresSignature = false;
    QList<CriticalLimit> criticalLimits;
    QJsonValue checklist;

    // The name in `language` ("hu" or "en"), falling back to the other one.
    QString name(const QString &language) const;
    bool operator==(const CachedGate &) const = default;
};

// A lot known to this console: from the server, or registered here and not yet synced.
struct CachedLot
{
    QString code;
    QString id; // the server's id; for a lot registered here, the client-generated UUID
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    std::optional<Decimal> temperatureC;
    QString runCode;
    QString workstationId;
    QDateTime createdAt;
    bool pendingRegistration = false; // registered here, not yet on the server
    bool pendingStatus = false;       // status set by a decision recorded here, not yet synced

    bool isPending() const { return pendingRegistration || pendingStatus; }
    bool operator==(const CachedLot &) const = default;
};

// A production run (only ACTIVE ones are fetched for registration).
struct CachedRun
{
    QString id;
    QString code;
    RunStatus status = RunStatus::ACTIVE;
    std::optional<Decimal> dailyTargetKg;
    QDateTime startedAt;
    bool operator==(const CachedRun &) const = default;
};

// A supplier raw material is received from (only active ones are fetched for receiving).
struct CachedSupplier
{
    QString code;
    QString name;
    bool operator==(const CachedSupplier &) const = default;
};

// The console's local copy of the reference data offline work needs: QC gates, lot profiles,
// recent lots with their status, the active production runs and the active suppliers, in SQLite
// tables of its own (prefixed `cache_`, so the file may be shared). Used from the thread that
// created it.
class LocalCache : public QObject
{
    Q_OBJECT

public:
    enum class Section
    {
        Gates,
        Profiles,
        Lots,
        Runs,
        Suppliers
    };
    using Clock = std::function<QDateTime()>;

    static constexpr int kMaxStoredLots = 2000;

    explicit LocalCache(const QString &databasePath, QObject *parent = nullptr);
    ~LocalCache() override;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    void setClock(Clock clock);

    // Server answers (the `items` array of each list endpoint). Gates, profiles and runs are
    // replaced as a whole; lots are upserted. Each records its section's refresh time.
    bool applyGates(const QJsonArray &items);
    bool applyProfiles(const QJsonArray &items);
    bool applyRuns(const QJsonArray &items);
    // The active suppliers (`GET /api/v1/suppliers?active=true`), replaced as a whole.
    bool applySuppliers(const QJsonArray &items);
    // A server lot replaces the cached one unless the cached one is a pending registration
    // with another id (a code clash the sync engine will report): that one is kept. A local
    // status still pending wins over the server's until markLotStatus(..., false).
    bool applyLots(const QJsonArray &items);
    bool applyLot(const QJsonObject &lot);

    // The console's own work, shown at once and marked pending.
    bool addPendingLot(const CachedLot &lot);
    // The registration reached the server; `serverLot` (its answer), when given, is applied.
    bool markLotSynced(const QString &code, const QJsonObject &serverLot = {});
    // A decision recorded here (pending = true) or confirmed by the server (pending = false).
    bool markLotStatus(const QString &code, LotStatus status, bool pending);
    // A pending registration that was discarded.
    bool removeLot(const QString &code);

    QList<CachedGate> gates() const;
    std::optional<CachedGate> gate(int number) const;
    QList<TemperatureProfile> profiles() const;
    std::optional<TemperatureProfile> profile(LotType type) const;
    std::optional<CachedLot> lot(const QString &code) const;
    // Newest first (by creation time), at most `limit`.
    QList<CachedLot> recentLots(int limit = 200) const;
    int pendingLotCount() const;
    QList<CachedRun> activeRuns() const;
    std::optional<CachedRun> run(const QString &code) const;
    // By code.
    QList<CachedSupplier> suppliers() const;
    std::optional<CachedSupplier> supplier(const QString &code) const;

    // When a section was last refreshed from the server (invalid: never).
    QDateTime lastRefreshed(Section section) const;
    // The oldest of the refresh times of gates, profiles, lots and runs (what every page
    // needs; suppliers only matter for receiving): the age of the least fresh data (invalid
    // while any of them has never been refreshed).
    QDateTime lastRefreshed() const;

    static std::optional<CachedLot> lotFromJson(const QJsonObject &lot);

signals:
    void gatesChanged();
    void profilesChanged();
    void lotsChanged();
    void runsChanged();
    void suppliersChanged();

private:
    bool migrate();
    bool exec(const QString &sql, const QVariantList &values = {}) const;
    bool transaction(const std::function<bool()> &work);
    bool upsertLot(const CachedLot &lot, bool fromServer);
    void touch(Section section);
    void fail(const QString &what, const QString &why) const;

    QString m_connection;
    bool m_open = false;
    mutable QString m_error;
    Clock m_clock;
};

} // namespace flowviz::app
