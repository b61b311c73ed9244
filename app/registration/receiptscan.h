#pragma once

#include "app/scan/gs1parser.h"

#include <QDate>
#include <QString>

#include <optional>

namespace flowviz::app {

// What a supplier's GS1 label says about a delivery: the trade item (AI 01), the supplier's
// lot (AI 10, exactly as printed), the expiry date (AI 17) and the count of trade units
// (AI 37). A member the label does not carry stays empty.
struct ReceiptScan
{
    QString gtin;
    QString supplierLotCode;
    std::optional<QDate> expiresOn;
    QString units; // digits as printed, leading zeros removed
    // AI 17 as printed when it is no real day (31 February): the label cannot be used as read.
    QString unreadableExpiry;

    // Whether the label carries anything a receipt holds.
    bool isEmpty() const
    {
        return gtin.isEmpty() && supplierLotCode.isEmpty() && !expiresOn && units.isEmpty() &&
               unreadableExpiry.isEmpty();
    }
};

// The receipt fields of a GS1 scan; empty for a plain one. The parser has already checked each
// element (GTIN check digit, date digits), so a scan that reaches here is well formed.
ReceiptScan receiptFromScan(const ScanResult &scan);

// A GS1 date YYMMDD as GS1 General Specifications 7.12 reads it: the century that puts the year
// within 49 years back and 50 ahead of `today`'s, and day 00 meaning the month's last day.
std::optional<QDate> gs1Date(QStringView yymmdd, const QDate &today);

} // namespace flowviz::app
