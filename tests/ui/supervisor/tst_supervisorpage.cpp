// The Supervisor page over a real flowviz-server: a seeded day with known figures, rendered
// offscreen as a manager. Each chart has the expected series and points, the KPI tiles show
// the expected numbers, the CSV export matches the stats API, a bar lists the lots behind it,
// and offline the last figures stay with their age (also after a restart). The kilograms are
// always per day, and "this shift" follows the shift start times of the console settings.
#include "ui/supervisor/chartpanel.h"
#include "ui/supervisor/chartview.h"
#include "ui/supervisor/drilldowndialog.h"
#include "ui/supervisor/kpitile.h"
#include "ui/supervisor/supervisorpage.h"

#include "ui/i18n/languagemanager.h"
#include "ui/settings/settingspage.h"

#include "app/api/apiclient.h"
#include "app/core/consolecore.h"
#include "app/models/serverlotsmodel.h"
#include "app/session/session.h"
#include "app/stats/heldlotsmodel.h"
#include "app/stats/qcdecisionsmodel.h"
#include "app/stats/statsclient.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace flowviz;
using namespace Qt::StringLiterals;
using flowviz::app::StatsClient;
using flowviz::app::StatsRange;
using flowviz::test::HttpClient;
using flowviz::test::TestServer;
using flowviz::ui::ChartData;
using flowviz::ui::SupervisorPage;

namespace {

// The seeded day, in the server's default plant time zone.
const QDate kDay(2025, 11, 20);
const QTimeZone kPlant("Europe/Budapest");

QStringList csvLines(const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    QStringList lines = text.split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QStringList modelColumn(const QAbstractItemModel *model, int column = 0)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    out.sort();
    return out;
}

} // namespace

class TestSupervisorPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<app::ApiClient> m_api;
    QTemporaryDir m_dir;
    QString m_operatorId;

    QString storePath() const { return m_dir.filePath(QStringLiteral("stats.json")); }

    static QString at(QDate day, int h, int m, int s = 0)
    {
        return StatsRange::rfc3339(QDateTime(day, QTime(h, m, s), kPlant));
    }

    void seed()
    {
        auto &db = m_server->db();
        m_operatorId = db.scalar(u"SELECT id FROM users WHERE username = 'operator'"_s);
        const auto lot = [&](const QString &code, const char *type, const char *status,
                             const char *kg, const QString &createdAt) {
            db.query(u"INSERT INTO lots (lot_code, lot_type, status, weight_kg, created_at) "
                     "VALUES ($1, $2, $3, $4::numeric, $5::timestamptz)"_s,
                     {code, QString::fromLatin1(type), QString::fromLatin1(status),
                      QString::fromLatin1(kg), createdAt});
        };
        const auto decide = [&](const QString &code, int gate, const char *decision,
                                const QString &at) {
            db.query(
                u"INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                "workstation_id, decided_at, recorded_at) SELECT l.id, g.id, $3::uuid, $4, "
                "'TEST01', $5::timestamptz, $5::timestamptz FROM lots l, qc_gates g "
                "WHERE l.lot_code = $1 AND g.gate_number = $2::int"_s,
                {code, QString::number(gate), m_operatorId, QString::fromLatin1(decision), at});
        };
        // The seeded day: RAW 06:10 and 06:50, BULK 07:15, DEB 09:59:59; FG the evening before.
        lot(u"SP-RAW-1"_s, "RAW", "RELEASED", "25.40", at(kDay, 6, 10));
        lot(u"SP-RAW-2"_s, "RAW", "RELEASED", "24.60", at(kDay, 6, 50));
        lot(u"SP-BULK-1"_s, "BULK", "REJECTED", "118.25", at(kDay, 7, 15));
        lot(u"SP-DEB-1"_s, "DEB", "RELEASED", "48.10", at(kDay, 9, 59, 59));
        lot(u"SP-FG-1"_s, "FG", "RELEASED", "10.00", at(kDay.addDays(-1), 23, 59, 59));
        // Gate 1: RAW-1 PASS; RAW-2 HOLD then PASS; BULK-1 FAIL. Gate 3: BULK-1 PASS.
        decide(u"SP-RAW-1"_s, 1, "PASS", at(kDay, 6, 20));
        decide(u"SP-RAW-2"_s, 1, "HOLD", at(kDay, 7, 5));
        decide(u"SP-RAW-2"_s, 1, "PASS", at(kDay, 8, 0));
        decide(u"SP-BULK-1"_s, 1, "FAIL", at(kDay, 7, 30));
        decide(u"SP-BULK-1"_s, 3, "PASS", at(kDay, 7, 40));
        // On hold now for more than a day (so never today): 26 h and 100 h.
        lot(u"SP-HOLD-1"_s, "MIX", "HOLD", "30.00", u"2025-11-01T10:00:00Z"_s);
        lot(u"SP-HOLD-2"_s, "SKW", "HOLD", "12.00", u"2025-11-01T10:00:00Z"_s);
        db.query(u"INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                 "decided_at, recorded_at) SELECT l.id, g.id, $2::uuid, 'HOLD', "
                 "now() - make_interval(hours => $3::int), now() - make_interval(hours => "
                 "$3::int) FROM lots l, qc_gates g WHERE l.lot_code = $1 AND g.gate_number = 1"_s,
                 {u"SP-HOLD-1"_s, m_operatorId, u"26"_s});
        db.query(u"INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                 "decided_at, recorded_at) SELECT l.id, g.id, $2::uuid, 'HOLD', "
                 "now() - make_interval(hours => $3::int), now() - make_interval(hours => "
                 "$3::int) FROM lots l, qc_gates g WHERE l.lot_code = $1 AND g.gate_number = 1"_s,
                 {u"SP-HOLD-2"_s, m_operatorId, u"100"_s});
        // Today in the plant: two lots and one first-time PASS, a second after midnight.
        const QString midnight =
            u"(date_trunc('day', now() AT TIME ZONE 'Europe/Budapest') AT TIME ZONE "
            "'Europe/Budapest')"_s;
        db.exec(
            u"INSERT INTO lots (lot_code, lot_type, status, weight_kg, created_at) VALUES "
            "('SP-TODAY-1', 'RAW', 'RELEASED', 12.50, %1 + interval '1 second'), "
            "('SP-TODAY-2', 'BULK', 'CREATED', 100.00, %1 + interval '2 seconds')"_s.arg(midnight));
        db.query(u"INSERT INTO qc_decisions (lot_id, qc_gate_id, operator_id, decision, "
                 "decided_at, recorded_at) SELECT l.id, g.id, $1::uuid, 'PASS', %1 + interval "
                 "'3 seconds', %1 + interval '3 seconds' FROM lots l, qc_gates g "
                 "WHERE l.lot_code = 'SP-TODAY-1' AND g.gate_number = 1"_s.arg(midnight),
                 {m_operatorId});
        // Two workstations: one reporting, one silent for two hours.
        db.exec(u"INSERT INTO workstation_heartbeats (workstation_id, pending_sync, app_version, "
                "reported_at) VALUES ('TESTWS1', 3, '0.1.0', now() - interval '10 seconds'), "
                "('TESTWS2', 5, '0.1.0', now() - interval '2 hours')"_s);
    }

    // A page showing the seeded day by the hour, refreshed.
    bool showDay(SupervisorPage &page)
    {
        QSignalSpy updated(page.stats(), &StatsClient::updated);
        page.setCustomRange(kDay, kDay);
        const bool ok = QTest::qWaitFor(
            [&] {
                const auto &s = page.stats()->snapshot();
                return !page.stats()->isLoading() && !s.isEmpty() &&
                       s.range.from == QDateTime(kDay, QTime(0, 0), kPlant) &&
                       s.range.bucket == u"hour";
            },
            20000);
        return ok && !updated.isEmpty();
    }

    QJsonObject api(const QString &path)
    {
        const auto reply = m_http->get(path);
        if (reply.status != 200)
            qWarning("GET %s: %d", qPrintable(path), reply.status);
        return reply.json();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(kPlant.isValid());
        // The Settings page stores with QSettings: never in the tester's own configuration.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_supervisorpage"),
                                                QStringList{u"--rate-limits"_s, u"off"_s});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_http->login(u"manager"_s, TestServer::passwordOf(u"manager"_s)));
        m_api = std::make_unique<app::ApiClient>();
        m_api->setBaseUrl(m_server->baseUrl());
        m_api->setToken(m_http->token());
        m_api->setTimeout(3000);
        seed();
    }

    void rangesFollowThePlantClock_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("preset");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<QString>("bucket");
        const auto t = [](QDate d, int h, int m = 0) { return QDateTime(d, QTime(h, m), kPlant); };
        const int shift = int(StatsRange::Preset::Shift);
        QTest::newRow("morning shift")
            << t(kDay, 9, 30) << shift << t(kDay, 6) << t(kDay, 14) << u"hour"_s;
        QTest::newRow("shift starts at 14:00")
            << t(kDay, 14) << shift << t(kDay, 14) << t(kDay, 22) << u"hour"_s;
        QTest::newRow("night shift, evening")
            << t(kDay, 23, 59) << shift << t(kDay, 22) << t(kDay.addDays(1), 6) << u"hour"_s;
        QTest::newRow("night shift, after midnight")
            << t(kDay, 3) << shift << t(kDay.addDays(-1), 22) << t(kDay, 6) << u"hour"_s;
        QTest::newRow("today") << t(kDay, 0) << int(StatsRange::Preset::Today) << t(kDay, 0)
                               << t(kDay.addDays(1), 0) << u"hour"_s;
        QTest::newRow("7 days") << t(kDay, 12) << int(StatsRange::Preset::Week)
                                << t(kDay.addDays(-6), 0) << t(kDay.addDays(1), 0) << u"day"_s;
        QTest::newRow("30 days") << t(kDay, 12) << int(StatsRange::Preset::Month)
                                 << t(kDay.addDays(-29), 0) << t(kDay.addDays(1), 0) << u"day"_s;
        // The autumn DST change: the day has 25 hours, the range is still one calendar day.
        QTest::newRow("today, 25 hours")
            << t(QDate(2025, 10, 26), 12) << int(StatsRange::Preset::Today)
            << t(QDate(2025, 10, 26), 0) << t(QDate(2025, 10, 27), 0) << u"hour"_s;
    }

    void rangesFollowThePlantClock()
    {
        QFETCH(QDateTime, now);
        QFETCH(int, preset);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(QString, bucket);
        const StatsRange r = StatsRange::forPreset(StatsRange::Preset(preset), now.toUTC(), kPlant);
        QCOMPARE(r.from, from);
        QCOMPARE(r.to, to);
        QCOMPARE(r.bucket, bucket);
        QVERIFY(r.query().contains(u"%2B01%3A00"_s)); // "+01:00", percent-encoded
        QCOMPARE(StatsRange::fromJson(r.toJson()), r);
        // Custom days: by the hour up to two days, by the day beyond.
        QCOMPARE(StatsRange::custom(kDay, kDay.addDays(1), kPlant).bucket, u"hour"_s);
        QCOMPARE(StatsRange::custom(kDay, kDay.addDays(2), kPlant).bucket, u"day"_s);
        QCOMPARE(StatsRange::rfc3339(QDateTime(kDay, QTime(6, 0), kPlant)),
                 u"2025-11-20T06:00:00+01:00"_s);
    }

    void chartsShowTheSeededDay()
    {
        SupervisorPage page(m_api.get(), storePath());
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(showDay(page));
        QVERIFY2(page.stats()->errorString().isEmpty(), qPrintable(page.stats()->errorString()));
        QVERIFY(!page.stats()->isOffline());
        QCOMPARE(page.columnCount(), 2);

        const ChartData lots = page.chart(u"lots"_s)->data();
        QCOMPARE(lots.kind, ChartData::Kind::StackedBars);
        QCOMPARE(lots.categories.size(), 24);
        QCOMPARE(lots.categories.first(), u"00:00"_s);
        QCOMPARE(lots.categories.at(6), u"06:00"_s);
        QCOMPARE(lots.seriesCount(), 3); // the types with lots, in the API's order
        QCOMPARE(lots.series.at(0).name, u"RAW"_s);
        QCOMPARE(lots.series.at(1).name, u"DEB"_s);
        QCOMPARE(lots.series.at(2).name, u"BULK"_s);
        QCOMPARE(lots.pointCount(), 72);
        QCOMPARE(lots.series.at(0).values.at(6), 2.0);
        QCOMPARE(lots.series.at(2).values.at(7), 1.0);
        QCOMPARE(lots.series.at(1).values.at(9), 1.0); // 09:59:59 is still the 09:00 hour
        QCOMPARE(lots.series.at(1).values.at(10), 0.0);
        auto *lotsView = page.chart(u"lots"_s)->chart();
        QCOMPARE(lotsView->renderedSeriesCount(), 3);
        QCOMPARE(lotsView->renderedPointCount(), 72);

        // Kilograms per day, even for a day shown by the hour: the 7 days ending with it. The
        // FG lot of 23:59:59 the evening before is in its own day.
        const ChartData kg = page.chart(u"kg"_s)->data();
        QCOMPARE(kg.title, u"Kilograms per day"_s);
        QCOMPARE(kg.seriesCount(), 1);
        QCOMPARE(kg.pointCount(), 7);
        QCOMPARE(kg.categories, (QStringList{u"11-14"_s, u"11-15"_s, u"11-16"_s, u"11-17"_s,
                                             u"11-18"_s, u"11-19"_s, u"11-20"_s}));
        QCOMPARE(kg.series.at(0).texts,
                 (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"10"_s, u"216.35"_s}));
        QCOMPARE(page.chart(u"kg"_s)->chart()->renderedPointCount(), 7);

        const ChartData qc = page.chart(u"qc"_s)->data();
        QCOMPARE(qc.seriesCount(), 3);
        QCOMPARE(qc.categories.size(), 7); // every gate of the schema
        QCOMPARE(qc.categories.first(), u"1. Receipt"_s);
        QCOMPARE(qc.pointCount(), 21);
        QCOMPARE(qc.series.at(0).values.at(0), 2.0); // gate 1: PASS 2, HOLD 1, FAIL 1
        QCOMPARE(qc.series.at(1).values.at(0), 1.0);
        QCOMPARE(qc.series.at(2).values.at(0), 1.0);
        QCOMPARE(qc.series.at(0).values.at(1), 1.0); // gate 3: PASS 1
        QCOMPARE(qc.series.at(0).name, u"✓ PASS"_s);
        QCOMPARE(page.chart(u"qc"_s)->chart()->renderedSeriesCount(), 3);

        // First-pass yield: all gates, then gates 1 and 3 (the others decided nothing). A
        // line has a point in each hour with decided lots, as the API says.
        const ChartData yield = page.chart(u"yield"_s)->data();
        QCOMPARE(yield.kind, ChartData::Kind::Lines);
        QCOMPARE(yield.seriesCount(), 3);
        QCOMPARE(yield.series.at(1).name, u"1. Receipt"_s);
        const QJsonObject qcApi =
            api(u"/api/v1/stats/qc?"_s + page.stats()->snapshot().range.query());
        QCOMPARE(qcApi.value(u"totals"_s).toObject().value(u"decided_lots"_s).toInt(), 4);
        int gate1Points = 0;
        int overallPoints = 0;
        for (const QJsonValue &b : qcApi.value(u"buckets"_s).toArray()) {
            bool any = false;
            for (const QJsonValue &g : b.toObject().value(u"by_gate"_s).toArray()) {
                const QJsonObject o = g.toObject();
                any |= o.value(u"decided_lots"_s).toInt() > 0;
                if (o.value(u"gate_number"_s).toInt() == 1 && o.value(u"yield"_s).isDouble())
                    ++gate1Points;
            }
            overallPoints += any ? 1 : 0;
        }
        QVERIFY(gate1Points > 0);
        QCOMPARE(yield.series.at(0).values.size(), 24);
        QCOMPARE(
            int(std::count_if(yield.series.at(0).values.cbegin(), yield.series.at(0).values.cend(),
                              [](double v) { return !std::isnan(v); })),
            overallPoints);
        QCOMPARE(
            int(std::count_if(yield.series.at(1).values.cbegin(), yield.series.at(1).values.cend(),
                              [](double v) { return !std::isnan(v); })),
            gate1Points);
        QCOMPARE(page.chart(u"yield"_s)->chart()->renderedPointCount(), yield.pointCount());
        QCOMPARE(yield.series.at(0).values.at(6), 100.0); // 06:20 RAW-1 passed first time

        const ChartData holds = page.chart(u"holds"_s)->data();
        QCOMPARE(holds.categories,
                 (QStringList{u"<1h"_s, u"1–4h"_s, u"4–24h"_s, u"1–3d"_s, u">3d"_s}));
        QCOMPARE(holds.series.at(0).texts, (QStringList{u"0"_s, u"0"_s, u"0"_s, u"1"_s, u"1"_s}));

        const ChartData ws = page.chart(u"workstations"_s)->data();
        QCOMPARE(ws.categories.size(), 2);
        QVERIFY(ws.categories.contains(u"● TESTWS1"_s));
        QVERIFY(ws.categories.contains(u"✕ TESTWS2 (offline)"_s));
        QCOMPARE(ws.series.at(0).texts.at(ws.categories.indexOf(u"✕ TESTWS2 (offline)"_s)), u"5"_s);

        // KPI tiles: today's figures, the holds and the workstations.
        QCOMPARE(page.tile(u"lotsToday"_s)->value(), u"2"_s);
        QCOMPARE(page.tile(u"kgToday"_s)->value(), u"112.5 kg"_s);
        QCOMPARE(page.tile(u"yieldToday"_s)->value(), u"100.0 %"_s);
        QCOMPARE(page.tile(u"openHolds"_s)->value(), u"⚠ 2"_s);
        QCOMPARE(page.tile(u"openHolds"_s)->state(), ui::KpiTile::State::Attention);
        QCOMPARE(page.tile(u"workstationsOffline"_s)->value(), u"✕ 1 of 2"_s);
        QCOMPARE(page.tile(u"workstationsOffline"_s)->state(), ui::KpiTile::State::Alert);
        QVERIFY2(page.statusText().startsWith(u"● Live"_s), qPrintable(page.statusText()));
        QVERIFY(page.isAutoRefreshActive());

        // Tooltips carry the exact value.
        QCOMPARE(kg.tooltip(0, 6), u"11-20 · Kilograms: 216.35 kg"_s);

        // A week by the day: the FG lot of the evening before is in its own day.
        QSignalSpy updated(page.stats(), &StatsClient::updated);
        page.setCustomRange(kDay.addDays(-6), kDay);
        QTRY_VERIFY_WITH_TIMEOUT(page.stats()->snapshot().range.bucket == u"day", 20000);
        const ChartData week = page.chart(u"lots"_s)->data();
        QCOMPARE(week.categories.size(), 7);
        QCOMPARE(week.categories.last(), u"11-20"_s);
        QCOMPARE(week.seriesCount(), 4); // RAW, DEB, BULK, FG
        QCOMPARE(week.series.at(3).name, u"FG"_s);
        QCOMPARE(week.series.at(3).values.at(5), 1.0);
        QCOMPARE(page.chart(u"kg"_s)->data().series.at(0).texts.at(6), u"216.35"_s);
        QCOMPARE(page.chart(u"kg"_s)->data().title, u"Kilograms per day"_s);
        // A week is by the day already: its own days, without a second request.
        QCOMPARE(page.chart(u"kg"_s)->data().categories, week.categories);
        QVERIFY(!page.stats()->snapshot().answers.contains(u"lots_daily"_s));
    }

    void csvExportMatchesTheApi()
    {
        SupervisorPage page(m_api.get(), storePath());
        page.resize(1366, 768);
        page.show();
        QVERIFY(showDay(page));
        const QJsonObject lotsApi =
            api(u"/api/v1/stats/lots?"_s + page.stats()->snapshot().range.query());
        QCOMPARE(lotsApi.value(u"buckets"_s).toArray().size(), 24);
        // The kilograms: the seeded day and the six before it, by the day.
        StatsRange days = StatsRange::custom(kDay.addDays(-6), kDay, kPlant);
        QCOMPARE(days.bucket, u"day"_s);
        const QJsonObject dailyApi = api(u"/api/v1/stats/lots?"_s + days.query());
        const QJsonArray buckets = dailyApi.value(u"buckets"_s).toArray();
        QCOMPARE(buckets.size(), 7);

        const QString kgPath = m_dir.filePath(u"kg.csv"_s);
        QString error;
        QVERIFY2(page.chart(u"kg"_s)->saveCsv(kgPath, &error), qPrintable(error));
        QFile file(kgPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = csvLines(csv);
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.first(), u"Day,Kilograms (kg)"_s);
        for (int i = 0; i < buckets.size(); ++i) {
            const QJsonObject b = buckets.at(i).toObject();
            const QDateTime start =
                QDateTime::fromString(b.value(u"start"_s).toString(), Qt::ISODate);
            const QString kg = Decimal::fromJson(b.value(u"kg"_s))->toString();
            QCOMPARE(lines.at(i + 1), start.toString(u"MM-dd"_s) + u',' + kg);
        }
        QCOMPARE(lines.at(6), u"11-19,10"_s);
        QCOMPARE(lines.at(7), u"11-20,216.35"_s);

        // Lots per type: one column per type, the API's counts.
        QVERIFY(page.chart(u"lots"_s)->saveCsv(m_dir.filePath(u"lots.csv"_s), &error));
        QFile lotsFile(m_dir.filePath(u"lots.csv"_s));
        QVERIFY(lotsFile.open(QIODevice::ReadOnly));
        const QStringList lotLines = csvLines(lotsFile.readAll());
        QCOMPARE(lotLines.first(), u"Hour,RAW,DEB,BULK"_s);
        QCOMPARE(lotLines.at(7), u"06:00,2,0,0"_s);
        QCOMPARE(lotLines.at(8), u"07:00,0,0,1"_s);
        int total = 0;
        for (const QString &line : lotLines.mid(1))
            for (const QString &field : line.split(u',').mid(1))
                total += field.toInt();
        QCOMPARE(total, lotsApi.value(u"totals"_s).toObject().value(u"lots"_s).toInt());

        // QC per gate: the API's totals per gate, and a quoted gate name where needed.
        QVERIFY(page.chart(u"qc"_s)->saveCsv(m_dir.filePath(u"qc.csv"_s), &error));
        QFile qcFile(m_dir.filePath(u"qc.csv"_s));
        QVERIFY(qcFile.open(QIODevice::ReadOnly));
        const QStringList qcLines = csvLines(qcFile.readAll());
        QCOMPARE(qcLines.first(), u"Gate,✓ PASS,⚠ HOLD,✕ FAIL"_s);
        QCOMPARE(qcLines.at(1), u"1. Receipt,2,1,1"_s);
        QCOMPARE(qcLines.at(2), u"3. Deboning,1,0,0"_s);

        // And the picture.
        const QString png = m_dir.filePath(u"kg.png"_s);
        QVERIFY2(page.chart(u"kg"_s)->savePng(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 200 && image.height() > 200);
    }

    void barsListTheLotsBehindThem()
    {
        SupervisorPage page(m_api.get(), storePath());
        page.resize(1366, 768);
        page.show();
        QVERIFY(showDay(page));

        // QC: gate 1, HOLD → RAW-2.
        page.showDrillDown(u"qc"_s, 1, 0);
        QVERIFY(page.drillDown() && page.drillDown()->isVisible());
        auto *decisions = qobject_cast<app::QcDecisionsModel *>(page.drillDownModel());
        QVERIFY(decisions);
        QAbstractItemModelTester tester(decisions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Decisions: 1"_s, 10000);
        QCOMPARE(modelColumn(decisions), QStringList{u"SP-RAW-2"_s});
        QCOMPARE(decisions->index(0, app::QcDecisionsModel::DecisionColumn).data().toString(),
                 u"⚠ HOLD"_s);
        QCOMPARE(decisions->rowAt(0).gateNumber, 1);

        // QC: gate 1, PASS → RAW-1 and RAW-2 (its later PASS).
        page.showDrillDown(u"qc"_s, 0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Decisions: 2"_s, 10000);
        QCOMPARE(modelColumn(decisions), (QStringList{u"SP-RAW-1"_s, u"SP-RAW-2"_s}));

        // Lots: RAW at 06:00 → RAW-1 and RAW-2, through the lots list with its filters.
        page.showDrillDown(u"lots"_s, 0, 6);
        auto *lots = qobject_cast<app::ServerLotsModel *>(page.drillDownModel());
        QVERIFY(lots);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Lots: 2"_s, 10000);
        QCOMPARE(modelColumn(lots), (QStringList{u"SP-RAW-1"_s, u"SP-RAW-2"_s}));
        QCOMPARE(page.drillDown()->view()->model(), lots);

        // Kilograms per day: the seeded day → its four lots; the day before → FG-1 (23:59:59).
        page.showDrillDown(u"kg"_s, 0, 6);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Lots: 4"_s, 10000);
        QCOMPARE(modelColumn(lots),
                 (QStringList{u"SP-BULK-1"_s, u"SP-DEB-1"_s, u"SP-RAW-1"_s, u"SP-RAW-2"_s}));
        page.showDrillDown(u"kg"_s, 0, 5);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Lots: 1"_s, 10000);
        QCOMPARE(modelColumn(lots), QStringList{u"SP-FG-1"_s});
        page.showDrillDown(u"kg"_s, 0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(page.drillDown()->state(), u"Lots: 0"_s, 10000);

        // Holds by age: 1–3 days → HOLD-1 (26 h); over 3 days → HOLD-2.
        page.showDrillDown(u"holds"_s, 0, 3);
        auto *held = qobject_cast<app::HeldLotsModel *>(page.drillDownModel());
        QVERIFY(held);
        QAbstractItemModelTester heldTester(held,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(modelColumn(held), QStringList{u"SP-HOLD-1"_s});
        QCOMPARE(held->index(0, app::HeldLotsModel::AgeColumn).data().toString().left(4),
                 u"1 d "_s);
        page.showDrillDown(u"holds"_s, 0, 4);
        QCOMPARE(modelColumn(held), QStringList{u"SP-HOLD-2"_s});
        page.showDrillDown(u"holds"_s, 0, 0);
        QCOMPARE(held->rowCount(), 0);
    }

    void shiftsFollowTheirStartTimes_data()
    {
        QTest::addColumn<QString>("starts");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        const auto t = [](QDate d, int h, int m = 0) { return QDateTime(d, QTime(h, m), kPlant); };
        const QString three = u"07:00, 15:30, 23:00"_s;
        QTest::newRow("3 shifts, morning")
            << three << t(kDay, 9, 30) << t(kDay, 7) << t(kDay, 15, 30);
        QTest::newRow("3 shifts, 15:29")
            << three << t(kDay, 15, 29) << t(kDay, 7) << t(kDay, 15, 30);
        QTest::newRow("3 shifts, 15:30")
            << three << t(kDay, 15, 30) << t(kDay, 15, 30) << t(kDay, 23);
        QTest::newRow("3 shifts, night before midnight")
            << three << t(kDay, 23, 10) << t(kDay, 23) << t(kDay.addDays(1), 7);
        QTest::newRow("3 shifts, night after midnight")
            << three << t(kDay, 6, 59) << t(kDay.addDays(-1), 23) << t(kDay, 7);
        QTest::newRow("2 shifts") << u"6:00;18:00"_s << t(kDay, 20) << t(kDay, 18)
                                  << t(kDay.addDays(1), 6);
        QTest::newRow("1 shift, 24 hours")
            << u"05:00"_s << t(kDay, 4) << t(kDay.addDays(-1), 5) << t(kDay, 5);
        QTest::newRow("4 shifts") << u"00:00 06:00 12:00 18:00"_s << t(kDay, 0) << t(kDay, 0)
                                  << t(kDay, 6);
    }

    void shiftsFollowTheirStartTimes()
    {
        QFETCH(QString, starts);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QString error;
        const auto parsed = app::ConsoleSettings::parseShiftStarts(starts, &error);
        QVERIFY2(parsed, qPrintable(error));
        const StatsRange r =
            StatsRange::forPreset(StatsRange::Preset::Shift, now.toUTC(), kPlant, *parsed);
        QCOMPARE(r.from, from);
        QCOMPARE(r.to, to);
        QCOMPARE(r.bucket, u"hour"_s);
        // Its kilograms: the 7 days ending with the shift's last day.
        const StatsRange days = r.kilogramDays(kPlant);
        QCOMPARE(days.bucket, u"day"_s);
        QCOMPARE(days.to, QDateTime(to.addSecs(-1).date().addDays(1), QTime(0, 0), kPlant));
        QCOMPARE(days.from, days.to.addDays(-7));
    }

    void kilogramsPerDayForToday()
    {
        // "Today" on the seeded day: hours for the lots, the 7 days ending today for the kg.
        SupervisorPage page(m_api.get(), m_dir.filePath(u"today.json"_s));
        page.resize(1366, 768);
        page.stats()->setClock([] { return QDateTime(kDay, QTime(12, 0), kPlant).toUTC(); });
        page.show();
        page.choosePreset(int(StatsRange::Preset::Today));
        QTRY_VERIFY_WITH_TIMEOUT(
            !page.stats()->isLoading() &&
                page.stats()->snapshot().range.preset == StatsRange::Preset::Today &&
                page.stats()->snapshot().range.from == QDateTime(kDay, QTime(0, 0), kPlant),
            20000);
        QVERIFY2(page.stats()->errorString().isEmpty(), qPrintable(page.stats()->errorString()));
        const app::StatsSnapshot &s = page.stats()->snapshot();
        QCOMPARE(s.range.bucket, u"hour"_s);
        QCOMPARE(page.chart(u"lots"_s)->data().categories.size(), 24);
        QVERIFY(s.hasLotsDaily);
        QCOMPARE(s.lotsDaily.bucket, u"day"_s);

        const ChartData kg = page.chart(u"kg"_s)->data();
        QCOMPARE(kg.title, u"Kilograms per day"_s);
        QCOMPARE(kg.categoryTitle, u"Day"_s);
        QCOMPARE(kg.seriesCount(), 1);
        QCOMPARE(kg.pointCount(), 7);
        QCOMPARE(kg.categories.first(), u"11-14"_s);
        QCOMPARE(kg.categories.last(), u"11-20"_s);
        QCOMPARE(kg.series.at(0).texts,
                 (QStringList{u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"10"_s, u"216.35"_s}));
        QCOMPARE(kg.series.at(0).values.at(6), 216.35);
        QCOMPARE(page.chart(u"kg"_s)->chart()->renderedSeriesCount(), 1);
        QCOMPARE(page.chart(u"kg"_s)->chart()->renderedPointCount(), 7);
        QCOMPARE(kg.tooltip(0, 5), u"11-19 · Kilograms: 10 kg"_s);
        // The same figures as the API by the day, and stored for a restart.
        const QJsonObject daily = api(u"/api/v1/stats/lots?"_s +
                                      StatsRange::custom(kDay.addDays(-6), kDay, kPlant).query());
        QCOMPARE(daily.value(u"totals"_s).toObject().value(u"kg"_s).toDouble(), 226.35);
        QCOMPARE(s.answers.value(u"lots_daily"_s).toObject().value(u"buckets"_s),
                 daily.value(u"buckets"_s));
        SupervisorPage restarted(m_api.get(), m_dir.filePath(u"today.json"_s));
        QCOMPARE(restarted.chart(u"kg"_s)->data().series.at(0).texts, kg.series.at(0).texts);

        // The real today: two lots just after midnight, 112.5 kg.
        page.stats()->setClock({});
        page.choosePreset(int(StatsRange::Preset::Today));
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kPlant).date();
        QTRY_VERIFY_WITH_TIMEOUT(!page.stats()->isLoading() &&
                                     page.stats()->snapshot().range.from.date() == today,
                                 20000);
        const ChartData now = page.chart(u"kg"_s)->data();
        QCOMPARE(now.pointCount(), 7);
        QCOMPARE(now.categories.last(), today.toString(u"MM-dd"_s));
        QCOMPARE(now.series.at(0).texts.last(), u"112.5"_s);
    }

    void shiftRangeFollowsTheSettings()
    {
        QTemporaryDir dir;
        app::ConsoleSettings settings;
        settings.serverUrl = m_server->baseUrl();
        settings.idleLockMinutes = 0;
        QCOMPARE(settings.shiftStarts, (QList<QTime>{QTime(6, 0), QTime(14, 0), QTime(22, 0)}));
        app::ConsoleCore core(settings, dir.path());
        QSignalSpy loggedIn(core.session(), &app::Session::loggedIn);
        core.session()->login(u"manager"_s, TestServer::passwordOf(u"manager"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);

        ui::SettingsPage settingsPage(core.settingsController());
        auto *field = settingsPage.findChild<QLineEdit *>(u"shiftStarts"_s);
        QVERIFY(field);
        QCOMPARE(field->text(), u"06:00, 14:00, 22:00"_s);

        const std::unique_ptr<SupervisorPage> supervisor(ui::ConsolePages::supervisor(core));
        SupervisorPage &page = *supervisor;
        page.resize(1366, 768);
        page.stats()->setClock([] { return QDateTime(kDay, QTime(14, 30), kPlant).toUTC(); });
        page.show();
        page.choosePreset(int(StatsRange::Preset::Shift));
        const auto shown = [&page](int fromHour, int fromMinute, int toHour, int toMinute) {
            const app::StatsSnapshot &s = page.stats()->snapshot();
            return !page.stats()->isLoading() && !s.isEmpty() &&
                   s.range.preset == StatsRange::Preset::Shift &&
                   s.range.from == QDateTime(kDay, QTime(fromHour, fromMinute), kPlant) &&
                   s.range.to == QDateTime(kDay, QTime(toHour, toMinute), kPlant);
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(14, 0, 22, 0), 20000);
        QVERIFY(page.findChild<QWidget *>(u"rangePicker"_s)
                    ->toolTip()
                    .contains(u"06:00–14:00, 14:00–22:00, 22:00–06:00"_s));

        // Two shifts from 07:00 and 15:30: at 14:30 the first is still running, at once.
        field->setText(u"07:00, 15:30"_s);
        QVERIFY2(settingsPage.save(), qPrintable(settingsPage.errorText()));
        QCOMPARE(core.settings().shiftStarts, (QList<QTime>{QTime(7, 0), QTime(15, 30)}));
        QCOMPARE(page.stats()->range().from, QDateTime(kDay, QTime(7, 0), kPlant));
        QCOMPARE(page.stats()->range().to, QDateTime(kDay, QTime(15, 30), kPlant));
        QTRY_VERIFY_WITH_TIMEOUT(shown(7, 0, 15, 30), 20000);
        QVERIFY(page.findChild<QWidget *>(u"rangePicker"_s)
                    ->toolTip()
                    .contains(u"07:00–15:30, 15:30–07:00"_s));
        QCOMPARE(app::ConsoleSettings::load().shiftStarts, core.settings().shiftStarts);
        // Its kilograms are still per day: the 7 days ending with the shift's day.
        QCOMPARE(page.chart(u"kg"_s)->data().pointCount(), 7);
        QCOMPARE(page.chart(u"kg"_s)->data().categories.last(), u"11-20"_s);

        // Refused, with a sentence, and nothing changes.
        const QList<QTime> kept = core.settings().shiftStarts;
        const QStringList invalid{u""_s,
                                  u"14:00, 06:00"_s,
                                  u"06:00, 06:00"_s,
                                  u"01:00, 02:00, 03:00, 04:00, 05:00"_s,
                                  u"25:00"_s,
                                  u"06:00, noon"_s,
                                  u"6:75"_s};
        for (const QString &text : invalid) {
            field->setText(text);
            QVERIFY2(!settingsPage.save(), qPrintable(text));
            const QString error = settingsPage.errorText();
            QVERIFY2(error.startsWith(u"⚠ "_s) && error.endsWith(u'.'), qPrintable(error));
            QCOMPARE(core.settings().shiftStarts, kept);
            QCOMPARE(page.stats()->shiftStarts(), kept);
            QCOMPARE(page.stats()->range().from, QDateTime(kDay, QTime(7, 0), kPlant));
        }
        field->setText(u"14:00, 06:00"_s);
        QVERIFY(!settingsPage.save());
        QVERIFY2(settingsPage.errorText().contains(u"later in the day"_s),
                 qPrintable(settingsPage.errorText()));
        field->setText(u"06:00, noon"_s);
        QVERIFY(!settingsPage.save());
        QVERIFY2(settingsPage.errorText().contains(u"“noon” is not a time of day"_s),
                 qPrintable(settingsPage.errorText()));
        // In the operator's language.
        ui::LanguageManager languages;
        QVERIFY(languages.setLanguage(u"hu"_s));
        field->setText(u"14:00, 06:00"_s);
        QVERIFY(!settingsPage.save());
        QVERIFY2(!settingsPage.errorText().contains(u"later in the day"_s),
                 qPrintable(settingsPage.errorText()));
        QVERIFY(settingsPage.errorText().endsWith(u'.'));
        QVERIFY(languages.setLanguage(u"en"_s));

        // The defaults again; a stored value edited by hand into nonsense gives the defaults.
        field->setText(u"06:00, 14:00, 22:00"_s);
        QVERIFY(settingsPage.save());
        QTRY_VERIFY_WITH_TIMEOUT(shown(14, 0, 22, 0), 20000);
        {
            QSettings q(u"FlowViz"_s, u"flowviz-console"_s);
            q.setValue(u"supervisor/shiftStarts"_s, u"22:00, 06:00"_s);
        }
        QCOMPARE(app::ConsoleSettings::load().shiftStarts,
                 app::ConsoleSettings::defaultShiftStarts());
    }

    void supervisorPageIsNotForOperators()
    {
        QTemporaryDir dir;
        app::ConsoleSettings settings;
        settings.serverUrl = m_server->baseUrl();
        settings.idleLockMinutes = 0;
        app::ConsoleCore core(settings, dir.path());
        const std::unique_ptr<ui::MainWindow> shell = ui::ConsolePages::mainWindow(core, nullptr);
        ui::MainWindow &window = *shell;
        window.addPage(u"supervisor"_s, u"Supervisor"_s, ui::ConsolePages::supervisor(core));
        window.setPageRoles(u"supervisor"_s,
                            {Role::MANAGER, Role::AUDITOR, Role::ADMIN, Role::VIEWER});
        window.addPage(u"other"_s, u"Sync"_s, new QWidget);
        window.show();
        QVERIFY(!window.isPageAvailable(u"supervisor"_s)); // nobody logged in

        QSignalSpy loggedIn(core.session(), &app::Session::loggedIn);
        core.session()->login(u"operator"_s, TestServer::passwordOf(u"operator"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 15000);
        QVERIFY(!window.isPageAvailable(u"supervisor"_s));
        QCOMPARE(window.currentPageId(), u"other"_s);
        window.showPage(u"supervisor"_s);
        QCOMPARE(window.currentPageId(), u"other"_s);
        QVERIFY(window.findChild<QWidget *>(u"nav_supervisor"_s)->isHidden());

        core.session()->logout();
        core.session()->login(u"viewer"_s, TestServer::passwordOf(u"viewer"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 2, 15000);
        QVERIFY(window.isPageAvailable(u"supervisor"_s));
        QVERIFY(!window.findChild<QWidget *>(u"nav_supervisor"_s)->isHidden());
        window.showPage(u"supervisor"_s);
        QCOMPARE(window.currentPageId(), u"supervisor"_s);
    }

    // Last: stops the server.
    void offlineKeepsTheLastFiguresWithTheirAge()
    {
        SupervisorPage page(m_api.get(), storePath());
        page.resize(1366, 768);
        page.show();
        QVERIFY(showDay(page));
        const QDateTime fetchedAt = page.stats()->snapshot().fetchedAt;
        const QString kg = page.tile(u"kgToday"_s)->value();

        m_server->stop();
        // Twelve minutes later the server is still away.
        page.stats()->setClock([fetchedAt] { return fetchedAt.addSecs(12 * 60 + 5); });
        QSignalSpy state(page.stats(), &StatsClient::stateChanged);
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page.stats()->isOffline() && !page.stats()->isLoading(), 15000);
        QVERIFY2(page.statusText().startsWith(u"✕ Offline: data from 12 min ago"_s),
                 qPrintable(page.statusText()));
        QVERIFY(page.statusText().contains(u"not live"_s));
        QCOMPARE(page.tile(u"kgToday"_s)->value(), kg);
        QCOMPARE(page.chart(u"lots"_s)->data().pointCount(), 72);

        // A restart while offline: the stored figures come back before any answer.
        SupervisorPage restarted(m_api.get(), storePath());
        QCOMPARE(restarted.stats()->snapshot().fetchedAt, fetchedAt);
        QCOMPARE(restarted.tile(u"kgToday"_s)->value(), kg);
        QCOMPARE(restarted.chart(u"lots"_s)->data().pointCount(), 72);
        QCOMPARE(restarted.chart(u"kg"_s)->data().series.at(0).texts.last(), u"216.35"_s);
        QCOMPARE(restarted.chart(u"kg"_s)->data().pointCount(), 7);
        QCOMPARE(restarted.stats()->range().preset, StatsRange::Preset::Custom);
        restarted.stats()->setClock([fetchedAt] { return fetchedAt.addSecs(3 * 3600); });
        restarted.resize(1366, 768);
        restarted.show(); // refreshes, fails
        QTRY_VERIFY_WITH_TIMEOUT(restarted.stats()->isOffline(), 15000);
        QVERIFY2(restarted.statusText().startsWith(u"✕ Offline: data from 3 h ago"_s),
                 qPrintable(restarted.statusText()));

        // A snapshot stored by a console before the kilograms per day: everything else comes
        // back, the kilograms chart waits for the server instead of showing hours as days.
        QFile stored(storePath());
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QByteArray legacy = stored.readAll();
        stored.close();
        {
            QJsonObject o = QJsonDocument::fromJson(legacy).object();
            QJsonObject answers = o.value(u"answers"_s).toObject();
            QVERIFY(answers.contains(u"lots_daily"_s));
            answers.remove(u"lots_daily"_s);
            o.insert(u"answers"_s, answers);
            const QString beforePath = m_dir.filePath(u"before-daily.json"_s);
            QFile before(beforePath);
            QVERIFY(before.open(QIODevice::WriteOnly));
            before.write(QJsonDocument(o).toJson());
            before.close();
            SupervisorPage older(m_api.get(), beforePath);
            QCOMPARE(older.stats()->snapshot().fetchedAt, fetchedAt);
            QVERIFY(!older.stats()->snapshot().hasLotsDaily);
            QCOMPARE(older.tile(u"kgToday"_s)->value(), kg);
            QCOMPARE(older.chart(u"lots"_s)->data().pointCount(), 72);
            const ChartData kgChart = older.chart(u"kg"_s)->data();
            QCOMPARE(kgChart.title, u"Kilograms per day"_s);
            QCOMPARE(kgChart.pointCount(), 0);
            older.showDrillDown(u"kg"_s, 0, 0); // nothing behind it, and no crash
            QVERIFY(!older.drillDown() || !older.drillDown()->isVisible());
        }

        // A snapshot stored by an older console, with camelCase keys, is ignored, not misread.
        QVERIFY(legacy.contains("\"fetched_at\"") && legacy.contains("\"lots_today\""));
        QVERIFY(!legacy.contains("\"fetchedAt\"") && !legacy.contains("\"timeZone\""));
        for (const auto &[snake, camel] : {std::pair{"\"fetched_at\"", "\"fetchedAt\""},
                                           {"\"lots_today\"", "\"lotsToday\""},
                                           {"\"qc_today\"", "\"qcToday\""},
                                           {"\"time_zone\"", "\"timeZone\""},
                                           {"\"by_type\"", "\"byType\""},
                                           {"\"lot_type\"", "\"lotType\""}})
            legacy.replace(snake, camel);
        const QString legacyPath = m_dir.filePath(u"legacy.json"_s);
        QFile legacyFile(legacyPath);
        QVERIFY(legacyFile.open(QIODevice::WriteOnly));
        legacyFile.write(legacy);
        legacyFile.close();
        SupervisorPage old(m_api.get(), legacyPath);
        QVERIFY(old.stats()->snapshot().isEmpty());
        QCOMPARE(old.tile(u"lotsToday"_s)->value(), u"—"_s);

        // No stored figures at all: says so rather than showing zeros.
        SupervisorPage empty(m_api.get(), m_dir.filePath(u"none.json"_s));
        empty.show();
        QTRY_VERIFY_WITH_TIMEOUT(empty.stats()->isOffline(), 15000);
        QCOMPARE(empty.tile(u"lotsToday"_s)->value(), u"—"_s);
        QVERIFY(empty.statusText().contains(u"no figures are stored"_s));
    }
};

QTEST_MAIN(TestSupervisorPage)
#include "tst_supervisorpage.moc"
