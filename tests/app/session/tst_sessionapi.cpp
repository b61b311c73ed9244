#include "app/session/session.h"

#include "app/api/apiclient.h"

#include "domain/decisionsignature.h"

#include "tests/support/testserver.h"

#include "tests/app/enumcompare.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using flowviz::Role;
using flowviz::app::ApiClient;
using flowviz::app::ApiError;
using flowviz::app::ApiResult;
using flowviz::app::Session;
using flowviz::test::TestServer;

// Session against a real flowviz-server: login, typed failures, offline login against the
// local verifier while the server is down, no session after a restart, and a refused token
// asking for a new login.
class TestSessionApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(flowviz::signing::initialize());
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(
            QStringLiteral("app_session"),
            QStringList{QStringLiteral("--rate-limits"), QStringLiteral("off")});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
    }
    void cleanupTestCase() { m_server.reset(); }

    void init()
    {
        if (!m_server->isRunning())
            QVERIFY(m_server->start());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral(".json"));
    }

    void loginWithTheRightPassword()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, m_path);
        QSignalSpy loggedIn(&s, &Session::loggedIn);
        QSignalSpy failed(&s, &Session::loginFailed);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(s.isValid());
        QCOMPARE(s.user().username, QStringLiteral("operator"));
        FV_COMPARE_ENUM(s.user().role, Role::OPERATOR);
        QVERIFY(!s.token().isEmpty());
        QCOMPARE(api.token(), s.token());
        QVERIFY(s.expiresAt() > before.addSecs(3600)); // a shift-long token

        // The token works for the API.
        bool answered = false;
        ApiResult me;
        api.get(QStringLiteral("/api/v1/auth/me"), this, [&](const ApiResult &r) {
            me = r;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QVERIFY2(me.ok(), qPrintable(me.error.summary()));
        QCOMPARE(me.object().value(QStringLiteral("username")).toString(),
                 QStringLiteral("operator"));

        // The token is never written down: a restart asks for a login again. What is kept is the
        // offline-login record, readable by this account only, with a verifier and no password.
        QVERIFY(!QFile::exists(m_path));
        const QString logins = Session::offlineLoginsPath(m_path);
        QVERIFY(QFile::exists(logins));
        QCOMPARE(QFile::permissions(logins) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                               QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile f(logins);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains(s.token()));
        QVERIFY(!text.contains(TestServer::passwordOf(QStringLiteral("operator")).toUtf8()));
        const auto entry = s.offlineLogins().entry(QStringLiteral("OPERATOR"));
        QVERIFY(entry);
        QCOMPARE(entry->username, QStringLiteral("operator"));
        FV_COMPARE_ENUM(entry->role, Role::OPERATOR);
        QVERIFY(!entry->userId.isEmpty());
        QVERIFY(entry->lastOnlineLogin >= before.addSecs(-1));
    }

    void loginKeepsTheSealedSigningKey()
    {
        namespace signing = flowviz::signing;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("session.json"));
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, path);
        QSignalSpy loggedIn(&s, &Session::loggedIn);
        const QString password = TestServer::passwordOf(QStringLiteral("operator"));
        s.login(QStringLiteral("operator"), password);
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);

        // The key the server handed out, sealed, kept for signing offline: this account only.
        const QString keys = Session::signingKeysPath(path);
        QVERIFY(QFile::exists(keys));
        QCOMPARE(QFile::permissions(keys) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const auto key = s.signingKey(QStringLiteral("operator"));
        QVERIFY(key);
        QFile f(keys);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(password.toUtf8()));
        auto seed = signing::unseal(*key, password);
        QVERIFY(seed);
        // The opened key signs what the server's public key verifies.
        const QByteArray message("flowviz");
        QVERIFY(signing::verify(message, signing::sign(message, *seed), key->publicKey));
        signing::wipe(*seed);
        QVERIFY(!signing::unseal(*key, QStringLiteral("not-the-password")));

        // Logging out keeps it (the next signature may be made offline); a new login keeps the
        // same key unless the server rotated it.
        s.logout();
        QVERIFY(s.signingKey(QStringLiteral("operator")));
        s.login(QStringLiteral("operator"), password);
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 15000);
        QCOMPARE(s.signingKey(QStringLiteral("operator"))->keyId, key->keyId);
    }

    void wrongPasswordIsATypedError_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << "operator"
                                        << "not-the-password";
        QTest::newRow("unknown user") << "nobody"
                                      << "nobody-password-1";
    }
    void wrongPasswordIsATypedError()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, m_path);
        QSignalSpy failed(&s, &Session::loginFailed);
        QSignalSpy required(&s, &Session::loginRequired);
        s.login(username, password);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        const auto error = failed[0][0].value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Unauthorized);
        QVERIFY(!error.isTransient());
        QCOMPARE(failed[0][1].toString(), Session::loginErrorMessage(error));
        QVERIFY(!failed[0][1].toString().isEmpty());
        QCOMPARE(required.size(), 0); // a failed login is not a lost session
        QVERIFY(!s.isValid());
        QVERIFY(!QFile::exists(m_path));
    }

    // Offline, anyone who logged in online here lately logs in with their own password; a
    // restart restores nobody.
    void offlineLoginWithTheLocalVerifier()
    {
        {
            ApiClient api;
            api.setBaseUrl(m_server->baseUrl());
            Session s(&api, m_path);
            QSignalSpy loggedIn(&s, &Session::loggedIn);
            s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
            QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        }
        m_server->stop();

        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, m_path);
        QVERIFY(!s.isValid());
        QVERIFY(api.token().isEmpty());
        QSignalSpy loggedIn(&s, &Session::loggedIn);
        QSignalSpy failed(&s, &Session::loginFailed);

        s.login(QStringLiteral("Operator"), QStringLiteral("wrong"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QVERIFY(failed[0][0].value<ApiError>().isTransient());
        QVERIFY(failed[0][1].toString().contains(QStringLiteral("password is wrong")));

        s.login(QStringLiteral("manager"), TestServer::passwordOf(QStringLiteral("manager")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
        QVERIFY(failed[1][1].toString().contains(QStringLiteral("never logged in")));

        s.setOfflineLoginWindow(0);
        s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 20000);
        QVERIFY(failed[2][1].toString().contains(QStringLiteral("too long ago")));
        s.setOfflineLoginWindow(qint64(Session::kDefaultOfflineLoginDays) * 24 * 3600);

        s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 20000);
        QVERIFY(s.isValid());
        QVERIFY(s.isOffline());
        QVERIFY(s.token().isEmpty());
        QVERIFY(api.token().isEmpty());
        QCOMPARE(s.user().username, QStringLiteral("operator"));
        FV_COMPARE_ENUM(s.user().role, Role::OPERATOR);

        // Back online, a refused call (no token) asks once for an online login; the offline
        // session goes on meanwhile.
        QVERIFY(m_server->start());
        QSignalSpy online(&s, &Session::onlineLoginRequired);
        QSignalSpy required(&s, &Session::loginRequired);
        for (int i = 0; i < 2; ++i) {
            bool answered = false;
            api.get(QStringLiteral("/api/v1/auth/me"), this,
                    [&](const ApiResult &) { answered = true; });
            QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        }
        QCOMPARE(online.size(), 1);
        QCOMPARE(required.size(), 0);
        QVERIFY(s.isValid());
        s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 15000);
        QVERIFY(!s.isOffline());
        QVERIFY(!api.token().isEmpty());
    }

    void aRefusedTokenAsksForANewLogin()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, m_path);
        s.adopt("not.a.token", {QStringLiteral("operator"), QStringLiteral("x"), Role::OPERATOR},
                QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(s.isValid());
        QSignalSpy required(&s, &Session::loginRequired);
        api.get(QStringLiteral("/api/v1/qc-gates"), this, [](const ApiResult &) {});
        QTRY_COMPARE_WITH_TIMEOUT(required.size(), 1, 15000);
        QVERIFY(!s.isValid());
        QCOMPARE(s.lastUsername(), QStringLiteral("operator"));
    }

    void switchingOperator()
    {
        ApiClient api;
        api.setBaseUrl(m_server->baseUrl());
        Session s(&api, m_path);
        QSignalSpy loggedIn(&s, &Session::loggedIn);
        QSignalSpy loggedOut(&s, &Session::loggedOut);
        s.login(QStringLiteral("operator"), TestServer::passwordOf(QStringLiteral("operator")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
        const QByteArray first = s.token();
        s.logout();
        QCOMPARE(loggedOut.size(), 1);
        QVERIFY(api.token().isEmpty());
        s.login(QStringLiteral("manager"), TestServer::passwordOf(QStringLiteral("manager")));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 15000);
        FV_COMPARE_ENUM(s.user().role, Role::MANAGER);
        QVERIFY(s.token() != first);
        Session restarted(&api, m_path);
        QVERIFY(!restarted.isValid());
        QVERIFY(restarted.user().username.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestSessionApi)
#include "tst_sessionapi.moc"
