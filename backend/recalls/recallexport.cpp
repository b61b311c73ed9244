#include "backend/recalls/recallexport.h"

#include "backend/api/csv.h"

#include "domain/wire/jsonfields.h"

#include <QDateTime>
#include <QFile>
#include <QJsonValue>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <functional>
#include <memory>

namespace flowviz::recalls {

namespace {

QString kg(const Decimal &d)
{
    return d.toString();
}

QString day(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// One sheet written row by row: text as text (never a formula), kilograms as numbers.
class Sheet
{
public:
    Sheet(lxw_workbook *book, const char *name, const QStringList &header, lxw_format *bold,
          lxw_format *kg)
        : m_sheet(workbook_add_worksheet(book, name)), m_kg(kg)
    {
        for (int c = 0; c < header.size(); ++c) {
            worksheet_write_string(m_sheet, 0, lxw_col_t(c), header[c].toUtf8().constData(), bold);
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), 18, nullptr);
        }
        m_columns = int(header.size());
        worksheet_freeze_panes(m_sheet, 1, 0);
    }
    ~Sheet()
    {
        // Sortable and filterable, as FSMA 204 asks of the spreadsheet.
        if (m_row > 0)
            worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(m_row), lxw_col_t(m_columns - 1));
    }
    void next()
    {
        ++m_row;
        m_col = 0;
    }
    Sheet &text(const QString &value)
    {
        if (!value.isEmpty())
            worksheet_write_string(m_sheet, lxw_row_t(m_row), lxw_col_t(m_col),
                                   value.left(32767).toUtf8().constData(), nullptr);
        ++m_col;
        return *this;
    }
    Sheet &text(const std::optional<QString> &value) { return text(value.value_or(QString())); }
    Sheet &number(const std::optional<Decimal> &value)
    {
        if (value)
            worksheet_write_number(m_sheet, lxw_row_t(m_row), lxw_col_t(m_col),
                                   value->toString().toDouble(), m_kg);
        ++m_col;
        return *this;
    }
    Sheet &integer(int value)
    {
        worksheet_write_number(m_sheet, lxw_row_t(m_row), lxw_col_t(m_col), value, nullptr);
        ++m_col;
        return *this;
    }

private:
    lxw_worksheet *m_sheet;
    lxw_format *m_kg;
    int m_row = 0;
    int m_col = 0;
    int m_columns = 0;
};

// A sheet of named values, one a row.
void fieldSheet(lxw_workbook *book, const char *name,
                const QList<std::pair<QString, QString>> &fields, lxw_format *bold,
                lxw_format *kgFormat)
{
    Sheet s(book, name, {QStringLiteral("Field"), QStringLiteral("Value")}, bold, kgFormat);
    for (const auto &[field, value] : fields) {
        s.next();
        s.text(field).text(value);
    }
}

// The key data elements as FSMA 204 lists them, one event a row.
void kdeSheet(lxw_workbook *book, const QList<KdeEvent> &events, lxw_format *bold,
              lxw_format *kgFormat)
{
    Sheet s(book, "FSMA 204 KDE",
            {QStringLiteral("Event"), QStringLiteral("Traceability lot code"),
             QStringLiteral("Traceability lot code source"), QStringLiteral("Product"),
             QStringLiteral("Quantity"), QStringLiteral("Unit of measure"), QStringLiteral("Date"),
             QStringLiteral("Location"), QStringLiteral("Reference document"),
             QStringLiteral("Input lots"), QStringLiteral("Plant lot code")},
            bold, kgFormat);
    for (const KdeEvent &e : events) {
        s.next();
        s.text(e.event).text(e.traceabilityLotCode).text(e.lotCodeSource).text(e.product);
        s.number(e.quantityKg).text(e.quantityKg ? QStringLiteral("kg") : QString());
        s.text(day(e.date)).text(e.location).text(e.referenceDocument).text(e.inputLots);
        s.text(e.plantLotCode);
    }
}

