#include "ui/sync/correctiondialog.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QTest>

using flowviz::ui::CorrectionDialog;

namespace {

// The JSON text written for one value: what the server receives.
QByteArray jsonText(const QJsonValue &v)
{
    const QByteArray doc = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

} // namespace

// Correcting a refused outbox item: plain fields are edited and sent again; a signed QC
// decision is shown read-only, because any change would break its signature.
class TestCorrectionDialog : public QObject
{
    Q_OBJECT

private slots:
    // Finding 8: a lot refused for a parent on HOLD can be corrected here: the parent is
    // removed or replaced by another lot, and the kilograms taken changed (exactly as typed).
    void parentsCanBeChangedOrRemoved()
    {
        const QJsonObject payload{
            {QStringLiteral("id"), QStringLiteral("a-b")},
            {QStringLiteral("lot_code"), QStringLiteral("DEB-1")},
            {QStringLiteral("weight_kg"), QStringLiteral("30.00")},
            {QStringLiteral("parents"),
             QJsonArray{QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("RAW-HELD")},
                                    {QStringLiteral("quantity_used_kg"), QStringLiteral("20.00")}},
                        QJsonObject{{QStringLiteral("lot_code"), QStringLiteral("RAW-OK")},
                                    {QStringLiteral("quantity_used_kg"), 10.5}}}}};
        CorrectionDialog dialog(payload, QStringLiteral("Parent lot RAW-HELD is on HOLD."));
        QCOMPARE(dialog.parentCount(), 2);
        QCOMPARE(dialog.parentCodeEdit(0)->text(), QStringLiteral("RAW-HELD"));
        QCOMPARE(dialog.parentQuantityEdit(1)->text(), QStringLiteral("10.5"));
        // Unchanged, the parents go out as they came.
        QCOMPARE(dialog.payload().value(QStringLiteral("parents")).toArray().size(), 2);

        dialog.parentCodeEdit(0)->setText(QStringLiteral(" RAW-OTHER "));
        dialog.parentQuantityEdit(0)->setText(QStringLiteral("19.95"));
        QJsonArray parents = dialog.payload().value(QStringLiteral("parents")).toArray();
        QCOMPARE(parents.at(0).toObject().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("RAW-OTHER"));
        QCOMPARE(jsonText(parents.at(0).toObject().value(QStringLiteral("quantity_used_kg"))),
                 QByteArray("19.95"));

        QTest::mouseClick(dialog.parentRemoveButton(0), Qt::LeftButton);
        QVERIFY(!dialog.parentCodeEdit(0)->isEnabled());
        parents = dialog.payload().value(QStringLiteral("parents")).toArray();
        QCOMPARE(parents.size(), 1);
        QCOMPARE(parents.at(0).toObject().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("RAW-OK"));
        // Taken back: it is sent again.
        QTest::mouseClick(dialog.parentRemoveButton(0), Qt::LeftButton);
        QCOMPARE(dialog.payload().value(QStringLiteral("parents")).toArray().size(), 2);

        // Kilograms that cannot be read exactly keep the dialog open with a message.
        dialog.parentQuantityEdit(1)->setText(QStringLiteral("1,250"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("numberError"));
        QVERIFY(error && !error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("RAW-OK")), qPrintable(error->text()));
        dialog.parentQuantityEdit(1)->setText(QStringLiteral("1.25"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void editsThePlainFields()
    {
        const QJsonObject payload{{QStringLiteral("id"), QStringLiteral("a-b")},
                                  {QStringLiteral("lot_code"), QStringLiteral("BULK-1")},
                                  {QStringLiteral("notes"), QStringLiteral("old notes here")}};
        CorrectionDialog dialog(payload, QStringLiteral("No lot BULK-1 is registered."));
        QVERIFY(!dialog.field(QStringLiteral("id"))); // identities are never edited
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("signedNote")));
        dialog.field(QStringLiteral("lot_code"))->setText(QStringLiteral("BULK-2"));
        QCOMPARE(dialog.payload().value(QStringLiteral("lot_code")).toString(),
                 QStringLiteral("BULK-2"));
        QVERIFY(dialog.findChild<QDialogButtonBox *>()->buttons().first()->isEnabled());
    }

