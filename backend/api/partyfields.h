#pragma once

#include "backend/api/bodyreader.h"
#include "backend/http/httptypes.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// What the records of the businesses the plant deals with (suppliers, customers) share: their
// free text, the change a PATCH makes, the ?active filter of their lists.
namespace flowviz::api {

// Text a person gave (a name, an address): checked with rules::checkPlainText.
std::optional<QString> plainText(BodyReader &in, const QString &name, bool required, int max,
                                 bool multiLine);
// A text member that may be null: absent (nullopt), null (an empty optional) or text.
std::optional<std::optional<QString>> nullablePlainText(BodyReader &in, const QJsonObject &body,
                                                        const QString &name, int max);

inline constexpr int kPartyNameMax = 200;
inline constexpr int kPartyAddressMax = 500;
inline constexpr int kPartyContactMax = 200;

// What PATCH of a supplier or customer changes: absent members are kept.
struct PartyChange
{
    std::optional<QString> name;
    std::optional<std::optional<QString>> address; // null clears
    std::optional<std::optional<QString>> contact;
    std::optional<bool> active;
};
// 422 on any problem, and for a body that changes nothing.
PartyChange decodePartyChange(const QJsonObject &body);

// ?active=true|false, or a 400 problem.
std::optional<bool> activeQuery(const http::Request &request);

} // namespace flowviz::api
