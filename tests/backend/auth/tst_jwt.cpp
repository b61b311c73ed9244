// Jwt: HS256 sign/verify round trip and every way a token is refused.

#include "backend/auth/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using flowviz::Role;
using flowviz::auth::Claims;
using flowviz::auth::Jwt;

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kSecret = QByteArrayLiteral("0123456789abcdef0123456789abcdef-test");
constexpr qint64 kIat = 1700000000;
constexpr qint64 kExp = kIat + 12 * 3600;

Claims claims()
{
    Claims c;
    c.userId = QUuid::fromString(QStringLiteral("6f1c2a7e-3b7d-4c1e-9a55-0c2d1f0e8b11"));
    c.username = QStringLiteral("operator");
    c.role = Role::OPERATOR;
    c.issuedAt = kIat;
    c.expiresAt = kExp;
    return c;
}

QJsonObject header(const QString &alg)
{
    return {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QJsonObject payload()
{
    return {{QStringLiteral("sub"), QStringLiteral("6f1c2a7e-3b7d-4c1e-9a55-0c2d1f0e8b11")},
            {QStringLiteral("name"), QStringLiteral("operator")},
            {QStringLiteral("role"), QStringLiteral("OPERATOR")},
            {QStringLiteral("iat"), kIat},
            {QStringLiteral("exp"), kExp},
            {QStringLiteral("jti"), QStringLiteral("a")}};
}

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(kB64);
}

QByteArray b64(const QJsonObject &o)
{
    return b64(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QByteArray hmac(const QByteArray &secret, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha256);
}

// A token built by hand and correctly signed with `secret`.
QByteArray forge(const QByteArray &headerPart, const QByteArray &payloadPart,
                 const QByteArray &secret = kSecret)
{
    const QByteArray input = headerPart + '.' + payloadPart;
    return input + '.' + b64(hmac(secret, input));
}

QByteArray forge(const QJsonObject &h, const QJsonObject &p, const QByteArray &secret = kSecret)
{
    return forge(b64(h), b64(p), secret);
}

QString errorName(Jwt::Error e)
{
    switch (e) {
    case Jwt::Error::Malformed:
        return QStringLiteral("Malformed");
    case Jwt::Error::BadSignature:
        return QStringLiteral("BadSignature");
    case Jwt::Error::Expired:
        return QStringLiteral("Expired");
    }
    return QStringLiteral("?");
}

// "ok" when the token verifies, else the error's name.
QString outcome(const Jwt &jwt, const QByteArray &token, qint64 now = kIat)
{
    Jwt::Error error = Jwt::Error::Malformed;
    const auto c = jwt.verify(token, now, &error);
    return c ? QStringLiteral("ok") : errorName(error);
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<Role>("role");

        QTest::newRow("operator") << "operator" << Role::OPERATOR;
        QTest::newRow("admin") << "admin" << Role::ADMIN;
        QTest::newRow("viewer") << "viewer" << Role::VIEWER;
        QTest::newRow("unicode name")
            << QStringLiteral("J\u00F3zsef \u0150r \U0001F600") << Role::MANAGER;
        QTest::newRow("quotes in name") << "a\"b\\c" << Role::AUDITOR;
    }
    void roundTrip()
    {
        QFETCH(QString, username);
        QFETCH(Role, role);
        Claims c = claims();
        c.username = username;
        c.role = role;
        const Jwt jwt(kSecret);
        const QByteArray token = jwt.sign(c);
        QCOMPARE(token.count('.'), 2);

        Jwt::Error error = Jwt::Error::Expired;
        const auto back = jwt.verify(token, kIat, &error);
        QVERIFY(back.has_value());
        QCOMPARE(back->userId, c.userId);
        QCOMPARE(back->username, username);
        QCOMPARE(flowviz::toString(back->role), flowviz::toString(role));
        QCOMPARE(back->issuedAt, kIat);
        QCOMPARE(back->expiresAt, kExp);
        QCOMPARE(error, Jwt::Error::Expired);         // untouched on success
        QVERIFY(jwt.verify(token, kIat).has_value()); // no error pointer needed
    }

    void headerIsHs256()
    {
        const QByteArray token = Jwt(kSecret).sign(claims());
        const auto decoded = QByteArray::fromBase64Encoding(token.split('.').at(0), kB64);
        QVERIFY(decoded);
        const QJsonObject h = QJsonDocument::fromJson(*decoded).object();
        QCOMPARE(h.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(h.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    }

    void eachTokenHasItsOwnId()
    {
        const Jwt jwt(kSecret);
        const QByteArray a = jwt.sign(claims());
        const QByteArray b = jwt.sign(claims());
        QVERIFY(a != b);
        const auto pa = QByteArray::fromBase64Encoding(a.split('.').at(1), kB64);
        const QString jti = QJsonDocument::fromJson(*pa).object().value(u"jti").toString();
        QVERIFY(!QUuid::fromString(jti).isNull());
    }

    void expiry_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("expected");

        QTest::newRow("at issue") << kIat << "ok";
        QTest::newRow("before issue") << kIat - 10 << "ok";
        QTest::newRow("one second before expiry") << kExp - 1 << "ok";
        QTest::newRow("at expiry") << kExp << "Expired";
        QTest::newRow("one second after expiry") << kExp + 1 << "Expired";
        QTest::newRow("a year later") << kExp + 365 * 86400 << "Expired";
    }
    void expiry()
    {
        QFETCH(qint64, now);
        QFETCH(QString, expected);
        const Jwt jwt(kSecret);
        QCOMPARE(outcome(jwt, jwt.sign(claims()), now), expected);
    }

    void expiredButTamperedIsBadSignature()
    {
        // The signature is checked before the expiry: a forged token never learns more.
        const Jwt jwt(kSecret);
        const QByteArray token = forge(header(QStringLiteral("HS256")), payload(), "other secret");
        QCOMPARE(outcome(jwt, token, kExp + 1), QStringLiteral("BadSignature"));
    }

    void tampered_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("expected");

        const Jwt jwt(kSecret);
        const QByteArray good = jwt.sign(claims());
        const QList<QByteArray> parts = good.split('.');

        QTest::newRow("untampered (control)") << good << "ok";

        QJsonObject admin = payload();
        admin.insert(QStringLiteral("role"), QStringLiteral("ADMIN"));
        QTest::newRow("payload role raised")
            << parts[0] + '.' + b64(admin) + '.' + parts[2] << "BadSignature";

        QJsonObject later = payload();
        later.insert(QStringLiteral("exp"), kExp + 86400);
        QTest::newRow("payload expiry extended")
            << parts[0] + '.' + b64(later) + '.' + parts[2] << "BadSignature";

        QByteArray sig = *QByteArray::fromBase64Encoding(parts[2], kB64);
        sig[0] = char(sig[0] ^ 0x01);
        QTest::newRow("signature bit flipped")
            << parts[0] + '.' + parts[1] + '.' + b64(sig) << "BadSignature";
        QTest::newRow("signature truncated")
            << parts[0] + '.' + parts[1] + '.' + parts[2].left(parts[2].size() - 4)
            << "BadSignature";
        QTest::newRow("signature empty") << parts[0] + '.' + parts[1] + '.' << "BadSignature";
        QTest::newRow("signature of another token")
            << parts[0] + '.' + parts[1] + '.' + jwt.sign(claims()).split('.').at(2)
            << "BadSignature";
        QTest::newRow("wrong secret")
            << Jwt(QByteArrayLiteral("another-secret-of-32-bytes-or-more!")).sign(claims())
            << "BadSignature";
        QTest::newRow("secret with one byte more")
            << Jwt(kSecret + 'x').sign(claims()) << "BadSignature";
        QTest::newRow("empty secret") << Jwt(QByteArray()).sign(claims()) << "BadSignature";
    }
    void tampered()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, expected);
        QCOMPARE(outcome(Jwt(kSecret), token), expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("expected");

        QTest::newRow("forged HS256 (control)")
            << forge(header(QStringLiteral("HS256")), payload()) << "ok";
        QTest::newRow("alg none, no signature")
            << b64(header(QStringLiteral("none"))) + '.' + b64(payload()) + '.' << "Malformed";
        QTest::newRow("alg none, signed")
            << forge(header(QStringLiteral("none")), payload()) << "Malformed";
        QTest::newRow("alg HS512")
            << forge(header(QStringLiteral("HS512")), payload()) << "Malformed";
        QTest::newRow("alg RS256")
            << forge(header(QStringLiteral("RS256")), payload()) << "Malformed";
        QTest::newRow("alg lower case")
            << forge(header(QStringLiteral("hs256")), payload()) << "Malformed";
        QTest::newRow("alg missing")
            << forge(QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}}, payload())
            << "Malformed";
        QTest::newRow("header not JSON") << forge(b64("{not json"), b64(payload())) << "Malformed";
        QTest::newRow("empty") << QByteArray() << "Malformed";
        QTest::newRow("garbage") << QByteArray("garbage") << "Malformed";
        QTest::newRow("dots only") << QByteArray("..") << "Malformed";
        QTest::newRow("two parts")
            << b64(header(QStringLiteral("HS256"))) + '.' + b64(payload()) << "Malformed";
        QTest::newRow("four parts") << forge(header(QStringLiteral("HS256")), payload()) + ".x"
                                    << "Malformed";
        QTest::newRow("Bearer prefix left on")
            << "Bearer " + forge(header(QStringLiteral("HS256")), payload()) << "Malformed";

        auto without = [](const QString &key) {
            QJsonObject p = payload();
            p.remove(key);
            return forge(header(QStringLiteral("HS256")), p);
        };
        auto with = [](const QString &key, const QJsonValue &v) {
            QJsonObject p = payload();
            p.insert(key, v);
            return forge(header(QStringLiteral("HS256")), p);
        };
        QTest::newRow("no sub") << without(QStringLiteral("sub")) << "Malformed";
        QTest::newRow("sub not a UUID")
            << with(QStringLiteral("sub"), QStringLiteral("admin")) << "Malformed";
        QTest::newRow("no role") << without(QStringLiteral("role")) << "Malformed";
        QTest::newRow("unknown role")
            << with(QStringLiteral("role"), QStringLiteral("ROOT")) << "Malformed";
        QTest::newRow("lower-case role")
            << with(QStringLiteral("role"), QStringLiteral("admin")) << "Malformed";
        QTest::newRow("no exp") << without(QStringLiteral("exp")) << "Malformed";
        QTest::newRow("exp as string")
            << with(QStringLiteral("exp"), QString::number(kExp)) << "Malformed";
        QTest::newRow("payload not JSON")
            << forge(b64(header(QStringLiteral("HS256"))), b64("[1,2")) << "Malformed";
        QTest::newRow("payload an array")
            << forge(b64(header(QStringLiteral("HS256"))), b64("[1,2]")) << "Malformed";
    }
    void malformed()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, expected);
        QCOMPARE(outcome(Jwt(kSecret), token), expected);
    }

    void sizeLimit()
    {
        // Correctly signed tokens around the 4096-byte limit: the largest at or under it is
        // accepted, the smallest over it refused as malformed.
        QByteArray under;
        QByteArray over;
        for (int pad = 2800; pad < 3100; ++pad) {
            QJsonObject p = payload();
            p.insert(QStringLiteral("pad"), QString(pad, u'x'));
            const QByteArray t = forge(header(QStringLiteral("HS256")), p);
            if (t.size() <= 4096 && t.size() > under.size())
                under = t;
            if (t.size() > 4096 && (over.isEmpty() || t.size() < over.size()))
                over = t;
        }
        QVERIFY2(under.size() >= 4094, QByteArray::number(under.size()).constData());
        QVERIFY2(over.size() <= 4099, QByteArray::number(over.size()).constData());
        const Jwt jwt(kSecret);
        QCOMPARE(outcome(jwt, under), QStringLiteral("ok"));
        QCOMPARE(outcome(jwt, over), QStringLiteral("Malformed"));

        // A huge name signed by the server itself is still refused.
        Claims c = claims();
        c.username = QString(5000, u'n');
        QCOMPARE(outcome(jwt, jwt.sign(c)), QStringLiteral("Malformed"));
        QCOMPARE(outcome(jwt, QByteArray(100000, '.')), QStringLiteral("Malformed"));
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
