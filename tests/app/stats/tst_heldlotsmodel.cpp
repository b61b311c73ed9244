#include "app/stats/heldlotsmodel.h"

#include "app/core/domainlabels.h"
#include "app/stats/statssnapshot.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace flowviz;
using flowviz::app::DomainLabels;
using flowviz::app::HeldLotsModel;
using flowviz::app::HoldsStats;

namespace {

// GET /api/v1/stats/holds as the server answers it (backend/api/openapi.json, StatsHolds):
// oldest first, times with the plant zone's offset, run and weight may be null.
const char *const kHoldsAnswer = R"({
  "as_of": "2026-01-14T12:00:00+01:00",
  "total": 4,
  "lots": [
    {"lot_code": "BULK-20260110-0003", "lot_type": "BULK", "status": "HOLD",
     "since": "2026-01-10T08:00:00+01:00", "age_seconds": 360000,
     "run_code": "RUN-0110", "weight_kg": 412.25},
    {"lot_code": "MIX-20260113-0001", "lot_type": "MIX", "status": "HOLD",
     "since": "2026-01-13T14:00:00+01:00", "age_seconds": 79200,
     "run_code": null, "weight_kg": 95.5},
    {"lot_code": "RAW-20260114-0007", "lot_type": "RAW", "status": "QUARANTINE",
     "since": "2026-01-14T09:55:00+01:00", "age_seconds": 7500,
     "run_code": "RUN-0114", "weight_kg": null},
    {"lot_code": "SKW-20260114-0002", "lot_type": "SKW", "status": "HOLD",
     "since": "2026-01-14T11:40:00+01:00", "age_seconds": 1200,
     "run_code": "RUN-0114", "weight_kg": 12}
  ],
  "by_age": [
    {"label": "<1h", "max_seconds": 3600, "count": 1},
    {"label": "1–4h", "max_seconds": 14400, "count": 1},
    {"label": "4–24h", "max_seconds": 86400, "count": 1},
    {"label": "1–3d", "max_seconds": 259200, "count": 0},
    {"label": ">3d", "max_seconds": null, "count": 1}
  ]
})";

HoldsStats holds()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(kHoldsAnswer), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(error.errorString()));
    return HoldsStats::fromJson(doc.object());
}

QStringList codes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(HeldLotsModel::CodeRole).toString();
    return out;
}

} // namespace

class TestHeldLotsModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyBeforeTheAnswer()
    {
        HeldLotsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(HeldLotsModel::ColumnCount));
        QVERIFY(!model.index(0, 0).isValid());
        for (int c = 0; c < HeldLotsModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(),
                     qPrintable(QString::number(c)));
        QVERIFY(model.headerData(HeldLotsModel::SinceColumn, Qt::Horizontal) !=
                model.headerData(HeldLotsModel::AgeColumn, Qt::Horizontal));
    }

    void showsTheHeldLotsOldestFirst()
    {
        HeldLotsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setLots(holds().lots);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(codes(model), (QStringList{QStringLiteral("BULK-20260110-0003"),
                                            QStringLiteral("MIX-20260113-0001"),
                                            QStringLiteral("RAW-20260114-0007"),
                                            QStringLiteral("SKW-20260114-0002")}));

        const auto cell = [&](int r, int c, int role = Qt::DisplayRole) {
            return model.index(r, c).data(role);
        };
        // The oldest hold: four days and four hours, in the plant's time.
        QCOMPARE(cell(0, HeldLotsModel::TypeColumn).toString(), QStringLiteral("BULK"));
        QCOMPARE(cell(0, HeldLotsModel::StatusColumn, HeldLotsModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
        QCOMPARE(cell(0, HeldLotsModel::StatusColumn).toString(),
                 DomainLabels::lotStatus(LotStatus::HOLD));
        QCOMPARE(cell(0, HeldLotsModel::SinceColumn).toString(),
                 QStringLiteral("2026-01-10 08:00"));
        QCOMPARE(cell(0, HeldLotsModel::AgeColumn).toString(), HeldLotsModel::durationText(360000));
        QCOMPARE(cell(0, HeldLotsModel::RunColumn).toString(), QStringLiteral("RUN-0110"));
        QCOMPARE(cell(0, HeldLotsModel::WeightColumn).toString(), QStringLiteral("412.25"));

        // Quarantine reads differently from hold; a missing weight is an empty cell.
        QCOMPARE(cell(2, HeldLotsModel::StatusColumn, HeldLotsModel::StatusRole).toString(),
                 QStringLiteral("QUARANTINE"));
        QCOMPARE(cell(2, HeldLotsModel::StatusColumn).toString(),
                 DomainLabels::lotStatus(LotStatus::QUARANTINE));
        QVERIFY(cell(2, HeldLotsModel::StatusColumn).toString() !=
                cell(0, HeldLotsModel::StatusColumn).toString());
        QCOMPARE(cell(2, HeldLotsModel::WeightColumn).toString(), QString());
        QCOMPARE(cell(1, HeldLotsModel::RunColumn).toString(), QString());
        QCOMPARE(cell(3, HeldLotsModel::WeightColumn).toString(), QStringLiteral("12"));
        QCOMPARE(cell(3, HeldLotsModel::AgeColumn).toString(), HeldLotsModel::durationText(1200));
        // CodeRole answers on every column (the drill-down opens the lot from any cell).
        QCOMPARE(cell(3, HeldLotsModel::WeightColumn, HeldLotsModel::CodeRole).toString(),
                 QStringLiteral("SKW-20260114-0002"));
        QCOMPARE(model.lotAt(1).ageSeconds, qint64(79200));
        QVERIFY(!cell(0, HeldLotsModel::CodeColumn, Qt::ToolTipRole).isValid());
    }

    void anUnknownStatusIsShownAsSent()
    {
        auto lots = holds().lots;
        lots[0].status = QStringLiteral("EMBARGO"); // a newer server's status
        HeldLotsModel model;
        model.setLots(lots);
        QCOMPARE(model.index(0, HeldLotsModel::StatusColumn).data().toString(),
                 QStringLiteral("EMBARGO"));
    }

    void ageBandsDrillDownAndReplace()
    {
        // The dashboard fills the model with one age band of the same answer.
        const HoldsStats s = holds();
        HeldLotsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLots(s.lotsInAgeBucket(1)); // 1–4 h
        QCOMPARE(codes(model), (QStringList{QStringLiteral("RAW-20260114-0007")}));
        model.setLots(s.lotsInAgeBucket(3)); // 1–3 d: none
        QCOMPARE(model.rowCount(), 0);
        model.setLots(s.lotsInAgeBucket(4)); // > 3 d
        QCOMPARE(codes(model), (QStringList{QStringLiteral("BULK-20260110-0003")}));
    }

    void sortsByAColumn()
    {
        HeldLotsModel model;
        model.setLots(holds().lots);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        QAbstractItemModelTester tester(&sorted,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sorted.sort(HeldLotsModel::SinceColumn, Qt::DescendingOrder);
        QCOMPARE(codes(sorted), (QStringList{QStringLiteral("SKW-20260114-0002"),
                                             QStringLiteral("RAW-20260114-0007"),
                                             QStringLiteral("MIX-20260113-0001"),
                                             QStringLiteral("BULK-20260110-0003")}));
    }

    void durationText_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("negative (clock skew)") << qint64(-30) << QStringLiteral("0 min");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("0 min");
        QTest::newRow("20 min") << qint64(1200) << QStringLiteral("20 min");
        QTest::newRow("59 min 59 s") << qint64(3599) << QStringLiteral("59 min");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h 00 min");
        QTest::newRow("2 h 5 min") << qint64(7500) << QStringLiteral("2 h 05 min");
        QTest::newRow("23 h 59 min") << qint64(86399) << QStringLiteral("23 h 59 min");
        QTest::newRow("1 d") << qint64(86400) << QStringLiteral("1 d 0 h");
        QTest::newRow("4 d 4 h") << qint64(360000) << QStringLiteral("4 d 4 h");
    }
    void durationText()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(HeldLotsModel::durationText(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestHeldLotsModel)
#include "tst_heldlotsmodel.moc"
