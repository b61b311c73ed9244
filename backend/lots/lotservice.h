#pragma once

#include "backend/api/apicontext.h"

namespace flowviz::lots {

// Lot registration and lookup: the rules around lots, parents and mass balance.
namespace service {

http::Response create(api::Tx &tx, const QJsonObject &body, const api::Events &events);
http::Response get(api::Tx &tx, const QString &lotCode);
http::Response list(api::Tx &tx, const QUrlQuery &query);
http::Response profiles(api::Tx &tx);
http::Response updateProfile(api::Tx &tx, const QString &lotType, const QJsonObject &body);

} // namespace service
} // namespace flowviz::lots
