#include "app/cache/localcache.h"

#include "domain/wire/gate.h"
#include "domain/wire/lot.h"

#include "app/core/privatefiles.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace flowviz::app {

namespace {

const char *const kSchema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "CREATE TABLE IF NOT EXISTS cache_gates (id INTEGER PRIMARY KEY, gate_number INTEGER NOT NULL,"
    " name_hu TEXT, name_en TEXT, gate_type TEXT NOT NULL,"
    " is_ccp INTEGER NOT NULL, checklist TEXT,"
    " pass_requires_signature INTEGER NOT NULL DEFAULT 0, critical_limits TEXT)",
    // Decimals are kept as their canonical text: never through a double.
    "CREATE TABLE IF NOT EXISTS cache_profiles (lot_type TEXT PRIMARY KEY,"
    " temp_min_c TEXT NOT NULL, temp_max_c TEXT NOT NULL, temp_margin_c TEXT NOT NULL,"
    " weight_min_kg TEXT NOT NULL, weight_max_kg TEXT NOT NULL, weight_margin_kg TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cache_lots (code TEXT PRIMARY KEY, id TEXT,"
    " lot_type TEXT NOT NULL, status TEXT NOT NULL, weight_kg TEXT, temperature_c TEXT,"
    " run_code TEXT, workstation_id TEXT, created_at TEXT NOT NULL,"
    " pending_registration INTEGER NOT NULL, pending_status INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS cache_lots_created ON cache_lots (created_at DESC, code)",
    "CREATE TABLE IF NOT EXISTS cache_runs (id TEXT PRIMARY KEY, run_code TEXT NOT NULL,"
    " status TEXT NOT NULL, daily_target_kg TEXT, started_at TEXT)",
    "CREATE TABLE IF NOT EXISTS cache_suppliers (supplier_code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cache_meta (section TEXT PRIMARY KEY, refreshed_at TEXT NOT NULL)",
};

const char *const kLotColumns = "code, id, lot_type, status, weight_kg, temperature_c, run_code,"
                                " workstation_id, created_at, pending_registration, pending_status";

// Fixed-width UTC text, so text order is time order.
QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) : QString();
}

QDateTime timeFrom(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QVariant decimalText(const std::optional<Decimal> &d)
{
    return d ? QVariant(d->toString()) : QVariant(QMetaType(QMetaType::QString));
}

std::optional<Decimal> decimalFrom(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return Decimal::parse(v.toString());
}

QString sectionName(LocalCache::Section s)
{
    switch (s) {
    case LocalCache::Section::Gates:
        return QStringLiteral("gates");
    case LocalCache::Section::Profiles:
        return QStringLiteral("profiles");
    case LocalCache::Section::Lots:
        return QStringLiteral("lots");
    case LocalCache::Section::Runs:
        return QStringLiteral("runs");
    case LocalCache::Section::Suppliers:
        return QStringLiteral("suppliers");
    }
    return {};
}

// Columns added after the first release, for cache files made by an older console.
struct AddedColumn
{
    const char *table;
    const char *name;
    const char *definition;
};
const AddedColumn kAddedColumns[] = {
    {"cache_gates", "pass_requires_signature", "INTEGER NOT NULL DEFAULT 0"},
    {"cache_gates", "critical_limits", "TEXT"},
};

// Critical limits as stored here: the server's shape, with the bounds as canonical decimal text.
QString limitsText(const QList<CriticalLimit> &limits)
{
    QJsonArray out;
    for (const CriticalLimit &l : limits) {
        out.append(QJsonObject{
            {QStringLiteral("lot_type"),
             l.lotType ? QJsonValue(toString(*l.lotType)) : QJsonValue()},
            {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
            {QStringLiteral("min"), l.minC ? QJsonValue(l.minC->toString()) : QJsonValue()},
            {QStringLiteral("max"), l.maxC ? QJsonValue(l.maxC->toString()) : QJsonValue()}});
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

CachedLot lotFromRow(const QSqlQuery &q)
{
    CachedLot l;
    l.code = q.value(0).toString();
    l.id = q.value(1).toString();
    l.type = lotTypeFromString(q.value(2).toString()).value_or(LotType::RAW);
    l.status = lotStatusFromString(q.value(3).toString()).value_or(LotStatus::CREATED);
    l.weightKg = decimalFrom(q.value(4));
    l.temperatureC = decimalFrom(q.value(5));
    l.runCode = q.value(6).toString();
    l.workstationId = q.value(7).toString();
    l.createdAt = timeFrom(q.value(8));
    l.pendingRegistration = q.value(9).toBool();
    l.pendingStatus = q.value(10).toBool();
    return l;
}

CachedRun runFromRow(const QSqlQuery &q)
{
    CachedRun r;
    r.id = q.value(0).toString();
    r.code = q.value(1).toString();
    r.status = runStatusFromString(q.value(2).toString()).value_or(RunStatus::ACTIVE);
    r.dailyTargetKg = decimalFrom(q.value(3));
    r.startedAt = timeFrom(q.value(4));
    return r;
}

} // namespace

QString CachedGate::name(const QString &language) const
{
    const QString &preferred = language.startsWith(QStringLiteral("hu")) ? nameHu : nameEn;
    if (!preferred.isEmpty())
        return preferred;
    return nameEn.isEmpty() ? nameHu : nameEn;
}

LocalCache::LocalCache(const QString &databasePath, QObject *parent)
    : QObject(parent),
      m_connection(QStringLiteral("flowviz-cache-") + QUuid::createUuid().toString(QUuid::Id128)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // Lots, gates and the operators' names: readable by this account only.
    if (!privatefiles::prepareSqlite(databasePath))
        qWarning("LocalCache: %s cannot be made private to this account.",
                 qPrintable(databasePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        fail(tr("The local cache %1 cannot be opened.").arg(databasePath), db.lastError().text());
        return;
    }
    for (const char *sql : kSchema) {
        if (!exec(QString::fromLatin1(sql)))
            return;
    }
    if (!migrate())
        return;
    m_open = true;
}

bool LocalCache::migrate()
{
    for (const AddedColumn &column : kAddedColumns) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(column.table)))) {
            fail(tr("The local cache cannot be updated."), q.lastError().text());
            return false;
        }
        bool present = false;
        while (q.next())
            present = present || q.value(1).toString() == QLatin1String(column.name);
        if (!present && !exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                                  .arg(QLatin1String(column.table), QLatin1String(column.name),
                                       QLatin1String(column.definition))))
            return false;
    }
    return true;
}

