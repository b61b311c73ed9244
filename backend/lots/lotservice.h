#pragma once

#include "backend/api/apicontext.h"
#include "backend/lots/lotrepository.h"

#include "domain/temperatureprofile.h"
#include "domain/wire/lot.h"

#include <functional>
#include <memory>
#include <optional>

namespace flowviz::lots {

// Lot registration and lookup: the rules around lots, parents and mass balance. Failures are
// thrown as api::ApiError carrying a wire::Problem.
namespace service {

// Registers a lot (and its genealogy links) and returns it as stored.
wire::Lot create(api::Tx &tx, const wire::RegisterLot &command, const api::Events &events);
wire::Lot get(api::Tx &tx, const QString &lotCode);

// Registers lots one after another in one transaction (a sync batch) under the same rules as
// create(), with less waiting and less work for the database: the lot types' profiles are read
// once, and lots without a receipt are gathered with their links and inserted in one statement.
// The gathered lots are sent before anything that must see them: a lot drawing from one of
// them, or from a parent one of them draws from (its draws are checked against what is
// stored), a lot with a receipt (inserted in its place), whatever the caller queues after
// flush(), and when one of their answers is asked for. Lots keep their order either way.
class Registrar
{
public:
    explicit Registrar(api::Tx &tx);
    ~Registrar();

    // Checks the command (throwing its refusal) and queues the lot's insert. The function
    // returned answers the lot as stored once the insert is back (sending the queue when it
    // has not gone yet), or throws its 409; it is called while this Registrar lives.
    std::function<wire::Lot()> create(const wire::RegisterLot &command, const api::Events &events);
    // Queues the insert of the lots gathered so far, and then what waits for it (afterInsert()),
    // so that what the session runs next sees them.
    void flush();

    // A lot gathered and not sent yet. No other transaction can see it before this one commits,
    // so it is stored as it was registered, and locked by this transaction once it is.
    struct PendingLot
    {
        QUuid id;
        QString lotCode;
        LotType type = LotType::RAW;
        LotStatus status = LotStatus::CREATED;
    };
    // The gathered lot with this id (when `id` is given) or else this normalized code, if any.
    std::optional<PendingLot> pending(const std::optional<QUuid> &id, const QString &code) const;
    // Queues `writes` (statements on the gathered lots) right after their insert, when flush()
    // queues it; at once when nothing is gathered.
    void afterInsert(std::function<void()> writes);

private:
    struct Gathered;

    api::Tx &m_tx;
    LotRepository m_repo;
    db::PgDeferred<QHash<LotType, TemperatureProfile>> m_queuedProfiles;
    std::optional<QHash<LotType, TemperatureProfile>> m_profiles;
    std::shared_ptr<Gathered> m_gathering; // lots whose insert is not queued yet
};
wire::LotPage list(api::Tx &tx, LotFilter filter);
// Every lot type's profile, in lot type order.
QList<TemperatureProfile> profiles(api::Tx &tx);
TemperatureProfile updateProfile(api::Tx &tx, const TemperatureProfile &profile);

} // namespace service
} // namespace flowviz::lots
