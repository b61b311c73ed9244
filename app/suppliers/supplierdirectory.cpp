#include "app/suppliers/supplierdirectory.h"

#include "app/api/apiclient.h"
#include "app/registration/rulemessages.h"

#include "domain/receiving.h"
#include "domain/validation.h"

#include <QJsonArray>
#include <QUrl>
#include <QUuid>

namespace flowviz::app {

namespace {

constexpr int kNameMax = 200;
constexpr int kAddressMax = 500;
constexpr int kContactMax = 200;

} // namespace

SupplierDirectory::SupplierDirectory(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{}

void SupplierDirectory::reload()
{
    ++m_busy;
    m_api->get(QStringLiteral("/api/v1/suppliers"), this, [this](const ApiResult &r) {
        finish();
        if (!r.ok()) {
            emit failed({{QString(), errorMessage(r.error)}});
            return;
        }
        QList<wire::Supplier> list;
        for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray())
            list.append(wire::Supplier::fromJson(v.toObject()));
        m_suppliers = list;
        emit loaded();
    });
}

SupplierDirectory::Messages SupplierDirectory::validate(const Draft &draft) const
{
    Messages out;
    const auto add = [&out](const std::optional<FieldError> &e) {
        if (e && !out.contains(e->field))
            out.insert(e->field, RuleMessages::message(*e));
    };
    add(rules::checkSupplierCode(rules::normalizeLotCode(draft.code)));
    const QString name = QStringLiteral("name");
    if (draft.name.isEmpty())
        out.insert(name, tr("Enter the supplier's name."));
    else if (rules::characterCount(draft.name) > kNameMax)
        out.insert(name, tr("The name is too long: at most %1 characters.").arg(kNameMax));
    else
        add(rules::checkPlainText(draft.name, name, false));
    const QString address = QStringLiteral("address");
    if (rules::characterCount(draft.address) > kAddressMax)
        out.insert(address, tr("The address is too long: at most %1 characters.").arg(kAddressMax));
    else if (!draft.address.isEmpty())
        add(rules::checkPlainText(draft.address, address, true));
    const QString contact = QStringLiteral("contact");
    if (rules::characterCount(draft.contact) > kContactMax)
        out.insert(contact, tr("The contact is too long: at most %1 characters.").arg(kContactMax));
    else if (!draft.contact.isEmpty())
        add(rules::checkPlainText(draft.contact, contact, false));
    return out;
}

void SupplierDirectory::add(const Draft &draft)
{
    const Messages problems = validate(draft);
    if (!problems.isEmpty()) {
        emit failed(problems);
        return;
    }
    wire::CreateSupplier s;
    // The client's id makes a resent request the same supplier, never a second one.
    s.id = QUuid::createUuid();
    s.supplierCode = rules::normalizeLotCode(draft.code);
    s.name = draft.name;
    if (!draft.address.isEmpty())
        s.address = draft.address;
    if (!draft.contact.isEmpty())
        s.contact = draft.contact;
    const QString code = s.supplierCode;
    ++m_busy;
    m_api->post(
        QStringLiteral("/api/v1/suppliers"), s.toJson(), this,
        [this, code](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                Messages messages{{QString(), errorMessage(r.error)}};
                for (const ApiError::FieldProblem &p : r.error.fieldErrors)
                    messages.insert(p.field, RuleMessages::message({p.field, p.code, p.message}));
                emit failed(messages);
                return;
            }
            emit saved(code);
            reload();
        },
        s.id->toByteArray(QUuid::WithoutBraces));
}

void SupplierDirectory::setActive(const QString &code, bool active)
{
    ++m_busy;
    m_api->patch(
        QStringLiteral("/api/v1/suppliers/") + QString::fromLatin1(QUrl::toPercentEncoding(code)),
        QJsonObject{{QStringLiteral("active"), active}}, this, [this, code](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                emit failed({{QString(), errorMessage(r.error)}});
                if (r.error.kind == ApiError::Kind::NotFound)
                    reload();
                return;
            }
            emit saved(code);
            reload();
        });
}

void SupplierDirectory::finish()
{
    if (m_busy > 0)
        --m_busy;
}

QString SupplierDirectory::errorMessage(const ApiError &error)
{
    using K = ApiError::Kind;
    switch (error.kind) {
    case K::None:
        return {};
    case K::Network:
    case K::Timeout:
    case K::Unavailable:
        return tr("The server cannot be reached, and suppliers are kept only there. Try again "
                  "when the connection is back.");
    case K::Unauthorized:
        return tr("Your session has ended. Log in again.");
    case K::Forbidden:
        return tr("Only a manager or an administrator can change suppliers.");
    case K::Conflict:
        return tr("A supplier with this code already exists. Choose it from the list, or use "
                  "another code.");
    case K::NotFound:
        return tr("This supplier is not on the server any more. The list is reloaded.");
    case K::Validation:
        return tr("The server refused the supplier; the reasons are under the fields.");
    default:
        return tr("The server could not save the supplier. Try again; if it keeps failing, "
                  "tell IT.");
    }
}

} // namespace flowviz::app
