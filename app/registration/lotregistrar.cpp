#include "app/registration/lotregistrar.h"

#include "app/api/apiclient.h"
#include "app/cache/lotlookup.h"
#include "app/codes/lotcodegenerator.h"
#include "app/outbox/outbox.h"
#include "app/registration/rulemessages.h"

#include "domain/lotstatusrules.h"
#include "domain/receiving.h"
#include "domain/wire/lot.h"

#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace flowviz::app {

namespace {

// A number as the operator typed it: '.' or the locale's decimal point, never a group separator.
std::optional<Decimal> typedNumber(const QString &text)
{
    return Decimal::parseTyped(text, QLocale().decimalPoint());
}

} // namespace

LotRegistrar::LotRegistrar(LocalCache *cache, Outbox *outbox, LotCodeGenerator *codes,
                           const QString &workstationId, QObject *parent)
    : QObject(parent), m_cache(cache), m_outbox(outbox), m_codes(codes),
      m_workstationId(workstationId)
{
    connect(m_outbox, &Outbox::changed, this, &LotRegistrar::onOutboxChanged);
}

ParentCheck LotRegistrar::checkParent(const QString &rawCode) const
{
    ParentCheck check;
    check.code = rules::normalizeLotCode(rawCode);
    if (const auto e = rules::checkLotCode(check.code)) {
        check.message =
            tr("\"%1\" is not a lot code. Scan the lot's label again.").arg(rawCode.trimmed());
        return check;
    }
    check.lot = m_cache->lot(check.code);
    if (!check.lot) {
        check.message = tr("Lot %1 is not known on this workstation. Check the label, or wait "
                           "until the connection to the server is back.")
                            .arg(check.code);
        return check;
    }
    if (statusrules::parentRefusalReason(check.lot->status)) {
        check.message = RuleMessages::parentRefusal(check.code, check.lot->status);
        return check;
    }
    check.verdict = ParentCheck::Verdict::Usable;
    return check;
}

void LotRegistrar::lookupParent(const QString &code, QObject *context,
                                std::function<void(const ParentCheck &)> done)
{
    // Fresh from the server while it can be asked: a parent put on HOLD at another workstation
    // a moment ago is refused now, not when the new lot reaches the server.
    QPointer<LotRegistrar> self(this);
    const bool online = !m_online || m_online();
    lookupLot(
        m_api, m_cache, code, online, context, [self, code, done](const LotLookupResult &result) {
            if (!self)
                return;
            ParentCheck check = self->checkParent(code);
            if (result.found() || result.invalidCode) {
                done(check);
                return;
            }
            check.verdict = ParentCheck::Verdict::Refused;
            check.lot.reset();
            if (result.notRegistered)
                check.message = tr("Lot %1 is not registered. Check the label.").arg(check.code);
            else if (result.serverAsked)
                check.message =
                    tr("Lot %1 is not known on this workstation and the server cannot be "
                       "reached to check it. Try again when the connection is back.")
                        .arg(check.code);
            done(check);
        });
}

