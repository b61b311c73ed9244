#include "backend/qc/setlimitdecoder.h"

#include "backend/api/bodyreader.h"

#include "domain/validation.h"

namespace flowviz::qc {

using api::BodyReader;

namespace {

void readLotType(BodyReader &in, CriticalLimit &limit)
{
    const auto type = in.string(QStringLiteral("lot_type"), false, 10);
    if (!type)
        return;
    limit.lotType = lotTypeFromString(*type);
    if (!limit.lotType)
        in.add({QStringLiteral("lot_type"), QStringLiteral("lot_type.unknown"),
                QStringLiteral("lot_type must be RAW, DEB, BULK, MIX, SKW, FRZ or FG, or "
                               "null for the gate-wide limit.")});
}

void readBounds(BodyReader &in, CriticalLimit &limit)
{
    if (const auto parameter = in.string(QStringLiteral("parameter"), false, 50);
        parameter && *parameter != u"temperature_c")
        in.add({QStringLiteral("parameter"), QStringLiteral("parameter.unknown"),
                QStringLiteral("The only measured parameter is temperature_c.")});
    limit.minC = in.decimal(QStringLiteral("min"), false);
    limit.maxC = in.decimal(QStringLiteral("max"), false);
    for (const auto &[bound, name] : {std::pair{&limit.minC, QStringLiteral("min")},
                                      std::pair{&limit.maxC, QStringLiteral("max")}}) {
        if (*bound)
            in.add(rules::checkTemperature(**bound, name));
    }
    if (!in.has(QStringLiteral("min")) && !in.has(QStringLiteral("max")))
        in.add({QStringLiteral("max"), QStringLiteral("field.required"),
                QStringLiteral("A critical limit needs min, max or both.")});
    if (limit.minC && limit.maxC && *limit.minC > *limit.maxC)
        in.add({QStringLiteral("min"), QStringLiteral("limit.inverted"),
                QStringLiteral("min must not be above max.")});
}

QString readReason(BodyReader &in)
{
    const QString reason = in.string(QStringLiteral("reason"), true, 1000).value_or(QString());
    if (in.has(QStringLiteral("reason")) && rules::nonBlankLength(reason) < 10)
        in.add({QStringLiteral("reason"), QStringLiteral("reason.required"),
                QStringLiteral("Say why the limit changes (at least 10 characters): the "
                               "HACCP plan's reference or the validation behind it.")});
    return reason.trimmed();
}

} // namespace

SetLimit decodeSetLimit(const QJsonObject &body, const Gate &gate)
{
    BodyReader in(body, {QStringLiteral("lot_type"), QStringLiteral("parameter"),
                         QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("reason")});
    SetLimit command;
    readLotType(in, command.limit);
    readBounds(in, command.limit);
    command.reason = readReason(in);
    if (!gate.isCcp)
        in.add({QStringLiteral("gate_number"), QStringLiteral("gate.not_ccp"),
                QStringLiteral("Gate %1 is not a critical control point; only CCP gates have "
                               "critical limits.")
                    .arg(gate.number)});
    in.throwIfErrors();
    return command;
}

} // namespace flowviz::qc
