// Traceability and recall over a real flowviz-server: the backward and forward trees of a
// seeded genealogy, the recall CSV (parsed back) and the PDF report, through the trace page.
#include "app/models/lotdetailloader.h"
#include "app/models/serverlotsmodel.h"
#include "app/trace/recallmodel.h"
#include "app/trace/traceservice.h"
#include "ui/lots/lotdetailpage.h"
#include "ui/trace/tracepage.h"

#include "app/api/apiclient.h"

#include "tests/support/csvreader.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace flowviz;
using namespace Qt::StringLiterals;
using flowviz::app::ApiClient;
using flowviz::app::TraceTreeModel;
using flowviz::test::HttpClient;
using flowviz::test::TestServer;

namespace {

// "CODE(child,child(…))" for the subtree at `index`.
QString shape(const QAbstractItemModel *model, const QModelIndex &index)
{
    QString out = index.data().toString();
    QStringList children;
    for (int r = 0; r < model->rowCount(index); ++r)
        children << shape(model, model->index(r, 0, index));
    if (!children.isEmpty())
        out += u'(' + children.join(u',') + u')';
    return out;
}

} // namespace

class TestTracePage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ApiClient> m_api;

    void lot(const QString &code, const QString &type, const QString &weight,
             const QList<QPair<QString, QString>> &parents = {})
    {
        QJsonArray ps;
        for (const auto &[parent, qty] : parents)
            ps.append(QJsonObject{{QStringLiteral("lot_code"), parent},
                                  {QStringLiteral("quantity_used_kg"), qty}});
        QJsonObject body{{QStringLiteral("lot_code"), code},
                         {QStringLiteral("lot_type"), type},
                         {QStringLiteral("weight_kg"), weight}};
        if (!ps.isEmpty())
            body.insert(QStringLiteral("parents"), ps);
        const auto r = m_http->post(QStringLiteral("/api/v1/lots"), body);
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void decide(const QString &code, const QString &decision, int gate, const QString &at)
    {
        QJsonObject body{{QStringLiteral("lot_code"), code},
                         {QStringLiteral("decision"), decision},
                         {QStringLiteral("gate_number"), gate},
                         {QStringLiteral("decided_at"), at}};
        if (decision != QLatin1String("PASS"))
            body.insert(QStringLiteral("notes"),
                        QStringLiteral("Foreign body found, \"metal\", sieve 2"));
        const auto r = m_http->post(QStringLiteral("/api/v1/qc-decisions"), body);
        QVERIFY2(r.status == 201, r.body.constData());
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_tracepage"),
                                                QStringList{u"--rate-limits"_s, u"off"_s});
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        QVERIFY(m_http->login(QStringLiteral("admin"), TestServer::passwordOf(u"admin"_s)));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->baseUrl());
        m_api->setToken(m_http->token());

        // 2 RAW → DEB → BULK → 2 MIX → SKW → FRZ → 2 FG, plus an unrelated lot.
        lot(QStringLiteral("T-RAW-1"), QStringLiteral("RAW"), QStringLiteral("100"));
        lot(QStringLiteral("T-RAW-2"), QStringLiteral("RAW"), QStringLiteral("100"));
        lot(QStringLiteral("T-OTHER-1"), QStringLiteral("RAW"), QStringLiteral("10"));
        lot(QStringLiteral("T-DEB-1"), QStringLiteral("DEB"), QStringLiteral("100.50"),
            {{u"T-RAW-1"_s, u"50"_s}, {u"T-RAW-2"_s, u"50.5"_s}});
        lot(QStringLiteral("T-BULK-1"), QStringLiteral("BULK"), QStringLiteral("80.25"),
            {{u"T-DEB-1"_s, u"80.25"_s}});
        lot(QStringLiteral("T-MIX-1"), QStringLiteral("MIX"), QStringLiteral("40"),
            {{u"T-BULK-1"_s, u"40"_s}});
        lot(QStringLiteral("T-MIX-2"), QStringLiteral("MIX"), QStringLiteral("40"),
            {{u"T-BULK-1"_s, u"40"_s}});
        lot(QStringLiteral("T-SKW-1"), QStringLiteral("SKW"), QStringLiteral("60"),
            {{u"T-MIX-1"_s, u"30"_s}, {u"T-MIX-2"_s, u"30"_s}});
        lot(QStringLiteral("T-FRZ-1"), QStringLiteral("FRZ"), QStringLiteral("60"),
            {{u"T-SKW-1"_s, u"60"_s}});
        lot(QStringLiteral("T-FG-1"), QStringLiteral("FG"), QStringLiteral("30"),
            {{u"T-FRZ-1"_s, u"30"_s}});
        lot(QStringLiteral("T-FG-2"), QStringLiteral("FG"), QStringLiteral("29.99"),
            {{u"T-FRZ-1"_s, u"29.99"_s}});
        decide(QStringLiteral("T-DEB-1"), QStringLiteral("HOLD"), 1, u"2026-01-14T08:00:00Z"_s);
        decide(QStringLiteral("T-DEB-1"), QStringLiteral("PASS"), 3, u"2026-01-14T09:30:00Z"_s);
        decide(QStringLiteral("T-MIX-2"), QStringLiteral("HOLD"), 3, u"2026-01-14T10:00:00Z"_s);
    }

    void treesHoldEveryLevel()
    {
        ui::TracePage page(m_api.get(), QStringLiteral("admin"));
        auto *service = page.service();
        QAbstractItemModelTester backTester(service->backwardModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester fwdTester(service->forwardModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy traced(service, &app::TraceService::traced);

        page.handleScan(QStringLiteral("t-fg-1"));
        QTRY_COMPARE(traced.count(), 1);
        const auto *back = service->backwardModel();
        QCOMPARE(back->rowCount(), 1);
        QCOMPARE(
            shape(back, back->index(0, 0)),
            QStringLiteral("T-FG-1(T-FRZ-1(T-SKW-1(T-MIX-1(T-BULK-1(T-DEB-1(T-RAW-1,T-RAW-2))),"
                           "T-MIX-2(T-BULK-1(T-DEB-1(T-RAW-1,T-RAW-2))))))"));
        QCOMPARE(shape(service->forwardModel(), service->forwardModel()->index(0, 0)),
                 QStringLiteral("T-FG-1"));
        // Quantities ride on the edge to the tree parent; levels are the server's.
        const QModelIndex frz = back->index(0, 0, back->index(0, 0));
        QCOMPARE(frz.data(TraceTreeModel::QuantityRole).toString(), QStringLiteral("30"));
        QCOMPARE(frz.data(TraceTreeModel::LevelRole).toInt(), -1);

        page.handleScan(QStringLiteral("T-RAW-1"));
        QTRY_COMPARE(traced.count(), 2);
        const auto *fwd = service->forwardModel();
        QCOMPARE(shape(fwd, fwd->index(0, 0)),
                 QStringLiteral("T-RAW-1(T-DEB-1(T-BULK-1(T-MIX-1(T-SKW-1(T-FRZ-1(T-FG-1,T-FG-2))),"
                                "T-MIX-2(T-SKW-1(T-FRZ-1(T-FG-1,T-FG-2))))))"));
        QCOMPARE(shape(back, back->index(0, 0)), QStringLiteral("T-RAW-1"));
        QVERIFY(page.backwardView()->model() == back);

        page.handleScan(QStringLiteral("NO-SUCH-LOT"));
        QTRY_VERIFY(page.messageText().contains(QStringLiteral("NO-SUCH-LOT")));
        QCOMPARE(service->forwardModel()->rowCount(), 0);
    }

    void recallCsvHoldsExactlyTheDownstreamLots()
    {
        ui::TracePage page(m_api.get(), QStringLiteral("admin"));
        QSignalSpy ready(page.service(), &app::TraceService::recallReady);
        page.handleScan(QStringLiteral("T-RAW-1"));
        page.startRecall();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        QCOMPARE(page.recallModel()->rowCount(), 8);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("recall.csv"));
        QString error;
        QVERIFY2(page.exportCsv(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        QVERIFY(raw.startsWith("\xEF\xBB\xBF"));
        QVERIFY(raw.endsWith("\r\n"));
        const QList<QStringList> rows = test::parseCsv(QString::fromUtf8(raw.mid(3)));
        QCOMPARE(rows.first(), app::RecallReport::csvHeader());
        const QList<QStringList> data = rows.mid(1);

        // level, code, type, status, weight, decision, gate, decided at, by
        const QList<QStringList> expected{
            {u"1"_s, u"T-DEB-1"_s, u"DEB"_s, u"RELEASED"_s, u"100.5"_s, u"PASS"_s, u"3"_s,
             u"2026-01-14T09:30:00Z"_s, u"admin"_s},
            {u"2"_s, u"T-BULK-1"_s, u"BULK"_s, u"CREATED"_s, u"80.25"_s, u""_s, u""_s, u""_s,
             u""_s},
            {u"3"_s, u"T-MIX-1"_s, u"MIX"_s, u"CREATED"_s, u"40"_s, u""_s, u""_s, u""_s, u""_s},
            {u"3"_s, u"T-MIX-2"_s, u"MIX"_s, u"HOLD"_s, u"40"_s, u"HOLD"_s, u"3"_s,
             u"2026-01-14T10:00:00Z"_s, u"admin"_s},
            {u"4"_s, u"T-SKW-1"_s, u"SKW"_s, u"CREATED"_s, u"60"_s, u""_s, u""_s, u""_s, u""_s},
            {u"5"_s, u"T-FRZ-1"_s, u"FRZ"_s, u"CREATED"_s, u"60"_s, u""_s, u""_s, u""_s, u""_s},
            {u"6"_s, u"T-FG-1"_s, u"FG"_s, u"CREATED"_s, u"30"_s, u""_s, u""_s, u""_s, u""_s},
            {u"6"_s, u"T-FG-2"_s, u"FG"_s, u"CREATED"_s, u"29.99"_s, u""_s, u""_s, u""_s, u""_s},
        };
        QCOMPARE(data.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(data.at(i), expected.at(i));
        QSet<QString> codes;
        for (const QStringList &r : data)
            codes.insert(r.at(1));
        QVERIFY(!codes.contains(QStringLiteral("T-RAW-1")));
        QVERIFY(!codes.contains(QStringLiteral("T-RAW-2")));
        QVERIFY(!codes.contains(QStringLiteral("T-OTHER-1")));

        // The PDF report: a real PDF with at least one page.
        const QString pdf = dir.filePath(QStringLiteral("recall.pdf"));
        QVERIFY2(page.exportPdf(pdf, &error), qPrintable(error));
        QFile pf(pdf);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        QVERIFY(pf.read(5) == "%PDF-");
        if (QString::fromLatin1(FLOWVIZ_PDFINFO).isEmpty())
            QSKIP("pdfinfo (poppler-utils) is not installed");
        QProcess info;
        info.start(QString::fromLatin1(FLOWVIZ_PDFINFO), {pdf});
        QVERIFY(info.waitForFinished(30000));
        QCOMPARE(info.exitCode(), 0);
        const QString out = QString::fromUtf8(info.readAllStandardOutput());
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY(m.captured(1).toInt() >= 1);
        QVERIFY(out.contains(QStringLiteral("T-RAW-1")));
    }

    void csvQuotesFields()
    {
        QCOMPARE(app::RecallReport::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(app::RecallReport::csvField(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(app::RecallReport::csvField(QStringLiteral("line\nbreak")),
                 QStringLiteral("\"line\nbreak\""));
        QCOMPARE(app::RecallReport::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    }

    void lotDetailShowsHistoryAndGenealogy()
    {
        ui::LotDetailPage page(m_api.get());
        QSignalSpy loaded(page.loader(), &app::LotDetailLoader::loaded);
        page.handleScan(QStringLiteral("T-DEB-1"));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(page.historyTable()->rowCount(), 2);
        QCOMPARE(page.parentsTable()->rowCount(), 2);
        QCOMPARE(page.childrenTable()->rowCount(), 1);
        QCOMPARE(page.childrenTable()->item(0, 0)->text(), QStringLiteral("T-BULK-1"));
        QCOMPARE(page.fieldText(QStringLiteral("weight_kg")), QStringLiteral("100.5"));
        page.resize(1000, 700);
        QVERIFY(!page.grab().isNull());
    }

    // The page's strings come from the Hungarian catalogue once it is installed.
    void hungarianTexts()
    {
        QTranslator hu;
        QVERIFY(hu.load(QStringLiteral(":/i18n/flowviz_hu.qm")));
        QCoreApplication::installTranslator(&hu);
        ui::TracePage page(m_api.get(), QStringLiteral("admin"));
        const auto buttons = page.findChildren<QPushButton *>();
        QStringList texts;
        for (const QPushButton *b : buttons)
            texts << b->text();
        QVERIFY2(texts.contains(QStringLiteral("Nyomonkövetés")), qPrintable(texts.join(u'|')));
        QCOMPARE(app::ServerLotsModel::statusLabel(LotStatus::HOLD),
                 QStringLiteral("Visszatartva"));
        QCOMPARE(QCoreApplication::translate("flowviz::ui::TracePage",
                                             "Recall for %1: downstream lots: %2.")
                     .arg(QStringLiteral("X"))
                     .arg(5),
                 QStringLiteral("X visszahívása: 5 továbbfeldolgozott tétel."));
        QCoreApplication::removeTranslator(&hu);
        QCOMPARE(app::ServerLotsModel::statusLabel(LotStatus::HOLD), QStringLiteral("On hold"));
    }
};

QTEST_MAIN(TestTracePage)
#include "tst_tracepage.moc"
