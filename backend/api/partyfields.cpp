#include "backend/api/partyfields.h"

#include "backend/api/apierror.h"

#include "domain/receiving.h"

namespace flowviz::api {

std::optional<QString> plainText(BodyReader &in, const QString &name, bool required, int max,
                                 bool multiLine)
{
    const auto value = in.string(name, required, max);
    if (value)
        in.add(rules::checkPlainText(*value, in.field(name), multiLine));
    return value;
}

std::optional<std::optional<QString>> nullablePlainText(BodyReader &in, const QJsonObject &body,
                                                        const QString &name, int max)
{
    if (!body.contains(name))
        return std::nullopt;
    if (body.value(name).isNull())
        return std::optional<QString>();
    return plainText(in, name, false, max, true);
}

PartyChange decodePartyChange(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("name"), QStringLiteral("address"),
                         QStringLiteral("contact"), QStringLiteral("active")});
    PartyChange c;
    c.name = plainText(in, QStringLiteral("name"), false, kPartyNameMax, false);
    c.address = nullablePlainText(in, body, QStringLiteral("address"), kPartyAddressMax);
    c.contact = nullablePlainText(in, body, QStringLiteral("contact"), kPartyContactMax);
    if (body.contains(QStringLiteral("active"))) {
        if (body.value(QStringLiteral("active")).isBool())
            c.active = body.value(QStringLiteral("active")).toBool();
        else
            in.add({QStringLiteral("active"), QStringLiteral("field.type"),
                    QStringLiteral("\"active\" must be true or false.")});
    }
    in.throwIfErrors();
    if (!c.name && !c.address && !c.contact && !c.active)
        throw ApiError::validation(
            QString(), QStringLiteral("body.empty"),
            QStringLiteral("Send at least one of name, address, contact, active."));
    return c;
}

std::optional<bool> activeQuery(const http::Request &request)
{
    const QString active = request.queryValue(QStringLiteral("active"));
    if (active.isEmpty())
        return std::nullopt;
    if (active != u"true" && active != u"false")
        throw ApiError::invalidParameters({{QStringLiteral("active"), QStringLiteral("field.type"),
                                            QStringLiteral("active must be true or false.")}});
    return active == u"true";
}

} // namespace flowviz::api
