#include "rulemessages.h"

namespace flowviz::app {

QString RuleMessages::message(const FieldError &error)
{
    const QString &c = error.code;
    if (c == QLatin1String("lot_code.empty"))
        return tr("Enter a lot code, or leave it empty to have one generated.");
    if (c == QLatin1String("lot_code.too_long"))
        return tr("The lot code is too long: at most %1 characters.").arg(rules::kLotCodeMaxLength);
    if (c == QLatin1String("lot_code.invalid_character"))
        return tr("The lot code may contain only A-Z, 0-9, '-', '_', '.' and '/'.");
    if (c == QLatin1String("lot_code.no_alphanumeric"))
        return tr("The lot code needs at least one letter or digit.");
    if (c == QLatin1String("weight.scale"))
        return tr("Enter the weight with at most 2 decimals (kg).");
    if (c == QLatin1String("weight.range"))
        return tr("The weight must be between 0 and 10000 kg. Check the scale reading.");
    if (c == QLatin1String("quantity.not_positive"))
        return tr("Enter how many kg are taken from this lot (more than 0).");
    if (c == QLatin1String("temperature.scale"))
        return tr("Enter the temperature with at most 1 decimal (°C).");
    if (c == QLatin1String("temperature.range"))
        return tr("The temperature must be between -50 and 100 °C. Measure again.");
    if (c == QLatin1String("notes.too_long"))
        return tr("The notes are too long: at most %1 characters.").arg(rules::kNotesMaxLength);
    if (c == QLatin1String("notes.required"))
        return tr("Write at least %1 characters saying why (required for HOLD and FAIL).")
            .arg(rules::kNotesMinForHoldOrFail);
    if (c == QLatin1String("temperature.required_at_ccp"))
        return tr("This gate is a critical control point: measure and enter the temperature.");
    return error.message;
}

QString RuleMessages::parentRefusal(const QString &code, LotStatus status)
{
    switch (status) {
    case LotStatus::HOLD:
        return tr("Lot %1 is on HOLD and cannot be used as an input. Ask QC to release it.")
            .arg(code);
    case LotStatus::QUARANTINE:
        return tr("Lot %1 is in QUARANTINE and cannot be used as an input. Ask QC to release it.")
            .arg(code);
    case LotStatus::REJECTED:
        return tr("Lot %1 was REJECTED by QC and must not be used. Put it aside.").arg(code);
    case LotStatus::CREATED:
    case LotStatus::RELEASED:
    case LotStatus::CONSUMED:
    case LotStatus::FINISHED:
        break;
    }
    return {};
}

QString RuleMessages::statusName(LotStatus status)
{
    switch (status) {
    case LotStatus::CREATED:
        return tr("Created");
    case LotStatus::QUARANTINE:
        return tr("In QUARANTINE");
    case LotStatus::RELEASED:
        return tr("Released");
    case LotStatus::HOLD:
        return tr("On HOLD");
    case LotStatus::REJECTED:
        return tr("Rejected");
    case LotStatus::CONSUMED:
        return tr("Consumed");
    case LotStatus::FINISHED:
        return tr("Finished");
    }
    return {};
}

QString RuleMessages::decisionName(Decision decision)
{
    switch (decision) {
    case Decision::PASS:
        return tr("PASS");
    case Decision::HOLD:
        return tr("HOLD");
    case Decision::FAIL:
        return tr("FAIL");
    }
    return {};
}

} // namespace flowviz::app
