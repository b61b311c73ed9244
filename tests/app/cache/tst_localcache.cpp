#include "app/cache/localcache.h"

#include "tests/app/enumcompare.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace flowviz;
using flowviz::app::CachedLot;
using flowviz::app::LocalCache;

namespace {

QJsonObject gateJson(int id, int number, const QString &hu, const QString &en, bool ccp)
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("gate_number"), number},
        {QStringLiteral("name"),
         QJsonObject{{QStringLiteral("hu"), hu}, {QStringLiteral("en"), en}}},
        {QStringLiteral("gate_type"),
         ccp ? QStringLiteral("BLOCKING") : QStringLiteral("CHECKPOINT")},
        {QStringLiteral("is_ccp"), ccp},
        {QStringLiteral("checklist"), QJsonArray{QStringLiteral("clean"), QStringLiteral("cold")}}};
}

QJsonObject profileJson(const QString &type, double tmin, double tmax)
{
    return {{QStringLiteral("lot_type"), type},         {QStringLiteral("temp_min_c"), tmin},
            {QStringLiteral("temp_max_c"), tmax},       {QStringLiteral("temp_margin_c"), 0.5},
            {QStringLiteral("weight_min_kg"), 0.1},     {QStringLiteral("weight_max_kg"), 1500},
            {QStringLiteral("weight_margin_kg"), 25.25}};
}

QJsonObject lotJson(const QString &code, const QString &id, const QString &status,
                    const QString &createdAt, const QJsonValue &weight = 12.5)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), QStringLiteral("BULK")},
            {QStringLiteral("status"), status},
            {QStringLiteral("weight_kg"), weight},
            {QStringLiteral("temperature_c"), -18.5},
            {QStringLiteral("run_code"), QStringLiteral("RUN-1")},
            {QStringLiteral("workstation_id"), QStringLiteral("DUNA01")},
            {QStringLiteral("created_at"), createdAt}};
}

