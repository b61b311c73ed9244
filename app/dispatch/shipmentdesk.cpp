#include "app/dispatch/shipmentdesk.h"

#include "app/api/apiclient.h"
#include "app/core/domainlabels.h"
#include "app/registration/rulemessages.h"

#include "domain/receiving.h"
#include "domain/validation.h"
#include "domain/wire/lot.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>
#include <QUuid>

namespace flowviz::app {

namespace {

constexpr int kCarrierMax = 200;

QString path(const QString &reference)
{
    return QStringLiteral("/api/v1/shipments/") +
           QString::fromLatin1(QUrl::toPercentEncoding(reference));
}

// The problem's short name: "over-shipping" of https://flowviz.dev/problems/over-shipping.
QString slugOf(const ApiError &error)
{
    return error.type.section(u'/', -1);
}

bool hasFieldCode(const ApiError &error, const QString &code)
{
    for (const ApiError::FieldProblem &p : error.fieldErrors) {
        if (p.code == code)
            return true;
    }
    return false;
}

} // namespace

ShipmentDesk::ShipmentDesk(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void ShipmentDesk::finish()
{
    if (m_busy > 0)
        --m_busy;
}

void ShipmentDesk::fail(const ApiError &error, const QString &lotCode)
{
    emit failed(RuleMessages::forProblem(errorMessage(error, lotCode), error));
}

void ShipmentDesk::setCurrent(const std::optional<wire::Shipment> &shipment)
{
    const bool other = !shipment || !m_current || m_current->reference != shipment->reference;
    m_current = shipment;
    if (other)
        m_pendingLot.reset();
    emit currentChanged();
}

void ShipmentDesk::reload()
{
    ++m_busy;
    m_api->get(QStringLiteral("/api/v1/customers?active=true"), this, [this](const ApiResult &r) {
        finish();
        if (!r.ok()) {
            fail(r.error, {});
            return;
        }
        QList<wire::Customer> list;
        for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray())
            list.append(wire::Customer::fromJson(v.toObject()));
        m_customers = list;
        emit loaded();
    });
    ++m_busy;
    m_api->get(
        QStringLiteral("/api/v1/shipments?status=OPEN&limit=500"), this,
        [this](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, {});
                return;
            }
            QList<OpenShipment> list;
            for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = v.toObject();
                list.append(
                    {wire::Shipment::fromJson(o), o.value(QStringLiteral("line_count")).toInt(),
                     Decimal::fromJson(o.value(QStringLiteral("total_kg"))).value_or(Decimal())});
            }
            m_open = list;
            emit loaded();
        });
    if (m_current)
        select(m_current->reference);
}

void ShipmentDesk::select(const QString &reference)
{
    ++m_busy;
    m_api->get(path(reference), this, [this](const ApiResult &r) {
        finish();
        if (!r.ok()) {
            fail(r.error, {});
            if (r.error.kind == ApiError::Kind::NotFound)
                setCurrent(std::nullopt);
            return;
        }
        const wire::Shipment s = wire::Shipment::fromJson(r.object());
        setCurrent(s.status == ShipmentStatus::OPEN ? std::optional(s) : std::nullopt);
    });
}

ShipmentDesk::Messages ShipmentDesk::validate(const Draft &draft) const
{
    Messages out;
    const auto add = [&out](const std::optional<FieldError> &e) {
        if (e && !out.contains(e->field))
            out.insert(e->field, RuleMessages::message(*e));
    };
    const QString reference = rules::normalizeLotCode(draft.reference);
    if (reference.isEmpty())
        out.insert(QStringLiteral("reference"),
                   tr("Enter the shipment's reference (the delivery note number)."));
    else
        add(rules::checkPlantCode(reference, QStringLiteral("reference"),
                                  QStringLiteral("reference"), QStringLiteral("A reference")));
    if (draft.customerCode.isEmpty())
        out.insert(QStringLiteral("customer_code"), tr("Choose the customer."));
    if (!draft.shipDate.isValid())
        out.insert(QStringLiteral("ship_date"), tr("Enter the ship date."));
    const QString carrier = QStringLiteral("carrier");
    if (rules::characterCount(draft.carrier) > kCarrierMax)
        out.insert(carrier, tr("The carrier is too long: at most %1 characters.").arg(kCarrierMax));
    else if (!draft.carrier.isEmpty())
        add(rules::checkPlainText(draft.carrier, carrier, false));
    return out;
}

