#pragma once

#include "backend/api/apicontext.h"
#include "backend/lots/lotrepository.h"

#include "domain/temperatureprofile.h"
#include "domain/wire/lot.h"

namespace flowviz::lots {

// Lot registration and lookup: the rules around lots, parents and mass balance. Failures are
// thrown as api::ApiError carrying a wire::Problem.
namespace service {

// Registers a lot (and its genealogy links) and returns it as stored.
wire::Lot create(api::Tx &tx, const wire::RegisterLot &command, const api::Events &events);
wire::Lot get(api::Tx &tx, const QString &lotCode);
wire::LotPage list(api::Tx &tx, LotFilter filter);
// Every lot type's profile, in lot type order.
QList<TemperatureProfile> profiles(api::Tx &tx);
TemperatureProfile updateProfile(api::Tx &tx, const TemperatureProfile &profile);

} // namespace service
} // namespace flowviz::lots
