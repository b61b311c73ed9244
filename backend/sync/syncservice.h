#pragma once

#include "backend/api/apicontext.h"

#include "backend/sync/syncbatch.h"

namespace flowviz::sync {

inline constexpr int kOperationsPerTransaction = 100;

// Runs a batch of operations, each as if it had been sent alone (its own RBAC, validation and
// Idempotency-Key), in a few transactions with a savepoint per operation: one refused
// operation does not undo or block the others. Returns one result per operation, in order.
QList<SyncResult> run(db::PgSession &db, api::ApiContext &api, const auth::Claims &user,
                      const QList<SyncCall> &calls);

} // namespace flowviz::sync
