#pragma once

#include "app/export/csvtable.h"
#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace flowviz::app {

// One downstream lot of a recall with its latest QC decision.
struct RecallRow
{
    QString code;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
    std::optional<Decimal> weightKg;
    int level = 0;
    std::optional<Decision> lastDecision;
    int lastGate = 0;
    QDateTime lastDecidedAt; // UTC; invalid when no decision
    QString lastDecidedBy;
};

// Every lot downstream of a suspect lot, for a recall: sorted by level, then code.
struct RecallReport
{
    QString suspectCode;
    std::optional<LotType> suspectType;
    std::optional<LotStatus> suspectStatus;
    QDateTime generatedAt; // UTC
    QString generatedBy;
    bool truncated = false; // the server did not return the whole graph
    QList<RecallRow> rows;

    void sort();
    // RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a BOM so spreadsheets
    // read it as UTF-8; one header row; ISO 8601 UTC times; exact decimals with '.'.
    QByteArray toCsv() const;
    bool writeCsv(const QString &path, QString *error = nullptr) const;

    CsvTable csvTable() const;
    static QStringList csvHeader();
    // One CSV field, quoted when it holds a comma, quote, CR or LF.
    static QString csvField(const QString &value);
};

} // namespace flowviz::app
