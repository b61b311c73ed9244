// flowviz-screenshots: renders the console's pages offscreen with demo data into PNG files for
// docs/user-guide.md, so the guide's pictures never go stale: every page (and the signature
// dialog) at 1024 × 700 and 1366 × 768 in English and Hungarian as
// <page>-<width>x<height>-<language>.png, plus the correction dialog and the supervisor page on a
// wall display.
//
//   QT_QPA_PLATFORM=offscreen flowviz-screenshots docs/images

#include "app/cache/localcache.h"
#include "app/core/consolecore.h"
#include "app/models/outboxmodel.h"
#include "app/outbox/outbox.h"
#include "ui/i18n/languagemanager.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"
#include "ui/sync/correctiondialog.h"
#include "ui/sync/syncpage.h"

#include "app/qc/decisionrecorder.h"
#include "app/registration/lotregistrar.h"
#include "ui/lots/lotspage.h"
#include "ui/lots/registerlotpage.h"
#include "ui/qc/qcdecisionpage.h"
#include "ui/qc/signaturedialog.h"
#include "ui/trace/tracepage.h"

#include "app/stats/statsrange.h"
#include "ui/supervisor/supervisorpage.h"

#include "app/registration/rulemessages.h"
#include "app/session/session.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <array>
#include <cmath>

using namespace flowviz;

namespace {

void settle(int ms = 300)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// PNG at the strongest compression: the pictures live in the repository.
bool save(QWidget *widget, const QDir &dir, const QString &name)
{
    settle();
    const QString path = dir.filePath(name);
    if (!widget->grab().toImage().save(path, "PNG", 0)) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return false;
    }
    QTextStream(stdout) << path << '\n';
    return true;
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QJsonObject lot(const QString &code, const QString &type, const QString &weight)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), type},
            {QStringLiteral("weight_kg"), weight},
            {QStringLiteral("workstation_id"), QStringLiteral("DUNA01")}};
}

// A session, so the console opens logged in (and offline) as a demo operator.
void startSession(app::ConsoleCore &core)
{
    core.session()->adopt("demo-token",
                          {QStringLiteral("anna"), QStringLiteral("Kovács Anna"), Role::OPERATOR},
                          QDateTime::currentDateTimeUtc().addSecs(8 * 3600));
}

