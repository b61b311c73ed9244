#include "sync/correctiondialog.h"

#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using flowviz::ui::CorrectionDialog;

// Correcting a refused outbox item: plain fields are edited and sent again; a signed QC
// decision is shown read-only, because any change would break its signature.
class TestCorrectionDialog : public QObject
{
    Q_OBJECT

private slots:
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
