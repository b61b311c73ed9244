#include "ui/recalls/recallrecordpdf.h"

#include "ui/trace/recallpdfwriter.h"

#include "app/core/domainlabels.h"
#include "app/registration/rulemessages.h"

#include <QLocale>

namespace flowviz::ui {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString kg(const Decimal &d)
{
    return QLocale().toString(d.toString().toDouble(), 'f', 2);
}

QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

// A table: a header row, then one row of escaped cells each.
QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QString h = QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' "
                               "width='100%'><tr>");
    for (const QString &c : header)
        h += QStringLiteral("<th>%1</th>").arg(esc(c));
    h += QStringLiteral("</tr>");
    for (const QStringList &row : rows) {
        h += QStringLiteral("<tr>");
        for (const QString &c : row)
            h += QStringLiteral("<td>%1</td>").arg(esc(c));
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

} // namespace

QString RecallRecordPdf::html(const wire::Recall &r, const QString &printedBy,
                              const QDateTime &printedAt)
{
    const QString yes = tr("yes");
    const QString no = tr("no");
    QString h;
    h += QStringLiteral("<h1>%1</h1>")
             .arg(esc(r.drill ? tr("Trace test (drill) %1").arg(r.reference)
                              : tr("Recall %1").arg(r.reference)));
    const QString status = r.status == RecallStatus::OPEN ? tr("open") : tr("closed");
    const QList<std::pair<QString, QString>> fields{
        {tr("Recalled lot"),
         r.lotCode + QStringLiteral(" — ") + app::DomainLabels::lotType(r.lotType)},
        {tr("Reason"), r.reason},
        {tr("Status"), status},
        {tr("Opened"), when(r.openedAt) + QStringLiteral(", ") + r.openedBy},
        {tr("Time to trace"), tr("%1 ms").arg(app::RuleMessages::asTyped(r.traceMs.toString()))},
        {tr("Lots in the set"), QString::number(r.lotCount)},
        {tr("Put on HOLD by this recall"), QString::number(r.heldCount)},
        {tr("Customers to contact"), QString::number(r.customerCount)},
        {tr("Dispatched to customers"), tr("%1 kg").arg(kg(r.dispatchedKg))},
        {tr("Closed"),
         r.closedAt ? when(*r.closedAt) + QStringLiteral(", ") + r.closedBy.value_or(QString())
                    : tr("not yet")},
        {tr("Closing note"), r.closeNote.value_or(QString())},
        {tr("Printed"), when(printedAt) + QStringLiteral(", ") + printedBy}};
    h += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const auto &[name, value] : fields)
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
    h += QStringLiteral("</table>");
    if (r.drill)
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(tr("A drill puts nothing on HOLD: it shows what a recall of this lot "
                             "would reach.")));

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Customers to contact")));
    QList<QStringList> customers;
    for (const wire::RecallCustomer &c : r.customers)
        customers.append({c.customerCode, c.name, c.contact.value_or(QString()),
                          c.address.value_or(QString()), QString::number(c.shipments),
                          QString::number(c.lots), kg(c.quantityKg), c.dispatched ? yes : no});
    h += customers.isEmpty()
             ? QStringLiteral("<p>%1</p>").arg(esc(tr("None: nothing of the set was shipped.")))
             : table({tr("Customer"), tr("Name"), tr("Contact"), tr("Address"), tr("Shipments"),
                      tr("Lots"), tr("kg"), tr("Left the plant")},
                     customers);

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Shipment lines")));
    QList<QStringList> lines;
    for (const wire::RecallLine &l : r.shipments) {
        const QString state = l.shipmentStatus == ShipmentStatus::DISPATCHED ? tr("dispatched")
                              : l.shipmentStatus == ShipmentStatus::OPEN     ? tr("open")
                                                                             : tr("cancelled");
        QString shipTo = l.shipToCode.value_or(QString());
        if (l.shipToAddress)
            shipTo += (shipTo.isEmpty() ? QString() : QStringLiteral(", ")) + *l.shipToAddress;
        lines.append({l.shipmentReference, QLocale().toString(l.shipDate, QLocale::ShortFormat),
                      state, l.customerCode, shipTo, l.carrier.value_or(QString()), l.lotCode,
                      kg(l.quantityKg)});
    }
    if (!lines.isEmpty())
        h += table({tr("Shipment"), tr("Ship date"), tr("Status then"), tr("Customer"),
                    tr("Ship-to"), tr("Carrier"), tr("Lot"), tr("kg")},
                   lines);

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Lots")));
    QList<QStringList> lots;
    for (const wire::RecallLot &l : r.lots)
        lots.append({QString::number(l.level), l.lotCode, app::DomainLabels::lotType(l.lotType),
                     app::DomainLabels::lotStatus(l.statusBefore),
                     app::DomainLabels::lotStatus(l.status), l.held ? yes : no,
                     l.weightKg ? kg(*l.weightKg) : QString(), kg(l.shippedKg)});
    h += table({tr("Level"), tr("Lot"), tr("Type"), tr("Status then"), tr("Status now"),
                tr("Put on HOLD"), tr("Weight (kg)"), tr("Dispatched (kg)")},
               lots);
    return h;
}

bool RecallRecordPdf::write(const wire::Recall &recall, const QString &printedBy,
                            const QString &path, QString *error)
{
    const QString title = recall.drill ? tr("Trace test (drill) %1").arg(recall.reference)
                                       : tr("Recall %1").arg(recall.reference);
    return RecallPdfWriter::writeHtml(
        title, html(recall, printedBy, QDateTime::currentDateTimeUtc()), path, error);
}

QString RecallRecordPdf::fileName(const wire::Recall &recall)
{
    return QStringLiteral("flowviz-recall-%1.pdf").arg(recall.reference);
}

} // namespace flowviz::ui