void addDemoData(app::ConsoleCore &core)
{
    QJsonArray gates;
    const QList<std::tuple<int, const char *, const char *, const char *, bool>> rows{
        {1, "Átvétel", "Receiving", "BLOCKING", true},
        {2, "Darabolás", "Cutting", "CHECKPOINT", false},
        {3, "Sütés", "Cooking", "BLOCKING", true},
        {4, "Hűtés", "Chilling", "BLOCKING", true},
        {5, "Csomagolás", "Packing", "CHECKPOINT", false},
        {7, "Fagyasztás", "Freezing", "BLOCKING", true}};
    for (const auto &[number, hu, en, type, ccp] : rows) {
        // Freezing carries the seeded critical limit: core temperature at most -18.0 °C.
        QJsonArray limits;
        if (number == 7)
            limits.append(
                QJsonObject{{QStringLiteral("lot_type"), QJsonValue()},
                            {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
                            {QStringLiteral("min"), QJsonValue()},
                            {QStringLiteral("max"), -18.0}});
        gates.append(QJsonObject{
            {QStringLiteral("id"), number},
            {QStringLiteral("gate_number"), number},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("hu"), QString::fromUtf8(hu)},
                                                 {QStringLiteral("en"), QString::fromUtf8(en)}}},
            {QStringLiteral("gate_type"), QString::fromLatin1(type)},
            {QStringLiteral("is_ccp"), ccp},
            {QStringLiteral("pass_requires_signature"), false},
            {QStringLiteral("critical_limits"), limits}});
    }
    core.cache()->applyGates(gates);

    const auto cached = [](const QString &code, LotType type, const char *kg, LotStatus status,
                           int minutesAgo) {
        app::CachedLot l;
        l.code = code;
        l.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        l.type = type;
        l.status = status;
        l.weightKg = Decimal::parse(QString::fromLatin1(kg));
        l.workstationId = QStringLiteral("DUNA01");
        l.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
        return l;
    };
    const QString day = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    for (const auto &l : {cached(QStringLiteral("RAW-%1-DUNA02-0007").arg(day), LotType::RAW,
                                 "25.40", LotStatus::RELEASED, 180),
                          cached(QStringLiteral("RAW-%1-DUNA02-0008").arg(day), LotType::RAW,
                                 "24.95", LotStatus::HOLD, 170),
                          cached(QStringLiteral("DEB-%1-DUNA01-0031").arg(day), LotType::DEB,
                                 "48.10", LotStatus::QUARANTINE, 120),
                          cached(QStringLiteral("FRZ-%1-DUNA01-0052").arg(day), LotType::FRZ,
                                 "22.40", LotStatus::CREATED, 30)})
        core.cache()->addPendingLot(l);

    auto *outbox = core.outbox();
    const QString today = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    const auto code = [&](const char *type, int seq) {
        return QStringLiteral("%1-%2-DUNA01-%3")
            .arg(QString::fromLatin1(type), today)
            .arg(seq, 4, 10, QLatin1Char('0'));
    };
    outbox->enqueueLot(lot(code("RAW", 41), QStringLiteral("RAW"), QStringLiteral("24.80")));
    outbox->enqueueLot(lot(code("BULK", 42), QStringLiteral("BULK"), QStringLiteral("118.25")));
    const QString refused = outbox->enqueueLot(
        lot(QStringLiteral("RAW-HAND-00417"), QStringLiteral("RAW"), QStringLiteral("20.00")));
    outbox->enqueueDecision({{QStringLiteral("lot_code"), code("BULK", 42)},
                             {QStringLiteral("decision"), QStringLiteral("PASS")},
                             {QStringLiteral("gate_number"), 2},
                             {QStringLiteral("workstation_id"), QStringLiteral("DUNA01")}});
    // What the server says when another workstation registered the same hand-typed code.
    const auto batch = outbox->nextBatch(10);
    for (const auto &item : batch) {
        if (item.id == refused)
            outbox->markNeedsAttention(item.id, 409,
                                       QStringLiteral("Lot code RAW-HAND-00417 is already in use "
                                                      "by another lot. Correct the code on the "
                                                      "label and send it again."));
        else
            outbox->markRetry(item.id, QStringLiteral("The server cannot be reached."),
                              QDateTime::currentDateTimeUtc().addSecs(3600));
    }
}

