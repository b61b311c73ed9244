#include "backend/dispatch/dispatchdecoder.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"
#include "backend/api/partyfields.h"

#include "domain/receiving.h"

#include <QSet>

namespace flowviz::dispatch {

using api::BodyReader;

namespace {

constexpr int kCarrierMax = 200;
constexpr int kMaxPlaces = 50;

// A code of the plant's alphabet, normalised; empty when absent or wrong (the error is in `in`).
QString code(BodyReader &in, const QString &name, bool required, const QString &noun)
{
    const auto raw = in.string(name, required, 1000);
    if (!raw)
        return {};
    const QString normalized = rules::normalizeLotCode(*raw);
    in.add(rules::checkPlantCode(normalized, in.field(name), name, noun));
    return normalized;
}

} // namespace

wire::CreateCustomer decodeCreateCustomer(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("customer_code"),
                         QStringLiteral("name"), QStringLiteral("address"),
                         QStringLiteral("contact"), QStringLiteral("ship_to")});
    wire::CreateCustomer c;
    c.id = in.uuid(QStringLiteral("id"), false);
    c.customerCode =
        code(in, QStringLiteral("customer_code"), true, QStringLiteral("A customer code"));
    c.name = api::plainText(in, QStringLiteral("name"), true, api::kPartyNameMax, false)
                 .value_or(QString());
    c.address = api::nullablePlainText(in, body, QStringLiteral("address"), api::kPartyAddressMax)
                    .value_or(std::nullopt);
    c.contact = api::nullablePlainText(in, body, QStringLiteral("contact"), api::kPartyContactMax)
                    .value_or(std::nullopt);
    if (const auto places = in.array(QStringLiteral("ship_to"), false)) {
        if (places->size() > kMaxPlaces)
            in.add({QStringLiteral("ship_to"), QStringLiteral("ship_to.too_many"),
                    QStringLiteral("A customer is created with at most %1 ship-to locations; "
                                   "add more one by one.")
                        .arg(kMaxPlaces)});
        QSet<QString> seen;
        for (qsizetype i = 0; i < places->size() && i < kMaxPlaces; ++i) {
            const QString prefix = QStringLiteral("ship_to[%1]").arg(i);
            if (!places->at(i).isObject()) {
                in.add({prefix, QStringLiteral("field.type"),
                        QStringLiteral("%1 must be an object.").arg(prefix)});
                continue;
            }
            BodyReader place(
                places->at(i).toObject(),
                {QStringLiteral("ship_to_code"), QStringLiteral("name"), QStringLiteral("address")},
                prefix + u'.');
            wire::ShipTo t;
            t.shipToCode =
                code(place, QStringLiteral("ship_to_code"), true, QStringLiteral("A ship-to code"));
            t.name = api::plainText(place, QStringLiteral("name"), true, api::kPartyNameMax, false)
                         .value_or(QString());
            t.address =
                api::plainText(place, QStringLiteral("address"), true, api::kPartyAddressMax, true)
                    .value_or(QString());
            if (!t.shipToCode.isEmpty() && seen.contains(t.shipToCode))
                place.add({place.field(QStringLiteral("ship_to_code")),
                           QStringLiteral("ship_to_code.duplicate"),
                           QStringLiteral("Ship-to code %1 is given twice.").arg(t.shipToCode)});
            seen.insert(t.shipToCode);
            in.append(place.errors());
            c.shipTo.append(t);
        }
    }
    in.throwIfErrors();
    return c;
}

CustomerChange decodeCustomerChange(const QJsonObject &body)
{
    return api::decodePartyChange(body);
}

wire::ShipTo decodeShipTo(const QJsonObject &body)
{
    BodyReader in(
        body, {QStringLiteral("ship_to_code"), QStringLiteral("name"), QStringLiteral("address")});
    wire::ShipTo t;
    t.shipToCode = code(in, QStringLiteral("ship_to_code"), true, QStringLiteral("A ship-to code"));
    t.name = api::plainText(in, QStringLiteral("name"), true, api::kPartyNameMax, false)
                 .value_or(QString());
    t.address = api::plainText(in, QStringLiteral("address"), true, api::kPartyAddressMax, true)
                    .value_or(QString());
    in.throwIfErrors();
    return t;
}

wire::CreateShipment decodeCreateShipment(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("reference"),
                         QStringLiteral("customer_code"), QStringLiteral("ship_to_code"),
                         QStringLiteral("ship_date"), QStringLiteral("carrier")});
    wire::CreateShipment s;
    s.id = in.uuid(QStringLiteral("id"), false);
    s.reference =
        code(in, QStringLiteral("reference"), true, QStringLiteral("A shipment reference"));
    s.customerCode =
        code(in, QStringLiteral("customer_code"), true, QStringLiteral("A customer code"));
    if (in.has(QStringLiteral("ship_to_code")))
        s.shipToCode =
            code(in, QStringLiteral("ship_to_code"), false, QStringLiteral("A ship-to code"));
    s.shipDate = in.date(QStringLiteral("ship_date"), true).value_or(QDate());
    s.carrier = api::plainText(in, QStringLiteral("carrier"), false, kCarrierMax, false);
    in.throwIfErrors();
    return s;
}

AddLine decodeAddLine(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("lot_code"), QStringLiteral("quantity_kg")});
    AddLine l;
    if (const auto raw = in.string(QStringLiteral("lot_code"), true, 1000)) {
        l.lotCode = rules::normalizeLotCode(*raw);
        in.add(rules::checkLotCode(l.lotCode));
    }
    if (const auto kg = in.decimal(QStringLiteral("quantity_kg"), true)) {
        l.quantityKg = *kg;
        in.add(rules::checkQuantityUsed(*kg, QStringLiteral("quantity_kg")));
    }
    in.throwIfErrors();
    return l;
}

ReviewCommand decodeReview(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("records_digest"),
                         QStringLiteral("notes"), QStringLiteral("signature")});
    ReviewCommand r;
    r.id = in.uuid(QStringLiteral("id"), false);
    if (const auto digest = in.string(QStringLiteral("records_digest"), true, 64)) {
        const QByteArray bytes = QByteArray::fromHex(digest->toLatin1());
        if (digest->size() != 64 || bytes.size() != 32 || bytes.toHex() != digest->toLatin1())
            in.add({QStringLiteral("records_digest"), QStringLiteral("records_digest.format"),
                    QStringLiteral("records_digest is the 64 lower-case hex digits that GET "
                                   "/api/v1/lots/{lot_code}/ccp-review answered.")});
        else
            r.recordsDigest = bytes;
    }
    if (const auto notes = in.string(QStringLiteral("notes"), false, rules::kNotesMaxLength)) {
        r.notes = *notes;
        if (!notes->isEmpty())
            in.add(rules::checkPlainText(*notes, QStringLiteral("notes"), true));
    }
    const auto signature = qc::readSignature(in);
    if (!signature && !in.has(QStringLiteral("signature")))
        in.add({QStringLiteral("signature"), QStringLiteral("field.required"),
                QStringLiteral("A CCP review is e-signed: send signature.")});
    if (signature)
        r.signature = *signature;
    in.throwIfErrors();
    return r;
}

} // namespace flowviz::dispatch
