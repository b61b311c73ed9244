#pragma once

#include "backend/db/pgsession.h"

#include "domain/criticallimit.h"
#include "domain/enums.h"
#include "domain/wire/decision.h"
#include "domain/wire/gate.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QUuid>

#include <optional>

namespace flowviz::qc {

struct Gate
{
    int id = 0;
    int number = 0;
    GateType type = GateType::CHECKPOINT;
    bool isCcp = false;
    bool passRequiresSignature = false;
    QString name; // English
};

struct LockedLot
{
    QUuid id;
    QString lotCode;
    LotType type = LotType::RAW;
    LotStatus status = LotStatus::CREATED;
};

struct NewDecision
{
    QUuid id;
    QUuid lotId;
    int gateId = 0;
    QUuid operatorId;
    Decision decision = Decision::PASS;
    QString notes;
    std::optional<Decimal> temperatureC;
    QString correctiveAction;
    bool deviation = false;
    std::optional<CriticalLimit> limit; // the limit in force when the decision was made
    // The verified electronic signature, if any.
    QString digitalSignature; // display text
    QString signatureMeaning;
    QDateTime signedAt; // server time of the verification
    QUuid signerId;
    QUuid signingKeyId;
    QByteArray signature;
    QByteArray recordHash;
    QDateTime clientSignedAt;
    QString workstationId;
    QDateTime decidedAt; // invalid: now()
    bool clientTimeFlagged = false;
};

// SQL for QC gates and the append-only decision log.
class QcRepository
{
public:
    explicit QcRepository(db::PgSession &db) : m_db(db) {}

    QList<wire::QcGate> gateRecords();
    std::optional<wire::QcGate> gateRecord(int gateNumber);
    QList<CriticalLimit> limits(int gateId);
    // Sets (inserts or changes) one limit; the change is audited with `actor` and `reason`.
    void setLimit(int gateId, const CriticalLimit &limit, const QUuid &actor,
                  const QString &reason);
    QList<wire::LimitChange> limitChanges(int gateId);
    // Queued (db::PgSession::queue): what a decision reads and writes goes in few round trips.
    db::PgDeferred<std::optional<Gate>> gate(const std::optional<int> &id,
                                             const std::optional<int> &number);
    db::PgDeferred<std::optional<LockedLot>> lockLot(const std::optional<QUuid> &id,
                                                     const QString &code);
    // Inserts the decisions in one statement, in their order.
    void insert(const QList<NewDecision> &decisions);
    // Sets each lot's status to the one its latest decision calls for (`statusAfter`, every
    // decision with the status it leaves the lot in): the decision with the latest decision
    // time, arrival order breaking ties; a decision with a flagged (future) client time counts
    // at its recording time.
    void followLatestDecision(const QList<QUuid> &lotIds,
                              const QList<std::pair<Decision, LotStatus>> &statusAfter);
    // The decisions as stored, by id, each with its lot's status at the time of reading.
    db::PgDeferred<QHash<QUuid, wire::Decision>> decisions(const QList<QUuid> &ids);
    QList<wire::Decision> decisionsForLot(const QUuid &lotId);
    std::optional<QUuid> lotId(const QString &code);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::qc