FieldMessages LotRegistrar::validate(const LotDraft &draft) const
{
    FieldMessages errors;
    auto add = [&errors](const std::optional<FieldError> &e) {
        if (e && !errors.contains(e->field))
            errors.insert(e->field, RuleMessages::message(*e));
    };

    const QString code = rules::normalizeLotCode(draft.lotCode);
    if (!code.isEmpty()) {
        add(rules::checkLotCode(code));
        if (!errors.contains(QStringLiteral("lot_code")) && m_cache->lot(code))
            errors.insert(
                QStringLiteral("lot_code"),
                tr("Lot %1 already exists. Leave the code empty to get a new one.").arg(code));
    }

    const QString weightText = draft.weightKg.trimmed();
    if (weightText.isEmpty()) {
        errors.insert(QStringLiteral("weight_kg"), tr("Enter the weight in kg."));
    } else if (const auto w = typedNumber(weightText)) {
        add(rules::checkWeight(*w));
    } else {
        errors.insert(QStringLiteral("weight_kg"),
                      tr("\"%1\" is not a weight. Enter a number such as %2.")
                          .arg(weightText, RuleMessages::asTyped(QStringLiteral("12.50"))));
    }

    const QString tempText = draft.temperatureC.trimmed();
    if (tempText.isEmpty()) {
        errors.insert(QStringLiteral("temperature_c"),
                      tr("Measure and enter the temperature in °C."));
    } else if (const auto t = typedNumber(tempText)) {
        add(rules::checkTemperature(*t));
    } else {
        errors.insert(QStringLiteral("temperature_c"),
                      tr("\"%1\" is not a temperature. Enter a number such as %2.")
                          .arg(tempText, RuleMessages::asTyped(QStringLiteral("3.5"))));
    }

    if (!draft.runCode.isEmpty() && !m_cache->run(draft.runCode))
        errors.insert(
            QStringLiteral("run_code"),
            tr("Production run %1 is not active. Choose another run.").arg(draft.runCode));

    QSet<QString> seen;
    for (const LotDraft::Parent &p : draft.parents) {
        const QString field = QStringLiteral("parent:") + rules::normalizeLotCode(p.code);
        const ParentCheck check = checkParent(p.code);
        if (seen.contains(check.code)) {
            errors.insert(field, tr("Lot %1 is listed twice. Remove one line.").arg(check.code));
            continue;
        }
        seen.insert(check.code);
        if (!check.usable()) {
            errors.insert(field, check.message);
            continue;
        }
        const auto q = typedNumber(p.quantityKg);
        if (!q) {
            errors.insert(field, tr("Enter how many kg are taken from lot %1.").arg(check.code));
            continue;
        }
        if (const auto e = rules::checkQuantityUsed(*q, field)) {
            errors.insert(field, RuleMessages::message(*e));
            continue;
        }
        if (check.lot->weightKg && *q > *check.lot->weightKg)
            errors.insert(field,
                          tr("Lot %1 weighs only %2 kg; you cannot take %3 kg from it.")
                              .arg(check.code, check.lot->weightKg->toString(), q->toString()));
    }
    validateReceipt(draft, errors);
    return errors;
}

