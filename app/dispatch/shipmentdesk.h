#pragma once

#include "domain/decimal.h"
#include "domain/wire/dispatch.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

namespace flowviz::app {

class ApiClient;
struct ApiError;

// Dispatch at the loading dock (ADMIN, MANAGER, OPERATOR): the open shipments, a new one for
// a customer, FG labels scanned onto the chosen one with the kilograms confirmed, a line taken
// off, the shipment dispatched. Online only: whether a lot may ship (RELEASED, its CCP records
// reviewed, kilograms left) is the server's to decide at the moment it goes on the shipment,
// and nothing here is queued to be sent later.
//
// A scanned lot is only looked up; it goes on the shipment when its kilograms are confirmed
// (addLine). Scanning another label before that replaces it, so a label scanned by mistake
// never becomes a line.
class ShipmentDesk : public QObject
{
    Q_OBJECT

public:
    struct Draft
    {
        QString reference;
        QString customerCode;
        QString shipToCode; // optional
        QDate shipDate;
        QString carrier; // optional
    };
    // Field (`reference`, `customer_code`, `ship_to_code`, `ship_date`, `carrier`,
    // `quantity_kg`, `lot_code`, or empty for the request as a whole) → a sentence in the
    // operator's language.
    using Messages = QMap<QString, QString>;
    // An OPEN shipment as the list shows it.
    struct OpenShipment
    {
        wire::Shipment shipment; // without its lines
        int lineCount = 0;
        Decimal totalKg;
    };

    explicit ShipmentDesk(ApiClient *api, QObject *parent = nullptr);

    QList<wire::Customer> customers() const { return m_customers; }
    // OPEN shipments, newest ship date first, without their lines.
    QList<OpenShipment> openShipments() const { return m_open; }
    // The chosen shipment with its lines.
    std::optional<wire::Shipment> current() const { return m_current; }
    // The scanned lot waiting for its kilograms to be confirmed.
    std::optional<QString> pendingLot() const { return m_pendingLot; }
    bool isBusy() const { return m_busy > 0; }

    // Customers and open shipments; the chosen shipment again.
    void reload();
    void select(const QString &reference);
    Messages validate(const Draft &draft) const;
    // Validates and sends; the new shipment becomes the chosen one.
    void open(const Draft &draft);
    // A label scanned (or a code typed): looks the lot up and, when it may go on the chosen
    // shipment, makes it the pending lot (lotReady()); otherwise failed() says why.
    void scan(const QString &code);
    // Puts the pending lot on the chosen shipment with the kilograms as typed (the locale's
    // decimal point or '.'); nothing is sent when they break a rule.
    void confirmLine(const QString &typedKg);
    void cancelPending();
    void removeLine(const QString &lotCode);
    void dispatchCurrent();

    // The operator's sentence for a refused or failed request about `lotCode` (may be empty).
    static QString errorMessage(const ApiError &error, const QString &lotCode = {});

signals:
    void loaded();
    void currentChanged();
    // The scanned lot may go on the shipment: confirm its kilograms (its weight, if known).
    void lotReady(const QString &lotCode, const std::optional<flowviz::Decimal> &weightKg);
    // A new shipment is on the server and is the chosen one.
    void opened(const QString &reference);
    void lineAdded(const QString &lotCode);
    void lineRemoved(const QString &lotCode);
    void dispatched(const QString &reference);
    void failed(const flowviz::app::ShipmentDesk::Messages &messages);

private:
    void finish();
    void setCurrent(const std::optional<wire::Shipment> &shipment);
    void fail(const ApiError &error, const QString &lotCode);

    ApiClient *m_api;
    QList<wire::Customer> m_customers;
    QList<OpenShipment> m_open;
    std::optional<wire::Shipment> m_current;
    std::optional<QString> m_pendingLot;
    quint64 m_scanSerial = 0; // only the newest scan's answer counts
    int m_busy = 0;
};

} // namespace flowviz::app
