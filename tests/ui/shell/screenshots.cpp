// flowviz-screenshots: renders the console's pages offscreen with demo data into PNG files for
// docs/user-guide.md, so the guide's pictures never go stale.
//
//   QT_QPA_PLATFORM=offscreen flowviz-screenshots docs/images

#include "cache/localcache.h"
#include "core/consolecore.h"
#include "i18n/languagemanager.h"
#include "models/outboxmodel.h"
#include "outbox/outbox.h"
#include "settings/settingspage.h"
#include "shell/mainwindow.h"
#include "sync/correctiondialog.h"
#include "sync/syncpage.h"

#if __has_include("lots/registerlotpage.h")
#include "lots/registerlotpage.h"
#include "registration/lotregistrar.h"
#define FLOWVIZ_HAVE_REGISTER_PAGE 1
#endif
#if __has_include("qc/qcdecisionpage.h")
#include "qc/decisionrecorder.h"
#include "qc/qcdecisionpage.h"
#include "qc/signaturedialog.h"
#define FLOWVIZ_HAVE_QC_PAGE 1
#endif
#if __has_include("lots/lotspage.h")
#include "lots/lotspage.h"
#define FLOWVIZ_HAVE_LOTS_PAGE 1
#endif
#if __has_include("trace/tracepage.h")
#include "trace/tracepage.h"
#define FLOWVIZ_HAVE_TRACE_PAGE 1
#endif

#include "session/session.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

using namespace flowviz;

namespace {

void settle(int ms = 300)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(QWidget *widget, const QDir &dir, const QString &name)
{
    settle();
    const QString path = dir.filePath(name);
    if (!widget->grab().save(path)) {
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

// A stored session, so the console opens logged in (and offline) as a demo operator.
void writeSession(const QString &dataDir)
{
    const QJsonObject o{
        {QStringLiteral("token"), QStringLiteral("demo-token")},
        {QStringLiteral("username"), QStringLiteral("anna")},
        {QStringLiteral("full_name"), QStringLiteral("Kovács Anna")},
        {QStringLiteral("role"), QStringLiteral("OPERATOR")},
        {QStringLiteral("expires_at"),
         QDateTime::currentDateTimeUtc().addSecs(8 * 3600).toString(Qt::ISODateWithMs)}};
    QFile f(QDir(dataDir).filePath(QStringLiteral("session.json")));
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(o).toJson());
}

void addDemoData(app::ConsoleCore &core)
{
    QJsonArray gates;
    const QList<std::tuple<int, const char *, const char *, const char *, bool>> rows{
        {1, "Átvétel", "Receiving", "BLOCKING", true},
        {2, "Darabolás", "Cutting", "CHECKPOINT", false},
        {3, "Sütés", "Cooking", "BLOCKING", true},
        {4, "Hűtés", "Chilling", "BLOCKING", true},
        {5, "Csomagolás", "Packing", "CHECKPOINT", false}};
    for (const auto &[number, hu, en, type, ccp] : rows)
        gates.append(QJsonObject{
            {QStringLiteral("id"), number},
            {QStringLiteral("gate_number"), number},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("hu"), QString::fromUtf8(hu)},
                                                 {QStringLiteral("en"), QString::fromUtf8(en)}}},
            {QStringLiteral("gate_type"), QString::fromLatin1(type)},
            {QStringLiteral("is_ccp"), ccp}});
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
                                 "48.10", LotStatus::QUARANTINE, 120)})
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
    writeSession(dataDir);
    app::ConsoleSettings settings;
    settings.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
    settings.site = QStringLiteral("DUNA");
    settings.workstation = QStringLiteral("01");
    settings.idleLockMinutes = 0;
    app::ConsoleCore core(settings, dataDir);
    addDemoData(core);

    ui::MainWindow window(&core, &languages);
