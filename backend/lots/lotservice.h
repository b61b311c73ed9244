#pragma once

#include "backend/api/apicontext.h"
#include "backend/lots/lotrepository.h"

#include "domain/temperatureprofile.h"
#include "domain/wire/lot.h"

#include <functional>
#include <optional>

namespace flowviz::lots {

// Lot registration and lookup: the rules around lots, parents and mass balance. Failures are
// thrown as api::ApiError carrying a wire::Problem.
namespace service {

// Registers a lot (and its genealogy links) and returns it as stored.
wire::Lot create(api::Tx &tx, const wire::RegisterLot &command, const api::Events &events);
wire::Lot get(api::Tx &tx, const QString &lotCode);

// Registers lots one after another in one transaction (a sync batch) under the same rules as
// create(), with less waiting: the lot types' profiles are read once, and each lot's insert is
// queued rather than waited for, so a lot that names no run and no parent costs no round trip
// of its own. Later reads of the transaction run after the queued inserts and see them.
class Registrar
{
public:
    explicit Registrar(api::Tx &tx);

    // Checks the command (throwing its refusal) and queues the lot's insert. The function
    // returned answers the lot as stored once the insert is back (sending the queue when it
    // has not gone yet), or throws its 409; it is called while this Registrar lives.
    std::function<wire::Lot()> create(const wire::RegisterLot &command, const api::Events &events);

private:
    api::Tx &m_tx;
    LotRepository m_repo;
    db::PgDeferred<QHash<LotType, TemperatureProfile>> m_queuedProfiles;
    std::optional<QHash<LotType, TemperatureProfile>> m_profiles;
};
wire::LotPage list(api::Tx &tx, LotFilter filter);
// Every lot type's profile, in lot type order.
QList<TemperatureProfile> profiles(api::Tx &tx);
TemperatureProfile updateProfile(api::Tx &tx, const TemperatureProfile &profile);

} // namespace service
} // namespace flowviz::lots
