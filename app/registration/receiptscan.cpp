#include "app/registration/receiptscan.h"

namespace flowviz::app {

std::optional<QDate> gs1Date(QStringView yymmdd, const QDate &today)
{
    if (yymmdd.size() != 6)
        return std::nullopt;
    for (const QChar c : yymmdd)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    const int yy = yymmdd.left(2).toInt();
    const int mm = yymmdd.mid(2, 2).toInt();
    const int dd = yymmdd.mid(4, 2).toInt();
    const int currentCentury = today.year() / 100 * 100;
    const int difference = yy - today.year() % 100;
    int year = currentCentury + yy;
    if (difference >= 51)
        year -= 100;
    else if (difference <= -50)
        year += 100;
    if (mm < 1 || mm > 12)
        return std::nullopt;
    const QDate first(year, mm, 1);
    const QDate date = dd == 0 ? QDate(year, mm, first.daysInMonth()) : QDate(year, mm, dd);
    return date.isValid() ? std::optional(date) : std::nullopt;
}

ReceiptScan receiptFromScan(const ScanResult &scan)
{
    ReceiptScan r;
    if (scan.format != ScanResult::Format::Gs1)
        return r;
    r.gtin = scan.value(u"01");
    r.supplierLotCode = scan.value(u"10");
    if (const QString expiry = scan.value(u"17"); !expiry.isEmpty()) {
        r.expiresOn = gs1Date(expiry, QDate::currentDate());
        if (!r.expiresOn)
            r.unreadableExpiry = expiry;
    }
    QString units = scan.value(u"37");
    while (units.size() > 1 && units.front() == u'0')
        units.remove(0, 1);
    r.units = units;
    return r;
}

} // namespace flowviz::app
