// wire::Problem: the problem+json body exactly as the server sends it, read back unchanged.

#include "domain/wire/problem.h"

#include <QJsonDocument>
#include <QTest>

using namespace flowviz;
using namespace flowviz::wire;

Q_DECLARE_METATYPE(flowviz::wire::Problem)

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestWireProblem : public QObject
{
    Q_OBJECT

private slots:
    void validationJson()
    {
        const Problem p =
            Problem::validation({{QStringLiteral("weight_kg"), QStringLiteral("weight.range"),
                                  QStringLiteral("weight_kg must be from 0 to 10000.")},
                                 {QStringLiteral("lot_code"), QStringLiteral("field.required"),
                                  QStringLiteral("lot_code is required.")}});
        QCOMPARE(p.status(), 422);
        QCOMPARE(
            compact(p.toJson()),
            QByteArray(
                "{\"detail\":\"2 fields are invalid.\",\"errors\":[{\"code\":\"weight.range\","
                "\"field\":\"weight_kg\",\"message\":\"weight_kg must be from 0 to 10000.\"},"
                "{\"code\":\"field.required\",\"field\":\"lot_code\",\"message\":\"lot_code is "
                "required.\"}],\"status\":422,\"title\":\"The request is not valid\","
                "\"type\":\"https://flowviz.dev/problems/validation\"}"));
        QCOMPARE(Problem::fromJson(p.toJson()), p);
    }

    void oneFieldErrorIsTheDetail()
    {
        const Problem p =
            Problem::validation({{QStringLiteral("lot_code"), QStringLiteral("field.required"),
                                  QStringLiteral("lot_code is required.")}});
        QCOMPARE(p.detail, QStringLiteral("lot_code is required."));
    }

    void conflictJsonLeavesOutWhatIsEmpty()
    {
        const Problem p =
            Problem::conflict(problemtype::kDuplicateLotCode,
                              QStringLiteral("Lot code already used"), QStringLiteral("Taken."));
        QCOMPARE(
            compact(p.toJson()),
            QByteArray("{\"detail\":\"Taken.\",\"status\":409,\"title\":\"Lot code already used\","
                       "\"type\":\"https://flowviz.dev/problems/duplicate-lot-code\"}"));
        QCOMPARE(Problem::fromJson(p.toJson()), p);

        Problem noDetail = Problem::notFound(QString());
        QVERIFY(!noDetail.toJson().contains(QStringLiteral("detail")));
        QVERIFY(!noDetail.toJson().contains(QStringLiteral("errors")));
    }

    void factoriesAsTheServerAnswers_data()
    {
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("title");
        const QString d = QStringLiteral("d");
        QTest::newRow("notFound") << Problem::notFound(d) << 404 << QStringLiteral("not-found")
                                  << QStringLiteral("Not found");
        QTest::newRow("badRequest")
            << Problem::badRequest(d) << 400 << QStringLiteral("bad-request")
            << QStringLiteral("The request cannot be read");
        QTest::newRow("unauthorized")
            << Problem::unauthorized(d) << 401 << QStringLiteral("unauthorized")
            << QStringLiteral("Authentication required");
        QTest::newRow("forbidden") << Problem::forbidden(d) << 403 << QStringLiteral("forbidden")
                                   << QStringLiteral("Not allowed");
        QTest::newRow("internal") << Problem::internal(d) << 500 << QStringLiteral("internal")
                                  << QStringLiteral("Internal error");
    }

    void factoriesAsTheServerAnswers()
    {
        QFETCH(Problem, problem);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, title);
        QCOMPARE(problem.status(), status);
        QCOMPARE(problem.type, type);
        QCOMPARE(problem.title, title);
        QCOMPARE(Problem::fromJson(problem.toJson()), problem);
    }

    void everyKindKeepsItsStatus()
    {
        for (int status : {400, 401, 403, 404, 405, 409, 411, 413, 415, 422, 429, 431, 500, 503}) {
            Problem p;
            p.kind = Problem::kindForStatus(status);
            QCOMPARE(p.status(), status);
        }
        QCOMPARE(Problem::kindForStatus(418), Problem::Kind::BadRequest);
        QCOMPARE(Problem::kindForStatus(502), Problem::Kind::Internal);
    }

    void foreignTypeUriIsKept()
    {
        const Problem p =
            Problem::fromJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")},
                                          {QStringLiteral("title"), QStringLiteral("Teapot")},
                                          {QStringLiteral("status"), 404}});
        QCOMPARE(p.type, QStringLiteral("about:blank"));
        QCOMPARE(p.toJson().value(QStringLiteral("type")).toString(),
                 QStringLiteral("about:blank"));
        QCOMPARE(p.kind, Problem::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestWireProblem)
#include "tst_problem.moc"