void ShipmentDesk::open(const Draft &draft)
{
    const Messages problems = validate(draft);
    if (!problems.isEmpty()) {
        emit failed(problems);
        return;
    }
    wire::CreateShipment s;
    // The client's id makes a resent request the same shipment, never a second one.
    s.id = QUuid::createUuid();
    s.reference = rules::normalizeLotCode(draft.reference);
    s.customerCode = draft.customerCode;
    if (!draft.shipToCode.isEmpty())
        s.shipToCode = draft.shipToCode;
    s.shipDate = draft.shipDate;
    if (!draft.carrier.isEmpty())
        s.carrier = draft.carrier;
    ++m_busy;
    m_api->post(
        QStringLiteral("/api/v1/shipments"), s.toJson(), this,
        [this](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, {});
                return;
            }
            const wire::Shipment opened = wire::Shipment::fromJson(r.object());
            setCurrent(opened);
            emit this->opened(opened.reference);
            reload();
        },
        s.id->toByteArray(QUuid::WithoutBraces));
}

void ShipmentDesk::scan(const QString &code)
{
    const QString lot = rules::normalizeLotCode(code);
    const quint64 serial = ++m_scanSerial;
    // Whatever was waiting is replaced now, before the answer: a later label is what counts.
    m_pendingLot.reset();
    if (!m_current) {
        emit failed({{QString(), tr("Choose an open shipment, or open a new one, before you "
                                    "scan labels.")}});
        return;
    }
    if (const auto e = rules::checkLotCode(lot)) {
        emit failed({{QStringLiteral("lot_code"), RuleMessages::message(*e)}});
        return;
    }
    ++m_busy;
    m_api->get(QStringLiteral("/api/v1/lots/") + QString::fromLatin1(QUrl::toPercentEncoding(lot)),
               this, [this, lot, serial](const ApiResult &r) {
                   finish();
                   if (serial != m_scanSerial)
                       return; // another label was scanned meanwhile
                   if (!r.ok()) {
                       if (r.error.kind == ApiError::Kind::NotFound)
                           emit failed(
                               {{QStringLiteral("lot_code"),
                                 tr("No lot %1 is registered. Check the label.").arg(lot)}});
                       else
                           fail(r.error, lot);
                       return;
                   }
                   const wire::Lot found = wire::Lot::fromJson(r.object());
                   if (found.type != LotType::FG) {
                       emit failed({{QStringLiteral("lot_code"),
                                     tr("Lot %1 is %2, not finished goods: only FG lots ship.")
                                         .arg(lot, DomainLabels::lotType(found.type))}});
                       return;
                   }
                   if (found.status != LotStatus::RELEASED) {
                       emit failed({{QStringLiteral("lot_code"),
                                     tr("Lot %1 is %2: only a released lot ships. Ask QC.")
                                         .arg(lot, DomainLabels::lotStatus(found.status))}});
                       return;
                   }
                   m_pendingLot = lot;
                   emit lotReady(lot, found.weightKg);
               });
}

void ShipmentDesk::cancelPending()
{
    ++m_scanSerial;
    m_pendingLot.reset();
}

void ShipmentDesk::confirmLine(const QString &typedKg)
{
    if (!m_current || !m_pendingLot) {
        emit failed({{QString(), tr("Scan the label of the lot to put on the shipment first.")}});
        return;
    }
    const QString field = QStringLiteral("quantity_kg");
    const auto kg = Decimal::parseTyped(typedKg.trimmed(), QLocale().decimalPoint());
    if (!kg) {
        emit failed({{field, tr("Enter the kilograms as a number, e.g. %1.")
                                 .arg(QLocale().toString(12.5, 'f', 2))}});
        return;
    }
    if (const auto e = rules::checkQuantityUsed(*kg, field)) {
        emit failed({{field, e->code == QLatin1String("quantity.not_positive")
                                 ? tr("Enter how many kg of the lot go on the shipment (more "
                                      "than 0).")
                                 : RuleMessages::message(*e)}});
        return;
    }
    const QString lot = *m_pendingLot;
    const QString reference = m_current->reference;
    ++m_busy;
    m_api->post(
        path(reference) + QStringLiteral("/lines"),
        QJsonObject{{QStringLiteral("lot_code"), lot},
                    {QStringLiteral("quantity_kg"), kg->toJson()}},
        this,
        [this, lot](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, lot);
                return;
            }
            if (m_pendingLot == lot)
                m_pendingLot.reset();
            setCurrent(wire::Shipment::fromJson(r.object()));
            emit lineAdded(lot);
            reload();
        },
        QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

