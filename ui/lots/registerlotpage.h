#pragma once

#include "app/registration/lotregistrar.h"

#include <QMap>
#include <QPointer>
#include <QSizeF>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QFont;
class QGroupBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;
class QVBoxLayout;

namespace flowviz::ui {

class StatusBadge;
class TemperatureBadge;

// Registers a lot at the workstation: type, weight, temperature with its profile badge,
// production run, parents scanned from their labels with the quantity drawn from each, and
// for a RAW lot its receipt (supplier, the supplier's lot code, GTIN, delivery note, days
// received and of expiry, trade units), typed or read from the supplier's GS1 label; one
// large Save that works offline. The saved lot shows as pending until it has reached the
// server, and its label can be printed at once.
class RegisterLotPage : public QWidget
{
    Q_OBJECT

public:
    explicit RegisterLotPage(app::LotRegistrar *registrar, QWidget *parent = nullptr);

    void setOperatorName(const QString &name) { m_operatorName = name; }
    void setLabelSizeMm(const QSizeF &sizeMm) { m_labelSizeMm = sizeMm; }

    // For the shell and tests.
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *lotCodeEdit() const { return m_code; }
    QLineEdit *weightEdit() const { return m_weight; }
    QLineEdit *temperatureEdit() const { return m_temperature; }
    QComboBox *runCombo() const { return m_run; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *printButton() const { return m_print; }
    TemperatureBadge *temperatureBadge() const { return m_badge; }
    StatusBadge *savedStatus() const { return m_savedStatus; }
    QTableWidget *parentsTable() const { return m_parents; }
    QGroupBox *receiptBox() const { return m_receiptBox; }
    QComboBox *supplierCombo() const { return m_supplier; }
    QLineEdit *supplierLotEdit() const { return m_supplierLot; }
    QLineEdit *gtinEdit() const { return m_gtin; }
    QLineEdit *deliveryNoteEdit() const { return m_deliveryNote; }
    QDateEdit *receivedOnEdit() const { return m_receivedOn; }
    QDateEdit *expiresOnEdit() const { return m_expiresOn; }
    QLineEdit *unitsEdit() const { return m_units; }
    // What the last label scan filled in, for the operator to check; empty when none.
    QString receiptScanText() const;
    // The inline message under a field ("weight_kg", "temperature_c", "lot_code", "run_code",
    // "parents", "scan", "save", "receipt" and "receipt.<member>"), empty when none.
    QString fieldError(const QString &field) const;
    QString lastLotCode() const { return m_lastCode; }
    // What became of the last lot saved here: saved, on the server, refused, discarded.
    QString savedText() const;
    QStringList parentCodes() const;
    // Sets the quantity drawn from a parent already in the list.
    bool setParentQuantity(const QString &code, const QString &kg);

public slots:
    // A scanned (or typed) parent lot code: added with its status, or refused with the reason.
    void handleScan(const QString &code);
    // A scan with its data: on a RAW lot, a supplier's GS1 label (AIs 01, 10, 17, 37) fills the
    // receipt, replacing every label field (one left empty when the label lacks it, so that
    // two labels never mix); anything else is handleScan(code).
    void handleLabelScan(const QString &code, const QString &raw);
    void save();
    void printLabel();
    void reloadRuns();
    void reloadSuppliers();

signals:
    void lotSaved(const QString &lotCode);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's parts, top to bottom.
    void buildForm(QVBoxLayout *layout);
    void buildReceipt(QVBoxLayout *layout);
    void buildParents(QVBoxLayout *layout, const QFont &big);
    void buildSaveRow(QVBoxLayout *layout, const QFont &big);
    void connectRegistrar();
    void retranslateUi();
    void updateBadge();
    void updateReceiptVisibility();
    std::optional<app::LotDraft::Receipt> receiptDraft() const;
    void clearLabelFields();
    void showErrors(const app::FieldMessages &errors);
    void setError(const QString &field, const QString &message);
    void addParentRow(const app::ParentCheck &check);
    void fitParentColumns();
    void updateSaved();

    app::LotRegistrar *m_registrar;
    QString m_operatorName;
    QSizeF m_labelSizeMm = QSizeF(100, 50);

    QScrollArea *m_scroll = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_weight = nullptr;
    QLineEdit *m_temperature = nullptr;
    TemperatureBadge *m_badge = nullptr;
    QComboBox *m_run = nullptr;
    QGroupBox *m_receiptBox = nullptr;
    QComboBox *m_supplier = nullptr;
    QLineEdit *m_supplierLot = nullptr;
    QLineEdit *m_gtin = nullptr;
    QLineEdit *m_deliveryNote = nullptr;
    QDateEdit *m_receivedOn = nullptr;
    QDateEdit *m_expiresOn = nullptr;
    QLineEdit *m_units = nullptr;
    QLabel *m_receiptScan = nullptr;
    QMap<QString, QLabel *> m_receiptLabels; // field → its caption
    QLabel *m_parentsTitle = nullptr;
    QLabel *m_parentsHint = nullptr;
    QTableWidget *m_parents = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_savedText = nullptr;
    StatusBadge *m_savedStatus = nullptr;
    QPushButton *m_print = nullptr;
    QMap<QString, QLabel *> m_errors;
    QString m_lastCode;
    QString m_lastOutboxId;
};

} // namespace flowviz::ui
