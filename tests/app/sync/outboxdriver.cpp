// flowviz-outbox-driver: a headless console over app/ for tests that kill the console side.
//
//   --outbox FILE --enqueue-lots N [--decision-every K] [--code-prefix P] [--workstation WS]
//       queues N lots (and a PASS decision at gate 1 after every K-th lot), one durable
//       enqueue at a time, without any server.
//   --outbox FILE --drain --server URL (--token T | --user U --password P) [--workstation WS]
//       [--batch-size N] [--backoff-min MS] [--backoff-max MS]
//       syncs until nothing is pending (exit 0); exit 3 when what is left cannot be sent.
// Progress goes to stdout, one line per answered batch.

#include "app/api/apiclient.h"
#include "app/outbox/outbox.h"
#include "app/sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

using namespace flowviz::app;

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

int enqueue(Outbox &outbox, int lots, int decisionEvery, const QString &prefix,
            const QString &workstation)
{
    for (int i = 1; i <= lots; ++i) {
        const QString code = QStringLiteral("%1-%2").arg(prefix).arg(i, 6, 10, QLatin1Char('0'));
        const QString lotId =
            outbox.enqueueLot({{QStringLiteral("lot_code"), code},
                               {QStringLiteral("lot_type"), QStringLiteral("BULK")},
                               {QStringLiteral("weight_kg"), QStringLiteral("12.50")},
                               {QStringLiteral("workstation_id"), workstation}});
        if (lotId.isEmpty()) {
            say(outbox.errorString());
            return 1;
        }
        if (decisionEvery > 0 && i % decisionEvery == 0) {
            const QString decisionId =
                outbox.enqueueDecision({{QStringLiteral("lot_code"), code},
                                        {QStringLiteral("decision"), QStringLiteral("PASS")},
                                        {QStringLiteral("gate_number"), 1},
                                        {QStringLiteral("workstation_id"), workstation}});
            if (decisionId.isEmpty()) {
                say(outbox.errorString());
                return 1;
            }
        }
    }
    say(QStringLiteral("enqueued %1").arg(outbox.pendingCount()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("test-driver"));
    QCommandLineParser p;
    const QCommandLineOption outboxOpt(QStringLiteral("outbox"), QStringLiteral("Outbox file."),
                                       QStringLiteral("file"));
    const QCommandLineOption lotsOpt(QStringLiteral("enqueue-lots"),
                                     QStringLiteral("Lots to queue."), QStringLiteral("n"));
    const QCommandLineOption everyOpt(QStringLiteral("decision-every"),
                                      QStringLiteral("A decision after every k-th lot."),
                                      QStringLiteral("k"), QStringLiteral("0"));
    const QCommandLineOption prefixOpt(QStringLiteral("code-prefix"),
                                       QStringLiteral("Lot code prefix."), QStringLiteral("prefix"),
                                       QStringLiteral("BULK-20260114-TST01"));
    const QCommandLineOption drainOpt(QStringLiteral("drain"),
                                      QStringLiteral("Sync until nothing is pending."));
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("Server URL."),
                                       QStringLiteral("url"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"), QStringLiteral("Bearer token."),
                                      QStringLiteral("token"));
    const QCommandLineOption userOpt(QStringLiteral("user"), QStringLiteral("User name."),
                                     QStringLiteral("name"));
    const QCommandLineOption passwordOpt(QStringLiteral("password"), QStringLiteral("Password."),
                                         QStringLiteral("pw"));
    const QCommandLineOption wsOpt(QStringLiteral("workstation"), QStringLiteral("Workstation id."),
                                   QStringLiteral("id"), QStringLiteral("TST01"));
    const QCommandLineOption batchOpt(QStringLiteral("batch-size"), QStringLiteral("Batch size."),
                                      QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption minOpt(QStringLiteral("backoff-min"),
                                    QStringLiteral("Backoff min (ms)."), QStringLiteral("ms"),
                                    QStringLiteral("1000"));
    const QCommandLineOption maxOpt(QStringLiteral("backoff-max"),
                                    QStringLiteral("Backoff max (ms)."), QStringLiteral("ms"),
                                    QStringLiteral("60000"));
    p.addOptions({outboxOpt, lotsOpt, everyOpt, prefixOpt, drainOpt, serverOpt, tokenOpt, userOpt,
                  passwordOpt, wsOpt, batchOpt, minOpt, maxOpt});
    p.addHelpOption();
    p.process(app);

    Outbox outbox(p.value(outboxOpt));
    if (!outbox.isOpen()) {
        say(outbox.errorString());
        return 1;
    }
    if (outbox.recoveredInFlight() > 0)
        say(QStringLiteral("recovered %1 in flight").arg(outbox.recoveredInFlight()));
    if (p.isSet(lotsOpt))
        return enqueue(outbox, p.value(lotsOpt).toInt(), p.value(everyOpt).toInt(),
                       p.value(prefixOpt), p.value(wsOpt));
    if (!p.isSet(drainOpt))
        return 0;

    ApiClient api;
    api.setBaseUrl(QUrl(p.value(serverOpt)));
    api.setTimeout(30000);
    SyncEngine engine(&outbox, &api);
    engine.setWorkstationId(p.value(wsOpt));
    engine.setBatchSize(p.value(batchOpt).toInt());
    engine.setBackoff(p.value(minOpt).toInt(), p.value(maxOpt).toInt());
    engine.setHeartbeatInterval(0);
    engine.setUseNetworkInformation(false);
    int done = 0;
    QObject::connect(&engine, &SyncEngine::batchFinished, &app,
                     [&](int d, int refused, int retried) {
                         done += d;
                         say(QStringLiteral("batch done %1 refused %2 retried %3 total %4")
                                 .arg(d)
                                 .arg(refused)
                                 .arg(retried)
                                 .arg(done));
                     });
    QObject::connect(&engine, &SyncEngine::idle, &app, [&] {
        if (outbox.pendingCount() == 0) {
            say(QStringLiteral("drained; needs attention %1").arg(outbox.needsAttentionCount()));
            QCoreApplication::exit(0);
        } else if (!outbox.nextDueAt().isValid()) {
            say(QStringLiteral("blocked with %1 pending").arg(outbox.pendingCount()));
            QCoreApplication::exit(3);
        }
    });
    QObject::connect(&engine, &SyncEngine::loginRequired, &app, [] {
        say(QStringLiteral("login required"));
        QCoreApplication::exit(4);
    });

    const auto begin = [&] { engine.start(); };
    if (p.isSet(tokenOpt)) {
        api.setToken(p.value(tokenOpt).toLatin1());
        begin();
    } else {
        // Log in, waiting for the server when it is not there yet.
        std::function<void()> login;
        login = [&] {
            api.post(
                QStringLiteral("/api/v1/auth/login"),
                {{QStringLiteral("username"), p.value(userOpt)},
                 {QStringLiteral("password"), p.value(passwordOpt)}},
                &app, [&](const ApiResult &r) {
                    if (r.ok()) {
                        api.setToken(
                            r.object().value(QStringLiteral("access_token")).toString().toLatin1());
                        begin();
                    } else if (r.error.isTransient()) {
                        QTimer::singleShot(200, &app, login);
                    } else {
                        say(QStringLiteral("login failed: %1").arg(r.error.summary()));
                        QCoreApplication::exit(5);
                    }
                });
        };
        login();
    }
    return QCoreApplication::exec();
}
