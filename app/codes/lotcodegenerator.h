#pragma once

#include "domain/enums.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace flowviz::app {

// Issues lot codes offline: `{TYPE}-{YYYYMMDD}-{SITE}{WS}-{SEQ}`, e.g.
// `BULK-20260114-DUNA01-0001`. The site and workstation make a code unique without the server;
// the sequence lives in a small SQLite table and is committed before a code is handed out, so
// a code is never issued twice, not even after a crash.
//
// The workstation id has a fixed width (kWorkstationLength) so that SITE+WS splits one way
// only: with variable widths "DUN"+"A01" and "DUNA"+"01" would print the same code.
class LotCodeGenerator
{
    Q_DECLARE_TR_FUNCTIONS(LotCodeGenerator)

public:
    static constexpr int kSiteMinLength = 2;
    static constexpr int kSiteMaxLength = 8;
    static constexpr int kWorkstationLength = 2;
    static constexpr int kSequenceMinDigits = 4;

    // Opens (and creates) the sequence table in `databasePath`. `site` and `workstation` are
    // trimmed and upper-cased; check isValid()/errorString() afterwards.
    LotCodeGenerator(const QString &databasePath, const QString &site, const QString &workstation,
                     const QTimeZone &plantTimeZone = QTimeZone::systemTimeZone());
    ~LotCodeGenerator();
    LotCodeGenerator(const LotCodeGenerator &) = delete;
    LotCodeGenerator &operator=(const LotCodeGenerator &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString site() const { return m_site; }
    QString workstation() const { return m_workstation; }
    QTimeZone plantTimeZone() const { return m_timeZone; }

    // The next code for a lot of `type` made at `now` (dated in the plant's time zone), or
    // nullopt with errorString() set when the sequence could not be stored.
    std::optional<QString> next(LotType type,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The last sequence number issued by this site+workstation (0 before the first code).
    qint64 lastSequence() const;

    // A sentence saying what is wrong with a site / workstation id, or nullopt when it is fine.
    static std::optional<QString> checkSite(const QString &site);
    static std::optional<QString> checkWorkstation(const QString &workstation);
    static QString format(LotType type, const QDate &date, const QString &site,
                          const QString &workstation, qint64 sequence);

private:
    QString m_connection;
    QString m_site;
    QString m_workstation;
    QTimeZone m_timeZone;
    QString m_error;
};

} // namespace flowviz::app
