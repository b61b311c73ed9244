// Idempotency: what makes two requests "the same" (the hash) and the key's length limit. The
// store and the replay need a database and are covered by tst_idempotencyapi.

#include "backend/api/idempotency.h"

#include "backend/api/apierror.h"

#include <QTest>

using flowviz::api::ApiError;
using flowviz::api::Idempotency;

class TestIdempotency : public QObject
{
    Q_OBJECT

private slots:
    void sameJsonSameHash()
    {
        const QString path = QStringLiteral("/api/v1/lots");
        const QByteArray a = Idempotency::requestHash("POST", path, R"({"b": 1, "a": "x"})");
        const QByteArray b = Idempotency::requestHash("POST", path, R"({"a":"x","b":1})");
        QCOMPARE(a.size(), 32);
        QCOMPARE(a, b);
    }
    void methodPathAndBodyCount()
    {
        const QString path = QStringLiteral("/api/v1/lots");
        const QByteArray base = Idempotency::requestHash("POST", path, R"({"a":1})");
        QVERIFY(base != Idempotency::requestHash("PUT", path, R"({"a":1})"));
        QVERIFY(base != Idempotency::requestHash("POST", QStringLiteral("/api/v1/qc-decisions"),
                                                 R"({"a":1})"));
        QVERIFY(base != Idempotency::requestHash("POST", path, R"({"a":2})"));
        // A body that is not JSON is hashed as sent.
        QVERIFY(Idempotency::requestHash("POST", path, "not json") !=
                Idempotency::requestHash("POST", path, "not  json"));
    }
    void keyLength()
    {
        Idempotency::checkKey(QByteArray(200, 'k'));
        try {
            Idempotency::checkKey(QByteArray(201, 'k'));
            QFAIL("a 201-character key passed");
        } catch (const ApiError &e) {
            QCOMPARE(e.response().status, 422);
        }
    }
};

QTEST_GUILESS_MAIN(TestIdempotency)
#include "tst_idempotency.moc"