void LotRegistrar::validateReceipt(const LotDraft &draft, FieldMessages &errors) const
{
    if (!draft.receipt)
        return;
    const LotDraft::Receipt &r = *draft.receipt;
    auto add = [&errors](const std::optional<FieldError> &e) {
        if (e && !errors.contains(e->field))
            errors.insert(e->field, RuleMessages::message(*e));
    };
    if (draft.type != LotType::RAW) {
        errors.insert(QStringLiteral("receipt"),
                      tr("Only a RAW lot is received from a supplier; a %1 lot is made from its "
                         "parents.")
                          .arg(toString(draft.type)));
        return;
    }
    const QString supplier = rules::normalizeLotCode(r.supplierCode);
    if (supplier.isEmpty())
        errors.insert(QStringLiteral("receipt.supplier_code"),
                      tr("Choose the supplier the material came from."));
    else if (!m_cache->supplier(supplier))
        errors.insert(QStringLiteral("receipt.supplier_code"),
                      tr("Supplier %1 is not known on this workstation or no longer active. "
                         "Choose one from the list.")
                          .arg(supplier));
    add(rules::checkSupplierLotCode(r.supplierLotCode,
                                    QStringLiteral("receipt.supplier_lot_code")));
    if (!r.gtin.isEmpty())
        add(rules::checkGtin(r.gtin, QStringLiteral("receipt.gtin")));
    if (!r.deliveryNote.isEmpty())
        add(rules::checkDeliveryNote(r.deliveryNote, QStringLiteral("receipt.delivery_note")));
    const QDate today = QDate::currentDate();
    if (!r.receivedOn.isValid())
        errors.insert(QStringLiteral("receipt.received_on"),
                      tr("Enter the day the material was received."));
    else if (r.receivedOn > today)
        errors.insert(QStringLiteral("receipt.received_on"),
                      tr("The day received cannot be later than today."));
    if (r.expiresOn && !r.expiresOn->isValid())
        errors.insert(QStringLiteral("receipt.expires_on"),
                      tr("The expiry date is not a date. Check the label."));
    else if (r.expiresOn && r.receivedOn.isValid() && *r.expiresOn < r.receivedOn)
        errors.insert(QStringLiteral("receipt.expires_on"),
                      tr("The expiry date is before the day received: the material had expired. "
                         "Check the label; expired material must not be received."));
    if (!r.units.isEmpty()) {
        bool ok = false;
        const int units = r.units.toInt(&ok);
        const bool digits = std::all_of(r.units.begin(), r.units.end(),
                                        [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ok || !digits || units < 1 || units > rules::kReceiptUnitsMax)
            errors.insert(QStringLiteral("receipt.units"),
                          tr("Enter the number of trade units received as a whole number from 1 "
                             "to %1, or leave it empty.")
                              .arg(rules::kReceiptUnitsMax));
    }
}

LotRegistrar::Result LotRegistrar::registerLot(const LotDraft &draft)
{
    Result result;
    result.errors = validate(draft);
    if (!result.errors.isEmpty())
        return result;

    QString code = rules::normalizeLotCode(draft.lotCode);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (code.isEmpty()) {
        const auto next = m_codes ? m_codes->next(draft.type, now) : std::nullopt;
        if (!next) {
            result.errors.insert(QStringLiteral("lot_code"),
                                 tr("No lot code could be issued on this workstation. Type a code "
                                    "from the label, or call IT."));
            return result;
        }
        code = *next;
    }

    const Decimal weight = *typedNumber(draft.weightKg);
    const Decimal temperature = *typedNumber(draft.temperatureC);
    wire::RegisterLot command;
    command.id = QUuid::createUuid();
    command.lotCode = code;
    command.type = draft.type;
    command.weightKg = weight;
    command.temperatureC = temperature;
    command.workstationId = m_workstationId;
    command.clientCreatedAt = now;
    if (!draft.runCode.isEmpty())
        command.runCode = draft.runCode;
    for (const LotDraft::Parent &p : draft.parents)
        command.parents.append({rules::normalizeLotCode(p.code), *typedNumber(p.quantityKg)});
    if (draft.receipt) {
        const LotDraft::Receipt &r = *draft.receipt;
        wire::LotReceipt receipt;
        receipt.supplierCode = rules::normalizeLotCode(r.supplierCode);
        receipt.supplierLotCode = r.supplierLotCode;
        if (!r.gtin.isEmpty())
            receipt.gtin = r.gtin;
        if (!r.deliveryNote.isEmpty())
            receipt.deliveryNote = r.deliveryNote;
        receipt.receivedOn = r.receivedOn;
        receipt.expiresOn = r.expiresOn;
        if (!r.units.isEmpty())
            receipt.units = r.units.toInt();
        command.receipt = receipt;
    }
    const QJsonObject body = command.toJson();

    const QString outboxId = m_outbox->enqueueLot(body);
    if (outboxId.isEmpty()) {
        result.errors.insert(QStringLiteral("save"),
                             tr("The lot could not be saved on this workstation (%1). Nothing was "
                                "registered; call IT.")
                                 .arg(m_outbox->errorString()));
        return result;
    }

    CachedLot lot;
    lot.code = code;
    lot.id = outboxId;
    lot.type = draft.type;
    // As the server does: a critical temperature puts the lot in quarantine.
    const auto profile = m_cache->profile(draft.type);
    lot.status = profile && profile->classifyTemperature(temperature) == Reading::Critical
                     ? LotStatus::QUARANTINE
                     : LotStatus::CREATED;
    lot.weightKg = weight;
    lot.temperatureC = temperature;
    lot.runCode = draft.runCode;
    lot.workstationId = m_workstationId;
    lot.createdAt = now;
    lot.pendingRegistration = true;
    if (!m_cache->addPendingLot(lot))
        qWarning("LotRegistrar: lot %s is queued but not shown in the cache: %s", qPrintable(code),
                 qPrintable(m_cache->errorString()));

    m_waiting.insert(outboxId, code);
    result.ok = true;
    result.outboxId = outboxId;
    result.lotCode = code;
    emit registered(code, outboxId);
    return result;
}

bool LotRegistrar::isSynced(const QString &outboxId) const
{
    const auto item = m_outbox->item(outboxId);
    return item && item->state == OutboxItem::State::Done;
}

void LotRegistrar::onOutboxChanged()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (isSynced(it.key())) {
            const QString code = it.value();
            const QString id = it.key();
            it = m_waiting.erase(it);
            m_cache->markLotSynced(code);
            emit synced(code, id);
        } else {
            ++it;
        }
    }
}

} // namespace flowviz::app
