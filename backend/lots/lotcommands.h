#pragma once

#include "backend/lots/lotrepository.h"

#include "domain/temperatureprofile.h"
#include "domain/wire/lot.h"

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace flowviz::lots {

// The strict decoders of what a client sends to the lot routes and through the sync batch.
// Each collects every problem it finds and throws them together as one 422 api::ApiError;
// none of them reads the database.

// The body of POST /api/v1/lots. Lot codes come back normalised.
wire::RegisterLot decodeRegisterLot(const QJsonObject &body);
// PUT /api/v1/lot-profiles/{lot_type}: 404 for an unknown type, 422 for a bad body.
TemperatureProfile decodeProfileUpdate(const QString &lotType, const QJsonObject &body);
// The query of GET /api/v1/lots, with the cursor turned back into its keyset position.
LotFilter decodeLotQuery(const QUrlQuery &query);

} // namespace flowviz::lots
