#pragma once

#include "app/dispatch/shipmentdesk.h"
#include "ui/common/fielderror.h"
#include "ui/common/pageframe.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace flowviz::ui {

// Dispatch at the loading dock: the open shipments, a form that opens a new one for a
// customer, and the chosen shipment: scan an FG label (or type its code), confirm its
// kilograms (the lot's weight is offered), and the lot is on the shipment; a line can be taken
// off; Dispatch needs a second touch within 10 seconds, which names what leaves. Every refusal
// (not released, not reviewed, more kilograms than are left, already on the shipment) is a
// sentence under the field it concerns; nothing is stored that was not confirmed.
class DispatchPage : public QWidget
{
    Q_OBJECT

public:
    explicit DispatchPage(app::ShipmentDesk *desk, QWidget *parent = nullptr);

    // For tests.
    QTableWidget *shipmentsTable() const { return m_shipments; }
    QTableWidget *linesTable() const { return m_lines; }
    QLineEdit *referenceEdit() const { return m_reference; }
    QComboBox *customerBox() const { return m_customer; }
    QComboBox *shipToBox() const { return m_shipTo; }
    QDateEdit *dateEdit() const { return m_date; }
    QLineEdit *carrierEdit() const { return m_carrier; }
    QPushButton *openButton() const { return m_open; }
    QLineEdit *lotEdit() const { return m_lot; }
    QLineEdit *quantityEdit() const { return m_quantity; }
    QPushButton *addLineButton() const { return m_addLine; }
    QPushButton *removeLineButton() const { return m_removeLine; }
    QPushButton *dispatchButton() const { return m_dispatch; }
    QLabel *currentLabel() const { return m_current; }
    // The inline message of a field (`reference`, `customer_code`, `ship_to_code`, `ship_date`,
    // `carrier`, `lot_code`, `quantity_kg`, or "" for the page), empty when none.
    QString message(const QString &field) const;
    // The last thing that went well ("Lot … is on shipment …"), empty after a refusal.
    QString notice() const;
    QStringList lineCodes() const;
    QStringList shipmentReferences() const;
    bool selectShipment(const QString &reference);

public slots:
    // A scanned label (the shell routes scans to the visible page).
    void handleScan(const QString &code);
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillShipments();
    void fillCustomers();
    void fillShipTo();
    void showCurrent();
    void showMessages(const app::ShipmentDesk::Messages &messages);
    void setNotice(const QString &text);
    void disarm();
    void dispatchTouched();
    void openShipment();
    void confirmLine();
    QString selectedLine() const;

    app::ShipmentDesk *m_desk;
    QLabel *m_title = nullptr;
    QLabel *m_openTitle = nullptr;
    QTableWidget *m_shipments = nullptr;
    QLabel *m_formTitle = nullptr;
    QMap<QString, QLabel *> m_captions;
    QLineEdit *m_reference = nullptr;
    QComboBox *m_customer = nullptr;
    QComboBox *m_shipTo = nullptr;
    QDateEdit *m_date = nullptr;
    QLineEdit *m_carrier = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_current = nullptr;
    QLineEdit *m_lot = nullptr;
    QLineEdit *m_quantity = nullptr;
    QPushButton *m_addLine = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_removeLine = nullptr;
    QPushButton *m_dispatch = nullptr;
    FieldMessages m_messages;
    PageFrame m_frame; // after m_messages: it adds the page message line
    QTimer m_disarm;
    bool m_armed = false;
    bool m_filling = false;
};

} // namespace flowviz::ui