LocalCache::~LocalCache()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void LocalCache::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void LocalCache::fail(const QString &what, const QString &why) const
{
    m_error = why.isEmpty() ? what : what + u' ' + why;
    qWarning("LocalCache: %s", qPrintable(m_error));
}

bool LocalCache::exec(const QString &sql, const QVariantList &values) const
{
    Q_ASSERT(QThread::currentThread() == thread());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql)) {
        fail(tr("The local cache cannot be updated."), q.lastError().text());
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        fail(tr("The local cache cannot be updated."), q.lastError().text());
        return false;
    }
    return true;
}

bool LocalCache::transaction(const std::function<bool()> &work)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(tr("The local cache cannot be updated."), db.lastError().text());
        return false;
    }
    if (!work()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        fail(tr("The local cache cannot be updated."), db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

void LocalCache::touch(Section section)
{
    exec(QStringLiteral("INSERT OR REPLACE INTO cache_meta (section, refreshed_at) VALUES (?, ?)"),
         {sectionName(section), timeText(m_clock())});
}

bool LocalCache::applyGates(const QJsonArray &items)
{
    const bool ok = transaction([&] {
        if (!exec(QStringLiteral("DELETE FROM cache_gates")))
            return false;
        for (const QJsonValue &v : items) {
            const std::optional<wire::QcGate> g = wire::QcGate::fromJson(v.toObject());
            if (!g) {
                fail(tr("The server sent a QC gate the console cannot read."), QString());
                return false;
            }
            if (!exec(
                    QStringLiteral("INSERT OR REPLACE INTO cache_gates (id, gate_number, name_hu,"
                                   " name_en, gate_type, is_ccp, checklist,"
                                   " pass_requires_signature, critical_limits)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {g->id, g->gateNumber, g->name.value(QStringLiteral("hu")),
                     g->name.value(QStringLiteral("en")), toString(g->gateType), g->isCcp ? 1 : 0,
                     QString::fromUtf8(QJsonDocument(g->checklist).toJson(QJsonDocument::Compact)),
                     g->passRequiresSignature ? 1 : 0, limitsText(g->criticalLimits)}))
                return false;
        }
        touch(Section::Gates);
        return true;
    });
    if (ok)
        emit gatesChanged();
    return ok;
}

bool LocalCache::applyProfiles(const QJsonArray &items)
{
    const bool ok = transaction([&] {
        if (!exec(QStringLiteral("DELETE FROM cache_profiles")))
            return false;
        for (const QJsonValue &v : items) {
            const auto p = TemperatureProfile::fromJson(v.toObject());
            if (!p) {
                fail(tr("The server sent a lot profile the console cannot read."), QString());
                return false;
            }
            if (!exec(QStringLiteral("INSERT OR REPLACE INTO cache_profiles (lot_type, temp_min_c,"
                                     " temp_max_c, temp_margin_c, weight_min_kg, weight_max_kg,"
                                     " weight_margin_kg) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {toString(p->lotType), p->tempMin.toString(), p->tempMax.toString(),
                       p->tempMargin.toString(), p->weightMin.toString(), p->weightMax.toString(),
                       p->weightMargin.toString()}))
                return false;
        }
        touch(Section::Profiles);
        return true;
    });
    if (ok)
        emit profilesChanged();
    return ok;
}

bool LocalCache::applyRuns(const QJsonArray &items)
{
    const bool ok = transaction([&] {
        if (!exec(QStringLiteral("DELETE FROM cache_runs")))
            return false;
        for (const QJsonValue &v : items) {
            const QJsonObject r = v.toObject();
            const auto status = runStatusFromString(r.value(QStringLiteral("status")).toString());
            const QString code = r.value(QStringLiteral("run_code")).toString();
            if (!status || code.isEmpty()) {
                fail(tr("The server sent a production run the console cannot read."), QString());
                return false;
            }
            const QJsonValue target = r.value(QStringLiteral("daily_target_kg"));
            const std::optional<Decimal> targetKg =
                target.isNull() || target.isUndefined() ? std::nullopt : Decimal::fromJson(target);
            if (!exec(QStringLiteral("INSERT OR REPLACE INTO cache_runs (id, run_code, status,"
                                     " daily_target_kg, started_at) VALUES (?, ?, ?, ?, ?)"),
                      {r.value(QStringLiteral("id")).toString(), code, toString(*status),
                       decimalText(targetKg),
                       timeText(QDateTime::fromString(
                           r.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs))}))
                return false;
        }
        touch(Section::Runs);
        return true;
    });
    if (ok)
        emit runsChanged();
    return ok;
}

bool LocalCache::applySuppliers(const QJsonArray &items)
{
    const bool ok = transaction([&] {
        if (!exec(QStringLiteral("DELETE FROM cache_suppliers")))
            return false;
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            const QString code = o.value(QStringLiteral("supplier_code")).toString();
            const QString name = o.value(QStringLiteral("name")).toString();
            if (code.isEmpty() || name.isEmpty()) {
                fail(tr("The server sent a supplier the console cannot read."), QString());
                return false;
            }
            // An inactive one takes no receipts: not offered, not accepted offline.
            if (!o.value(QStringLiteral("active")).toBool(true))
                continue;
            if (!exec(QStringLiteral("INSERT OR REPLACE INTO cache_suppliers (supplier_code, name)"
                                     " VALUES (?, ?)"),
                      {code, name}))
                return false;
        }
        touch(Section::Suppliers);
        return true;
    });
    if (ok)
        emit suppliersChanged();
    return ok;
}

std::optional<CachedLot> LocalCache::lotFromJson(const QJsonObject &o)
{
    // A lot whose type or status this console does not know (a newer server) is not cached
    // under a guessed one.
    if (!lotTypeFromString(o.value(QStringLiteral("lot_type")).toString()) ||
        !lotStatusFromString(o.value(QStringLiteral("status")).toString()))
        return std::nullopt;
    const wire::Lot lot = wire::Lot::fromJson(o);
    if (lot.lotCode.isEmpty())
        return std::nullopt;
    CachedLot l;
    l.code = lot.lotCode;
    // The id as the server wrote it: the cache compares it with the one this workstation sent.
    l.id = o.value(QStringLiteral("id")).toString();
    l.type = lot.type;
    l.status = lot.status;
    l.weightKg = lot.weightKg;
    l.temperatureC = lot.temperatureC;
    l.runCode = lot.runCode.value_or(QString());
    l.workstationId = lot.workstationId.value_or(QString());
    l.createdAt = lot.createdAt;
    return l;
}

bool LocalCache::upsertLot(const CachedLot &incoming, bool fromServer)
{
    CachedLot lot = incoming;
    if (fromServer) {
        lot.pendingRegistration = false;
        lot.pendingStatus = false;
        if (const auto existing = this->lot(lot.code)) {
            // Someone else's lot with the code of a registration still waiting here: keep ours
            // visible; the sync engine will report the clash.
            if (existing->pendingRegistration && !existing->id.isEmpty() && !lot.id.isEmpty() &&
                existing->id.compare(lot.id, Qt::CaseInsensitive) != 0)
                return true;
            if (existing->pendingStatus) {
                lot.status = existing->status;
                lot.pendingStatus = true;
            }
        }
    }
    if (!lot.createdAt.isValid())
        lot.createdAt = m_clock();
    return exec(QStringLiteral("INSERT OR REPLACE INTO cache_lots (%1)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .arg(QLatin1String(kLotColumns)),
                {lot.code, lot.id, toString(lot.type), toString(lot.status),
                 decimalText(lot.weightKg), decimalText(lot.temperatureC), lot.runCode,
                 lot.workstationId, timeText(lot.createdAt), lot.pendingRegistration ? 1 : 0,
                 lot.pendingStatus ? 1 : 0});
}

bool LocalCache::applyLots(const QJsonArray &items)
{
    const bool ok = transaction([&] {
        for (const QJsonValue &v : items) {
            const auto l = lotFromJson(v.toObject());
            if (!l) {
                fail(tr("The server sent a lot the console cannot read."), QString());
                return false;
            }
            if (!upsertLot(*l, true))
                return false;
        }
        // Bounded: the oldest settled lots go; pending ones always stay.
        if (!exec(QStringLiteral("DELETE FROM cache_lots WHERE pending_registration = 0 AND"
                                 " pending_status = 0 AND code NOT IN (SELECT code FROM cache_lots"
                                 " ORDER BY created_at DESC, code LIMIT ?)"),
                  {kMaxStoredLots}))
            return false;
        touch(Section::Lots);
        return true;
    });
    if (ok)
        emit lotsChanged();
    return ok;
}

bool LocalCache::applyLot(const QJsonObject &lot)
{
    const auto l = lotFromJson(lot);
    if (!l) {
        fail(tr("The server sent a lot the console cannot read."), QString());
        return false;
    }
    const bool ok = transaction([&] { return upsertLot(*l, true); });
    if (ok)
        emit lotsChanged();
    return ok;
}

bool LocalCache::addPendingLot(const CachedLot &lot)
{
    if (!m_open)
        return false;
    CachedLot l = lot;
    l.pendingRegistration = true;
    if (!upsertLot(l, false))
        return false;
    emit lotsChanged();
    return true;
}

bool LocalCache::markLotSynced(const QString &code, const QJsonObject &serverLot)
{
    const bool ok = transaction([&] {
        if (!exec(QStringLiteral("UPDATE cache_lots SET pending_registration = 0 WHERE code = ?"),
                  {code}))
            return false;
        if (serverLot.isEmpty())
            return true;
        const auto l = lotFromJson(serverLot);
        return l && upsertLot(*l, true);
    });
    if (ok)
        emit lotsChanged();
    return ok;
}

bool LocalCache::markLotStatus(const QString &code, LotStatus status, bool pending)
{
    if (!m_open)
        return false;
    if (!exec(QStringLiteral("UPDATE cache_lots SET status = ?, pending_status = ? WHERE code = ?"),
              {toString(status), pending ? 1 : 0, code}))
        return false;
    emit lotsChanged();
    return true;
}

bool LocalCache::removeLot(const QString &code)
{
    if (!m_open)
        return false;
    if (!exec(QStringLiteral("DELETE FROM cache_lots WHERE code = ?"), {code}))
        return false;
    emit lotsChanged();
    return true;
}

QList<CachedGate> LocalCache::gates() const
{
    QList<CachedGate> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT id, gate_number, name_hu, name_en, gate_type, is_ccp, checklist,"
                          " pass_requires_signature, critical_limits"
                          " FROM cache_gates ORDER BY gate_number, id"));
    while (q.next()) {
        CachedGate g;
        g.id = q.value(0).toInt();
        g.number = q.value(1).toInt();
        g.nameHu = q.value(2).toString();
        g.nameEn = q.value(3).toString();
        g.type = gateTypeFromString(q.value(4).toString()).value_or(GateType::CHECKPOINT);
        g.isCcp = q.value(5).toBool();
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(6).toString().toUtf8());
        g.checklist = doc.isArray()    ? QJsonValue(doc.array())
                      : doc.isObject() ? QJsonValue(doc.object())
                                       : QJsonValue();
        g.passRequiresSignature = q.value(7).toBool();
        g.criticalLimits = wire::criticalLimitsFrom(
                               QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array())
                               .value_or(QList<CriticalLimit>());
        out.append(g);
    }
    return out;
}

