#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QTime>
#include <QUrl>

#include <optional>

namespace flowviz::app {

// What a workstation is configured with (Settings page); stored with QSettings.
struct ConsoleSettings
{
    Q_DECLARE_TR_FUNCTIONS(flowviz::app::ConsoleSettings)

public:
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
    // How long after their last online login here a user may still log in while the server
    // cannot be reached (0: never). IT sets it in the settings file ([session] offlineLoginDays);
    // it is not on the Settings page.
    int offlineLoginDays = 7;
    // Start times of the plant's shifts (Supervisor page, "this shift"): 1 to 4, strictly
    // increasing within a day; the last shift runs past midnight to the first start.
    QList<QTime> shiftStarts = defaultShiftStarts();

    QString workstationId() const { return site + workstation; } // e.g. "DUNA01"

    static ConsoleSettings load(); // from QSettings (organisation FlowViz)
    void save() const;

    static constexpr int kMaxShifts = 4;
    static QList<QTime> defaultShiftStarts() { return {QTime(6, 0), QTime(14, 0), QTime(22, 0)}; }
    // Why `starts` cannot be the plant's shifts, in the operator's words; nothing when they can.
    static std::optional<QString> checkShiftStarts(const QList<QTime> &starts);
    // "06:00, 14:00, 22:00" as typed on the Settings page (commas, semicolons or spaces
    // between times, "6:00" or "6" for 06:00): the times, or nothing with `error` set.
    static std::optional<QList<QTime>> parseShiftStarts(const QString &text, QString *error);
    static QString shiftStartsText(const QList<QTime> &starts); // "06:00, 14:00, 22:00"
};

} // namespace flowviz::app
