#include "backend/suppliers/supplierdecoder.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"

#include "domain/receiving.h"

namespace flowviz::suppliers {

using api::BodyReader;

namespace {

constexpr int kNameMax = 200;
constexpr int kAddressMax = 500;
constexpr int kContactMax = 200;

std::optional<QString> text(BodyReader &in, const QString &name, bool required, int max,
                            bool multiLine)
{
    const auto value = in.string(name, required, max);
    if (value)
        in.add(rules::checkPlainText(*value, in.field(name), multiLine));
    return value;
}

// address and contact: a string, or null to clear it (PATCH) / leave it empty (POST).
std::optional<std::optional<QString>> nullableText(BodyReader &in, const QJsonObject &body,
                                                   const QString &name, int max)
{
    if (!body.contains(name))
        return std::nullopt;
    if (body.value(name).isNull())
        return std::optional<QString>();
    return text(in, name, false, max, true);
}

} // namespace

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
    s.name = text(in, QStringLiteral("name"), true, kNameMax, false).value_or(QString());
    s.address =
        nullableText(in, body, QStringLiteral("address"), kAddressMax).value_or(std::nullopt);
    s.contact =
        nullableText(in, body, QStringLiteral("contact"), kContactMax).value_or(std::nullopt);
    in.throwIfErrors();
    return s;
}

SupplierChange decodeSupplierChange(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("name"), QStringLiteral("address"),
                         QStringLiteral("contact"), QStringLiteral("active")});
    SupplierChange c;
    c.name = text(in, QStringLiteral("name"), false, kNameMax, false);
    c.address = nullableText(in, body, QStringLiteral("address"), kAddressMax);
    c.contact = nullableText(in, body, QStringLiteral("contact"), kContactMax);
    if (body.contains(QStringLiteral("active"))) {
        if (body.value(QStringLiteral("active")).isBool())
            c.active = body.value(QStringLiteral("active")).toBool();
        else
            in.add({QStringLiteral("active"), QStringLiteral("field.type"),
                    QStringLiteral("\"active\" must be true or false.")});
    }
    in.throwIfErrors();
    if (!c.name && !c.address && !c.contact && !c.active)
        throw api::ApiError::validation(
            QString(), QStringLiteral("body.empty"),
            QStringLiteral("Send at least one of name, address, contact, active."));
    return c;
}

} // namespace flowviz::suppliers