std::optional<CachedGate> LocalCache::gate(int number) const
{
    for (const CachedGate &g : gates()) {
        if (g.number == number)
            return g;
    }
    return std::nullopt;
}

QList<TemperatureProfile> LocalCache::profiles() const
{
    QList<TemperatureProfile> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT lot_type, temp_min_c, temp_max_c, temp_margin_c, weight_min_kg,"
                          " weight_max_kg, weight_margin_kg FROM cache_profiles"));
    while (q.next()) {
        TemperatureProfile p;
        const auto type = lotTypeFromString(q.value(0).toString());
        if (!type)
            continue;
        p.lotType = *type;
        Decimal *fields[] = {&p.tempMin,   &p.tempMax,   &p.tempMargin,
                             &p.weightMin, &p.weightMax, &p.weightMargin};
        bool ok = true;
        for (int i = 0; i < 6; ++i) {
            const auto d = Decimal::parse(q.value(i + 1).toString());
            ok = ok && d.has_value();
            if (d)
                *fields[i] = *d;
        }
        if (ok)
            out.append(p);
    }
    std::sort(out.begin(), out.end(), [](const TemperatureProfile &a, const TemperatureProfile &b) {
        return a.lotType < b.lotType;
    });
    return out;
}

std::optional<TemperatureProfile> LocalCache::profile(LotType type) const
{
    for (const TemperatureProfile &p : profiles()) {
        if (p.lotType == type)
            return p;
    }
    return std::nullopt;
}