QJsonObject runJson(const QString &code, const QString &status)
{
    return {{QStringLiteral("id"),
             QStringLiteral("4f7c4a52-0000-4000-8000-00000000000") + code.right(1)},
            {QStringLiteral("run_code"), code},
            {QStringLiteral("status"), status},
            {QStringLiteral("daily_target_kg"), QStringLiteral("1200.50")},
            {QStringLiteral("started_at"), QStringLiteral("2026-01-14T06:00:00.000Z")}};
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral(".db"));
    }

    void gatesRoundTrip()
    {
        LocalCache cache(m_path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        QSignalSpy changed(&cache, &LocalCache::gatesChanged);
        QVERIFY(cache.applyGates(
            {gateJson(12, 2, QStringLiteral("Hűtés"), QStringLiteral("Chilling"), true),
             gateJson(11, 1, QStringLiteral("Átvétel"), QStringLiteral("Receiving"), false)}));
        QCOMPARE(changed.size(), 1);
        const auto gates = cache.gates();
        QCOMPARE(gates.size(), 2);
        QCOMPARE(gates[0].number, 1); // ordered by number
        QCOMPARE(gates[1].id, 12);
        QCOMPARE(gates[1].name(QStringLiteral("hu")), QStringLiteral("Hűtés"));
        QCOMPARE(gates[1].name(QStringLiteral("en")), QStringLiteral("Chilling"));
        QVERIFY(gates[1].isCcp);
        FV_COMPARE_ENUM(gates[1].type, GateType::BLOCKING);
        QCOMPARE(gates[1].checklist.toArray().size(), 2);
        QCOMPARE(cache.gate(2)->nameEn, QStringLiteral("Chilling"));
        QVERIFY(!cache.gate(9));

        // A later answer replaces the whole list.
        QVERIFY(cache.applyGates(
            {gateJson(11, 1, QStringLiteral("Átvétel"), QStringLiteral("Receiving"), false)}));
        QCOMPARE(cache.gates().size(), 1);
        // Garbage is refused and the cache keeps what it had.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read")));
        QVERIFY(!cache.applyGates({QJsonObject{{QStringLiteral("gate_number"), 3}}}));
        QCOMPARE(cache.gates().size(), 1);
    }

    void gatesKeepCriticalLimits()
    {
        LocalCache cache(m_path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        QJsonObject freezing =
            gateJson(17, 7, QStringLiteral("Fagyasztás"), QStringLiteral("Freezing"), true);
        freezing.insert(QStringLiteral("pass_requires_signature"), true);
        freezing.insert(
            QStringLiteral("critical_limits"),
            QJsonArray{QJsonObject{{QStringLiteral("lot_type"), QJsonValue()},
                                   {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
                                   {QStringLiteral("min"), QJsonValue()},
                                   {QStringLiteral("max"), -18.0}},
                       QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("FRZ")},
                                   {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
                                   {QStringLiteral("min"), -40.5},
                                   {QStringLiteral("max"), -20.1}}});
        QVERIFY(cache.applyGates({freezing, gateJson(11, 1, QStringLiteral("Átvétel"),
                                                     QStringLiteral("Receiving"), false)}));
        const auto gate = cache.gate(7);
        QVERIFY(gate);
        QVERIFY(gate->passRequiresSignature);
        QCOMPARE(gate->criticalLimits.size(), 2);
        const auto wide = rules::limitFor(gate->criticalLimits, LotType::BULK);
        QVERIFY(wide && !wide->lotType && !wide->minC);
        QCOMPARE(wide->maxC->toString(), QStringLiteral("-18"));
        const auto frz = rules::limitFor(gate->criticalLimits, LotType::FRZ);
        QVERIFY(frz && frz->lotType == LotType::FRZ);
        QCOMPARE(frz->minC->toString(), QStringLiteral("-40.5"));
        QCOMPARE(frz->maxC->toString(), QStringLiteral("-20.1"));
        QVERIFY(!cache.gate(1)->passRequiresSignature);
        QVERIFY(cache.gate(1)->criticalLimits.isEmpty());

        // Kept offline: a new cache object over the same file reads them back.
        LocalCache again(m_path);
        QCOMPARE(again.gate(7)->criticalLimits, gate->criticalLimits);

        // A limit the console cannot read refuses the whole answer: never a gate without its
        // limit.
        QJsonObject broken = freezing;
        broken.insert(QStringLiteral("critical_limits"),
                      QJsonArray{QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("XYZ")},
                                             {QStringLiteral("max"), 4.0}}});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read")));
        QVERIFY(!cache.applyGates({broken}));
        QCOMPARE(cache.gate(7)->criticalLimits.size(), 2);
    }

    void anOlderCacheFileGainsTheNewColumns()
    {
        {
            // The gates table as the first console release made it.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-cache"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE cache_gates (id INTEGER PRIMARY KEY, gate_number INTEGER NOT NULL,"
                " name_hu TEXT, name_en TEXT, gate_type TEXT NOT NULL,"
                " is_ccp INTEGER NOT NULL, checklist TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO cache_gates VALUES (17, 7, 'Fagyasztás',"
                                          " 'Freezing', 'BLOCKING', 1, '[]')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old-cache"));
        LocalCache cache(m_path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        QVERIFY(cache.gate(7));
        QVERIFY(cache.gate(7)->isCcp);
        QVERIFY(cache.gate(7)->criticalLimits.isEmpty());
        QJsonObject freezing =
            gateJson(17, 7, QStringLiteral("Fagyasztás"), QStringLiteral("Freezing"), true);
        freezing.insert(QStringLiteral("critical_limits"),
                        QJsonArray{QJsonObject{{QStringLiteral("lot_type"), QJsonValue()},
                                               {QStringLiteral("min"), QJsonValue()},
                                               {QStringLiteral("max"), -18.0}}});
        QVERIFY(cache.applyGates({freezing}));
        QCOMPARE(cache.gate(7)->criticalLimits.size(), 1);
    }

    void profilesAreExactDecimals()
    {
        LocalCache cache(m_path);
        QVERIFY(cache.applyProfiles({profileJson(QStringLiteral("FRZ"), -25, -18),
                                     profileJson(QStringLiteral("RAW"), 0, 4.3)}));
        const auto frz = cache.profile(LotType::FRZ);
        QVERIFY(frz);
        QCOMPARE(frz->tempMin.toString(), QStringLiteral("-25"));
        QCOMPARE(frz->tempMax.toString(), QStringLiteral("-18"));
        QCOMPARE(frz->weightMargin.toString(), QStringLiteral("25.25"));
        QCOMPARE(cache.profile(LotType::RAW)->tempMax.toString(), QStringLiteral("4.3"));
        FV_COMPARE_ENUM(frz->classifyTemperature(*Decimal::parse(QStringLiteral("-17.6"))),
                        Reading::Warning);
        QVERIFY(!cache.profile(LotType::FG));
        QCOMPARE(cache.profiles().size(), 2);
    }

    void runsKeepOnlyTheLatestAnswer()
    {
        LocalCache cache(m_path);
        QSignalSpy changed(&cache, &LocalCache::runsChanged);
        QVERIFY(cache.applyRuns({runJson(QStringLiteral("RUN-1"), QStringLiteral("ACTIVE")),
                                 runJson(QStringLiteral("RUN-2"), QStringLiteral("ACTIVE"))}));
        QCOMPARE(cache.activeRuns().size(), 2);
        QCOMPARE(cache.run(QStringLiteral("RUN-2"))->dailyTargetKg->toString(),
                 QStringLiteral("1200.5"));
        QCOMPARE(cache.run(QStringLiteral("RUN-1"))->startedAt,
                 QDateTime(QDate(2026, 1, 14), QTime(6, 0), Qt::UTC));
        QVERIFY(cache.applyRuns({runJson(QStringLiteral("RUN-2"), QStringLiteral("ACTIVE"))}));
        QCOMPARE(cache.activeRuns().size(), 1);
        QVERIFY(!cache.run(QStringLiteral("RUN-1")));
        QCOMPARE(changed.size(), 2);
    }

    // Only active suppliers are offered for receiving; each answer replaces the last, and a
    // supplier the server deactivated is gone at once (no receipt for it offline).
    void suppliersKeepOnlyTheActiveOnesOfTheLatestAnswer()
    {
        LocalCache cache(m_path);
        QSignalSpy changed(&cache, &LocalCache::suppliersChanged);
        const auto supplier = [](const char *code, const QString &name, bool active) {
            return QJsonObject{{QStringLiteral("supplier_code"), QLatin1String(code)},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("active"), active}};
        };
        QVERIFY(cache.applySuppliers({supplier("ZALA", QStringLiteral("Zala Hús"), true),
                                      supplier("ALFOLD", QStringLiteral("Alföld Kft."), true),
                                      supplier("OLD", QStringLiteral("Old Ltd"), false)}));
        QCOMPARE(cache.suppliers().size(), 2);
        QCOMPARE(cache.suppliers().first().code, QStringLiteral("ALFOLD"));
        QCOMPARE(cache.supplier(QStringLiteral("ZALA"))->name, QStringLiteral("Zala Hús"));
        QVERIFY(!cache.supplier(QStringLiteral("OLD")));
        QVERIFY(cache.lastRefreshed(LocalCache::Section::Suppliers).isValid());
        QVERIFY(cache.applySuppliers({supplier("ZALA", QStringLiteral("Zala Hús"), false)}));
        QVERIFY(cache.suppliers().isEmpty());
        // A supplier without a code is not cached under a guess: the old list stays.
        QVERIFY(cache.applySuppliers({supplier("ALFOLD", QStringLiteral("Alföld Kft."), true)}));
        QVERIFY(!cache.applySuppliers({supplier("", QStringLiteral("Nameless"), true)}));
        QCOMPARE(cache.suppliers().size(), 1);
        QCOMPARE(changed.size(), 3);
    }

    void lotsUpsertAndOrder()
    {
        LocalCache cache(m_path);
        QSignalSpy changed(&cache, &LocalCache::lotsChanged);
        QVERIFY(cache.applyLots(
            {lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"), QStringLiteral("CREATED"),
                     QStringLiteral("2026-01-14T08:00:00.000Z")),
             lotJson(QStringLiteral("B-1"), QStringLiteral("id-b"), QStringLiteral("RELEASED"),
                     QStringLiteral("2026-01-14T09:00:00.000Z"), QJsonValue::Null)}));
        QCOMPARE(changed.size(), 1);
        auto recent = cache.recentLots();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent[0].code, QStringLiteral("B-1")); // newest first
        QVERIFY(!recent[0].weightKg);
        QCOMPARE(recent[1].weightKg->toString(), QStringLiteral("12.5"));
        QCOMPARE(recent[1].temperatureC->toString(), QStringLiteral("-18.5"));
        QCOMPARE(recent[1].runCode, QStringLiteral("RUN-1"));
        QVERIFY(!recent[1].isPending());

        // A later answer updates the status in place.
        QVERIFY(cache.applyLot(lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"),
                                       QStringLiteral("HOLD"),
                                       QStringLiteral("2026-01-14T08:00:00.000Z"))));
        FV_COMPARE_ENUM(cache.lot(QStringLiteral("A-1"))->status, LotStatus::HOLD);
        QCOMPARE(cache.recentLots(1).size(), 1);
        QVERIFY(!cache.lot(QStringLiteral("NOPE")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read")));
        QVERIFY(!cache.applyLots({QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("X")}}}));
    }

    void pendingRegistrationUntilSynced()
    {
        LocalCache cache(m_path);
        CachedLot mine;
        mine.code = QStringLiteral("BULK-20260114-DUNA01-0001");
        mine.id = QStringLiteral("5a0e7c4e-1111-4111-8111-111111111111");
        mine.type = LotType::BULK;
        mine.weightKg = Decimal::parse(QStringLiteral("100.25"));
        mine.createdAt = QDateTime(QDate(2026, 1, 14), QTime(10, 0), Qt::UTC);
        QVERIFY(cache.addPendingLot(mine));
        QCOMPARE(cache.pendingLotCount(), 1);
        QVERIFY(cache.lot(mine.code)->pendingRegistration);
        QCOMPARE(cache.lot(mine.code)->weightKg->toString(), QStringLiteral("100.25"));

        // A refresh that does not know it yet keeps it.
        QVERIFY(cache.applyLots({}));
        QVERIFY(cache.lot(mine.code)->pendingRegistration);

        // Another workstation's lot with the same code must not hide ours: the clash is the
        // sync engine's to report.
        QVERIFY(
            cache.applyLot(lotJson(mine.code, QStringLiteral("other-id"), QStringLiteral("CREATED"),
                                   QStringLiteral("2026-01-14T10:01:00.000Z"))));
        QVERIFY(cache.lot(mine.code)->pendingRegistration);
        QCOMPARE(cache.lot(mine.code)->id, mine.id);

        // The server's copy with our id means it arrived.
        QVERIFY(cache.applyLot(lotJson(mine.code, mine.id, QStringLiteral("CREATED"),
                                       QStringLiteral("2026-01-14T10:02:00.000Z"), 100.25)));
        QVERIFY(!cache.lot(mine.code)->isPending());
        QCOMPARE(cache.pendingLotCount(), 0);

        CachedLot second = mine;
        second.code = QStringLiteral("BULK-20260114-DUNA01-0002");
        QVERIFY(cache.addPendingLot(second));
        QVERIFY(cache.markLotSynced(second.code));
        QVERIFY(!cache.lot(second.code)->isPending());

        CachedLot third = mine;
        third.code = QStringLiteral("BULK-20260114-DUNA01-0003");
        QVERIFY(cache.addPendingLot(third));
        QVERIFY(cache.removeLot(third.code));
        QVERIFY(!cache.lot(third.code));
    }

    void pendingStatusWinsUntilConfirmed()
    {
        LocalCache cache(m_path);
        const QString at = QStringLiteral("2026-01-14T08:00:00.000Z");
        QVERIFY(cache.applyLot(
            lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"), QStringLiteral("CREATED"), at)));
        QSignalSpy changed(&cache, &LocalCache::lotsChanged);
        QVERIFY(cache.markLotStatus(QStringLiteral("A-1"), LotStatus::HOLD, true));
        QCOMPARE(changed.size(), 1);
        QVERIFY(cache.lot(QStringLiteral("A-1"))->pendingStatus);
        // The server has not seen the decision yet: its older status must not overwrite ours.
        QVERIFY(cache.applyLots({lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"),
                                         QStringLiteral("CREATED"), at)}));
        FV_COMPARE_ENUM(cache.lot(QStringLiteral("A-1"))->status, LotStatus::HOLD);
        QVERIFY(cache.markLotStatus(QStringLiteral("A-1"), LotStatus::HOLD, false));
        QVERIFY(!cache.lot(QStringLiteral("A-1"))->isPending());
        QVERIFY(cache.applyLots({lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"),
                                         QStringLiteral("RELEASED"), at)}));
        FV_COMPARE_ENUM(cache.lot(QStringLiteral("A-1"))->status, LotStatus::RELEASED);
    }

    void survivesReopenWithItsAge()
    {
        QDateTime now(QDate(2026, 1, 14), QTime(7, 0), Qt::UTC);
        {
            LocalCache cache(m_path);
            cache.setClock([&] { return now; });
            QVERIFY(!cache.lastRefreshed().isValid());
            QVERIFY(cache.applyGates(
                {gateJson(1, 1, QStringLiteral("a"), QStringLiteral("b"), false)}));
            QVERIFY(cache.applyProfiles({profileJson(QStringLiteral("RAW"), 0, 4)}));
            QVERIFY(cache.applyRuns({}));
            QVERIFY(!cache.lastRefreshed().isValid()); // lots never refreshed yet
            now = now.addSecs(60);
            QVERIFY(cache.applyLots(
                {lotJson(QStringLiteral("A-1"), QStringLiteral("id-a"), QStringLiteral("CREATED"),
                         QStringLiteral("2026-01-14T06:00:00.000Z"))}));
            QCOMPARE(cache.lastRefreshed(LocalCache::Section::Lots), now);
        }
        LocalCache reopened(m_path);
        QCOMPARE(reopened.gates().size(), 1);
        QVERIFY(reopened.profile(LotType::RAW));
        FV_COMPARE_ENUM(reopened.lot(QStringLiteral("A-1"))->status, LotStatus::CREATED);
        // The age of the least fresh section.
        QCOMPARE(reopened.lastRefreshed(), QDateTime(QDate(2026, 1, 14), QTime(7, 0), Qt::UTC));
    }

    void twoCachesShareOneFile()
    {
        LocalCache a(m_path);
        LocalCache b(m_path);
        QVERIFY(a.isOpen() && b.isOpen());
        QVERIFY(a.applyGates({gateJson(1, 1, QStringLiteral("a"), QStringLiteral("b"), false)}));
        QCOMPARE(b.gates().size(), 1);
    }

    void keepsABoundedNumberOfSettledLots()
    {
        LocalCache cache(m_path);
        CachedLot pending;
        pending.code = QStringLiteral("OLD-PENDING");
        pending.id = QStringLiteral("p");
        pending.createdAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(cache.addPendingLot(pending));
        QJsonArray many;
        const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < LocalCache::kMaxStoredLots + 10; ++i)
            many.append(lotJson(QStringLiteral("L-%1").arg(i), QStringLiteral("id-%1").arg(i),
                                QStringLiteral("CREATED"),
                                base.addSecs(i).toString(Qt::ISODateWithMs)));
        QVERIFY(cache.applyLots(many));
        QVERIFY(cache.lot(QStringLiteral("OLD-PENDING")));
        QVERIFY(!cache.lot(QStringLiteral("L-0")));
        QVERIFY(cache.lot(QStringLiteral("L-%1").arg(LocalCache::kMaxStoredLots + 9)));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
