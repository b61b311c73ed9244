#include "app/registration/rulemessages.h"

#include "app/core/domainlabels.h"

#include "domain/receiving.h"

#include <QLocale>

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
    if (c == QLatin1String("corrective_action.required"))
        return tr("Write down the corrective action taken (at least %1 characters): what was "
                  "done with the product and the process. It is required for HOLD and FAIL at "
                  "a critical control point.")
            .arg(rules::kCorrectiveActionMin);
    if (c == QLatin1String("corrective_action.too_long"))
        return tr("The corrective action is too long: at most %1 characters.")
            .arg(rules::kCorrectiveActionMax);
    // Signatures are checked by the server when a decision syncs.
    if (c == QLatin1String("signature.required"))
        return tr("This decision must be signed electronically. Discard it and record it again "
                  "on the QC decision page, where your password is asked for.");
    if (c == QLatin1String("signature.invalid"))
        return tr("The server could not verify the electronic signature of this decision (the "
                  "record or the key does not match). Discard it and record the decision again "
                  "on the QC decision page.");
    if (c == QLatin1String("signature.key_retired"))
        return tr("The signing key used for this decision has been replaced (for example after "
                  "a password change). Log in again, discard this item and record the decision "
                  "again.");
    if (c == QLatin1String("signature.signer_disabled"))
        return tr("The account that signed this decision is disabled, so its signature is no "
                  "longer accepted. Ask a supervisor to record the decision again.");
    if (c == QLatin1String("signature.signer_not_allowed"))
        return tr("This decision was signed by another user than the one logged in when it was "
                  "sent. Let the signer log in on this workstation and send it again unchanged.");
    // Suppliers.
    if (c == QLatin1String("supplier_code.empty"))
        return tr("Enter a code for the supplier, for example its short name.");
    if (c == QLatin1String("supplier_code.too_long"))
        return tr("The supplier code is too long: at most %1 characters.")
            .arg(rules::kSupplierCodeMaxLength);
    if (c == QLatin1String("supplier_code.invalid_character"))
        return tr("The supplier code may contain only A-Z, 0-9, '-', '_', '.' and '/', with at "
                  "least one letter or digit.");
    // Shipments.
    if (c == QLatin1String("reference.empty"))
        return tr("Enter the shipment's reference (the delivery note number).");
    if (c == QLatin1String("reference.too_long"))
        return tr("The shipment reference is too long: at most 40 characters.");
    if (c == QLatin1String("reference.invalid_character"))
        return tr("The shipment reference may contain only A-Z, 0-9, '-', '_', '.' and '/', with "
                  "at least one letter or digit.");
    // Receiving (RAW lots): the supplier's label and the delivery.
    if (c == QLatin1String("supplier_lot_code.empty"))
        return tr("Enter the supplier's lot code from the label, or scan the label.");
    if (c == QLatin1String("supplier_lot_code.too_long"))
        return tr("The supplier's lot code is too long: at most %1 characters.")
            .arg(rules::kSupplierLotCodeMaxLength);
    if (c == QLatin1String("supplier_lot_code.invalid_character"))
        return tr("The supplier's lot code may contain only the letters, digits and signs of "
                  "the label (no accented letters). Check what was typed.");
    if (c == QLatin1String("supplier_lot_code.space"))
        return tr("The supplier's lot code must not begin or end with a space.");
    if (c == QLatin1String("gtin.format"))
        return tr("A GTIN has 14 digits. Scan the label, or type the number under the barcode "
                  "with leading zeros.");
    if (c == QLatin1String("gtin.check_digit"))
        return tr("This GTIN has a wrong check digit: it was misread or mistyped. Scan the "
                  "label again.");
    if (c == QLatin1String("delivery_note.too_long"))
        return tr("The delivery note number is too long: at most %1 characters.")
            .arg(rules::kDeliveryNoteMaxLength);
    if (c == QLatin1String("text.blank"))
        return tr("This field must not be only spaces.");
    if (c == QLatin1String("text.control_character"))
        return tr("This field must be one line without special characters.");
    if (c == QLatin1String("text.space"))
        return tr("This field must not begin or end with a space.");
    if (c == QLatin1String("supplier.unknown"))
        return tr("The server does not know this supplier. Ask a manager to add it, then "
                  "register the lot again.");
    if (c == QLatin1String("supplier.inactive"))
        return tr("This supplier is no longer active, so no material is received from it. Ask a "
                  "manager.");
    if (c == QLatin1String("received_on.future"))
        return tr("The day received cannot be later than today.");
    if (c == QLatin1String("expires_on.before_received"))
        return tr("The expiry date is before the day received: the material had expired.");
    if (c == QLatin1String("units.range"))
        return tr("The number of trade units must be a whole number from 1 to %1.")
            .arg(rules::kReceiptUnitsMax);
    if (c == QLatin1String("receipt.not_raw"))
        return tr("Only a RAW lot is received from a supplier.");
    return error.message;
}

QMap<QString, QString> RuleMessages::forProblem(const QString &sentence, const ApiError &error)
{
    QMap<QString, QString> out{{QString(), sentence}};
    for (const ApiError::FieldProblem &p : error.fieldErrors) {
        if (knows(p.code))
            out.insert(p.field, message({p.field, p.code, p.message}));
    }
    return out;
}

bool RuleMessages::knows(const QString &code)
{
    return message(FieldError{QString(), code, QString()}) != QString();
}

QString RuleMessages::asTyped(QString canonical)
{
    return canonical.replace(u'.', QLocale().decimalPoint());
}

QString RuleMessages::celsius(const Decimal &value)
{
    // One decimal at least, as the limits are kept ("-18.0"), with the locale's separator.
    QString text = value.toString();
    if (!text.contains(u'.'))
        text += QStringLiteral(".0");
    return tr("%1 °C").arg(asTyped(text));
}

QString RuleMessages::limitText(const CriticalLimit &limit)
{
    if (limit.minC && limit.maxC)
        return tr("between %1 and %2").arg(celsius(*limit.minC), celsius(*limit.maxC));
    if (limit.maxC)
        return tr("%1 or colder").arg(celsius(*limit.maxC));
    if (limit.minC)
        return tr("%1 or hotter").arg(celsius(*limit.minC));
    return tr("any value");
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

QString RuleMessages::decisionName(Decision decision)
{
    return DomainLabels::decision(decision);
}

} // namespace flowviz::app
