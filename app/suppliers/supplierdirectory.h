#pragma once

#include "domain/wire/supplier.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

namespace flowviz::app {

class ApiClient;
struct ApiError;

// The plant's suppliers as managers keep them (ADMIN, MANAGER): the list from the server, a
// new supplier checked with the server's rules before it is sent, and a supplier switched
// off (no new receipts) or on again. Online only: a supplier is reference data the server
// owns, and the workstations' caches follow it.
class SupplierDirectory : public QObject
{
    Q_OBJECT

public:
    // A new supplier as typed: code, name, and optionally a multi-line address and a contact.
    struct Draft
    {
        QString code;
        QString name;
        QString address;
        QString contact;
    };
    // Field (`supplier_code`, `name`, `address`, `contact`, or empty for the request as a
    // whole) → a sentence in the operator's language.
    using Messages = QMap<QString, QString>;

    explicit SupplierDirectory(ApiClient *api, QObject *parent = nullptr);

    QList<wire::Supplier> suppliers() const { return m_suppliers; }
    bool isBusy() const { return m_busy > 0; }

    void reload();
    // The rules the server applies; empty when the draft may be sent.
    Messages validate(const Draft &draft) const;
    // Validates and sends; nothing is sent when the draft breaks a rule (failed() says why).
    void add(const Draft &draft);
    void setActive(const QString &code, bool active);

    // The operator's sentence for a refused or failed request.
    static QString errorMessage(const ApiError &error);

signals:
    void loaded();
    // A supplier was added or changed on the server.
    void saved(const QString &code);
    void failed(const flowviz::app::SupplierDirectory::Messages &messages);

private:
    void finish();

    ApiClient *m_api;
    QList<wire::Supplier> m_suppliers;
    int m_busy = 0;
};

} // namespace flowviz::app
