#include "backend/lots/lotcommands.h"

#include "backend/lots/lotcursor.h"

#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"

#include "domain/receiving.h"
#include "domain/validation.h"

#include <QJsonDocument>

#include <utility>

namespace flowviz::lots {

using api::ApiError;
using api::BodyReader;

namespace {

constexpr int kMaxParents = 100;
constexpr int kMaxMetadataBytes = 16 * 1024;

QStringList registerLotFields()
{
    return {QStringLiteral("id"),
            QStringLiteral("lot_code"),
            QStringLiteral("lot_type"),
            QStringLiteral("weight_kg"),
            QStringLiteral("temperature_c"),
            QStringLiteral("production_run_id"),
            QStringLiteral("run_code"),
            QStringLiteral("metadata"),
            QStringLiteral("parents"),
            QStringLiteral("workstation_id"),
            QStringLiteral("client_created_at"),
            QStringLiteral("receipt")};
}

QString decodeLotCode(BodyReader &in)
{
    const auto raw = in.string(QStringLiteral("lot_code"), true, 1000);
    if (!raw)
        return {};
    const QString code = rules::normalizeLotCode(*raw);
    in.add(rules::checkLotCode(code));
    return code;
}

std::optional<LotType> decodeLotType(BodyReader &in)
{
    const auto text = in.string(QStringLiteral("lot_type"), true);
    if (!text)
        return std::nullopt;
    const auto type = lotTypeFromString(*text);
    if (!type)
        in.add({QStringLiteral("lot_type"), QStringLiteral("lot_type.unknown"),
                QStringLiteral("lot_type must be one of RAW, DEB, BULK, MIX, SKW, FRZ, FG.")});
    return type;
}

std::optional<QJsonObject> decodeMetadata(BodyReader &in)
{
    const auto metadata = in.object(QStringLiteral("metadata"), false);
    if (QJsonDocument(metadata.value_or(QJsonObject())).toJson(QJsonDocument::Compact).size() >
        kMaxMetadataBytes)
        in.add({QStringLiteral("metadata"), QStringLiteral("metadata.too_large"),
                QStringLiteral("metadata holds at most 16 KiB of JSON.")});
    return metadata;
}

// parents[i]: a registered lot's code (not the new lot's, not listed before) and the quantity
// drawn from it. Errors go to `in`; only a parent without errors is returned.
std::optional<wire::ParentUse> decodeParent(BodyReader &in, const QJsonValue &value, qsizetype i,
                                            const QString &code, const QList<wire::ParentUse> &seen)
{
    if (!value.isObject()) {
        in.add({QStringLiteral("parents[%1]").arg(i), QStringLiteral("field.type"),
                QStringLiteral("Each parent is an object with lot_code and quantity_used_kg.")});
        return std::nullopt;
    }
    BodyReader p(value.toObject(), {QStringLiteral("lot_code"), QStringLiteral("quantity_used_kg")},
                 QStringLiteral("parents[%1].").arg(i));
    const auto rawCode = p.string(QStringLiteral("lot_code"), true, 1000);
    const auto quantity = p.decimal(QStringLiteral("quantity_used_kg"), true);
    wire::ParentUse use;
    if (rawCode) {
        use.lotCode = rules::normalizeLotCode(*rawCode);
        const QString field = p.field(QStringLiteral("lot_code"));
        p.add(rules::checkLotCode(use.lotCode, field));
        if (use.lotCode == code)
            p.add({field, QStringLiteral("parents.self"),
                   QStringLiteral("A lot cannot be its own parent.")});
        for (const wire::ParentUse &earlier : seen) {
            if (earlier.lotCode == use.lotCode)
                p.add({field, QStringLiteral("parents.duplicate"),
                       QStringLiteral("Parent %1 is listed twice; give its total quantity once.")
                           .arg(use.lotCode)});
        }
    }
    if (quantity) {
        p.add(rules::checkQuantityUsed(*quantity, p.field(QStringLiteral("quantity_used_kg"))));
        use.quantityUsedKg = *quantity;
    }
    in.append(p.errors());
    return p.errors().isEmpty() ? std::optional(use) : std::nullopt;
}

QList<wire::ParentUse> decodeParents(BodyReader &in, const QString &code)
{
    QList<wire::ParentUse> uses;
    const auto parents = in.array(QStringLiteral("parents"), false);
    if (!parents)
        return uses;
    if (parents->size() > kMaxParents)
        in.add({QStringLiteral("parents"), QStringLiteral("parents.too_many"),
                QStringLiteral("A lot has at most %1 parents.").arg(kMaxParents)});
    for (qsizetype i = 0; i < parents->size() && i < kMaxParents; ++i) {
        if (const auto use = decodeParent(in, parents->at(i), i, code, uses))
            uses.append(*use);
    }
    return uses;
}

// receipt: what a RAW lot was received as (the supplier, the supplier's lot code as printed,
// the day). Errors go to `in`.
std::optional<wire::LotReceipt> decodeReceipt(BodyReader &in, std::optional<LotType> type)
{
    const auto object = in.object(QStringLiteral("receipt"), false);
    if (!object)
        return std::nullopt;
    if (type && *type != LotType::RAW) {
        in.add({QStringLiteral("receipt"), QStringLiteral("receipt.not_raw"),
                QStringLiteral("Only a RAW lot is received from a supplier; a %1 lot is made "
                               "from its parents.")
                    .arg(toString(*type))});
        return std::nullopt;
    }
    BodyReader r(*object,
                 {QStringLiteral("supplier_code"), QStringLiteral("supplier_lot_code"),
                  QStringLiteral("gtin"), QStringLiteral("delivery_note"),
                  QStringLiteral("received_on"), QStringLiteral("expires_on"),
                  QStringLiteral("units")},
                 QStringLiteral("receipt."));
    wire::LotReceipt receipt;
    if (const auto code = r.string(QStringLiteral("supplier_code"), true, 1000)) {
        receipt.supplierCode = rules::normalizeLotCode(*code);
        r.add(rules::checkSupplierCode(receipt.supplierCode,
                                       r.field(QStringLiteral("supplier_code"))));
    }
    if (const auto lot = r.string(QStringLiteral("supplier_lot_code"), true, 1000)) {
        receipt.supplierLotCode = *lot;
        r.add(rules::checkSupplierLotCode(*lot, r.field(QStringLiteral("supplier_lot_code"))));
    }
    receipt.gtin = r.string(QStringLiteral("gtin"), false, 1000);
    if (receipt.gtin)
        r.add(rules::checkGtin(*receipt.gtin, r.field(QStringLiteral("gtin"))));
    receipt.deliveryNote = r.string(QStringLiteral("delivery_note"), false, 1000);
    if (receipt.deliveryNote)
        r.add(rules::checkDeliveryNote(*receipt.deliveryNote,
                                       r.field(QStringLiteral("delivery_note"))));
    receipt.receivedOn = r.date(QStringLiteral("received_on"), true).value_or(QDate());
    // A day ahead is allowed: a workstation east of the server's zone is already there.
    if (receipt.receivedOn.isValid() && receipt.receivedOn > QDate::currentDate().addDays(1))
        r.add({r.field(QStringLiteral("received_on")), QStringLiteral("received_on.future"),
               QStringLiteral("received_on %1 is in the future.")
                   .arg(receipt.receivedOn.toString(Qt::ISODate))});
    receipt.expiresOn = r.date(QStringLiteral("expires_on"), false);
    // Expired on arrival is either a swapped pair of dates or material that must not be taken
    // in: neither is recorded as a receipt.
    if (receipt.expiresOn && receipt.receivedOn.isValid() &&
        *receipt.expiresOn < receipt.receivedOn)
        r.add({r.field(QStringLiteral("expires_on")), QStringLiteral("expires_on.before_received"),
               QStringLiteral("expires_on %1 is before received_on %2: expired material is not "
                              "received.")
                   .arg(receipt.expiresOn->toString(Qt::ISODate),
                        receipt.receivedOn.toString(Qt::ISODate))});
    receipt.units = r.integer(QStringLiteral("units"), false);
    if (receipt.units && (*receipt.units < 1 || *receipt.units > rules::kReceiptUnitsMax))
        r.add({r.field(QStringLiteral("units")), QStringLiteral("units.range"),
               QStringLiteral("units is a count of trade units from 1 to %1.")
                   .arg(rules::kReceiptUnitsMax)});
    in.append(r.errors());
    return r.errors().isEmpty() ? std::optional(receipt) : std::nullopt;
}

QString queryParam(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

// type, status, run and code_prefix.
void decodeLotFields(const QUrlQuery &query, LotFilter &f, FieldErrors &errors)
{
    if (const QString t = queryParam(query, "type"); !t.isEmpty()) {
        f.type = lotTypeFromString(t.toUpper());
        if (!f.type)
            errors.append(
                {QStringLiteral("type"), QStringLiteral("lot_type.unknown"),
                 QStringLiteral("type must be one of RAW, DEB, BULK, MIX, SKW, FRZ, FG.")});
    }
    if (const QString s = queryParam(query, "status"); !s.isEmpty()) {
        f.status = lotStatusFromString(s.toUpper());
        if (!f.status)
            errors.append({QStringLiteral("status"), QStringLiteral("status.unknown"),
                           QStringLiteral("Unknown status %1.").arg(s)});
    }
    f.runCode = queryParam(query, "run").toUpper();
    f.codePrefix = rules::normalizeLotCode(queryParam(query, "code_prefix"));
}

void decodeCreatedRange(const QUrlQuery &query, LotFilter &f, FieldErrors &errors)
{
    for (const auto &[name, target] :
         {std::pair{"created_from", &f.createdFrom}, std::pair{"created_to", &f.createdTo}}) {
        const QString v = queryParam(query, name);
        if (v.isEmpty())
            continue;
        const auto t = api::parseTimeWithOffset(v);
        *target = t.value_or(QDateTime());
        if (!t)
            errors.append(
                {QString::fromLatin1(name), QStringLiteral("field.type"),
                 QStringLiteral(
                     "%1 must be an ISO 8601 time with offset, e.g. 2026-01-14T08:30:00Z.")
                     .arg(QLatin1String(name))});
    }
}

void decodePaging(const QUrlQuery &query, LotFilter &f, FieldErrors &errors)
{
    if (const QString l = queryParam(query, "limit"); !l.isEmpty()) {
        bool ok = false;
        f.limit = l.toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 500)
            errors.append({QStringLiteral("limit"), QStringLiteral("limit.range"),
                           QStringLiteral("limit must be from 1 to 500.")});
    }
    LotCursor cursor;
    if (const QString c = queryParam(query, "cursor");
        !c.isEmpty() && !LotCursor::decode(c, cursor))
        errors.append({QStringLiteral("cursor"), QStringLiteral("cursor.invalid"),
                       QStringLiteral("cursor is not one this server returned.")});
    f.afterCreatedAt = cursor.createdAt;
    f.afterId = cursor.id;
}

} // namespace

wire::RegisterLot decodeRegisterLot(const QJsonObject &body)
{
    BodyReader in(body, registerLotFields());
    wire::RegisterLot c;
    c.id = in.uuid(QStringLiteral("id"), false);
    c.lotCode = decodeLotCode(in);
    const auto type = decodeLotType(in);
    c.weightKg = in.decimal(QStringLiteral("weight_kg"), false);
    if (c.weightKg)
        in.add(rules::checkWeight(*c.weightKg));
    c.temperatureC = in.decimal(QStringLiteral("temperature_c"), false);
    if (c.temperatureC)
        in.add(rules::checkTemperature(*c.temperatureC));
    c.productionRunId = in.uuid(QStringLiteral("production_run_id"), false);
    c.runCode = in.string(QStringLiteral("run_code"), false, 100);
    c.metadata = decodeMetadata(in);
    c.workstationId = in.string(QStringLiteral("workstation_id"), false, 64);
    c.clientCreatedAt = in.time(QStringLiteral("client_created_at"), false);
    c.parents = decodeParents(in, c.lotCode);
    c.receipt = decodeReceipt(in, type);
    in.throwIfErrors();
    c.type = *type;
    return c;
}

TemperatureProfile decodeProfileUpdate(const QString &lotType, const QJsonObject &body)
{
    const auto type = lotTypeFromString(lotType.toUpper());
    if (!type)
        throw ApiError::notFound(QStringLiteral("No lot type %1.").arg(lotType));
    QJsonObject full = body;
    full.insert(QStringLiteral("lot_type"), toString(*type));
    BodyReader in(full, {QStringLiteral("lot_type"), QStringLiteral("temp_min_c"),
                         QStringLiteral("temp_max_c"), QStringLiteral("temp_margin_c"),
                         QStringLiteral("weight_min_kg"), QStringLiteral("weight_max_kg"),
                         QStringLiteral("weight_margin_kg")});
    for (const char *t : {"temp_min_c", "temp_max_c", "temp_margin_c"}) {
        if (const auto d = in.decimal(QLatin1String(t), true))
            in.add(rules::checkTemperature(*d, QLatin1String(t)));
    }
    for (const char *w : {"weight_min_kg", "weight_max_kg", "weight_margin_kg"}) {
        if (const auto d = in.decimal(QLatin1String(w), true))
            in.add(rules::checkWeight(*d, QLatin1String(w)));
    }
    in.throwIfErrors();
    const auto profile = TemperatureProfile::fromJson(full);
    if (!profile || profile->tempMargin < Decimal())
        throw ApiError::validation(
            QStringLiteral("temp_min_c"), QStringLiteral("profile.range"),
            QStringLiteral("Minimums must not exceed maximums and margins must not be negative."));
    return *profile;
}

LotFilter decodeLotQuery(const QUrlQuery &query)
{
    LotFilter f;
    FieldErrors errors;
    decodeLotFields(query, f, errors);
    decodeCreatedRange(query, f, errors);
    decodePaging(query, f, errors);
    if (!errors.isEmpty())
        throw ApiError::validation(errors);
    return f;
}

} // namespace flowviz::lots