// The stats API's answers for a plausible day at the plant, stored as the supervisor page's
// last snapshot (fetched two minutes ago), so its picture shows real charts; the page says
// the figures are not live, because the demo has no server.
void writeDemoStats(const QString &dataDir)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const app::StatsRange range = app::StatsRange::today(now, zone);
    const auto t = [](const QDateTime &d) { return app::StatsRange::rfc3339(d); };
    const auto kg = [](qint64 cents) { return double(cents) / 100.0; };
    const QStringList types{QStringLiteral("RAW"), QStringLiteral("DEB"), QStringLiteral("BULK"),
                            QStringLiteral("MIX"), QStringLiteral("FG")};
    const qint64 weights[] = {2500, 4850, 11825, 6000, 1240}; // kg × 100 per lot
    // Lots per hour (06:00 … 17:00) of each type.
    const int counts[][5] = {{6, 0, 0, 0, 0}, {8, 2, 0, 0, 0}, {7, 4, 1, 0, 0}, {5, 5, 2, 1, 0},
                             {4, 3, 2, 2, 3}, {6, 2, 1, 2, 5}, {3, 4, 2, 1, 6}, {5, 3, 1, 2, 4},
                             {6, 2, 2, 1, 5}, {4, 3, 1, 2, 3}, {2, 2, 1, 1, 4}, {1, 1, 0, 1, 2}};
    QJsonArray lotBuckets;
    int totalLots = 0;
    qint64 totalKg = 0;
    QList<int> typeLots(types.size(), 0);
    QList<qint64> typeKg(types.size(), 0);
    for (int h = 0; h < 24; ++h) {
        const QDateTime start = range.from.addSecs(3600 * h);
        QJsonArray byType;
        int lots = 0;
        qint64 cents = 0;
        if (h >= 6 && h < 18) {
            for (int i = 0; i < types.size(); ++i) {
                const int n = counts[h - 6][i];
                if (n == 0)
                    continue;
                byType.append(QJsonObject{{QStringLiteral("lot_type"), types.at(i)},
                                          {QStringLiteral("lots"), n},
                                          {QStringLiteral("kg"), kg(n * weights[i])}});
                lots += n;
                cents += n * weights[i];
                typeLots[i] += n;
                typeKg[i] += n * weights[i];
            }
        }
        totalLots += lots;
        totalKg += cents;
        lotBuckets.append(QJsonObject{{QStringLiteral("start"), t(start)},
                                      {QStringLiteral("end"), t(start.addSecs(3600))},
                                      {QStringLiteral("lots"), lots},
                                      {QStringLiteral("kg"), kg(cents)},
                                      {QStringLiteral("by_type"), byType}});
    }
    QJsonArray totalByType;
    for (int i = 0; i < types.size(); ++i)
        totalByType.append(QJsonObject{{QStringLiteral("lot_type"), types.at(i)},
                                       {QStringLiteral("lots"), typeLots[i]},
                                       {QStringLiteral("kg"), kg(typeKg[i])}});
    const QJsonObject lotTotals{{QStringLiteral("lots"), totalLots},
                                {QStringLiteral("kg"), kg(totalKg)},
                                {QStringLiteral("by_type"), totalByType}};
    const QString zoneId = QString::fromUtf8(zone.id());
    const auto lotsAnswer = [&](const QString &bucket, const QJsonArray &buckets) {
        return QJsonObject{
            {QStringLiteral("from"), t(range.from)}, {QStringLiteral("to"), t(range.to)},
            {QStringLiteral("bucket"), bucket},      {QStringLiteral("time_zone"), zoneId},
            {QStringLiteral("buckets"), buckets},    {QStringLiteral("totals"), lotTotals}};
    };

    // QC: gates and, per gate, PASS/HOLD/FAIL with first-pass figures per hour.
    const QList<std::tuple<int, const char *, const char *, bool>> gates{
        {1, "Átvétel", "Receipt", false},
        {3, "Csontozás", "Deboning", false},
        {4, "Ömlesztett kész", "Bulk ready", false},
        {5, "Keverés", "Mixing", false},
        {7, "Fagyasztás", "Freezing", true},
        {8, "Csomagolás", "Packaging", false}};
    QJsonArray gateList;
    for (const auto &[number, hu, en, ccp] : gates)
        gateList.append(QJsonObject{
            {QStringLiteral("gate_number"), number},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("hu"), QString::fromUtf8(hu)},
                                                 {QStringLiteral("en"), QString::fromUtf8(en)}}},
            {QStringLiteral("is_ccp"), ccp}});
    const auto yieldOf = [](int firstPass, int decided) {
        return decided == 0 ? QJsonValue(QJsonValue::Null)
                            : QJsonValue(std::round(10000.0 * firstPass / decided) / 10000.0);
    };
    QJsonArray qcBuckets;
    QList<std::array<int, 5>> gateTotals(gates.size(), {0, 0, 0, 0, 0});
    for (int h = 0; h < 24; ++h) {
        const QDateTime start = range.from.addSecs(3600 * h);
        QJsonArray byGate;
        int pass = 0, hold = 0, fail = 0;
        for (int g = 0; g < gates.size(); ++g) {
            int p = 0, ho = 0, f = 0;
            if (h >= 6 + g && h < 18) {
                p = 3 + (h + g) % 4;
                ho = (h * 7 + g) % 5 == 0 ? 1 : 0;
                f = (h * 3 + g) % 11 == 0 ? 1 : 0;
            }
            const int decided = p + ho + f;
            const int firstPass = p;
            pass += p;
            hold += ho;
            fail += f;
            auto &tot = gateTotals[g];
            tot[0] += p, tot[1] += ho, tot[2] += f, tot[3] += firstPass, tot[4] += decided;
            byGate.append(QJsonObject{{QStringLiteral("gate_number"), std::get<0>(gates.at(g))},
                                      {QStringLiteral("PASS"), p},
                                      {QStringLiteral("HOLD"), ho},
                                      {QStringLiteral("FAIL"), f},
                                      {QStringLiteral("first_pass"), firstPass},
                                      {QStringLiteral("decided_lots"), decided},
                                      {QStringLiteral("yield"), yieldOf(firstPass, decided)}});
        }
        qcBuckets.append(
            QJsonObject{{QStringLiteral("start"), t(start)},
                        {QStringLiteral("end"), t(start.addSecs(3600))},
                        {QStringLiteral("decisions"), QJsonObject{{QStringLiteral("PASS"), pass},
                                                                  {QStringLiteral("HOLD"), hold},
                                                                  {QStringLiteral("FAIL"), fail}}},
                        {QStringLiteral("by_gate"), byGate}});
    }
    QJsonArray totalByGate;
    int pass = 0, hold = 0, fail = 0, firstPass = 0, decided = 0;
    for (int g = 0; g < gates.size(); ++g) {
        const auto &tot = gateTotals[g];
        pass += tot[0], hold += tot[1], fail += tot[2], firstPass += tot[3], decided += tot[4];
        totalByGate.append(QJsonObject{{QStringLiteral("gate_number"), std::get<0>(gates.at(g))},
                                       {QStringLiteral("PASS"), tot[0]},
                                       {QStringLiteral("HOLD"), tot[1]},
                                       {QStringLiteral("FAIL"), tot[2]},
                                       {QStringLiteral("first_pass"), tot[3]},
                                       {QStringLiteral("decided_lots"), tot[4]},
                                       {QStringLiteral("yield"), yieldOf(tot[3], tot[4])}});
    }
    const QJsonObject qcTotals{
        {QStringLiteral("decisions"), QJsonObject{{QStringLiteral("PASS"), pass},
                                                  {QStringLiteral("HOLD"), hold},
                                                  {QStringLiteral("FAIL"), fail}}},
        {QStringLiteral("first_pass"), firstPass},
        {QStringLiteral("decided_lots"), decided},
        {QStringLiteral("yield"), yieldOf(firstPass, decided)},
        {QStringLiteral("by_gate"), totalByGate}};
    const auto qcAnswer = [&](const QString &bucket, const QJsonArray &buckets) {
        return QJsonObject{
            {QStringLiteral("from"), t(range.from)}, {QStringLiteral("to"), t(range.to)},
            {QStringLiteral("bucket"), bucket},      {QStringLiteral("time_zone"), zoneId},
            {QStringLiteral("gates"), gateList},     {QStringLiteral("buckets"), buckets},
            {QStringLiteral("totals"), qcTotals}};
    };
    const QJsonObject dayBucket{{QStringLiteral("start"), t(range.from)},
                                {QStringLiteral("end"), t(range.to)}};

    // Holds by age and workstations.
    const QString day = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    QJsonArray held;
    const QList<std::tuple<QString, const char *, const char *, int>> heldLots{
        {QStringLiteral("RAW-%1-DUNA02-0008").arg(day), "RAW", "HOLD", 40 * 60},
        {QStringLiteral("DEB-%1-DUNA01-0031").arg(day), "DEB", "QUARANTINE", 2 * 3600},
        {QStringLiteral("BULK-%1-DUNA03-0012").arg(day), "BULK", "HOLD", 3 * 3600 + 600},
        {QStringLiteral("MIX-%1-DUNA04-0007").arg(day), "MIX", "HOLD", 9 * 3600},
        {QStringLiteral("FG-20250110-DUNA05-0102"), "FG", "HOLD", 4 * 86400}};
    for (const auto &[code, type, status, age] : heldLots)
        held.append(QJsonObject{{QStringLiteral("lot_code"), code},
                                {QStringLiteral("lot_type"), QString::fromLatin1(type)},
                                {QStringLiteral("status"), QString::fromLatin1(status)},
                                {QStringLiteral("since"), t(now.addSecs(-age).toTimeZone(zone))},
                                {QStringLiteral("age_seconds"), age},
                                {QStringLiteral("run_code"), QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("weight_kg"), 25.5}});
    QJsonArray byAge;
    const QList<std::tuple<const char *, qint64, int>> ages{
        {"<1h", 3600, 1}, {"1–4h", 4 * 3600, 2}, {"4–24h", 86400, 1}, {"1–3d", 3 * 86400, 0}};
    for (const auto &[label, max, count] : ages)
        byAge.append(QJsonObject{{QStringLiteral("label"), QString::fromUtf8(label)},
                                 {QStringLiteral("max_seconds"), max},
                                 {QStringLiteral("count"), count}});
    byAge.append(QJsonObject{{QStringLiteral("label"), QStringLiteral(">3d")},
                             {QStringLiteral("max_seconds"), QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("count"), 1}});
    QJsonArray workstations;
    const QList<std::tuple<const char *, int, int>> stations{{"DUNA01", 20, 0},
                                                             {"DUNA02", 45, 2},
                                                             {"DUNA03", 15, 0},
                                                             {"DUNA04", 2400, 7},
                                                             {"DUNA05", 30, 1}};
    for (const auto &[id, ago, pending] : stations)
        workstations.append(
            QJsonObject{{QStringLiteral("workstation_id"), QString::fromLatin1(id)},
                        {QStringLiteral("last_heartbeat"), t(now.addSecs(-ago).toTimeZone(zone))},
                        {QStringLiteral("seconds_since_heartbeat"), ago},
                        {QStringLiteral("online"), ago <= 120},
                        {QStringLiteral("pending_sync"), pending},
                        {QStringLiteral("app_version"), QStringLiteral("0.1.0")},
                        {QStringLiteral("user"), QStringLiteral("anna")}});

    // Kilograms per day: the six days before today (a quieter Sunday among them), then today.
    // Past days have today's mix of types, scaled to a share of today's lots.
    const int pastDayPercent[] = {104, 101, 42, 95, 106, 103};
    QJsonArray dailyBuckets;
    for (int d = -6; d <= 0; ++d) {
        const QDateTime start = range.from.toTimeZone(zone).addDays(d);
        const int percent = d == 0 ? 100 : pastDayPercent[d + 6];
        QJsonArray byType;
        int lots = 0;
        qint64 cents = 0;
        for (int i = 0; i < types.size(); ++i) {
            const int n = d == 0 ? typeLots[i] : typeLots[i] * percent / 100;
            if (n == 0)
                continue;
            byType.append(QJsonObject{{QStringLiteral("lot_type"), types.at(i)},
                                      {QStringLiteral("lots"), n},
                                      {QStringLiteral("kg"), kg(n * weights[i])}});
            lots += n;
            cents += n * weights[i];
        }
        dailyBuckets.append(QJsonObject{{QStringLiteral("start"), t(start)},
                                        {QStringLiteral("end"), t(start.addDays(1))},
                                        {QStringLiteral("lots"), lots},
                                        {QStringLiteral("kg"), kg(cents)},
                                        {QStringLiteral("by_type"), byType}});
    }
    QJsonObject lotsDaily = lotsAnswer(QStringLiteral("day"), dailyBuckets);
    lotsDaily.insert(QStringLiteral("from"), t(range.from.toTimeZone(zone).addDays(-6)));

    const QJsonObject answers{
        {QStringLiteral("lots"), lotsAnswer(QStringLiteral("hour"), lotBuckets)},
        {QStringLiteral("lots_daily"), lotsDaily},
        {QStringLiteral("lots_today"), lotsAnswer(QStringLiteral("day"), {QJsonObject(dayBucket)})},
        {QStringLiteral("qc"), qcAnswer(QStringLiteral("hour"), qcBuckets)},
        {QStringLiteral("qc_today"), qcAnswer(QStringLiteral("day"), {QJsonObject(dayBucket)})},
        {QStringLiteral("holds"), QJsonObject{{QStringLiteral("as_of"), t(now.toTimeZone(zone))},
                                              {QStringLiteral("total"), int(held.size())},
                                              {QStringLiteral("lots"), held},
                                              {QStringLiteral("by_age"), byAge}}},
        {QStringLiteral("workstations"),
         QJsonObject{{QStringLiteral("as_of"), t(now.toTimeZone(zone))},
                     {QStringLiteral("offline_after_seconds"), 120},
                     {QStringLiteral("workstations"), workstations},
                     {QStringLiteral("online"), 4},
                     {QStringLiteral("offline"), 1}}}};
    const QJsonObject snapshot{
        {QStringLiteral("range"), range.toJson()},
        {QStringLiteral("fetched_at"), now.addSecs(-120).toString(Qt::ISODateWithMs)},
        {QStringLiteral("answers"), answers}};
    QFile f(QDir(dataDir).filePath(QStringLiteral("stats.json")));
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(snapshot).toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir scratch;
    qputenv("XDG_CONFIG_HOME", scratch.filePath(QStringLiteral("config")).toUtf8());
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: flowviz-screenshots OUTPUT_DIR\n";
        return 2;
    }
    QDir out(args.at(1));
    if (!out.mkpath(QStringLiteral(".")))
        return 1;

    ui::LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"));

    const QString dataDir = scratch.filePath(QStringLiteral("data"));
    QDir().mkpath(dataDir);
    app::ConsoleSettings settings;
    settings.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
    settings.site = QStringLiteral("DUNA");
    settings.workstation = QStringLiteral("01");
    settings.idleLockMinutes = 0;
    app::ConsoleCore core(settings, dataDir);
    startSession(core);
    addDemoData(core);
    writeDemoStats(dataDir);

    const std::unique_ptr<ui::MainWindow> shell = ui::ConsolePages::mainWindow(core, &languages);
    ui::MainWindow &window = *shell;
    app::LotRegistrar registrar(core.cache(), core.outbox(), core.codes(),
                                core.settings().workstationId());
    auto *registerPage = new ui::RegisterLotPage(&registrar);
    registerPage->setOperatorName(QStringLiteral("Kovács Anna"));
    window.addPage(QStringLiteral("register"), QStringLiteral("Register lot"), registerPage);
    app::DecisionRecorder recorder(core.cache(), core.outbox(), core.api(), core.session(),
                                   core.settings().workstationId());
    auto *qcPage = new ui::QcDecisionPage(&recorder);
    window.addPage(QStringLiteral("qc"), QStringLiteral("QC decision"), qcPage);
    window.addPage(QStringLiteral("lots"), QStringLiteral("Lots"), ui::ConsolePages::lots(core));
    window.addPage(QStringLiteral("trace"), QStringLiteral("Traceability"),
                   ui::ConsolePages::trace(core));
    // The page as a supervisor sees it (the console offers it to managers, auditors, admins and
    // viewers); the refresh finds the server away, so the stored figures stay.
    auto *supervisor = ui::ConsolePages::supervisor(core);
    window.addPage(QStringLiteral("supervisor"), QStringLiteral("Supervisor"), supervisor);
    auto *sync = ui::ConsolePages::sync(core);
    window.addPage(QStringLiteral("sync"), QStringLiteral("Sync"), sync);
    window.addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                   ui::ConsolePages::settings(core));
    window.resize(1024, 700);
    window.show();
    settle(1500); // the sync engine finds the server away: offline

    bool ok = true;
    const QString day = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    window.showPage(QStringLiteral("register"));
    // A debone lot made from two raw lots (a RAW lot's page shows its receipt instead).
    registerPage->typeCombo()->setCurrentIndex(
        registerPage->typeCombo()->findData(QStringLiteral("DEB")));
    registerPage->handleScan(QStringLiteral("RAW-%1-DUNA02-0007").arg(day));
    registerPage->handleScan(QStringLiteral("RAW-%1-DUNA02-0008").arg(day));
    window.showPage(QStringLiteral("sync"));
    sync->view()->resizeColumnsToContents();
    for (int row = 0; row < sync->model()->rowCount(); ++row) {
        const auto item = core.outbox()->item(sync->model()->idAt(row));
        if (item && item->state == app::OutboxItem::State::NeedsAttention)
            sync->selectItem(item->id);
    }

    // Every page at the two shop-floor screen sizes, in both languages:
    // <page>-<width>x<height>-<language>.png.
    const QList<QSize> sizes{QSize(1024, 700), QSize(1366, 768)};
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("hu")}) {
        languages.setLanguage(language);
        for (const QSize size : sizes) {
            window.resize(size);
            const QString suffix =
                QStringLiteral("-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(language);
            const auto shot = [&](const QString &page, const QString &name) {
                window.showPage(page);
                ok &= save(&window, out, name + suffix);
            };
            shot(QStringLiteral("register"), QStringLiteral("register-lot"));
            window.showPage(QStringLiteral("qc"));
            qcPage->handleScan(QStringLiteral("DEB-%1-DUNA01-0031").arg(day));
            settle(500); // the server is asked first, then the cache answers
            shot(QStringLiteral("qc"), QStringLiteral("qc-decision"));
            // A frozen lot at -5.0 °C at the Freezing CCP: the limit warning, PASS refused,
            // the corrective action asked for.
            qcPage->handleScan(QStringLiteral("FRZ-%1-DUNA01-0052").arg(day));
            settle(500);
            qcPage->setCurrentGate(7);
            qcPage->temperatureEdit()->setText(QLocale().toString(-5.0, 'f', 1));
            emit qcPage->temperatureEdit()->textEdited(qcPage->temperatureEdit()->text());
            settle(200);
            shot(QStringLiteral("qc"), QStringLiteral("qc-ccp"));
            qcPage->temperatureEdit()->clear();
            shot(QStringLiteral("lots"), QStringLiteral("lots"));
            shot(QStringLiteral("trace"), QStringLiteral("trace"));
            shot(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
            shot(QStringLiteral("sync"), QStringLiteral("sync"));
            shot(QStringLiteral("settings"), QStringLiteral("settings"));
            // FAIL at the CCP must be signed: the signature dialog, refused because this
            // demo workstation has no signing key yet.
            window.showPage(QStringLiteral("qc"));
            qcPage->notesEdit()->setPlainText(
                QStringLiteral("Core temperature -5.0 °C after 4 h in the blast freezer."));
            qcPage->correctiveActionEdit()->setPlainText(
                QStringLiteral("Lot moved back to the blast freezer; freezer door seal checked."));
            qcPage->temperatureEdit()->setText(QLocale().toString(-5.0, 'f', 1));
            qcPage->decide(Decision::FAIL);
            if (ui::SignatureDialog *dialog = qcPage->signatureDialog()) {
                if (auto *password =
                        dialog->findChild<QLineEdit *>(QStringLiteral("signaturePassword")))
                    password->setText(QStringLiteral("not-the-password"));
                if (auto *sign = dialog->findChild<QPushButton *>(QStringLiteral("sign")))
                    sign->click();
                ok &= save(dialog, out, QStringLiteral("qc-signature") + suffix);
                dialog->reject();
            } else {
                QTextStream(stderr) << "no signature dialog\n";
                ok = false;
            }
            qcPage->notesEdit()->clear();
            qcPage->correctiveActionEdit()->clear();
            qcPage->temperatureEdit()->clear();
        }
    }
    // A RAW lot received from a supplier's GS1-128 label: register-receipt-<size>-<language>.png.
    core.cache()->applySuppliers(
        {QJsonObject{{QStringLiteral("supplier_code"), QStringLiteral("ALFOLD-HUS")},
                     {QStringLiteral("name"), QStringLiteral("Alföld Hús Kft.")},
                     {QStringLiteral("active"), true}}});
    window.showPage(QStringLiteral("register"));
    registerPage->parentsTable()->setRowCount(0);
    registerPage->typeCombo()->setCurrentIndex(
        registerPage->typeCombo()->findData(QStringLiteral("RAW")));
    registerPage->supplierCombo()->setCurrentIndex(
        registerPage->supplierCombo()->findData(QStringLiteral("ALFOLD-HUS")));
    registerPage->deliveryNoteEdit()->setText(QStringLiteral("SZL-2026/0071"));
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("hu")}) {
        languages.setLanguage(language);
        registerPage->weightEdit()->setText(QLocale().toString(480.0, 'f', 2));
        registerPage->temperatureEdit()->setText(QLocale().toString(2.5, 'f', 1));
        registerPage->handleLabelScan(
            QStringLiteral("L2611-07"),
            QStringLiteral("(01)05901234123457(17)261231(10)L2611-07(37)24"));
        for (const QSize size : sizes) {
            window.resize(size);
            settle(200);
            ok &= save(&window, out,
                       QStringLiteral("register-receipt-%1x%2-%3.png")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(language));
        }
    }
    window.lock();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("hu")}) {
        languages.setLanguage(language);
        for (const QSize size : sizes) {
            window.resize(size);
            ok &= save(&window, out,
                       QStringLiteral("login-%1x%2-%3.png")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(language));
        }
    }
    languages.setLanguage(QStringLiteral("en"));
    if (const auto item = core.outbox()->item(sync->selectedId())) {
        ui::CorrectionDialog dialog(item->payload, item->lastError, &window);
        dialog.resize(640, 420);
        dialog.show();
        ok &= save(&dialog, out, QStringLiteral("sync-correct.png"));
    }
    {
        // A wall display: every chart at once, in the larger layout; and one chart alone.
        const std::unique_ptr<ui::SupervisorPage> page(ui::ConsolePages::supervisor(core));
        ui::SupervisorPage &wall = *page;
        wall.resize(1920, 1080);
        wall.show();
        settle(1500); // the refresh finds the server away: the stored figures stay
        ok &= save(&wall, out, QStringLiteral("supervisor-wall.png"));
        wall.resize(1366, 768);
        settle(300);
        if (auto *panel = wall.findChild<QWidget *>(QStringLiteral("chart_qc")))
            ok &= save(panel, out, QStringLiteral("supervisor-qc.png"));
    }
    return ok ? 0 : 1;
}
