#include "app/outbox/outbox.h"

#include "app/core/privatefiles.h"

#include "domain/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace flowviz::app {

namespace {

constexpr int kSchemaVersion = 2;
const QString kLotsPath = QStringLiteral("/api/v1/lots");
const QString kDecisionsPath = QStringLiteral("/api/v1/qc-decisions");

const char *const kColumns =
    "i.id, i.seq, i.kind, i.method, i.path, i.payload, i.lot_code, i.created_at, "
    "i.attempts, i.next_attempt_at, i.state, i.last_error, i.last_status, "
    "i.depends_on, i.discard_reason, i.updated_at, i.operator_name";

// Items an operator may send: their own and those queued before operators were recorded.
const char *const kOperatorFilter =
    " AND (i.operator_name IS NULL OR i.operator_name = '' OR i.operator_name = ?)";

QString normalizedOperator(const QString &username)
{
    return username.trimmed().toLower();
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The canonical text of a UUID given by a caller; empty when it is not one.
QString canonicalUuid(const QJsonValue &v)
{
    const QUuid u = QUuid::fromString(v.toString());
    return u.isNull() ? QString() : u.toString(QUuid::WithoutBraces);
}

QString toJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Reads a row selected with kColumns, by column name.
OutboxItem readItem(const QSqlQuery &q)
{
    const auto text = [&q](const char *column) {
        return q.value(QLatin1String(column)).toString();
    };
    const auto number = [&q](const char *column) {
        return q.value(QLatin1String(column)).toLongLong();
    };
    OutboxItem it;
    it.id = text("id");
    it.seq = number("seq");
    it.kind = OutboxItem::kindFromString(text("kind")).value_or(OutboxItem::Kind::Lot);
    it.method = text("method");
    it.path = text("path");
    it.payload = QJsonDocument::fromJson(text("payload").toUtf8()).object();
    it.lotCode = text("lot_code");
    it.createdAt = fromMs(number("created_at"));
    it.attempts = int(number("attempts"));
    it.nextAttemptAt = fromMs(number("next_attempt_at"));
    it.state = OutboxItem::stateFromString(text("state")).value_or(OutboxItem::State::Pending);
    it.lastError = text("last_error");
    it.lastStatus = int(number("last_status"));
    it.dependsOn = text("depends_on");
    it.discardReason = text("discard_reason");
    it.updatedAt = fromMs(number("updated_at"));
    it.operatorName = text("operator_name");
    return it;
}

// A dependency no longer holds an item back once it is on the server, gone, or given up.
bool dependencySettled(const QString &state)
{
    return state.isEmpty() || state == u"done" || state == u"discarded";
}

} // namespace

QString OutboxItem::toString(Kind kind)
{
    return kind == Kind::Lot ? QStringLiteral("lot") : QStringLiteral("qc_decision");
}

QString OutboxItem::toString(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::InFlight:
        return QStringLiteral("in_flight");
    case State::Done:
        return QStringLiteral("done");
    case State::NeedsAttention:
        return QStringLiteral("needs_attention");
    case State::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<OutboxItem::Kind> OutboxItem::kindFromString(const QString &text)
{
    if (text == u"lot")
        return Kind::Lot;
    if (text == u"qc_decision")
        return Kind::QcDecision;
    return std::nullopt;
}

std::optional<OutboxItem::State> OutboxItem::stateFromString(const QString &text)
{
    for (State s :
         {State::Pending, State::InFlight, State::Done, State::NeedsAttention, State::Discarded}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

Outbox::Outbox(const QString &filePath, QObject *parent)
    : QObject(parent), m_path(filePath), m_connection(QStringLiteral("flowviz-outbox-") + newId())
{
    m_open = open();
}

Outbox::~Outbox()
{
    {
        QSqlDatabase d = QSqlDatabase::database(m_connection, false);
        if (d.isValid())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase Outbox::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool Outbox::fail(const QString &what, const QString &detail)
{
    m_error =
        QCoreApplication::translate("flowviz::app::Outbox",
                                    "The outbox %1 cannot be written (%2): %3. Check that the disk "
                                    "is not full and the file is writable.")
            .arg(m_path, what, detail);
    qWarning("%s", qPrintable(m_error));
    return false;
}

// A request the outbox turns down (not a storage failure): the message says why.
bool Outbox::refuse(const QString &message)
{
    m_error = message;
    return false;
}

bool Outbox::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return fail(sql.left(40), q.lastError().text());
    return true;
}

bool Outbox::open()
{
    // Operators' work: readable by this account only (SQLite gives its -wal and -shm files
    // the database file's mode).
    if (!privatefiles::prepareSqlite(m_path))
        qWarning("Outbox: %s cannot be made private to this account.", qPrintable(m_path));
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    d.setDatabaseName(m_path);
    if (!d.open())
        return fail(QStringLiteral("open"), d.lastError().text());
    // WAL with full sync: a commit is on disk when it returns, and readers never block writes.
    if (!exec(QStringLiteral("PRAGMA busy_timeout = 5000")) ||
        !exec(QStringLiteral("PRAGMA journal_mode = WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return false;
    QSqlQuery q(d);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(QStringLiteral("user_version"), q.lastError().text());
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion)
        return fail(
            QStringLiteral("schema"),
            QCoreApplication::translate("flowviz::app::Outbox",
                                        "it was written by a newer version of the console"));
    if (version < 1) {
        if (!d.transaction())
            return fail(QStringLiteral("begin"), d.lastError().text());
        const bool ok =
            exec(
                QStringLiteral("CREATE TABLE outbox_items ("
                               " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " id TEXT NOT NULL UNIQUE,"
                               " kind TEXT NOT NULL CHECK (kind IN ('lot', 'qc_decision')),"
                               " method TEXT NOT NULL,"
                               " path TEXT NOT NULL,"
                               " payload TEXT NOT NULL,"
                               " lot_code TEXT,"
                               " created_at INTEGER NOT NULL,"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " next_attempt_at INTEGER NOT NULL DEFAULT 0,"
                               " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', "
                               "'in_flight', 'done', 'needs_attention', 'discarded')),"
                               " last_error TEXT,"
                               " last_status INTEGER,"
                               " depends_on TEXT,"
                               " discard_reason TEXT,"
                               " updated_at INTEGER NOT NULL)")) &&
            exec(QStringLiteral(
                "CREATE INDEX outbox_items_state_seq ON outbox_items (state, seq)")) &&
            exec(QStringLiteral(
                "CREATE INDEX outbox_items_lot_code ON outbox_items (lot_code, kind)")) &&
            exec(QStringLiteral(
                "CREATE INDEX outbox_items_depends_on ON outbox_items (depends_on)")) &&
            exec(QStringLiteral("PRAGMA user_version = 1"));
        if (!ok) {
            d.rollback();
            return false;
        }
        if (!d.commit())
            return fail(QStringLiteral("commit"), d.lastError().text());
    }
    if (version < 2) {
        // v2: who queued each item, so that it is sent under that operator's token only.
        if (!d.transaction())
            return fail(QStringLiteral("begin"), d.lastError().text());
        const bool ok =
            exec(QStringLiteral("ALTER TABLE outbox_items ADD COLUMN operator_name TEXT")) &&
            exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
        if (!ok) {
            d.rollback();
            return false;
        }
        if (!d.commit())
            return fail(QStringLiteral("commit"), d.lastError().text());
    }
    // A crash (or a kill) mid-send leaves items in flight. Whether the server got them or not,
    // sending them again is safe: the idempotency key makes the server answer a replay.
    QSqlQuery recover(d);
    recover.prepare(QStringLiteral(
        "UPDATE outbox_items SET state = 'pending', updated_at = ? WHERE state = 'in_flight'"));
    recover.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!recover.exec())
        return fail(QStringLiteral("recover"), recover.lastError().text());
    m_recovered = recover.numRowsAffected();
    return true;
}

QString Outbox::insert(OutboxItem::Kind kind, const QString &path, const QJsonObject &payload,
                       const QString &lotCode, const QString &dependsOn)
{
    const QString id = payload.value(QStringLiteral("id")).toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO outbox_items (id, kind, method, path, payload, lot_code, created_at, "
        "next_attempt_at, state, depends_on, updated_at, operator_name) "
        "VALUES (?, ?, 'POST', ?, ?, ?, ?, 0, 'pending', ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(OutboxItem::toString(kind));
    q.addBindValue(path);
    q.addBindValue(toJson(payload));
    q.addBindValue(lotCode.isEmpty() ? QVariant() : QVariant(lotCode));
    q.addBindValue(now);
    q.addBindValue(dependsOn.isEmpty() ? QVariant() : QVariant(dependsOn));
    q.addBindValue(now);
    q.addBindValue(m_operator.isEmpty() ? QVariant() : QVariant(m_operator));
    // Outside an explicit transaction SQLite commits the statement itself: with
    // synchronous=FULL the item is on disk when exec() returns.
    if (!q.exec()) {
        fail(QStringLiteral("enqueue"), q.lastError().text());
        return {};
    }
    emit enqueued(id);
    emit changed();
    return id;
}

namespace {

// The newest lot in the outbox under `code` that is not on the server yet; empty when none.
QString outboxLotByCode(const QSqlDatabase &d, const QString &code)
{
    if (code.isEmpty())
        return {};
    QSqlQuery q(d);
    q.prepare(QStringLiteral(
        "SELECT id FROM outbox_items WHERE lot_code = ? AND kind = 'lot' "
        "AND state IN ('pending', 'in_flight', 'needs_attention') ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(code);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

struct LotRef
{
    QString state;
    QString code;
};

std::optional<LotRef> outboxLotById(const QSqlDatabase &d, const QString &id)
{
    QSqlQuery q(d);
    q.prepare(
        QStringLiteral("SELECT state, lot_code FROM outbox_items WHERE id = ? AND kind = 'lot'"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return LotRef{q.value(0).toString(), q.value(1).toString()};
    return std::nullopt;
}

// Binds a decision to a lot still in the outbox: it then names the lot by its id (a corrected
// code cannot send it to someone else's lot) and waits for it.
void bindDecision(const QSqlDatabase &d, QJsonObject &payload, QString &lotCode, QString &dependsOn)
{
    lotCode.clear();
    dependsOn.clear();
    const QString lotId = canonicalUuid(payload.value(QStringLiteral("lot_id")));
    if (!lotId.isEmpty()) {
        if (const auto lot = outboxLotById(d, lotId)) {
            lotCode = lot->code;
            if (!dependencySettled(lot->state))
                dependsOn = lotId;
        }
        if (lotCode.isEmpty())
            lotCode = rules::normalizeLotCode(payload.value(QStringLiteral("lot_code")).toString());
        return;
    }
    lotCode = rules::normalizeLotCode(payload.value(QStringLiteral("lot_code")).toString());
    dependsOn = outboxLotByCode(d, lotCode);
    if (!dependsOn.isEmpty()) {
        payload.remove(QStringLiteral("lot_code"));
        payload.insert(QStringLiteral("lot_id"), dependsOn);
    }
}

// A lot made from a parent still in the outbox follows the newest such parent.
QString lotDependency(const QSqlDatabase &d, const QJsonObject &payload)
{
    QString dependsOn;
    qint64 newest = -1;
    for (const QJsonValue &p : payload.value(QStringLiteral("parents")).toArray()) {
        const QString id = outboxLotByCode(
            d, rules::normalizeLotCode(p.toObject().value(QStringLiteral("lot_code")).toString()));
        if (id.isEmpty())
            continue;
        QSqlQuery q(d);
        q.prepare(QStringLiteral("SELECT seq FROM outbox_items WHERE id = ?"));
        q.addBindValue(id);
        if (q.exec() && q.next() && q.value(0).toLongLong() > newest) {
            newest = q.value(0).toLongLong();
            dependsOn = id;
        }
    }
    return dependsOn;
}

} // namespace

QString Outbox::enqueueLot(const QJsonObject &body)
{
    if (!m_open)
        return {};
    QJsonObject payload = body;
    QString id = newId();
    if (payload.contains(QStringLiteral("id"))) {
        id = canonicalUuid(payload.value(QStringLiteral("id")));
        if (id.isEmpty()) {
            refuse(
                QCoreApplication::translate("flowviz::app::Outbox", "The lot id is not a UUID."));
            return {};
        }
    }
    payload.insert(QStringLiteral("id"), id);
    if (!payload.contains(QStringLiteral("client_created_at")))
        payload.insert(QStringLiteral("client_created_at"), isoNow());
    const QString code =
        rules::normalizeLotCode(payload.value(QStringLiteral("lot_code")).toString());
    return insert(OutboxItem::Kind::Lot, kLotsPath, payload, code, lotDependency(db(), payload));
}

QString Outbox::enqueueDecision(const QJsonObject &body)
{
    if (!m_open)
        return {};
    QJsonObject payload = body;
    QString id = newId();
    if (payload.contains(QStringLiteral("id"))) {
        id = canonicalUuid(payload.value(QStringLiteral("id")));
        if (id.isEmpty()) {
            refuse(QCoreApplication::translate("flowviz::app::Outbox",
                                               "The decision id is not a UUID."));
            return {};
        }
    }
    payload.insert(QStringLiteral("id"), id);
    if (!payload.contains(QStringLiteral("decided_at")))
        payload.insert(QStringLiteral("decided_at"), isoNow());
    QString code;
    QString dependsOn;
    bindDecision(db(), payload, code, dependsOn);
    return insert(OutboxItem::Kind::QcDecision, kDecisionsPath, payload, code, dependsOn);
}

void Outbox::setOperator(const QString &username)
{
    m_operator = normalizedOperator(username);
}

QList<OutboxItem> Outbox::nextBatch(int max, const QDateTime &now, qint64 maxBytes)
{
    return takeBatch(std::nullopt, max, now, maxBytes);
}

QList<OutboxItem> Outbox::nextBatchFor(const QString &username, int max, const QDateTime &now,
                                       qint64 maxBytes)
{
    return takeBatch(normalizedOperator(username), max, now, maxBytes);
}

QList<OutboxItem> Outbox::takeBatch(const std::optional<QString> &username, int max,
                                    const QDateTime &now, qint64 maxBytes)
{
    QList<OutboxItem> batch;
    if (!m_open || max <= 0)
        return batch;
    QSqlDatabase d = db();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    {
        QSqlQuery q(d);
        q.setForwardOnly(true);
        // Items whose dependency is still pending may go when the dependency goes first in the
        // same batch (the server resolves it within the batch); checked below.
        q.prepare(
            QStringLiteral(
                "SELECT %1, d.state AS dependency_state FROM outbox_items i LEFT JOIN outbox_items "
                "d ON d.id = "
                "i.depends_on "
                "WHERE i.state = 'pending' AND i.next_attempt_at <= ? "
                "AND (i.depends_on IS NULL OR d.id IS NULL OR d.state IN ('done', 'discarded') "
                "OR (d.state = 'pending' AND d.next_attempt_at <= ?))%2 "
                "ORDER BY i.seq LIMIT ?")
                .arg(QLatin1String(kColumns),
                     username ? QLatin1String(kOperatorFilter) : QLatin1String()));
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        if (username)
            q.addBindValue(*username);
        q.addBindValue(max);
        if (!q.exec()) {
            fail(QStringLiteral("next batch"), q.lastError().text());
            return batch;
        }
        QSet<QString> taken;
        qint64 bytes = 0;
        while (q.next()) {
            OutboxItem it = readItem(q);
            const QString depState = q.value(QStringLiteral("dependency_state")).toString();
            if (!it.dependsOn.isEmpty() && !dependencySettled(depState) &&
                !taken.contains(it.dependsOn))
                continue;
            const qint64 size = q.value(QStringLiteral("payload")).toString().size() + 200;
            if (!batch.isEmpty() && bytes + size > maxBytes)
                break;
            bytes += size;
            taken.insert(it.id);
            batch.append(it);
        }
    }
    if (batch.isEmpty())
        return batch;
    if (!d.transaction()) {
        fail(QStringLiteral("begin"), d.lastError().text());
        return {};
    }
    QSqlQuery u(d);
    u.prepare(QStringLiteral(
        "UPDATE outbox_items SET state = 'in_flight', attempts = attempts + 1, updated_at = ? "
        "WHERE id = ?"));
    for (OutboxItem &it : batch) {
        u.bindValue(0, nowMs);
        u.bindValue(1, it.id);
        if (!u.exec()) {
            fail(QStringLiteral("mark in flight"), u.lastError().text());
            d.rollback();
            return {};
        }
        it.state = OutboxItem::State::InFlight;
        ++it.attempts;
    }
    if (!d.commit()) {
        fail(QStringLiteral("commit"), d.lastError().text());
        d.rollback();
        return {};
    }
    emit changed();
    return batch;
}

QDateTime Outbox::nextDueAt() const
{
    return dueAt(std::nullopt);
}

QDateTime Outbox::nextDueAtFor(const QString &username) const
{
    return dueAt(normalizedOperator(username));
}

QDateTime Outbox::dueAt(const std::optional<QString> &username) const
{
    QSqlQuery q(db());
    // With an operator, a pending dependency counts only when that operator can send it too:
    // an item waiting for someone else's lot is not due for this one.
    q.prepare(QStringLiteral(
                  "SELECT MIN(i.next_attempt_at) FROM outbox_items i "
                  "LEFT JOIN outbox_items d ON d.id = i.depends_on WHERE i.state = 'pending' "
                  "AND (i.depends_on IS NULL OR d.id IS NULL OR d.state IN ('done', 'discarded') "
                  "OR (d.state = 'pending'%1))%2")
                  .arg(username ? QLatin1String(" AND (d.operator_name IS NULL OR "
                                                "d.operator_name = '' OR d.operator_name = ?)")
                                : QLatin1String(),
                       username ? QLatin1String(kOperatorFilter) : QLatin1String()));
    if (username) {
        q.addBindValue(*username);
        q.addBindValue(*username);
    }
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return fromMs(q.value(0).toLongLong());
}

bool Outbox::applyOne(const Outcome &o, qint64 nowMs)
{
    QSqlQuery q(db());
    switch (o.kind) {
    case Outcome::Kind::Done:
        q.prepare(QStringLiteral(
            "UPDATE outbox_items SET state = 'done', last_status = ?, last_error = NULL, "
            "updated_at = ? WHERE id = ? AND state IN ('pending', 'in_flight')"));
        q.addBindValue(o.status ? QVariant(o.status) : QVariant());
        break;
    case Outcome::Kind::Retry:
    case Outcome::Kind::Held:
        q.prepare(QStringLiteral(
            "UPDATE outbox_items SET state = 'pending', next_attempt_at = ?, last_error = ?, "
            "last_status = ?, updated_at = ? WHERE id = ? AND state IN ('pending', 'in_flight')"));
        q.addBindValue(o.kind == Outcome::Kind::Held || !o.nextAttemptAt.isValid()
                           ? qint64(0)
                           : o.nextAttemptAt.toMSecsSinceEpoch());
        q.addBindValue(o.message);
        q.addBindValue(o.status ? QVariant(o.status) : QVariant());
        break;
    case Outcome::Kind::NeedsAttention:
        q.prepare(QStringLiteral(
            "UPDATE outbox_items SET state = 'needs_attention', last_status = ?, "
            "last_error = ?, updated_at = ? WHERE id = ? AND state IN ('pending', 'in_flight')"));
        q.addBindValue(o.status ? QVariant(o.status) : QVariant());
        q.addBindValue(o.message);
        break;
    }
    q.addBindValue(nowMs);
    q.addBindValue(o.id);
    if (!q.exec())
        return fail(QStringLiteral("update"), q.lastError().text());
    return true;
}

bool Outbox::apply(const QList<Outcome> &outcomes)
{
    if (!m_open)
        return false;
    if (outcomes.isEmpty())
        return true;
    QSqlDatabase d = db();
    if (!d.transaction())
        return fail(QStringLiteral("begin"), d.lastError().text());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Outcome &o : outcomes) {
        if (!applyOne(o, now)) {
            d.rollback();
            return false;
        }
    }
    if (!d.commit()) {
        fail(QStringLiteral("commit"), d.lastError().text());
        d.rollback();
        return false;
    }
    emit changed();
    return true;
}

bool Outbox::markDone(const QString &id)
{
    return apply({Outcome{id, Outcome::Kind::Done, 0, {}, {}}});
}

bool Outbox::markRetry(const QString &id, const QString &error, const QDateTime &nextAttemptAt)
{
    return apply({Outcome{id, Outcome::Kind::Retry, 0, error, nextAttemptAt}});
}

bool Outbox::markNeedsAttention(const QString &id, int status, const QString &message)
{
    return apply({Outcome{id, Outcome::Kind::NeedsAttention, status, message, {}}});
}

bool Outbox::resend(const QString &id, const QJsonObject &correctedPayload)
{
    const auto current = item(id);
    if (!current)
        return refuse(
            QCoreApplication::translate("flowviz::app::Outbox", "There is no outbox item %1.")
                .arg(id));
    if (current->state != OutboxItem::State::NeedsAttention &&
        current->state != OutboxItem::State::Pending)
        return refuse(QCoreApplication::translate(
            "flowviz::app::Outbox",
            "This item is being sent or is already finished; only items "
            "that wait or need attention can be corrected and sent again."));
    QJsonObject payload = correctedPayload.isEmpty() ? current->payload : correctedPayload;
    payload.insert(QStringLiteral("id"), id); // the key (and a lot's id) never changes
    QString code;
    QString dependsOn;
    if (current->kind == OutboxItem::Kind::Lot) {
        code = rules::normalizeLotCode(payload.value(QStringLiteral("lot_code")).toString());
        dependsOn = lotDependency(db(), payload);
    } else {
        bindDecision(db(), payload, code, dependsOn);
    }

    QSqlDatabase d = db();
    if (!d.transaction())
        return fail(QStringLiteral("begin"), d.lastError().text());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool ok = requeue(id, payload, code, dependsOn == id ? QString() : dependsOn, now);
    // A corrected lot code follows the lot into what waits for it: decisions show it, and lots
    // made from it name their parent by it.
    if (ok && current->kind == OutboxItem::Kind::Lot && code != current->lotCode)
        ok = renameInDependents(id, current->lotCode, code, now);
    if (!ok || !d.commit()) {
        d.rollback();
        return ok ? fail(QStringLiteral("commit"), d.lastError().text()) : false;
    }
    emit changed();
    return true;
}

bool Outbox::requeue(const QString &id, const QJsonObject &payload, const QString &lotCode,
                     const QString &dependsOn, qint64 nowMs)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "UPDATE outbox_items SET state = 'pending', payload = ?, lot_code = ?, depends_on = ?, "
        "next_attempt_at = 0, last_error = NULL, last_status = NULL, updated_at = ? WHERE id = ?"));
    q.addBindValue(toJson(payload));
    q.addBindValue(lotCode.isEmpty() ? QVariant() : QVariant(lotCode));
    q.addBindValue(dependsOn.isEmpty() ? QVariant() : QVariant(dependsOn));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    return q.exec() || fail(QStringLiteral("resend"), q.lastError().text());
}

bool Outbox::renameInDependents(const QString &lotItemId, const QString &oldCode,
                                const QString &newCode, qint64 nowMs)
{
    QSqlQuery dep(db());
    dep.prepare(QStringLiteral("SELECT id, kind, payload FROM outbox_items WHERE depends_on = ? "
                               "AND state IN ('pending', 'needs_attention')"));
    dep.addBindValue(lotItemId);
    if (!dep.exec())
        return fail(QStringLiteral("resend"), dep.lastError().text());
    while (dep.next()) {
        QSqlQuery u(db());
        if (dep.value(QStringLiteral("kind")).toString() == u"lot") {
            // A lot made from the renamed one names it among its parents.
            QJsonObject p =
                QJsonDocument::fromJson(dep.value(QStringLiteral("payload")).toString().toUtf8())
                    .object();
            QJsonArray parents = p.value(QStringLiteral("parents")).toArray();
            for (qsizetype i = 0; i < parents.size(); ++i) {
                QJsonObject parent = parents.at(i).toObject();
                if (rules::normalizeLotCode(parent.value(QStringLiteral("lot_code")).toString()) ==
                    oldCode)
                    parent.insert(QStringLiteral("lot_code"), newCode);
                parents.replace(i, parent);
            }
            p.insert(QStringLiteral("parents"), parents);
            u.prepare(
                QStringLiteral("UPDATE outbox_items SET payload = ?, updated_at = ? WHERE id = ?"));
            u.addBindValue(toJson(p));
        } else {
            u.prepare(QStringLiteral(
                "UPDATE outbox_items SET lot_code = ?, updated_at = ? WHERE id = ?"));
            u.addBindValue(newCode);
        }
        u.addBindValue(nowMs);
        u.addBindValue(dep.value(QStringLiteral("id")).toString());
        if (!u.exec())
            return fail(QStringLiteral("resend"), u.lastError().text());
    }
    return true;
}

bool Outbox::discard(const QString &id, const QString &reason)
{
    const auto current = item(id);
    if (!current)
        return refuse(
            QCoreApplication::translate("flowviz::app::Outbox", "There is no outbox item %1.")
                .arg(id));
    // Once sent without a clear answer, the server may hold the item: giving it up locally
    // would hide it, so only refused items and ones never sent can be discarded.
    const bool allowed = current->state == OutboxItem::State::NeedsAttention ||
                         (current->state == OutboxItem::State::Pending && current->attempts == 0);
    if (!allowed)
        return refuse(QCoreApplication::translate(
            "flowviz::app::Outbox", "This item was already sent and may be on the server, so it "
                                    "cannot be discarded. Wait for the server's answer."));
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "UPDATE outbox_items SET state = 'discarded', discard_reason = ?, updated_at = ? "
        "WHERE id = ?"));
    q.addBindValue(reason);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("discard"), q.lastError().text());
    emit changed();
    return true;
}

int Outbox::purgeDone(int days, const QDateTime &now)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM outbox_items WHERE state = 'done' AND updated_at < ?"));
    q.addBindValue(now.toMSecsSinceEpoch() - qint64(days) * 24 * 3600 * 1000);
    if (!q.exec()) {
        fail(QStringLiteral("purge"), q.lastError().text());
        return 0;
    }
    const int n = q.numRowsAffected();
    if (n > 0)
        emit changed();
    return n;
}

std::optional<OutboxItem> Outbox::item(const QString &id) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox_items i WHERE i.id = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readItem(q);
    return std::nullopt;
}

QList<OutboxItem> Outbox::items(const QList<OutboxItem::State> &states) const
{
    QList<OutboxItem> out;
    QStringList names;
    for (OutboxItem::State s : states)
        names << QStringLiteral("'%1'").arg(OutboxItem::toString(s));
    QSqlQuery q(db());
    q.setForwardOnly(true);
    const QString where = names.isEmpty()
                              ? QString()
                              : QStringLiteral(" WHERE i.state IN (%1)").arg(names.join(u','));
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox_items i%2 ORDER BY i.seq")
                    .arg(QLatin1String(kColumns), where)))
        return out;
    while (q.next())
        out.append(readItem(q));
    return out;
}

int Outbox::count(OutboxItem::State state) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox_items WHERE state = ?"));
    q.addBindValue(OutboxItem::toString(state));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

int Outbox::pendingCount() const
{
    return count(OutboxItem::State::Pending) + count(OutboxItem::State::InFlight);
}

int Outbox::needsAttentionCount() const
{
    return count(OutboxItem::State::NeedsAttention);
}

qint64 Outbox::oldestPendingAge(const QDateTime &now) const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral(
            "SELECT MIN(created_at) FROM outbox_items WHERE state IN ('pending', 'in_flight')")) ||
        !q.next() || q.value(0).isNull())
        return 0;
    return std::max<qint64>(0, (now.toMSecsSinceEpoch() - q.value(0).toLongLong()) / 1000);
}

} // namespace flowviz::app
