#include "app/session/session.h"

#include "app/api/apiclient.h"
#include "app/session/signingkeystore.h"

#include "tests/app/enumcompare.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using flowviz::Role;
using flowviz::app::ApiClient;
using flowviz::app::ApiError;
using flowviz::app::Session;

namespace {

void writeStore(const QString &path, const QDateTime &expiresAt,
                const QString &token = QStringLiteral("tok-1"))
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(
                QJsonObject{{QStringLiteral("token"), token},
                            {QStringLiteral("username"), QStringLiteral("operator")},
                            {QStringLiteral("full_name"), QStringLiteral("Kovács Anna")},
                            {QStringLiteral("role"), QStringLiteral("OPERATOR")},
                            {QStringLiteral("expires_at"), expiresAt.toString(Qt::ISODateWithMs)}})
                .toJson());
}

// What a login leaves: a token for the operator until `expiresAt`.
void start(Session &s, const QDateTime &expiresAt)
{
    s.adopt("tok-1", {QStringLiteral("operator"), QStringLiteral("Kovács Anna"), Role::OPERATOR},
            expiresAt);
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(flowviz::signing::initialize()); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral("/session.json"));
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        m_now = QDateTime(QDate(2026, 1, 14), QTime(6, 0), Qt::UTC);
    }

    void nothingStoredMeansLoggedOut()
    {
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        QVERIFY(!s.isValid());
        QVERIFY(s.token().isEmpty());
    }

    // Older versions kept the token in a file, so a restart opened the last user's session
    // without a password. Such a file is deleted and never used.
    void aTokenLeftOnDiskIsNeverUsed()
    {
        writeStore(m_path, m_now.addSecs(8 * 3600));
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        QVERIFY(!s.isValid());
        QVERIFY(s.token().isEmpty());
        QVERIFY(api.token().isEmpty());
        QVERIFY(s.user().username.isEmpty());
        QVERIFY(!QFile::exists(m_path));
    }

    void aSessionIsKeptInMemoryOnly()
    {
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        start(s, m_now.addSecs(8 * 3600));
        QVERIFY(s.isValid());
        QVERIFY(!s.isOffline());
        QCOMPARE(api.token(), QByteArray("tok-1"));
        QCOMPARE(s.user().fullName, QStringLiteral("Kovács Anna"));
        FV_COMPARE_ENUM(s.user().role, Role::OPERATOR);
        QVERIFY(s.isValid(m_now.addSecs(8 * 3600 - 1)));
        QVERIFY(!s.isValid(m_now.addSecs(8 * 3600)));
        QCOMPARE(QDir(QFileInfo(m_path).absolutePath()).entryList(QDir::Files), QStringList());
        Session restarted(&api, m_path);
        QVERIFY(!restarted.isValid());
    }

    void expiresWhenTheClockPassesExpiry()
    {
        const QDateTime expiresAt = m_now.addSecs(3600);
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        start(s, expiresAt);
        QSignalSpy expired(&s, &Session::expired);
        m_now = m_now.addSecs(3599);
        s.checkExpiry();
        QCOMPARE(expired.size(), 0);
        QVERIFY(s.isValid());
        m_now = m_now.addSecs(1);
        s.checkExpiry();
        QCOMPARE(expired.size(), 1);
        QVERIFY(!s.isValid());
        QVERIFY(api.token().isEmpty());
        QVERIFY(!QFile::exists(m_path));
    }

    void theTimerEmitsExpired()
    {
        // Real time here: the token ends 300 ms from now.
        const QDateTime begin = QDateTime::currentDateTimeUtc();
        const QDateTime expiresAt = begin.addMSecs(300);
        ApiClient api;
        Session s(&api, m_path);
        start(s, expiresAt);
        QSignalSpy expired(&s, &Session::expired);
        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 10000);
        QVERIFY(QDateTime::currentDateTimeUtc() >= begin.addMSecs(300));
        QVERIFY(!s.isValid());
    }

    void aRefusedTokenAsksForLogin()
    {
        const QDateTime expiresAt = m_now.addSecs(3600);
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        start(s, expiresAt);
        QSignalSpy required(&s, &Session::loginRequired);
        emit api.unauthorized();
        QCOMPARE(required.size(), 1);
        QVERIFY(!s.isValid());
        QVERIFY(!QFile::exists(m_path));
    }

    void logoutForgetsTheToken()
    {
        const QDateTime expiresAt = m_now.addSecs(3600);
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        start(s, expiresAt);
        QSignalSpy loggedOut(&s, &Session::loggedOut);
        s.logout();
        QCOMPARE(loggedOut.size(), 1);
        QVERIFY(!s.isValid());
        QVERIFY(api.token().isEmpty());
        QVERIFY(!QFile::exists(m_path));
        Session again(&api, m_path);
        QVERIFY(!again.isValid());
    }

    void signingKeysOutliveTheSessionOwnerOnly()
    {
        namespace signing = flowviz::signing;
        const QDateTime expiresAt = m_now.addSecs(3600);
        ApiClient api;
        Session s(&api, m_path);
        s.setClock([this] { return m_now; });
        start(s, expiresAt);
        QVERIFY(!s.signingKey(QStringLiteral("operator")));

        // What a login stores (Session::login keeps the server's "signing_key" this way).
        const QString path = Session::signingKeysPath(m_path);
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_path).absolutePath());
        signing::KeyPair pair = signing::generateKeyPair();
        const QUuid keyId = QUuid::createUuid();
        const auto sealed = signing::seal(pair, QStringLiteral("operator-password-1"), keyId);
        QVERIFY(sealed);
        flowviz::app::SigningKeyStore store(path);
        QVERIFY(store.store(QStringLiteral("Operator"), *sealed));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        // The secret is never in the file in the clear.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(pair.seed.toBase64()));

        // Keyed by the lower-cased user name, and still there after logout.
        s.logout();
        const auto key = s.signingKey(QStringLiteral("OPERATOR"));
        QVERIFY(key);
        QCOMPARE(key->keyId, keyId);
        const auto seed = signing::unseal(*key, QStringLiteral("operator-password-1"));
        QVERIFY(seed);
        QCOMPARE(*seed, pair.seed);
        QVERIFY(!signing::unseal(*key, QStringLiteral("wrong")));
        QVERIFY(!s.signingKey(QStringLiteral("manager")));
        signing::wipe(pair.seed);
    }

    void garbageInTheStoreIsIgnored()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        ApiClient api;
        Session s(&api, m_path);
        QVERIFY(!s.isValid());
        QVERIFY(!QFile::exists(m_path));
    }

    void loginErrorsSayWhatToDo()
    {
        for (auto kind :
             {ApiError::Kind::Unauthorized, ApiError::Kind::Network, ApiError::Kind::Timeout,
              ApiError::Kind::RateLimited, ApiError::Kind::Server, ApiError::Kind::Tls}) {
            ApiError e;
            e.kind = kind;
            QVERIFY(!Session::loginErrorMessage(e).isEmpty());
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
