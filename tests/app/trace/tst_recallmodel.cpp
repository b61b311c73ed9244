#include "app/trace/recallmodel.h"

#include "app/core/domainlabels.h"
#include "app/trace/recallreport.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace flowviz;
using flowviz::app::DomainLabels;
using flowviz::app::RecallModel;
using flowviz::app::RecallReport;
using flowviz::app::RecallRow;

namespace {

std::optional<Decimal> kg(const char *text)
{
    return Decimal::parse(QString::fromLatin1(text));
}

RecallRow row(int level, const QString &code, LotType type, LotStatus status,
              std::optional<Decimal> weight, std::optional<Decision> decision = std::nullopt,
              int gate = 0, const QDateTime &at = {}, const QString &by = {})
{
    RecallRow r;
    r.level = level;
    r.code = code;
    r.type = type;
    r.status = status;
    r.weightKg = weight;
    r.lastDecision = decision;
    r.lastGate = gate;
    r.lastDecidedAt = at;
    r.lastDecidedBy = by;
    return r;
}

QDateTime utc(int hour, int minute)
{
    return QDateTime(QDate(2026, 1, 14), QTime(hour, minute), Qt::UTC);
}

// A recall of RAW-20260114-DUNA01-0001 as TraceService builds it from the forward graph and
// each lot's GET /api/v1/lots/{code}/qc-decisions: sorted by level, then code.
RecallReport report()
{
    RecallReport r;
    r.suspectCode = QStringLiteral("RAW-20260114-DUNA01-0001");
    r.suspectType = LotType::RAW;
    r.suspectStatus = LotStatus::HOLD;
    r.generatedAt = utc(12, 0);
    r.generatedBy = QStringLiteral("manager");
    r.rows = {
        row(1, QStringLiteral("BULK-0002"), LotType::BULK, LotStatus::RELEASED, kg("10.25"),
            Decision::PASS, 1, utc(8, 30), QStringLiteral("operator")),
        row(1, QStringLiteral("DEB-0001"), LotType::DEB, LotStatus::HOLD, kg("9.5"), Decision::HOLD,
            3, utc(9, 5), QStringLiteral("qc.anna")),
        row(2, QStringLiteral("MIX-0001"), LotType::MIX, LotStatus::CREATED, std::nullopt),
        row(3, QStringLiteral("SKW-0007"), LotType::SKW, LotStatus::REJECTED, kg("120"),
            Decision::FAIL, 2, utc(7, 45), QStringLiteral("operator")),
    };
    r.sort();
    return r;
}

QStringList column(const QAbstractItemModel &m, int column, int role = RecallModel::CodeRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, column).data(role).toString();
    return out;
}

} // namespace

class TestRecallModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyBeforeAReport()
    {
        RecallModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(RecallModel::ColumnCount));
        for (int c = 0; c < RecallModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(),
                     qPrintable(QString::number(c)));
    }

    void showsEveryRowWithItsLatestDecision()
    {
        RecallModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setReport(report());
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.report().suspectCode, QStringLiteral("RAW-20260114-DUNA01-0001"));
        QCOMPARE(column(model, RecallModel::CodeColumn),
                 (QStringList{QStringLiteral("BULK-0002"), QStringLiteral("DEB-0001"),
                              QStringLiteral("MIX-0001"), QStringLiteral("SKW-0007")}));

        const auto cell = [&](int r, int c, int role = Qt::DisplayRole) {
            return model.index(r, c).data(role);
        };
        // The held debone lot.
        QCOMPARE(cell(1, RecallModel::LevelColumn).toInt(), 1);
        QCOMPARE(cell(1, RecallModel::CodeColumn).toString(), QStringLiteral("DEB-0001"));
        QCOMPARE(cell(1, RecallModel::TypeColumn).toString(), DomainLabels::lotType(LotType::DEB));
        QCOMPARE(cell(1, RecallModel::StatusColumn).toString(),
                 DomainLabels::lotStatus(LotStatus::HOLD));
        QCOMPARE(cell(1, RecallModel::StatusColumn, RecallModel::StatusRole).toString(),
                 QStringLiteral("HOLD"));
        QCOMPARE(cell(1, RecallModel::LevelColumn, RecallModel::CodeRole).toString(),
                 QStringLiteral("DEB-0001"));
        QCOMPARE(cell(1, RecallModel::WeightColumn).toString(), QStringLiteral("9.5"));
        QCOMPARE(cell(1, RecallModel::GateColumn).toString(), QStringLiteral("3"));
        QCOMPARE(cell(1, RecallModel::DecidedByColumn).toString(), QStringLiteral("qc.anna"));
        QVERIFY(!cell(1, RecallModel::DecidedAtColumn).toString().isEmpty());

        // A lot without a decision or weight: empty cells, and a "no decision" text that is
        // none of the three decisions.
        QCOMPARE(cell(2, RecallModel::WeightColumn).toString(), QString());
        QCOMPARE(cell(2, RecallModel::GateColumn).toString(), QString());
        QCOMPARE(cell(2, RecallModel::DecidedAtColumn).toString(), QString());
        QCOMPARE(cell(2, RecallModel::DecidedByColumn).toString(), QString());
        const QString none = cell(2, RecallModel::DecisionColumn).toString();
        QVERIFY(!none.isEmpty());
        const QSet<QString> decisions{cell(0, RecallModel::DecisionColumn).toString(),
                                      cell(1, RecallModel::DecisionColumn).toString(),
                                      cell(3, RecallModel::DecisionColumn).toString(), none};
        QCOMPARE(decisions.size(), 4); // PASS, HOLD, FAIL and none all read differently

        // No other roles carry data (no stray colours or fonts).
        QVERIFY(!cell(1, RecallModel::StatusColumn, Qt::ForegroundRole).isValid());
        QVERIFY(!cell(1, RecallModel::CodeColumn, Qt::ToolTipRole).isValid());
    }

    void sortRoleSortsNumbersAndTimesAsSuch()
    {
        RecallModel model;
        model.setReport(report());
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(RecallModel::SortRole);
        QAbstractItemModelTester tester(&sorted,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Weights: 9.5 < 10.25 < 120 as numbers (as text "10.25" < "120" < "9.5"); a lot
        // without a weight sorts first.
        sorted.sort(RecallModel::WeightColumn, Qt::AscendingOrder);
        QCOMPARE(column(sorted, 0),
                 (QStringList{QStringLiteral("MIX-0001"), QStringLiteral("DEB-0001"),
                              QStringLiteral("BULK-0002"), QStringLiteral("SKW-0007")}));
        QCOMPARE(model.index(0, RecallModel::WeightColumn).data(RecallModel::SortRole).toDouble(),
                 10.25);

        // Decision times as times; no decision (invalid time) first.
        sorted.sort(RecallModel::DecidedAtColumn, Qt::AscendingOrder);
        QCOMPARE(column(sorted, 0),
                 (QStringList{QStringLiteral("MIX-0001"), QStringLiteral("SKW-0007"),
                              QStringLiteral("BULK-0002"), QStringLiteral("DEB-0001")}));
        QCOMPARE(
            model.index(1, RecallModel::DecidedAtColumn).data(RecallModel::SortRole).toDateTime(),
            utc(9, 5));

        // Gates as numbers, descending.
        sorted.sort(RecallModel::GateColumn, Qt::DescendingOrder);
        QCOMPARE(column(sorted, 0),
                 (QStringList{QStringLiteral("DEB-0001"), QStringLiteral("SKW-0007"),
                              QStringLiteral("BULK-0002"), QStringLiteral("MIX-0001")}));

        // Level, descending: 3, 2, 1, 1.
        sorted.sort(RecallModel::LevelColumn, Qt::DescendingOrder);
        QCOMPARE(column(sorted, RecallModel::LevelColumn, Qt::DisplayRole),
                 (QStringList{QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1"),
                              QStringLiteral("1")}));
    }

    void aNewReportReplacesTheRows()
    {
        RecallModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report());
        QCOMPARE(model.rowCount(), 4);
        RecallReport empty;
        empty.suspectCode = QStringLiteral("FG-0001"); // nothing downstream of a finished good
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setReport(empty);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.report().suspectCode, QStringLiteral("FG-0001"));
        QVERIFY(!model.index(0, 0).isValid());
    }
};

QTEST_GUILESS_MAIN(TestRecallModel)
#include "tst_recallmodel.moc"
