#include "backend/lots/lotintake.h"

#include "backend/lots/lotroutes.h"
#include "backend/lots/lotservice.h"

namespace flowviz::lots {

using http::Response;

LotIntake::LotIntake(api::ApiContext &api) : m_api(api) {}

void LotIntake::submit(const http::Request &request, http::Responder respond,
                       const auth::Claims &user, const wire::RegisterLot &command)
{
    {
        std::lock_guard lock(m_mutex);
        m_waiting.push_back({user, command, std::move(respond), request.requestId});
        // A running job takes it when it is done with what it stores now.
        if (m_running >= kRunning)
            return;
        ++m_running;
    }
    m_api.pool().submit(
        db::DbJob{[self = shared_from_this()](db::PgSession &session) { self->drain(session); },
                  [self = shared_from_this()](db::DbFailure f) { self->failed(f); }});
}

QList<LotIntake::Pending> LotIntake::takeBatch()
{
    std::unique_lock lock(m_mutex);
    QList<Pending> batch;
    if (m_waiting.empty() || m_api.pool().closing()) {
        // None waits, and the job ends; or the server is going away, and what still waits gets
        // a 503 rather than a statement that may wait for locks after the shutdown stopped
        // waiting for them.
        std::deque<Pending> unanswered;
        unanswered.swap(m_waiting);
        --m_running;
        lock.unlock();
        for (const Pending &pending : unanswered)
            pending.respond(api::ApiContext::unavailable(db::DbFailure::Unavailable));
        return batch;
    }
    const auth::Claims &first = m_waiting.front().user;
    const QUuid userId = first.userId;
    const Role role = first.role;
    for (auto it = m_waiting.begin(); it != m_waiting.end() && batch.size() < kBatch;) {
        if (it->user.userId == userId && it->user.role == role) {
            batch.append(std::move(*it));
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    return batch;
}

void LotIntake::drain(db::PgSession &session)
{
    for (QList<Pending> batch = takeBatch(); !batch.isEmpty(); batch = takeBatch()) {
        qsizetype answered = 0;
        try {
            if (batch.size() > 1 && registerTogether(session, batch))
                continue;
            for (; answered < batch.size(); ++answered) {
                if (m_api.pool().closing())
                    batch.at(answered).respond(
                        api::ApiContext::unavailable(db::DbFailure::Unavailable));
                else
                    registerAlone(session, batch.at(answered));
            }
        } catch (const db::DbError &) {
            // The connection was lost (nothing else escapes): whoever has no answer yet gets a
            // 503, and the worker reconnects and calls failed().
            for (qsizetype i = answered; i < batch.size(); ++i)
                batch.at(i).respond(api::ApiContext::unavailable(db::DbFailure::Unavailable));
            throw;
        }
    }
}

bool LotIntake::registerTogether(db::PgSession &session, const QList<Pending> &batch)
{
    api::Tx tx{session, batch.first().user, {}};
    QList<wire::Lot> stored;
    try {
        stored = session.transaction([&] {
            api::ApiContext::checkUserActive(session, tx.user);
            service::Registrar registrar(tx);
            QList<std::function<wire::Lot()>> answers;
            for (const Pending &pending : batch)
                answers.append(registrar.create(pending.command, m_api.events()));
            QList<wire::Lot> lots;
            for (const auto &answer : answers)
                lots.append(answer());
            return lots;
        });
    } catch (const db::DbError &e) {
        if (e.connectionLost())
            throw;
        if (!e.isCancelled())
            return false;
        // Cancelled (the statement timeout, or a shutdown that stopped waiting): alone, each
        // would wait as long again. Each gets the answer a cancelled request gets.
        for (const Pending &pending : batch)
            pending.respond(
                api::ApiContext::answer(pending.requestId, [&]() -> Response { throw e; }));
        return true;
    } catch (const std::exception &) { // a refusal (ApiError), or a failure each meets alone
        return false;
    }
    for (const auto &f : tx.afterCommit)
        f();
    if (m_api.events().lotTransaction)
        m_api.events().lotTransaction(true);
    for (qsizetype i = 0; i < batch.size(); ++i)
        batch.at(i).respond(registeredAnswer(stored.at(i)));
    return true;
}

void LotIntake::registerAlone(db::PgSession &session, const Pending &pending)
{
    const api::IdempotentRequest call{{}, "POST", QStringLiteral("/api/v1/lots"), {}};
    bool committed = false;
    Response r = api::ApiContext::answer(pending.requestId, [&] {
        Response out = m_api.mutation(session, pending.user, call, [&](api::Tx &tx) {
            return registeredAnswer(service::create(tx, pending.command, m_api.events()));
        });
        committed = true;
        return out;
    });
    if (committed && m_api.events().lotTransaction)
        m_api.events().lotTransaction(false);
    pending.respond(std::move(r));
}

void LotIntake::failed(db::DbFailure failure)
{
    std::deque<Pending> unanswered;
    {
        std::lock_guard lock(m_mutex);
        --m_running;
        // With no job left to take them, those waiting are answered now.
        if (m_running == 0)
            unanswered.swap(m_waiting);
    }
    for (const Pending &pending : unanswered)
        pending.respond(api::ApiContext::unavailable(failure));
}

} // namespace flowviz::lots
