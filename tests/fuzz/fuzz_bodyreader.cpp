// Request bodies (backend/api/bodyreader.*, backend/api/jsontext.*): the bytes of a POST, read as
// ApiContext::jsonBody reads them, then decoded by the lot service's strict decoder and field by
// field with the domain rules as the QC-decision decoder reads its body.
#include "backend/api/apierror.h"
#include "backend/api/bodyreader.h"
#include "backend/api/jsontext.h"
#include "backend/lots/lotcommands.h"

#include "domain/enums.h"
#include "domain/validation.h"

#include "tests/fuzz/fuzzassert.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstddef>
#include <cstdint>

using namespace flowviz;
using flowviz::api::BodyReader;

namespace {

// Whether parsing produced text that is not text: a NUL or a UTF-16 surrogate without its pair.
bool badText(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isNull())
            return true;
        if (c.isHighSurrogate()) {
            if (i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
                ++i;
            else
                return true;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

bool badText(const QJsonValue &v)
{
    if (v.isString())
        return badText(v.toString());
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            if (badText(e))
                return true;
        }
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (badText(it.key()) || badText(it.value()))
                return true;
        }
    }
    return false;
}

void finish(const BodyReader &in, const QJsonObject &body)
{
    for (const FieldError &e : in.errors()) {
        FUZZ_ASSERT(!e.code.isEmpty() && !e.message.isEmpty());
        // Only a member named "" has an empty name to report.
        FUZZ_ASSERT(!e.field.isEmpty() || body.contains(QString()));
    }
    try {
        in.throwIfErrors();
        FUZZ_ASSERT(in.errors().isEmpty());
    } catch (const api::ApiError &e) {
        FUZZ_ASSERT(!in.errors().isEmpty());
        FUZZ_ASSERT(e.response().status == 422);
    }
}

// The fields of POST /api/v1/lots, as lots::service::create reads them.
// The lot service's own strict decoder (backend/lots/lotcommands.*): either a 422, or a
// command whose every value passes the domain rules.
void readLot(const QJsonObject &body)
{
    try {
        const wire::RegisterLot lot = lots::decodeRegisterLot(body);
        FUZZ_ASSERT(!rules::checkLotCode(lot.lotCode));
        FUZZ_ASSERT(rules::normalizeLotCode(lot.lotCode) == lot.lotCode);
        if (lot.weightKg)
            FUZZ_ASSERT(!rules::checkWeight(*lot.weightKg));
        if (lot.temperatureC)
            FUZZ_ASSERT(!rules::checkTemperature(*lot.temperatureC));
        if (lot.clientCreatedAt)
            FUZZ_ASSERT(lot.clientCreatedAt->isValid());
        for (const wire::ParentUse &p : lot.parents)
            FUZZ_ASSERT(!rules::checkLotCode(p.lotCode));
    } catch (const api::ApiError &e) {
        FUZZ_ASSERT(e.response().status == 422);
    }
}

// The fields of POST /api/v1/qc-decisions, as qc::service::record reads them.
void readDecision(const QJsonObject &body)
{
    BodyReader in(body, {QStringLiteral("id"), QStringLiteral("lot_id"), QStringLiteral("lot_code"),
                         QStringLiteral("decision"), QStringLiteral("qc_gate_id"),
                         QStringLiteral("gate_number"), QStringLiteral("notes"),
                         QStringLiteral("temperature_c"), QStringLiteral("corrective_action"),
                         QStringLiteral("signature"), QStringLiteral("decided_at"),
                         QStringLiteral("workstation_id")});
    in.uuid(QStringLiteral("id"), false);
    in.uuid(QStringLiteral("lot_id"), false);
    if (const auto code = in.string(QStringLiteral("lot_code"), false, 1000))
        rules::normalizeLotCode(*code);
    std::optional<Decision> decision;
    if (const auto text = in.string(QStringLiteral("decision"), true))
        decision = decisionFromString(*text);
    in.integer(QStringLiteral("qc_gate_id"), false);
    in.integer(QStringLiteral("gate_number"), false);
    const QString notes = in.string(QStringLiteral("notes"), false, 100000).value_or(QString());
    if (decision)
        in.add(rules::checkNotes(notes, *decision));
    if (const auto t = in.decimal(QStringLiteral("temperature_c"), false))
        in.add(rules::checkTemperature(*t));
    in.string(QStringLiteral("corrective_action"), false, 100000);
    in.string(QStringLiteral("workstation_id"), false, 64);
    in.object(QStringLiteral("signature"), false);
    in.time(QStringLiteral("decided_at"), false);
    finish(in, body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    // The scanner runs on bodies that parsed; it must not trip on any bytes either.
    const FieldErrors changed = api::checkJsonText(body);
    for (const FieldError &e : changed)
        FUZZ_ASSERT(!e.field.isEmpty() && !e.code.isEmpty() && !e.message.isEmpty());

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    // A body that parsed into a NUL or a lone surrogate is refused, never stored changed.
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    if (badText(root))
        FUZZ_ASSERT(!changed.isEmpty());
    if (!changed.isEmpty() || !doc.isObject())
        return 0;

    const QJsonObject object = doc.object();
    readLot(object);
    readDecision(object);
    // Every member, read as each kind of field, so each reader sees every kind of value.
    const QStringList names = object.keys();
    BodyReader any(object, names);
    for (const QString &name : names) {
        any.string(name, true);
        any.decimal(name, true);
        any.uuid(name, true);
        any.time(name, true);
        any.integer(name, true);
        any.object(name, true);
        any.array(name, true);
    }
    finish(any, object);
    return 0;
}