    // Numbers are shown and read as the operator types them here, and exactly: "12,35" in
    // Hungarian is 12.35, never refused or rounded through binary floating point; a group
    // separator is refused with a message and the dialog stays open.
    void numbersAreExactAndInTheLocalesFormat()
    {
        const QLocale previous;
        const auto restore = qScopeGuard([previous] { QLocale::setDefault(previous); });
        QLocale::setDefault(QLocale(QLocale::Hungarian, QLocale::Hungary));
        const QJsonObject payload{{QStringLiteral("id"), QStringLiteral("a-b")},
                                  {QStringLiteral("lot_code"), QStringLiteral("BULK-1")},
                                  {QStringLiteral("weight_kg"), 12.5},
                                  {QStringLiteral("temperature_c"), -18.0},
                                  {QStringLiteral("gate_number"), 3}};
        CorrectionDialog dialog(payload, QStringLiteral("Weight must be between 0 and 10000 kg."));
        QCOMPARE(dialog.field(QStringLiteral("weight_kg"))->text(), QStringLiteral("12,5"));
        QCOMPARE(dialog.field(QStringLiteral("temperature_c"))->text(), QStringLiteral("-18"));
        dialog.field(QStringLiteral("weight_kg"))->setText(QStringLiteral("12,35"));
        dialog.field(QStringLiteral("temperature_c"))->setText(QStringLiteral("\u221218,5"));
        QJsonObject out = dialog.payload();
        QCOMPARE(jsonText(out.value(QStringLiteral("weight_kg"))), QByteArray("12.35"));
        QCOMPARE(jsonText(out.value(QStringLiteral("temperature_c"))), QByteArray("-18.5"));
        QCOMPARE(jsonText(out.value(QStringLiteral("gate_number"))), QByteArray("3"));
        dialog.field(QStringLiteral("weight_kg"))->setText(QStringLiteral("0.1"));
        QCOMPARE(jsonText(dialog.payload().value(QStringLiteral("weight_kg"))), QByteArray("0.1"));

        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        dialog.field(QStringLiteral("weight_kg"))->setText(QStringLiteral("1,250"));
        dialog.field(QStringLiteral("temperature_c"))->setText(QStringLiteral("-18.5"));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible()); // not sent: the number is refused, not guessed
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("numberError"));
        QVERIFY(error && error->isVisibleTo(&dialog));
        QVERIFY2(error->text().contains(QStringLiteral("1,250")), qPrintable(error->text()));
        dialog.field(QStringLiteral("weight_kg"))->setText(QStringLiteral("1250"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(jsonText(dialog.payload().value(QStringLiteral("weight_kg"))), QByteArray("1250"));
    }

    void aSignedDecisionIsReadOnly()
    {
        const QJsonObject payload{
            {QStringLiteral("id"), QStringLiteral("a-b")},
            {QStringLiteral("lot_code"), QStringLiteral("FRZ-1")},
            {QStringLiteral("decision"), QStringLiteral("FAIL")},
            {QStringLiteral("notes"), QStringLiteral("Core temperature too high")},
            {QStringLiteral("corrective_action"), QStringLiteral("Lot quarantined")},
            {QStringLiteral("signature"),
             QJsonObject{{QStringLiteral("signer"), QStringLiteral("operator")}}}};
        CorrectionDialog dialog(payload, QStringLiteral("signature"));
        const auto *note = dialog.findChild<QLabel *>(QStringLiteral("signedNote"));
        QVERIFY(note);
        QVERIFY(note->text().contains(QStringLiteral("signed")));
        QVERIFY(dialog.field(QStringLiteral("notes"))->isReadOnly());
        QVERIFY(dialog.field(QStringLiteral("corrective_action"))->isReadOnly());
        QCOMPARE(CorrectionDialog::fieldLabel(QStringLiteral("corrective_action")),
                 QStringLiteral("Corrective action:"));
        for (QAbstractButton *b : dialog.findChild<QDialogButtonBox *>()->buttons()) {
            if (dialog.findChild<QDialogButtonBox *>()->buttonRole(b) ==
                QDialogButtonBox::AcceptRole)
                QVERIFY(!b->isEnabled());
        }
        QCOMPARE(dialog.payload(), payload);
    }
};

QTEST_MAIN(TestCorrectionDialog)
#include "tst_correctiondialog.moc"
