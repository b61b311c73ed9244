#include "backend/sync/syncservice.h"

#include "backend/api/idempotencystore.h"
#include "backend/api/routing.h"
#include "backend/lots/lotcommands.h"
#include "backend/lots/lotroutes.h"
#include "backend/lots/lotservice.h"
#include "backend/qc/qcservice.h"
#include "backend/qc/recorddecisiondecoder.h"

#include "domain/validation.h"
#include "domain/wire/problem.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

namespace flowviz::sync {

Q_LOGGING_CATEGORY(lcSync, "flowviz.sync")

using api::ApiError;
using http::Response;

namespace {

// What an operation produced: the answer the idempotency store keeps for replays, and the
// body the batch reports now.
struct Outcome
{
    Response answer;
    QJsonValue body;
};

// The operations of one set-based transaction, with what they share: lots are registered
// through one Registrar (the profiles read once, lots without a receipt inserted together),
// and decisions share the gates read and wait, with their writes, for the lots they decide on.
struct Batch
{
    explicit Batch(api::Tx &t) : tx(t)
    {
        decisions.pendingLot = [this](const std::optional<QUuid> &id,
                                      const QString &code) -> std::optional<qc::LockedLot> {
            const auto lot = lots ? lots->pending(id, code) : std::nullopt;
            if (!lot)
                return std::nullopt;
            return qc::LockedLot{lot->id, lot->lotCode, lot->type, lot->status};
        };
        decisions.afterPendingLots = [this](std::function<void()> writes) {
            registrar().afterInsert(std::move(writes));
        };
        decisions.sendPendingLots = [this] {
            if (lots)
                lots->flush();
        };
    }
    Batch(const Batch &) = delete;
    Batch &operator=(const Batch &) = delete;

    api::Tx &tx;
    std::optional<lots::service::Registrar> lots;
    qc::service::DecisionBatch decisions;

