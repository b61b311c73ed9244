#include "app/codes/lotcodegenerator.h"

#include "domain/validation.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace flowviz::app {

namespace {

bool isCodeChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool allCodeChars(const QString &s)
{
    for (const QChar c : s) {
        if (!isCodeChar(c))
            return false;
    }
    return true;
}

QString normalized(const QString &s)
{
    return s.trimmed().toUpper();
}

} // namespace

LotCodeGenerator::LotCodeGenerator(const QString &databasePath, const QString &site,
                                   const QString &workstation, const QTimeZone &plantTimeZone)
    : m_connection(QStringLiteral("flowviz-lotcodes-") +
                   QUuid::createUuid().toString(QUuid::Id128)),
      m_site(normalized(site)), m_workstation(normalized(workstation)), m_timeZone(plantTimeZone)
{
    if (!m_timeZone.isValid())
        m_timeZone = QTimeZone::systemTimeZone();
    if (const auto e = checkSite(m_site)) {
        m_error = *e;
        return;
    }
    if (const auto e = checkWorkstation(m_workstation)) {
        m_error = *e;
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        m_error = tr("The lot code sequence file %1 cannot be opened: %2")
                      .arg(databasePath, db.lastError().text());
        return;
    }
    QSqlQuery q(db);
    const char *setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "CREATE TABLE IF NOT EXISTS lot_code_sequence ("
        " site TEXT NOT NULL, workstation TEXT NOT NULL, last_sequence INTEGER NOT NULL,"
        " PRIMARY KEY (site, workstation))",
    };
    for (const char *sql : setup) {
        if (!q.exec(QString::fromLatin1(sql))) {
            m_error = tr("The lot code sequence file %1 cannot be prepared: %2")
                          .arg(databasePath, q.lastError().text());
            return;
        }
    }
}

LotCodeGenerator::~LotCodeGenerator()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

std::optional<QString> LotCodeGenerator::checkSite(const QString &site)
{
    if (site.size() < kSiteMinLength || site.size() > kSiteMaxLength || !allCodeChars(site))
        return tr("The site id must be %1 to %2 characters A-Z or 0-9; \"%3\" is not.")
            .arg(kSiteMinLength)
            .arg(kSiteMaxLength)
            .arg(site);
    return std::nullopt;
}

std::optional<QString> LotCodeGenerator::checkWorkstation(const QString &workstation)
{
    if (workstation.size() != kWorkstationLength || !allCodeChars(workstation))
        return tr("The workstation id must be exactly %1 characters A-Z or 0-9 (for example "
                  "\"01\"); \"%2\" is not.")
            .arg(kWorkstationLength)
            .arg(workstation);
    return std::nullopt;
}

QString LotCodeGenerator::format(LotType type, const QDate &date, const QString &site,
                                 const QString &workstation, qint64 sequence)
{
    return QStringLiteral("%1-%2-%3%4-%5")
        .arg(toString(type), date.toString(QStringLiteral("yyyyMMdd")), site, workstation)
        .arg(sequence, kSequenceMinDigits, 10, QLatin1Char('0'));
}

std::optional<QString> LotCodeGenerator::next(LotType type, const QDateTime &now)
{
    if (!QSqlDatabase::contains(m_connection)) {
        if (m_error.isEmpty())
            m_error = tr("The lot code generator is not set up.");
        return std::nullopt;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    // BEGIN IMMEDIATE takes the write lock first, so two processes sharing the file cannot
    // both read the same last value.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_error = tr("No lot code could be issued: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    const auto fail = [&](const QSqlQuery &failed) {
        m_error = tr("No lot code could be issued: %1").arg(failed.lastError().text());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::nullopt;
    };
    q.prepare(QStringLiteral("INSERT INTO lot_code_sequence (site, workstation, last_sequence) "
                             "VALUES (?, ?, 0) ON CONFLICT (site, workstation) DO NOTHING"));
    q.addBindValue(m_site);
    q.addBindValue(m_workstation);
    if (!q.exec())
        return fail(q);
    q.prepare(QStringLiteral("UPDATE lot_code_sequence SET last_sequence = last_sequence + 1 "
                             "WHERE site = ? AND workstation = ? RETURNING last_sequence"));
    q.addBindValue(m_site);
    q.addBindValue(m_workstation);
    if (!q.exec() || !q.next())
        return fail(q);
    const qint64 sequence = q.value(0).toLongLong();
    q.finish();
    // The code is only handed out once the new sequence is durable (synchronous=FULL).
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);

    const QDate date = now.toTimeZone(m_timeZone).date();
    const QString code = format(type, date, m_site, m_workstation, sequence);
    if (const auto e = rules::checkLotCode(code)) {
        m_error = e->message;
        return std::nullopt;
    }
    m_error.clear();
    return code;
}

qint64 LotCodeGenerator::lastSequence() const
{
    if (!QSqlDatabase::contains(m_connection))
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT last_sequence FROM lot_code_sequence WHERE site = ? AND workstation = ?"));
    q.addBindValue(m_site);
    q.addBindValue(m_workstation);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace flowviz::app
