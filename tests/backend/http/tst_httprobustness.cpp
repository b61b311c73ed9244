// The HTTP layer against clients that misbehave: oversized, chunked and malformed requests,
// idle connections, and a storm of clients hanging up mid-request. Raw sockets throughout,
// since a well-behaved HTTP client never sends what these tests need.

#include "tests/backend/robustnessutil.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <sys/socket.h>

using namespace flowviz::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray lotBody(const QString &code)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("lot_code"), code},
                                     {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                                     {QStringLiteral("weight_kg"), QStringLiteral("250.5")},
                                     {QStringLiteral("temperature_c"), QStringLiteral("4.0")}})
        .toJson(QJsonDocument::Compact);
}

// A connection that closes with RST instead of FIN, as a client that crashes does.
void setResetOnClose(QTcpSocket *s)
{
    const linger l{1, 0};
    ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
}

} // namespace

class TestHttpRobustness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed memory in a quarantine (256 MiB by default) to catch use
        // after free; streamedHugeBodyIsNotBuffered would see that as growth. Without it, freed
        // memory is reused at once, as in the release build, and RSS shows what is buffered.
        const QByteArray asan = qgetenv("ASAN_OPTIONS");
        qputenv("ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "quarantine_size_mb=0");
#endif
        m_server = std::make_unique<TestServer>(
            QStringLiteral("tst_httprobustness"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient c(m_server->baseUrl());
        QVERIFY(c.login(QStringLiteral("operator"),
                        TestServer::passwordOf(QStringLiteral("operator"))));
        m_token = c.token();
        m_run = QUuid::createUuid().toString(QUuid::Id128).left(8).toUpper();
    }

    void cleanupTestCase()
    {
        if (m_idleServer)
            m_idleServer.reset();
        m_server.reset();
    }

    // Every test leaves a server that still answers, and a process that is still there.
    void cleanup()
    {
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->serverOutput()));
        HttpClient c(m_server->baseUrl());
        QCOMPARE(c.get(QStringLiteral("/health")).status, 200);
    }

    // --- (a) size limits --------------------------------------------------------------

    void oversizedBodyIs413BeforeTheBodyIsSent()
    {
        RawConnection conn(m_server->port());
        QVERIFY(conn.isConnected());
        QVERIFY(conn.send(rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", "Bearer " + m_token},
                                      {"Content-Type", "application/json"},
                                      {"Content-Length", QByteArray::number(2 * 1024 * 1024)}})));
        // Not a byte of the body has been sent: the answer can only come from the header.
        const auto r = conn.readResponse(3000);
        QVERIFY2(r, "no answer to a 2 MiB Content-Length before the body was sent");
        QCOMPARE(r->status, 413);
        QCOMPARE(r->header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r->json().value(QStringLiteral("status")).toInt(), 413);
        QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
        QVERIFY2(r->elapsedMs < 2000, qPrintable(QString::number(r->elapsedMs)));
        // Whatever the client still sends is discarded, and the server closes the connection.
        conn.send(QByteArray(256 * 1024, 'x'), 2000);
        QVERIFY(conn.waitClosed(6000));
    }

    void oversizedBodyIs413WhenTheHeaderArrivesInPieces()
    {
        RawConnection conn(m_server->port());
        const QByteArray request =
            rawRequest("POST", "/api/v1/lots",
                       {{"Authorization", "Bearer " + m_token},
                        {"Content-Type", "application/json"},
                        {"Content-Length", QByteArray::number(2 * 1024 * 1024 + 1)}});
        const qsizetype cut = request.indexOf("Content-Len") + 7;
        QVERIFY(conn.send(request.left(cut)));
        QTest::qWait(150);
        QVERIFY(conn.send(request.mid(cut, 10)));
        QTest::qWait(150);
        QVERIFY(conn.send(request.mid(cut + 10)));
        const auto r = conn.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
    }

    void oversizedBodyAfterAKeptAliveRequestIs413()
    {
        // The guard follows each request on a kept-alive connection, bodies included.
        RawConnection conn(m_server->port());
        QVERIFY(conn.send(rawRequest(
            "POST", "/api/v1/lots",
            {{"Authorization", "Bearer " + m_token}, {"Content-Type", "application/json"}},
            lotBody(m_run + QStringLiteral("-KEEPALIVE")))));
        const auto first = conn.readResponse(3000);
        QVERIFY(first);
        QCOMPARE(first->status, 201);
        QVERIFY(conn.send(rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", "Bearer " + m_token},
                                      {"Content-Type", "application/json"},
                                      {"Content-Length", "5000000"}})));
        const auto second = conn.readResponse(3000);
        QVERIFY(second);
        QCOMPARE(second->status, 413);
    }

    void streamedHugeBodyIsNotBuffered()
    {
        const qint64 pid = m_server->pid();
        const qint64 before = residentKiB(pid);
        QVERIFY(before > 0);
        constexpr qint64 kClaimed = 50LL * 1024 * 1024;
        RawConnection conn(m_server->port());
        // The header and the first part of the body in one write, as a client that does not
        // wait for 100-continue sends them.
        const QByteArray chunk(256 * 1024, 'a');
        QVERIFY(conn.send(rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", "Bearer " + m_token},
                                      {"Content-Type", "application/json"},
                                      {"Content-Length", QByteArray::number(kClaimed)}}) +
                          chunk));
        qint64 sent = chunk.size();
        qint64 peak = before;
        QElapsedTimer t;
        t.start();
        while (sent < kClaimed && t.elapsed() < 10000 && conn.isConnected()) {
            if (!conn.send(chunk, 1000))
                break;
            sent += chunk.size();
            if ((sent / chunk.size()) % 8 == 0)
                peak = std::max(peak, residentKiB(pid));
        }
        peak = std::max(peak, residentKiB(pid));
        const auto r = conn.readResponse(3000);
        qInfo("streamed %lld MiB of a claimed 50 MiB body in %lld ms; server RSS %lld KiB before, "
              "peak %lld KiB",
              sent / (1024 * 1024), t.elapsed(), before, peak);
        QVERIFY2(r, "no 413 for a 50 MiB body");
        QCOMPARE(r->status, 413);
        // Buffering the body (50 MiB) would show at once; so would reading the discarded
        // bytes through an unbounded socket buffer (several MiB per burst).
        QVERIFY2(peak - before < 4 * 1024,
                 qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(peak - before)));
    }

    void chunkedBodyIs411()
    {
        RawConnection conn(m_server->port());
        QVERIFY(conn.send(rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", "Bearer " + m_token},
                                      {"Content-Type", "application/json"},
                                      {"Transfer-Encoding", "chunked"}}) +
                          "5\r\n{\"a\":\r\n0\r\n\r\n"));
        const auto r = conn.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 411);
        QCOMPARE(r->header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r->json().value(QStringLiteral("status")).toInt(), 411);
    }

    void hugeHeaderIs431()
    {
        RawConnection conn(m_server->port());
        conn.send(rawRequest("GET", "/health", {{"X-Filler", QByteArray(100 * 1024, 'h')}}));
        const auto r = conn.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        QCOMPARE(r->header("content-type"), QByteArray("application/problem+json"));
        QVERIFY(conn.waitClosed(6000));
    }

    void endlessHeaderWithoutTerminatorIs431()
    {
        RawConnection conn(m_server->port());
        conn.send("GET /health HTTP/1.1\r\nX-A: ");
        for (int i = 0; i < 20 && conn.isConnected(); ++i)
            conn.send(QByteArray(8 * 1024, 'h'), 1000);
        const auto r = conn.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 431);
    }

    void bodyAtTheLimitIsStillRead()
    {
        // Exactly 1 MiB is allowed: it reaches the JSON parser (400/422), not the size guard.
        QByteArray body = "{\"lot_code\":\"" + QByteArray(1024 * 1024 - 40, 'A') + "\"";
        body += QByteArray(1024 * 1024 - body.size() - 1, ' ') + "}";
        QCOMPARE(body.size(), 1024 * 1024);
        RawConnection conn(m_server->port());
        QVERIFY(conn.send(rawRequest(
            "POST", "/api/v1/lots",
            {{"Authorization", "Bearer " + m_token}, {"Content-Type", "application/json"}}, body)));
        const auto r = conn.readResponse(10000);
        QVERIFY(r);
        QVERIFY2(r->status == 422 || r->status == 400, qPrintable(QString::number(r->status)));
    }

    void serverKeepsServingAfterRefusals()
    {
        HttpClient c(m_server->baseUrl());
        c.setToken(m_token);
        const Reply r = c.send("POST", QStringLiteral("/api/v1/lots"),
                               lotBody(m_run + QStringLiteral("-AFTER-LIMITS")));
        QCOMPARE(r.status, 201);
    }

    // --- (b) idle connections ---------------------------------------------------------

    void idleConnectionsAreClosed()
    {
        m_idleServer = std::make_unique<TestServer>(
            QStringLiteral("tst_httprobustness_idle"),
            QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("2")});
        QVERIFY2(m_idleServer->start(), qPrintable(m_idleServer->serverOutput()));

        // A connection that never sends anything.
        RawConnection silent(m_idleServer->port());
        // One that sends half a request line and stops (slowloris).
        RawConnection partial(m_idleServer->port());
        QVERIFY(partial.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        // One that made a request and keeps the connection alive.
        RawConnection keptAlive(m_idleServer->port());
        QVERIFY(keptAlive.send(rawRequest("GET", "/health", {{"Connection", "keep-alive"}})));
        const auto r = keptAlive.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("connection").toLower(), QByteArray("keep-alive"));

        QElapsedTimer t;
        t.start();
        QVERIFY(silent.isConnected());
        QVERIFY2(silent.waitClosed(4500), "a silent connection stayed open");
        const qint64 silentClosed = t.elapsed();
        QVERIFY2(partial.waitClosed(4500 - int(t.elapsed())), "a half-sent request stayed open");
        QVERIFY2(keptAlive.waitClosed(4500 - int(t.elapsed())), "an idle keep-alive stayed open");
        const qint64 allClosed = t.elapsed();
        qInfo("idle timeout 2 s: silent connection closed after %lld ms, all after %lld ms",
              silentClosed, allClosed);
        // Not before the timeout either: about 2 s from their last activity.
        QVERIFY2(silentClosed >= 1500, qPrintable(QString::number(silentClosed)));

        // A connection that keeps talking is not idle.
        RawConnection busy(m_idleServer->port());
        for (int i = 0; i < 4; ++i) {
            QVERIFY(busy.send(rawRequest("GET", "/health")));
            const auto again = busy.readResponse(3000);
            QVERIFY2(again, "an active keep-alive connection was closed");
            QCOMPARE(again->status, 200);
            QTest::qWait(1000);
        }
        QVERIFY(m_idleServer->isRunning());
        m_idleServer.reset();
    }

    // --- (c) clients hanging up mid-request, under load -------------------------------

    void clientsHangingUpMidRequestDoNotHurtTheServer()
    {
        // Something for traceability reads to find.
        HttpClient c(m_server->baseUrl());
        c.setToken(m_token);
        const QString traced = m_run + QStringLiteral("-TRACED");
        QCOMPARE(c.send("POST", QStringLiteral("/api/v1/lots"), lotBody(traced)).status, 201);

        constexpr int kTotal = 1200;
        constexpr int kConcurrent = 120;
        struct Write
        {
            QByteArray key;
            QByteArray body;
        };
        QList<Write> writes; // every complete lot registration that was sent
        int started = 0;
        int done = 0;
        int connectFailures = 0;
        QEventLoop loop;
        QRandomGenerator rng(20260114);
        const QByteArray auth = "Bearer " + m_token;

        std::function<void()> launch = [&] {
            if (started >= kTotal)
                return;
            const int i = started++;
            auto *s = new QTcpSocket;
            const int kind = i % 7;
            const int delayMs = int(rng.bounded(25));
            QByteArray payload;
            switch (kind) {
            case 0:
            case 4: { // a complete registration, then gone at once or a moment later
                const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
                const QByteArray body = lotBody(m_run + QStringLiteral("-HUP-%1").arg(i));
                writes.append({key, body});
                payload = rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", auth},
                                      {"Content-Type", "application/json"},
                                      {"Idempotency-Key", key}},
                                     body);
                break;
            }
            case 1:
                payload = rawRequest(
                    "GET", "/api/v1/traceability/" + traced.toLatin1() + "?direction=both&depth=5",
                    {{"Authorization", auth}});
                break;
            case 2: { // half a body
                const QByteArray body = lotBody(m_run + QStringLiteral("-HALF-%1").arg(i));
                payload = rawRequest("POST", "/api/v1/lots",
                                     {{"Authorization", auth},
                                      {"Content-Type", "application/json"},
                                      {"Content-Length", QByteArray::number(body.size())}},
                                     body.left(body.size() / 2));
                break;
            }
            case 3: // part of the header
                payload = "POST /api/v1/lots HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriza";
                break;
            case 5:
                payload = rawRequest("GET", "/api/v1/lots?limit=50", {{"Authorization", auth}});
                break;
            case 6:
                payload = rawRequest("GET", "/api/v1/traceability/" + traced.toLatin1(),
                                     {{"Authorization", auth}});
                break;
            }
            const bool reset = i % 2 == 0;
            const bool waitFirst = kind == 4 || kind == 5 || kind == 6;
            auto finish = [&, s, reset] {
                if (s->property("finished").toBool())
                    return;
                s->setProperty("finished", true);
                if (reset)
                    setResetOnClose(s);
                s->abort();
                s->deleteLater();
                ++done;
                if (done == kTotal)
                    loop.quit();
                else
                    launch();
            };
            QObject::connect(s, &QTcpSocket::connected, s, [=] {
                s->setProperty("wasConnected", true);
                s->write(payload);
                s->flush();
                if (waitFirst)
                    QTimer::singleShot(delayMs, s, finish);
                else
                    finish();
            });
            QObject::connect(s, &QTcpSocket::errorOccurred, s, [&, s, finish] {
                if (s->property("finished").toBool())
                    return;
                if (!s->property("wasConnected").toBool())
                    ++connectFailures;
                finish();
            });
            s->connectToHost(QHostAddress::LocalHost, m_server->port());
        };

        QElapsedTimer t;
        t.start();
        for (int i = 0; i < kConcurrent; ++i)
            launch();
        QTimer::singleShot(90000, &loop, &QEventLoop::quit);
        loop.exec();
        qInfo("%d requests hung up mid-flight (%d connections at a time) in %lld ms; %d "
              "connections refused",
              done, kConcurrent, t.elapsed(), connectFailures);
        QCOMPARE(done, kTotal);
        QCOMPARE(connectFailures, 0);

        // The server is still up and still serves.
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->serverOutput()));
        QCOMPARE(c.get(QStringLiteral("/health")).status, 200);
        QCOMPARE(c.get(QStringLiteral("/ready")).status, 200);
        QCOMPARE(c.send("POST", QStringLiteral("/api/v1/lots"),
                        lotBody(m_run + QStringLiteral("-AFTER-HUP")))
                     .status,
                 201);

        // Nothing was left half done: each abandoned registration, retried with its key, is
        // either replayed or done now (never "still in progress"), and each exists once.
        QList<HttpClient::Call> retries;
        for (const Write &w : writes)
            retries.append(
                {"POST", QStringLiteral("/api/v1/lots"), w.body, {{"Idempotency-Key", w.key}}});
        int replayed = 0;
        const QList<Reply> replies = c.sendAll(retries, 120000);
        for (qsizetype i = 0; i < replies.size(); ++i) {
            QVERIFY2(replies[i].status == 201,
                     qPrintable(QStringLiteral("retry %1: %2 %3")
                                    .arg(i)
                                    .arg(replies[i].status)
                                    .arg(QString::fromUtf8(replies[i].body))));
            if (replies[i].header("idempotent-replayed") == "true")
                ++replayed;
        }
        qInfo("%lld abandoned registrations retried: %d had been committed before the client "
              "hung up, %lld were done by the retry",
              writes.size(), replayed, writes.size() - replayed);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE $1"),
                     {m_run + QStringLiteral("-HUP-%")}),
                 QString::number(writes.size()));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM lots WHERE lot_code LIKE $1"),
                     {m_run + QStringLiteral("-HALF-%")}),
                 QStringLiteral("0"));
    }

    // --- (d) routing, request ids, malformed requests ---------------------------------

    void unknownPathIs404Problem()
    {
        HttpClient c(m_server->baseUrl());
        const Reply r = c.get(QStringLiteral("/api/v1/no-such-thing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), 404);
    }

    void wrongMethodIs405WithAllow()
    {
        HttpClient c(m_server->baseUrl());
        c.setToken(m_token);
        const Reply r = c.send("DELETE", QStringLiteral("/api/v1/lots"), {});
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        const QList<QByteArray> allowed = r.header("allow").split(',');
        QList<QByteArray> trimmed;
        for (const QByteArray &m : allowed)
            trimmed.append(m.trimmed());
        QVERIFY2(trimmed.contains("GET") && trimmed.contains("POST"),
                 r.header("allow").constData());
        QVERIFY(!trimmed.contains("DELETE"));
    }

    void headIsServedLikeGetWithoutBody()
    {
        RawConnection conn(m_server->port());
        QVERIFY(conn.send(rawRequest("HEAD", "/health")));
        const auto r = conn.readResponse(3000, true);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(r->header("content-length").toInt() > 0);
        // The connection carries on with no body bytes in between.
        QVERIFY(conn.send(rawRequest("GET", "/health")));
        const auto next = conn.readResponse(3000);
        QVERIFY(next);
        QCOMPARE(next->status, 200);
        QCOMPARE(next->json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void requestIdIsEchoedOrGenerated()
    {
        HttpClient c(m_server->baseUrl());
        QCOMPARE(c.get(QStringLiteral("/health"), {{"X-Request-Id", "client-id_42.a"}})
                     .header("x-request-id"),
                 QByteArray("client-id_42.a"));
        const QByteArray generated = c.get(QStringLiteral("/health")).header("x-request-id");
        QVERIFY(!QUuid::fromString(QString::fromLatin1(generated)).isNull());
        // Not echoed when it could inject anything into logs or headers.
        const QByteArray replaced =
            c.get(QStringLiteral("/health"), {{"X-Request-Id", "bad id; <script>"}})
                .header("x-request-id");
        QVERIFY(!QUuid::fromString(QString::fromLatin1(replaced)).isNull());
        const QByteArray tooLong =
            c.get(QStringLiteral("/health"), {{"X-Request-Id", QByteArray(65, 'a')}})
                .header("x-request-id");
        QVERIFY(!QUuid::fromString(QString::fromLatin1(tooLong)).isNull());
        // Errors carry it too.
        QCOMPARE(c.get(QStringLiteral("/nope"), {{"X-Request-Id", "err-1"}}).header("x-request-id"),
                 QByteArray("err-1"));
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("no target") << QByteArray("GET\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET /health HTTP/9.9\r\n\r\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\r\n\r\n", 9);
        QTest::newRow("header without colon")
            << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n");
        QTest::newRow("bad content-length")
            << QByteArray("POST /api/v1/lots HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
        QTest::newRow("negative content-length")
            << QByteArray("POST /api/v1/lots HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("two content-lengths")
            << QByteArray("POST /api/v1/lots HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: "
                          "9000000\r\n\r\n{}");
        QTest::newRow("space in path") << QByteArray("GET /he alth HTTP/1.1\r\n\r\n");
        QTest::newRow("bad percent") << QByteArray("GET /api/v1/lots/%zz%%% HTTP/1.1\r\n\r\n");
        QTest::newRow("lf only") << QByteArray("GET /health HTTP/1.1\n\n");
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, request);
        RawConnection conn(m_server->port());
        QVERIFY(conn.send(request));
        const auto r = conn.readResponse(5000);
        qInfo(
            "%s",
            r ? qPrintable(
                    QStringLiteral("answered %1 %2").arg(r->status).arg(QString::fromUtf8(r->body)))
              : "no answer");
        if (r) {
            QVERIFY2(r->status >= 200 && r->status < 500,
                     qPrintable(QStringLiteral("answered %1").arg(r->status)));
        } else {
            QVERIFY2(conn.waitClosed(1000), "no answer and the connection is still open");
        }
        QVERIFY(m_server->isRunning());
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestServer> m_idleServer;
    QByteArray m_token;
    QString m_run;
};

QTEST_GUILESS_MAIN(TestHttpRobustness)
#include "tst_httprobustness.moc"