void ShipmentDesk::removeLine(const QString &lotCode)
{
    if (!m_current)
        return;
    const QString reference = m_current->reference;
    ++m_busy;
    m_api->del(path(reference) + QStringLiteral("/lines/") +
                   QString::fromLatin1(QUrl::toPercentEncoding(lotCode)),
               this, [this, reference, lotCode](const ApiResult &r) {
                   finish();
                   if (!r.ok())
                       fail(r.error, lotCode);
                   else
                       emit lineRemoved(lotCode);
                   select(reference);
                   reload();
               });
}

void ShipmentDesk::dispatchCurrent()
{
    if (!m_current)
        return;
    const QString reference = m_current->reference;
    ++m_busy;
    m_api->post(
        path(reference) + QStringLiteral("/dispatch"), QJsonObject{}, this,
        [this, reference](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, {});
                return;
            }
            setCurrent(std::nullopt);
            emit dispatched(reference);
            reload();
        },
        QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

QString ShipmentDesk::errorMessage(const ApiError &error, const QString &lotCode)
{
    using K = ApiError::Kind;
    const QString slug = slugOf(error);
    switch (error.kind) {
    case K::None:
        return {};
    case K::Network:
    case K::Timeout:
    case K::Unavailable:
        return tr("The server cannot be reached. Dispatch works only with a connection: try "
                  "again when it is back.");
    case K::Unauthorized:
        return tr("Your session has ended. Log in again.");
    case K::Forbidden:
        return tr("Your role cannot dispatch goods. Ask your supervisor.");
    case K::NotFound:
        return tr("This shipment is not on the server any more. The list is reloaded.");
    case K::Conflict:
        if (slug == u"lot-not-released")
            return tr("Lot %1 is not released: it cannot ship. Ask QC.").arg(lotCode);
        if (slug == u"ccp-review-missing")
            return tr("The CCP records of lot %1 have not been reviewed since its last CCP check. "
                      "A supervisor must review and sign them before it ships.")
                .arg(lotCode);
        if (slug == u"over-shipping")
            return tr("Not that much of lot %1 is left: these kilograms and what is already on "
                      "shipments would exceed its weight. Check the kilograms.")
                .arg(lotCode);
        if (slug == u"line-exists")
            return tr("Lot %1 is already on this shipment. To change its kilograms, remove the "
                      "line and scan the label again.")
                .arg(lotCode);
        if (slug == u"lot-without-weight")
            return tr("Lot %1 has no weight recorded, so its kilograms cannot be checked. Ask "
                      "your supervisor.")
                .arg(lotCode);
        if (slug == u"shipment-not-open")
            return tr("This shipment is no longer open. The list is reloaded.");
        if (slug == u"shipment-empty")
            return tr("The shipment has no lines: scan the labels of what goes on it first.");
        if (slug == u"duplicate-shipment")
            return tr("A shipment with this reference already exists. Choose it from the list.");
        return tr("The server refused the change: %1").arg(error.detail);
    case K::Validation:
        if (hasFieldCode(error, QStringLiteral("lot.unknown")))
            return tr("No lot %1 is registered. Check the label.").arg(lotCode);
        if (hasFieldCode(error, QStringLiteral("lot.not_fg")))
            return tr("Lot %1 is not finished goods: only FG lots ship.").arg(lotCode);
        if (hasFieldCode(error, QStringLiteral("customer.inactive")))
            return tr("This customer no longer takes shipments.");
        return tr("The server refused it; the reasons are under the fields.");
    default:
        return tr("The server could not save it. Try again; if it keeps failing, tell IT.");
    }
}

} // namespace flowviz::app