    lots::service::Registrar &registrar()
    {
        if (!lots)
            lots.emplace(tx);
        return *lots;
    }
};

// An operation's outcome once the round trip carrying its writes is back; throws its refusal.
using Finish = std::function<Outcome()>;

struct Operation
{
    std::initializer_list<Role> roles;
    // Runs the operation alone.
    std::function<Outcome(api::Tx &, const QJsonObject &, const api::Events &)> work;
    // Checks it and queues its writes in a set-based transaction (throwing its refusal).
    std::function<Finish(Batch &, const QJsonObject &, const api::Events &)> queue;
};

// The body of a stored or untyped answer, read back from its bytes.
QJsonValue bodyOf(const Response &r)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(QJsonValue::Null);
}

Outcome lotOutcome(const wire::Lot &lot)
{
    return {lots::registeredAnswer(lot), lot.toJson()};
}

Outcome registerLot(api::Tx &tx, const QJsonObject &body, const api::Events &events)
{
    return lotOutcome(lots::service::create(tx, lots::decodeRegisterLot(body), events));
}

Finish queueLot(Batch &batch, const QJsonObject &body, const api::Events &events)
{
    auto stored = batch.registrar().create(lots::decodeRegisterLot(body), events);
    return [stored] { return lotOutcome(stored()); };
}

Outcome decisionOutcome(const wire::Decision &decision)
{
    const QJsonObject json = decision.toJson();
    return {Response::json(201, json), json};
}

Outcome recordDecision(api::Tx &tx, const QJsonObject &body, const api::Events &events)
{
    return decisionOutcome(qc::service::record(tx, qc::decodeRecordDecision(body), events));
}

// The decision's writes and answer go with the next round trip after its lot's insert.
Finish queueDecision(Batch &batch, const QJsonObject &body, const api::Events &events)
{
    auto stored =
        qc::service::queueRecord(batch.tx, qc::decodeRecordDecision(body), events, batch.decisions);
    return [stored] { return decisionOutcome(stored()); };
}

// The calls a workstation queues offline. Each runs the same service code as its own route.
const Operation *operationFor(const QString &method, const QString &path)
{
    static const Operation lots{api::kCanCreateLots, &registerLot, &queueLot};
    static const Operation decisions{api::kCanDecideQc, &recordDecision, &queueDecision};
    if (method != u"POST")
        return nullptr;
    if (path == u"/api/v1/lots")
        return &lots;
    if (path == u"/api/v1/qc-decisions")
        return &decisions;
    return nullptr;
}

SyncResult problemResult(const QString &key, const wire::Problem &problem)
{
    return {key, problem.status(), problem.toJson()};
}

// An answer the idempotency store replayed: its stored bytes are all there is.
SyncResult replayResult(const QString &key, const Response &r)
{
    SyncResult out{key, r.status, bodyOf(r)};
    for (const auto &[name, value] : r.headers) {
        if (name == "Idempotent-Replayed")
            out.replayed = true;
    }
    return out;
}

wire::Problem invalidOperation(const QString &detail)
{
    return wire::Problem::validation(
        {{QStringLiteral("operation"), QStringLiteral("sync.operation_invalid"), detail}});
}

// Why the call cannot run at all (before any idempotency or business rule), if it cannot.
std::optional<wire::Problem> refusal(const SyncCall &call, const Operation *operation, Role role)
{
    if (call.key.isEmpty() || rules::characterCount(call.key) > 200)
        return invalidOperation(
            QStringLiteral("Each operation needs an idempotency_key of 1 to 200 characters."));
    if (!call.body)
        return invalidOperation(QStringLiteral("Each operation needs a JSON object body."));
    if (!operation)
        return invalidOperation(QStringLiteral("%1 %2 cannot be sent through sync; supported: "
                                               "POST /api/v1/lots, POST /api/v1/qc-decisions.")
                                    .arg(call.method, call.path));
    if (std::find(operation->roles.begin(), operation->roles.end(), role) == operation->roles.end())
        return wire::Problem::forbidden(QStringLiteral("Requires one of: %1; you are %2.")
                                            .arg(api::roleList(operation->roles), toString(role)));
    return std::nullopt;
}

// Runs the call under its Idempotency-Key in a savepoint of its own. A fresh result is
// reported from its typed outcome, a replay from the stored answer.
SyncResult attempt(api::Tx &tx, api::ApiContext &api, const SyncCall &call,
                   const Operation &operation)
{
    const QByteArray bodyBytes = QJsonDocument(*call.body).toJson(QJsonDocument::Compact);
    std::optional<QJsonValue> fresh;
    const Response r = tx.db.savepoint("sync_op", [&] {
        return api.idempotent(tx, call.key.toUtf8(), call.method.toLatin1(), call.path, bodyBytes,
                              [&](api::Tx &t) {
                                  Outcome outcome = operation.work(t, *call.body, api.events());
                                  fresh = outcome.body;
                                  return outcome.answer;
                              });
    });
    return fresh ? SyncResult{call.key, r.status, *fresh} : replayResult(call.key, r);
}

// One call's result; its failure is reported in the result and undoes only its own work.
SyncResult execute(api::Tx &tx, api::ApiContext &api, const SyncCall &call,
                   const Operation &operation)
{
    const qsizetype callbacks = tx.afterCommit.size();
    try {
        return attempt(tx, api, call, operation);
    } catch (const ApiError &e) {
        tx.afterCommit.resize(callbacks);
        return problemResult(call.key, e.problem());
    } catch (const db::DbError &e) {
        if (e.connectionLost())
            throw;
        qCWarning(lcSync).noquote()
            << "operation" << call.key << "failed in SQL:" << e.sqlState() << e.what();
        tx.afterCommit.resize(callbacks);
        return problemResult(call.key, wire::Problem::internal(QStringLiteral(
                                           "This operation failed on the server; it can be "
                                           "sent again.")));
    }
}

SyncResult runOperation(api::Tx &tx, api::ApiContext &api, const SyncCall &call)
{
    const Operation *operation = operationFor(call.method, call.path);
    if (const auto problem = refusal(call, operation, tx.user.role))
        return problemResult(call.key, *problem);
    return execute(tx, api, call, *operation);
}

// One operation at a time, each in its savepoint with its own idempotency check and record.
QList<SyncResult> runEach(api::Tx &tx, api::ApiContext &api, const QList<SyncCall> &calls)
{
    QList<SyncResult> out;
    for (const SyncCall &call : calls)
        out.append(runOperation(tx, api, call));
    return out;
}

// An operation failed on the set-based path: the chunk is rolled back and run one
// operation at a time, so that the failure undoes only that operation's work.
struct SetBasedFailed
{
};

bool keysDistinct(const QList<SyncCall> &calls)
{
    QSet<QString> seen;
    for (const SyncCall &call : calls) {
        if (seen.contains(call.key))
            return false;
        seen.insert(call.key);
    }
    return true;
}

// The chunk set-based: the keys' locks and stored answers read in one statement each, every
// fresh operation run without a savepoint of its own, and their answers remembered in one
// statement. Throws SetBasedFailed when an operation fails: nothing of the chunk may then
// commit, since that operation may have written part of its work.
QList<SyncResult> runSetBased(api::Tx &tx, api::ApiContext &api, const QList<SyncCall> &calls)
{
    QList<SyncResult> out(calls.size());
    QList<qsizetype> claimed; // positions in `calls` whose keys are claimed
    QStringList keys;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const SyncCall &call = calls.at(i);
        if (const auto problem = refusal(call, operationFor(call.method, call.path), tx.user.role))
            out[i] = problemResult(call.key, *problem);
        else {
            claimed.append(i);
            keys.append(call.key);
        }
    }
    api::IdempotencyStore store(tx.db);
    // The reads run after the locks are taken, so they see what earlier holders committed.
    const auto locks = store.tryLockAll(tx.user.userId, keys);
    const auto stored = store.findAll(tx.user.userId, keys);
    const QList<bool> locked = locks.get();
    const QHash<qsizetype, api::StoredAnswer> answers = stored.get();
    const api::Idempotency idempotency(api.events());
    // An operation's refusal, here or when its writes come back, fails the set-based attempt.
    const auto orFail = [](auto &&step) {
        try {
            return step();
        } catch (const ApiError &) {
            throw SetBasedFailed{};
        } catch (const db::DbError &e) {
            if (e.connectionLost())
                throw;
            throw SetBasedFailed{};
        }
    };
    Batch batch(tx);
    struct Fresh
    {
        qsizetype at;
        QByteArray hash;
        Finish finish;
    };
    QList<Fresh> fresh;
    for (qsizetype k = 0; k < claimed.size(); ++k) {
        const SyncCall &call = calls.at(claimed[k]);
        const QByteArray hash =
            api::Idempotency::requestHash(call.method.toLatin1(), call.path,
                                          QJsonDocument(*call.body).toJson(QJsonDocument::Compact));
        SyncResult &result = out[claimed[k]];
        try {
            const auto found = answers.constFind(k);
            const auto answered = idempotency.settle(
                tx, hash, locked.value(k),
                found == answers.constEnd() ? std::nullopt : std::optional(*found));
            if (answered) {
                result = replayResult(call.key, *answered);
                continue;
            }
        } catch (const ApiError &e) { // the key is busy or reused: nothing was written
            result = problemResult(call.key, e.problem());
            continue;
        }
        const Operation *operation = operationFor(call.method, call.path);
        fresh.append({claimed[k], hash,
                      orFail([&] { return operation->queue(batch, *call.body, api.events()); })});
    }
    QList<api::AnswerToStore> remember;
    for (const Fresh &f : fresh) {
        const Outcome outcome = orFail(f.finish);
        if (outcome.answer.status < 200 || outcome.answer.status >= 300)
            throw SetBasedFailed{};
        const SyncCall &call = calls.at(f.at);
        out[f.at] = SyncResult{call.key, outcome.answer.status, outcome.body};
        remember.append({tx.user.userId, call.key, f.hash, call.method.toLatin1(), call.path,
                         outcome.answer.status, outcome.answer.body});
    }
    store.rememberAll(remember);
    return out;
}

} // namespace

