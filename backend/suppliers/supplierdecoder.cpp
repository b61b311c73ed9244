#include "backend/suppliers/supplierdecoder.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"
#include "backend/api/partyfields.h"

#include "domain/receiving.h"

namespace flowviz::suppliers {

using api::BodyReader;

wire::CreateSupplier decodeCreateSupplier(const QJsonObject &body)
{
    BodyReader in(body,
                  {QStringLiteral("id"), QStringLiteral("supplier_code"), QStringLiteral("name"),
                   QStringLiteral("address"), QStringLiteral("contact")});
    wire::CreateSupplier s;
    s.id = in.uuid(QStringLiteral("id"), false);
    if (const auto raw = in.string(QStringLiteral("supplier_code"), true, 1000)) {
        s.supplierCode = rules::normalizeLotCode(*raw);
        in.add(rules::checkSupplierCode(s.supplierCode));
    }
    s.name = api::plainText(in, QStringLiteral("name"), true, api::kPartyNameMax, false)
                 .value_or(QString());
    s.address = api::nullablePlainText(in, body, QStringLiteral("address"), api::kPartyAddressMax)
                    .value_or(std::nullopt);
    s.contact = api::nullablePlainText(in, body, QStringLiteral("contact"), api::kPartyContactMax)
                    .value_or(std::nullopt);
    in.throwIfErrors();
    return s;
}

SupplierChange decodeSupplierChange(const QJsonObject &body)
{
    return api::decodePartyChange(body);
}

} // namespace flowviz::suppliers