std::optional<CachedLot> LocalCache::lot(const QString &code) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT %1 FROM cache_lots WHERE code = ?").arg(QLatin1String(kLotColumns)));
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return lotFromRow(q);
}

QList<CachedLot> LocalCache::recentLots(int limit) const
{
    QList<CachedLot> out;
    if (!m_open || limit <= 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM cache_lots ORDER BY created_at DESC, code LIMIT ?")
                  .arg(QLatin1String(kLotColumns)));
    q.addBindValue(limit);
    q.exec();
    while (q.next())
        out.append(lotFromRow(q));
    return out;
}

int LocalCache::pendingLotCount() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT count(*) FROM cache_lots WHERE pending_registration = 1"
                          " OR pending_status = 1"));
    return q.next() ? q.value(0).toInt() : 0;
}

QList<CachedRun> LocalCache::activeRuns() const
{
    QList<CachedRun> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT id, run_code, status, daily_target_kg, started_at FROM cache_runs"
                          " WHERE status = 'ACTIVE' ORDER BY run_code"));
    while (q.next())
        out.append(runFromRow(q));
    return out;
}

std::optional<CachedRun> LocalCache::run(const QString &code) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, run_code, status, daily_target_kg, started_at FROM"
                             " cache_runs WHERE run_code = ?"));
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return runFromRow(q);
}

QList<CachedSupplier> LocalCache::suppliers() const
{
    QList<CachedSupplier> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(
        QStringLiteral("SELECT supplier_code, name FROM cache_suppliers ORDER BY supplier_code"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

std::optional<CachedSupplier> LocalCache::supplier(const QString &code) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT supplier_code, name FROM cache_suppliers WHERE supplier_code = ?"));
    q.addBindValue(code);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return CachedSupplier{q.value(0).toString(), q.value(1).toString()};
}

QDateTime LocalCache::lastRefreshed(Section section) const
{
    if (!m_open)
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT refreshed_at FROM cache_meta WHERE section = ?"));
    q.addBindValue(sectionName(section));
    if (!q.exec() || !q.next())
        return {};
    return timeFrom(q.value(0));
}

QDateTime LocalCache::lastRefreshed() const
{
    QDateTime oldest;
    for (Section s : {Section::Gates, Section::Profiles, Section::Lots, Section::Runs}) {
        const QDateTime t = lastRefreshed(s);
        if (!t.isValid())
            return {};
        if (!oldest.isValid() || t < oldest)
            oldest = t;
    }
    return oldest;
}

} // namespace flowviz::app
