#pragma once

#include "backend/api/apicontext.h"

#include "domain/wire/lot.h"

#include <deque>
#include <memory>
#include <mutex>

namespace flowviz::lots {

// Lot registrations (POST /api/v1/lots) that arrive while others are being stored wait for
// them and then go into the database together: the registrations of one account waiting at
// that moment are registered in one transaction through a service::Registrar (the account
// checked once, the profiles read once, the lots inserted in one statement), at most kBatch of
// them. When any of them is refused, that transaction is rolled back and each is run alone,
// exactly as if it had been the only request: a refused request never costs another its lot,
// and every answer is the one it would have got alone. A request that finds fewer than
// kRunning transactions of registrations running starts one at once, so a lone request waits
// for nothing. Only registrations that lock nothing come here (the route keeps a lot drawing
// from parents, which waits for their locks, and a request with an Idempotency-Key, whose
// replay must see the first answer, in a transaction of their own): a registration here waits
// for no other transaction (but one inserting the same lot code), so the few transactions
// running are not held up.
class LotIntake : public std::enable_shared_from_this<LotIntake>
{
public:
    static constexpr int kBatch = 100;
    // Fewer transactions at once make larger ones: on 2 cores, 2 stored 1.6x as many lots a
    // second as 4 (docs/performance.md).
    static constexpr int kRunning = 2;

    explicit LotIntake(api::ApiContext &api);

    // Queues the registration; `respond` is called once, from a DB worker.
    void submit(const http::Request &request, http::Responder respond, const auth::Claims &user,
                const wire::RegisterLot &command);

private:
    struct Pending
    {
        auth::Claims user;
        wire::RegisterLot command;
        http::Responder respond;
        QString requestId;
    };

    // A DB worker's job: registrations until none is waiting.
    void drain(db::PgSession &session);
    // The oldest waiting registration and those of the same account after it.
    QList<Pending> takeBatch();
    // In one transaction, answering each; false (nothing kept, nobody answered) when any of
    // them was refused or failed, so that each is run alone.
    bool registerTogether(db::PgSession &session, const QList<Pending> &batch);
    void registerAlone(db::PgSession &session, const Pending &pending);
    void failed(db::DbFailure failure);

    api::ApiContext &m_api;
    std::mutex m_mutex;
    std::deque<Pending> m_waiting;
    int m_running = 0; // jobs submitted and not finished
};

} // namespace flowviz::lots
