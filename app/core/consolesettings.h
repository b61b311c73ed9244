#pragma once

#include <QSizeF>
#include <QString>
#include <QUrl>

namespace flowviz::app {

// What a workstation is configured with (Settings page); stored with QSettings.
struct ConsoleSettings
{
    QUrl serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8000"));
    QString caFile;                             // PEM bundle for https; empty: system trust
    QString site = QStringLiteral("PLANT");     // 2-8 of A-Z 0-9
    QString workstation = QStringLiteral("01"); // exactly 2 of A-Z 0-9
    QString language = QStringLiteral("en");    // "en" or "hu"
    QString labelPrinter;                       // empty: ask / PDF
    QSizeF labelSizeMm = QSizeF(100, 50);
    QString scannerPrefix;
    QString scannerSuffix;
    int idleLockMinutes = 5;

    QString workstationId() const { return site + workstation; } // e.g. "DUNA01"

    static ConsoleSettings load(); // from QSettings (organisation FlowViz)
    void save() const;
};

} // namespace flowviz::app