// A workbook written into a temporary directory and read back whole; `fill` adds its sheets
// (bold headers, kilograms with two decimals). Empty when it could not be written.
QByteArray workbook(const std::function<void(lxw_workbook *, lxw_format *, lxw_format *)> &fill)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return {};
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("book.xlsx")));
    const QByteArray tmp = QFile::encodeName(dir.path());
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char *>(tmp.constData());
    lxw_workbook *book = workbook_new_opt(path.constData(), &options);
    if (!book)
        return {};
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *kgFormat = workbook_add_format(book);
    format_set_num_format(kgFormat, "0.00");
    fill(book, bold, kgFormat);
    if (workbook_close(book) != LXW_NO_ERROR)
        return {};
    QFile file(QString::fromLocal8Bit(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QByteArray recallCsv(const wire::Recall &recall)
{
    QByteArray out = api::csvRecord(
        {QStringLiteral("recall"), QStringLiteral("customer_code"), QStringLiteral("customer_name"),
         QStringLiteral("contact"), QStringLiteral("address"), QStringLiteral("ship_to_code"),
         QStringLiteral("ship_to_address"), QStringLiteral("shipment_reference"),
         QStringLiteral("ship_date"), QStringLiteral("shipment_status"), QStringLiteral("carrier"),
         QStringLiteral("lot_code"), QStringLiteral("quantity_kg")});
    QHash<QString, const wire::RecallCustomer *> customers;
    for (const wire::RecallCustomer &c : recall.customers)
        customers.insert(c.customerCode, &c);
    for (const wire::RecallLine &l : recall.shipments) {
        const wire::RecallCustomer *c = customers.value(l.customerCode);
        out +=
            api::csvRecord({recall.reference, l.customerCode, l.customerName,
                            c ? c->contact.value_or(QString()) : QString(),
                            c ? c->address.value_or(QString()) : QString(),
                            l.shipToCode.value_or(QString()), l.shipToAddress.value_or(QString()),
                            l.shipmentReference, day(l.shipDate), toString(l.shipmentStatus),
                            l.carrier.value_or(QString()), l.lotCode, kg(l.quantityKg)});
    }
    return out;
}

QByteArray recallXlsx(const wire::Recall &recall, const QList<KdeEvent> &events)
{
    return workbook([&](lxw_workbook *book, lxw_format *bold, lxw_format *kgFormat) {
        {
            const QList<std::pair<QString, QString>> fields{
                {QStringLiteral("Recall"), recall.reference},
                {QStringLiteral("Recalled lot"), recall.lotCode},
                {QStringLiteral("Lot type"), toString(recall.lotType)},
                {QStringLiteral("Reason"), recall.reason},
                {QStringLiteral("Status"), toString(recall.status)},
                {QStringLiteral("Opened by"), recall.openedBy},
                {QStringLiteral("Opened at (UTC)"),
                 recall.openedAt.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("Trace time (ms)"), recall.traceMs.toString()},
                {QStringLiteral("Lots affected"), QString::number(recall.lotCount)},
                {QStringLiteral("Lots put on HOLD"), QString::number(recall.heldCount)},
                {QStringLiteral("Customers"), QString::number(recall.customerCount)},
                {QStringLiteral("Dispatched (kg)"), recall.dispatchedKg.toString()},
                {QStringLiteral("Closed by"), recall.closedBy.value_or(QString())},
                {QStringLiteral("Closing note"), recall.closeNote.value_or(QString())}};
            fieldSheet(book, "Recall", fields, bold, kgFormat);
        }
        {
            Sheet s(book, "Customers to contact",
                    {QStringLiteral("Customer code"), QStringLiteral("Name"),
                     QStringLiteral("Contact"), QStringLiteral("Address"),
                     QStringLiteral("Shipments"), QStringLiteral("Lots"),
                     QStringLiteral("Quantity (kg)"), QStringLiteral("Dispatched")},
                    bold, kgFormat);
            for (const wire::RecallCustomer &c : recall.customers) {
                s.next();
                s.text(c.customerCode).text(c.name).text(c.contact).text(c.address);
                s.integer(c.shipments).integer(c.lots).number(c.quantityKg);
                s.text(c.dispatched ? QStringLiteral("yes") : QStringLiteral("no"));
            }
        }
        {
            Sheet s(book, "Shipments",
                    {QStringLiteral("Shipment"), QStringLiteral("Ship date"),
                     QStringLiteral("Status"), QStringLiteral("Customer code"),
                     QStringLiteral("Customer"), QStringLiteral("Ship-to code"),
                     QStringLiteral("Ship-to address"), QStringLiteral("Carrier"),
                     QStringLiteral("Lot code"), QStringLiteral("Quantity (kg)")},
                    bold, kgFormat);
            for (const wire::RecallLine &l : recall.shipments) {
                s.next();
                s.text(l.shipmentReference).text(day(l.shipDate)).text(toString(l.shipmentStatus));
                s.text(l.customerCode)
                    .text(l.customerName)
                    .text(l.shipToCode)
                    .text(l.shipToAddress);
                s.text(l.carrier).text(l.lotCode).number(l.quantityKg);
            }
        }
        {
            Sheet s(book, "Lots",
                    {QStringLiteral("Lot code"), QStringLiteral("Lot type"),
                     QStringLiteral("Level"), QStringLiteral("Status before"),
                     QStringLiteral("Status now"), QStringLiteral("Put on HOLD"),
                     QStringLiteral("Weight (kg)"), QStringLiteral("Dispatched (kg)")},
                    bold, kgFormat);
            for (const wire::RecallLot &l : recall.lots) {
                s.next();
                s.text(l.lotCode).text(toString(l.lotType)).integer(l.level);
                s.text(toString(l.statusBefore)).text(toString(l.status));
                s.text(l.held ? QStringLiteral("yes") : QStringLiteral("no"));
                s.number(l.weightKg).number(l.shippedKg);
            }
        }
        kdeSheet(book, events, bold, kgFormat);
    });
}

QByteArray kdeCsv(const QList<KdeEvent> &events)
{
    QByteArray out = api::csvRecord(
        {QStringLiteral("event"), QStringLiteral("traceability_lot_code"),
         QStringLiteral("traceability_lot_code_source"), QStringLiteral("product"),
         QStringLiteral("quantity"), QStringLiteral("unit_of_measure"), QStringLiteral("date"),
         QStringLiteral("location"), QStringLiteral("reference_document"),
         QStringLiteral("input_lots"), QStringLiteral("plant_lot_code")});
    for (const KdeEvent &e : events)
        out += api::csvRecord({e.event, e.traceabilityLotCode, e.lotCodeSource, e.product,
                               e.quantityKg ? kg(*e.quantityKg) : QString(),
                               e.quantityKg ? QStringLiteral("kg") : QString(), day(e.date),
                               e.location, e.referenceDocument, e.inputLots, e.plantLotCode});
    return out;
}

QJsonObject kdeJson(const KdeEvent &e)
{
    return {{QStringLiteral("event"), e.event},
            {QStringLiteral("traceability_lot_code"), e.traceabilityLotCode},
            {QStringLiteral("traceability_lot_code_source"), e.lotCodeSource},
            {QStringLiteral("product"), e.product},
            {QStringLiteral("quantity_kg"), wire::decimalJson(e.quantityKg)},
            {QStringLiteral("date"), day(e.date)},
            {QStringLiteral("location"), e.location},
            {QStringLiteral("reference_document"), e.referenceDocument},
            {QStringLiteral("input_lots"), e.inputLots},
            {QStringLiteral("plant_lot_code"), e.plantLotCode}};
}

QByteArray kdeXlsx(const QString &product, const QDate &from, const QDate &to,
                   const QList<KdeEvent> &events)
{
    return workbook([&](lxw_workbook *book, lxw_format *bold, lxw_format *kgFormat) {
        fieldSheet(book, "Request",
                   {{QStringLiteral("Product"), product},
                    {QStringLiteral("From (UTC day)"), day(from)},
                    {QStringLiteral("To (UTC day)"), day(to)},
                    {QStringLiteral("Events"), QString::number(events.size())},
                    {QStringLiteral("Written at (UTC)"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}},
                   bold, kgFormat);
        kdeSheet(book, events, bold, kgFormat);
    });
}

} // namespace flowviz::recalls
