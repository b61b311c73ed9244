#include "backend/runs/createrundecoder.h"

#include "backend/api/bodyreader.h"

#include "domain/validation.h"

namespace flowviz::runs {

wire::CreateRun decodeCreateRun(const QJsonObject &body)
{
    api::BodyReader in(body, {QStringLiteral("id"), QStringLiteral("run_code"),
                              QStringLiteral("daily_target_kg")});
    wire::CreateRun command;
    command.id = in.uuid(QStringLiteral("id"), false);
    if (const auto raw = in.string(QStringLiteral("run_code"), true, 1000)) {
        command.runCode = rules::normalizeLotCode(*raw);
        in.add(rules::checkLotCode(command.runCode, QStringLiteral("run_code")));
    }
    command.dailyTargetKg = in.decimal(QStringLiteral("daily_target_kg"), false);
    if (command.dailyTargetKg)
        in.add(rules::checkWeight(*command.dailyTargetKg, QStringLiteral("daily_target_kg")));
    in.throwIfErrors();
    return command;
}

} // namespace flowviz::runs
