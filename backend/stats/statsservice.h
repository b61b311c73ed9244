#pragma once

#include "backend/stats/statsparams.h"

#include "backend/api/apicontext.h"

#include "domain/wire/stats.h"

#include <QTimeZone>

namespace flowviz::stats {

// The supervisor dashboard's figures: lots and kilograms, QC outcomes and first-pass yield per
// time bucket of the plant's zone, lots on hold by age, and workstation heartbeats. Times in
// answers carry the plant zone's offset.
namespace service {

// Heartbeats come every 30 s (app/sync/syncengine.cpp); four missed ones mean offline.
inline constexpr int kOfflineAfterSeconds = 120;
// At most this many held lots are listed; "total" counts them all.
inline constexpr int kMaxHeldLots = 1000;

wire::LotsStats lots(api::Tx &tx, const SeriesParams &params, const QTimeZone &zone);
wire::QcStats qc(api::Tx &tx, const SeriesParams &params, const QTimeZone &zone);
wire::DecisionList qcDecisions(api::Tx &tx, const DecisionListParams &params,
                               const QTimeZone &zone);
wire::HoldsStats holds(api::Tx &tx, const QTimeZone &zone);
wire::WorkstationsStats workstations(api::Tx &tx, const QTimeZone &zone);

} // namespace service
} // namespace flowviz::stats
