#pragma once

#include "backend/api/apicontext.h"

#include "domain/enums.h"
#include "domain/wire/run.h"

#include <QList>

#include <optional>

namespace flowviz::runs::service {

// Starts a production run; a used run code is a 409 ApiError.
wire::Run create(api::Tx &tx, const wire::CreateRun &command);
// Newest first, at most `limit`; every status when `status` is empty.
QList<wire::Run> list(api::Tx &tx, const std::optional<RunStatus> &status, int limit);
// Completes an ACTIVE run: 404 for an unknown code, 409 when the run is not ACTIVE.
wire::Run complete(api::Tx &tx, const QString &runCode);

} // namespace flowviz::runs::service
