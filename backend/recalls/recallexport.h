#pragma once

#include "domain/wire/recall.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace flowviz::recalls {

// A critical tracking event of the recall's scope, with its key data elements (FSMA 204,
// 21 CFR 1.1345 to 1.1350): a receipt of a RAW lot in the set, the making of every other lot
// of the set, and every shipment line.
struct KdeEvent
{
    QString event; // RECEIVING, TRANSFORMATION, SHIPPING
    QString traceabilityLotCode;
    QString lotCodeSource; // who assigned the traceability lot code
    QString product;       // the lot's type
    std::optional<Decimal> quantityKg;
    QDate date;
    QString location; // where it came from (receiving) or went to (shipping)
    QString referenceDocument;
    QString inputLots; // transformation: the lots it was made from
    QString plantLotCode;
};

// The shipment lines of the recall, one CSV record each, with the customer to contact.
QByteArray recallCsv(const wire::Recall &recall);
// A workbook with the sheets Recall, Customers to contact, Shipments, Lots and FSMA 204 KDE;
// empty when the workbook could not be written (the caller answers 500).
QByteArray recallXlsx(const wire::Recall &recall, const QList<KdeEvent> &events);

// The FSMA 204 sortable spreadsheet of one product's events: as CSV (RFC 4180, one record an
// event), as JSON (one object an event) and as a workbook with the sheets Request and FSMA 204
// KDE (empty when it could not be written).
QByteArray kdeCsv(const QList<KdeEvent> &events);
QJsonObject kdeJson(const KdeEvent &event);
QByteArray kdeXlsx(const QString &product, const QDate &from, const QDate &to,
                   const QList<KdeEvent> &events);

} // namespace flowviz::recalls