#ifdef FLOWVIZ_HAVE_REGISTER_PAGE
    app::LotRegistrar registrar(core.cache(), core.outbox(), core.codes(),
                                core.settings().workstationId());
    auto *registerPage = new ui::RegisterLotPage(&registrar);
    registerPage->setOperatorName(QStringLiteral("Kovács Anna"));
    window.addPage(QStringLiteral("register"), QStringLiteral("Register lot"), registerPage);
#endif
#ifdef FLOWVIZ_HAVE_QC_PAGE
    app::DecisionRecorder recorder(core.cache(), core.outbox(), core.api(), core.session(),
                                   core.settings().workstationId());
    auto *qcPage = new ui::QcDecisionPage(&recorder);
    window.addPage(QStringLiteral("qc"), QStringLiteral("QC decision"), qcPage);
#endif
#ifdef FLOWVIZ_HAVE_LOTS_PAGE
    window.addPage(QStringLiteral("lots"), QStringLiteral("Lots"), new ui::LotsPage(&core));
#endif
#ifdef FLOWVIZ_HAVE_TRACE_PAGE
    window.addPage(QStringLiteral("trace"), QStringLiteral("Traceability"),
                   new ui::TracePage(&core));
#endif
    auto *sync = new ui::SyncPage(&core);
    window.addPage(QStringLiteral("sync"), QStringLiteral("Sync"), sync);
    window.addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                   new ui::SettingsPage(&core));
    window.resize(1280, 800);
    window.show();
    settle(1500); // the sync engine finds the server away: offline

    bool ok = true;
    const QString day = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
#ifdef FLOWVIZ_HAVE_REGISTER_PAGE
    window.showPage(QStringLiteral("register"));
    registerPage->handleScan(QStringLiteral("RAW-%1-DUNA02-0007").arg(day));
    registerPage->handleScan(QStringLiteral("RAW-%1-DUNA02-0008").arg(day));
    ok &= save(&window, out, QStringLiteral("register-lot.png"));
#endif
#ifdef FLOWVIZ_HAVE_QC_PAGE
    window.showPage(QStringLiteral("qc"));
    qcPage->handleScan(QStringLiteral("DEB-%1-DUNA01-0031").arg(day));
    ok &= save(&window, out, QStringLiteral("qc-decision.png"));
#endif
#ifdef FLOWVIZ_HAVE_LOTS_PAGE
    window.showPage(QStringLiteral("lots"));
    ok &= save(&window, out, QStringLiteral("lots.png"));
#endif
#ifdef FLOWVIZ_HAVE_TRACE_PAGE
    window.showPage(QStringLiteral("trace"));
    ok &= save(&window, out, QStringLiteral("trace.png"));
#endif
    window.showPage(QStringLiteral("sync"));
    sync->view()->resizeColumnsToContents();
    for (int row = 0; row < sync->model()->rowCount(); ++row) {
        const auto item = core.outbox()->item(sync->model()->idAt(row));
        if (item && item->state == app::OutboxItem::State::NeedsAttention)
            sync->selectItem(item->id);
    }
    ok &= save(&window, out, QStringLiteral("sync.png"));
    if (const auto item = core.outbox()->item(sync->selectedId())) {
        ui::CorrectionDialog dialog(item->payload, item->lastError, &window);
        dialog.resize(640, 420);
        dialog.show();
        ok &= save(&dialog, out, QStringLiteral("sync-correct.png"));
    }
    window.showPage(QStringLiteral("settings"));
    ok &= save(&window, out, QStringLiteral("settings.png"));

    languages.setLanguage(QStringLiteral("hu"));
    window.showPage(QStringLiteral("sync"));
    ok &= save(&window, out, QStringLiteral("sync-hu.png"));
    languages.setLanguage(QStringLiteral("en"));

    window.lock();
    ok &= save(&window, out, QStringLiteral("login.png"));
    languages.setLanguage(QStringLiteral("hu"));
    ok &= save(&window, out, QStringLiteral("login-hu.png"));
    return ok ? 0 : 1;
}
