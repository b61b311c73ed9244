// The OpenAPI document and the routes the server registers are the same set: a route added
// without documentation, or documentation of a route that does not exist, fails here.

#include "backend/api/openapi.h"
#include "backend/config/serverconfig.h"
#include "backend/server/application.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace flowviz;

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void documentMatchesRegisteredRoutes()
    {
        ServerConfig config;
        config.database = *db::DbSettings::fromUrl(
            QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), nullptr);
        config.jwtSecret = QByteArray(40, 'x');
        server::Application app(config); // registers routes, /metrics too; connects to nothing

        QSet<QString> registered;
        for (const auto &[method, path] : app.routes())
            registered.insert(QString::fromLatin1(method).toLower() + u' ' + path);

        const QJsonObject doc = openapi::document();
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        QSet<QString> documented;
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject ops = p.value().toObject();
            for (auto o = ops.begin(); o != ops.end(); ++o)
                documented.insert(o.key() + u' ' + p.key());
        }
        QCOMPARE(registered.size(), 51);
        QCOMPARE(documented - registered, QSet<QString>());
        QCOMPARE(registered - documented, QSet<QString>());
    }

    void everyReferenceResolves()
    {
        const QJsonObject doc = openapi::document();
        const QByteArray text = QJsonDocument(doc).toJson();
        const QJsonObject components = doc.value(QStringLiteral("components")).toObject();
        qsizetype from = 0;
        int checked = 0;
        while ((from = text.indexOf("\"$ref\": \"#/components/", from)) >= 0) {
            from += 22;
            const qsizetype end = text.indexOf('"', from);
            const QList<QByteArray> parts = text.mid(from, end - from).split('/');
            QCOMPARE(parts.size(), 2);
            QVERIFY2(components.value(QString::fromLatin1(parts[0]))
                         .toObject()
                         .contains(QString::fromLatin1(parts[1])),
                     parts[1].constData());
            ++checked;
        }
        QVERIFY(checked > 20);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