QList<SyncResult> run(db::PgSession &db, api::ApiContext &api, const auth::Claims &user,
                      const QList<SyncCall> &calls)
{
    QList<SyncResult> results;
    results.reserve(calls.size());
    for (qsizetype start = 0; start < calls.size(); start += kOperationsPerTransaction) {
        const QList<SyncCall> chunk = calls.mid(start, kOperationsPerTransaction);
        // Set-based when the chunk's keys are distinct (a repeated key would have to see the
        // first one's answer); one operation at a time when that fails.
        bool setBased = keysDistinct(chunk);
        for (;;) {
            api::Tx tx{db, user, {}};
            try {
                const QList<SyncResult> done = db.transaction([&] {
                    api::ApiContext::checkUserActive(db, user);
                    // The account check answers before the first operation runs: its refusal
                    // is the whole batch's, not one operation's result.
                    db.flush();
                    return setBased ? runSetBased(tx, api, chunk) : runEach(tx, api, chunk);
                });
                for (const auto &f : tx.afterCommit)
                    f();
                if (api.events().syncTransaction)
                    api.events().syncTransaction(setBased);
                results.append(done);
                break;
            } catch (const SetBasedFailed &) {
                setBased = false;
            }
        }
    }
    return results;
}

} // namespace flowviz::sync
