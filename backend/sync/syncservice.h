#pragma once

#include "backend/api/apicontext.h"

#include "backend/sync/syncbatch.h"

namespace flowviz::sync {

inline constexpr int kOperationsPerTransaction = 100;

// Runs a batch of operations, each as if it had been sent alone (its own RBAC, validation and
// Idempotency-Key), in transactions of kOperationsPerTransaction: each set-based first (one
// idempotency read and write for all its operations), and one operation at a time in a
// savepoint each when an operation fails, so that one refused operation does not undo or block
// the others and keeps nothing of its own. Returns one result per operation, in order.
QList<SyncResult> run(db::PgSession &db, api::ApiContext &api, const auth::Claims &user,
                      const QList<SyncCall> &calls);

} // namespace flowviz::sync
