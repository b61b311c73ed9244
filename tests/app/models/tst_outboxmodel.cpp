#include "app/models/outboxmodel.h"

#include "app/outbox/outbox.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using flowviz::app::Outbox;
using flowviz::app::OutboxItem;
using flowviz::app::OutboxModel;

namespace {

using State = OutboxItem::State;
using Kind = OutboxItem::Kind;

// POST /api/v1/lots and /api/v1/qc-decisions bodies as the console queues them.
QJsonObject lot(const QString &code)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), QStringLiteral("RAW")},
            {QStringLiteral("weight_kg"), QStringLiteral("25.50")},
            {QStringLiteral("temperature_c"), QStringLiteral("3.5")}};
}

QJsonObject decision(const QString &code, const QString &outcome)
{
    return {{QStringLiteral("lot_code"), code},
            {QStringLiteral("decision"), outcome},
            {QStringLiteral("gate_number"), 1},
            {QStringLiteral("notes"), QStringLiteral("Checked at receiving.")}};
}

QStringList lotCodes(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(OutboxModel::LotCodeRole).toString();
    return out;
}

} // namespace

class TestOutboxModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral(".sqlite"));
    }

    void emptyWithoutAnOutboxOrItems()
    {
        OutboxModel none(nullptr);
        QAbstractItemModelTester noneTester(&none,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(none.rowCount(), 0);
        none.refresh();
        QCOMPARE(none.rowCount(), 0);

        Outbox outbox(m_path);
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.errorString()));
        OutboxModel model(&outbox);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(OutboxModel::ColumnCount));
        QCOMPARE(model.idAt(0), QString());
        QCOMPARE(model.rowOf(QStringLiteral("nothing")), -1);
        for (int c = 0; c < OutboxModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(),
                     qPrintable(QString::number(c)));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    }

    void showsQueuedItemsOldestFirstWithRoles()
    {
        Outbox outbox(m_path);
        QVERIFY(outbox.isOpen());
        const QString lotId = outbox.enqueueLot(lot(QStringLiteral("raw-20260114-duna01-0001")));
        const QString decisionId = outbox.enqueueDecision(
            decision(QStringLiteral("RAW-20260114-DUNA01-0001"), QStringLiteral("HOLD")));
        QVERIFY(!lotId.isEmpty());
        QVERIFY(!decisionId.isEmpty());

        OutboxModel model(&outbox);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.idAt(0), lotId);
        QCOMPARE(model.idAt(1), decisionId);
        QCOMPARE(model.rowOf(decisionId), 1);

        const QModelIndex first = model.index(0, OutboxModel::KindColumn);
        QCOMPARE(first.data(OutboxModel::IdRole).toString(), lotId);
        QCOMPARE(first.data(OutboxModel::KindRole).toInt(), int(Kind::Lot));
        QCOMPARE(first.data(OutboxModel::StateRole).toInt(), int(State::Pending));
        // The outbox normalizes the code the operator typed.
        QCOMPARE(first.data(OutboxModel::LotCodeRole).toString(),
                 QStringLiteral("RAW-20260114-DUNA01-0001"));
        QCOMPARE(first.data(OutboxModel::PayloadRole).toJsonObject().value(u"weight_kg"),
                 QJsonValue(QStringLiteral("25.50")));
        QVERIFY(first.data(OutboxModel::CreatedAtRole).toDateTime().isValid());
        QCOMPARE(first.data().toString(), OutboxModel::kindText(Kind::Lot));

        const QModelIndex second = model.index(1, 0);
        QCOMPARE(second.data(OutboxModel::KindRole).toInt(), int(Kind::QcDecision));
        QCOMPARE(second.data().toString(), OutboxModel::kindText(Kind::QcDecision));
        QVERIFY(second.data().toString() != first.data().toString());
        QCOMPARE(second.data(OutboxModel::PayloadRole)
                     .toJsonObject()
                     .value(QStringLiteral("decision"))
                     .toString(),
                 QStringLiteral("HOLD"));

        const auto cell = [&](int r, int c, int role = Qt::DisplayRole) {
            return model.index(r, c).data(role);
        };
        QCOMPARE(cell(0, OutboxModel::LotCodeColumn).toString(),
                 QStringLiteral("RAW-20260114-DUNA01-0001"));
        QCOMPARE(cell(0, OutboxModel::StateColumn).toString(),
                 OutboxModel::stateText(State::Pending));
        QCOMPARE(cell(0, OutboxModel::AttemptsColumn).toInt(), 0);
        QCOMPARE(cell(0, OutboxModel::LastErrorColumn).toString(), QString());
        QVERIFY(!cell(0, OutboxModel::CreatedColumn).toString().isEmpty());
        // No tooltip while there is no error.
        QVERIFY(!cell(0, OutboxModel::LastErrorColumn, Qt::ToolTipRole).isValid());
        QCOMPARE(model.roleNames().value(OutboxModel::IdRole), QByteArray("itemId"));
    }

    void followsTheOutboxWithFineGrainedSignals()
    {
        Outbox outbox(m_path);
        QVERIFY(outbox.isOpen());
        OutboxModel model(&outbox);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A burst of enqueues costs one reload and one insertion of the three rows.
        const QString a = outbox.enqueueLot(lot(QStringLiteral("RAW-A")));
        const QString b = outbox.enqueueLot(lot(QStringLiteral("RAW-B")));
        const QString c = outbox.enqueueLot(lot(QStringLiteral("RAW-C")));
        QCOMPARE(model.rowCount(), 0); // picked up on the next event loop turn
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 2);
        QCOMPARE(lotCodes(model), (QStringList{QStringLiteral("RAW-A"), QStringLiteral("RAW-B"),
                                               QStringLiteral("RAW-C")}));

        // Taken for sending: in flight, one dataChanged per row.
        const auto batch = outbox.nextBatch(2);
        QCOMPARE(batch.size(), 2);
        model.refresh();
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.index(0, 0).data(OutboxModel::StateRole).toInt(), int(State::InFlight));
        QCOMPARE(model.index(1, 0).data(OutboxModel::StateRole).toInt(), int(State::InFlight));
        QCOMPARE(model.index(2, 0).data(OutboxModel::StateRole).toInt(), int(State::Pending));
        QCOMPARE(model.index(0, OutboxModel::StateColumn).data().toString(),
                 OutboxModel::stateText(State::InFlight));

        // The server refused b: it needs attention, with the reason in the row and a tooltip.
        // a reached the server: its row goes.
        changed.clear();
        const QString reason =
            QStringLiteral("Lot RAW-B: weight 25.50 kg is above the 20 kg limit for RAW.");
        QVERIFY(outbox.apply({{a, Outbox::Outcome::Kind::Done, 201, {}, {}},
                              {b, Outbox::Outcome::Kind::NeedsAttention, 422, reason, {}}}));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][1].toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 0);
        QCOMPARE(model.idAt(0), b);
        QCOMPARE(model.index(0, 0).data(OutboxModel::StateRole).toInt(),
                 int(State::NeedsAttention));
        QCOMPARE(model.index(0, OutboxModel::LastErrorColumn).data().toString(), reason);
        QCOMPARE(model.index(0, OutboxModel::LastErrorColumn).data(Qt::ToolTipRole).toString(),
                 reason);
        QVERIFY(!model.index(0, OutboxModel::LotCodeColumn).data(Qt::ToolTipRole).isValid());
        QCOMPARE(model.index(0, 0).data(OutboxModel::LastErrorRole).toString(), reason);
        QCOMPARE(model.index(0, OutboxModel::AttemptsColumn).data().toInt(), 1);

        // A new item arrives after the others; the discarded one leaves.
        inserted.clear();
        removed.clear();
        const QString d = outbox.enqueueDecision(
            decision(QStringLiteral("RAW-C"), QStringLiteral("PASS"))); // bound to outbox lot c
        QVERIFY(outbox.discard(b, QStringLiteral("Registered again with the right weight.")));
        QTRY_COMPARE(lotCodes(model),
                     (QStringList{QStringLiteral("RAW-C"), QStringLiteral("RAW-C")}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.idAt(0), c);
        QCOMPARE(model.idAt(1), d);
        QCOMPARE(resets.size(), 0);
    }

    void needsAttentionOnlyIsTheOperatorsToDoList()
    {
        Outbox outbox(m_path);
        QVERIFY(outbox.isOpen());
        const QString a = outbox.enqueueLot(lot(QStringLiteral("RAW-A")));
        const QString b = outbox.enqueueLot(lot(QStringLiteral("RAW-B")));
        const QString c = outbox.enqueueLot(lot(QStringLiteral("RAW-C")));
        QCOMPARE(outbox.nextBatch(3).size(), 3);
        QVERIFY(outbox.markNeedsAttention(b, 409, QStringLiteral("Lot code RAW-B is taken.")));
        QVERIFY(outbox.markDone(c));

        OutboxModel model(&outbox);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(lotCodes(model), (QStringList{QStringLiteral("RAW-A"), QStringLiteral("RAW-B")}));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setNeedsAttentionOnly(true);
        QVERIFY(model.needsAttentionOnly());
        QCOMPARE(resets.size(), 1);
        QCOMPARE(lotCodes(model), (QStringList{QStringLiteral("RAW-B")}));
        model.setNeedsAttentionOnly(true); // unchanged: no reset
        QCOMPARE(resets.size(), 1);

        // Sent again: it leaves the to-do list.
        QVERIFY(outbox.resend(b));
        QTRY_COMPARE(model.rowCount(), 0);
        model.setNeedsAttentionOnly(false);
        QCOMPARE(lotCodes(model), (QStringList{QStringLiteral("RAW-A"), QStringLiteral("RAW-B")}));
        QCOMPARE(model.index(1, 0).data(OutboxModel::StateRole).toInt(), int(State::Pending));
        QCOMPARE(model.idAt(0), a);
    }

    void readsTheFileAfterARestart()
    {
        QString a;
        {
            Outbox outbox(m_path);
            QVERIFY(outbox.isOpen());
            a = outbox.enqueueLot(lot(QStringLiteral("RAW-A")));
            outbox.enqueueLot(lot(QStringLiteral("RAW-B")));
            QCOMPARE(outbox.nextBatch(1).size(), 1); // a in flight when the console dies
        }
        Outbox reopened(m_path);
        QVERIFY(reopened.isOpen());
        QCOMPARE(reopened.recoveredInFlight(), 1);
        OutboxModel model(&reopened);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(lotCodes(model), (QStringList{QStringLiteral("RAW-A"), QStringLiteral("RAW-B")}));
        QCOMPARE(model.index(0, 0).data(OutboxModel::StateRole).toInt(), int(State::Pending));
        QCOMPARE(model.idAt(0), a);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestOutboxModel)
#include "tst_outboxmodel.moc"
