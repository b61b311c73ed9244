#include "app/recalls/recalldesk.h"

#include "app/api/apiclient.h"
#include "app/registration/rulemessages.h"

#include "domain/receiving.h"
#include "domain/validation.h"

#include <QJsonArray>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>

namespace flowviz::app {

namespace {

QString path(const QString &reference)
{
    return QStringLiteral("/api/v1/recalls/") +
           QString::fromLatin1(QUrl::toPercentEncoding(reference));
}

// The problem's short name: "recall-open" of https://flowviz.dev/problems/recall-open.
QString slugOf(const ApiError &error)
{
    return error.type.section(u'/', -1);
}

} // namespace

RecallDesk::RecallDesk(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void RecallDesk::finish()
{
    if (m_busy > 0)
        --m_busy;
}

void RecallDesk::fail(const ApiError &error, const QString &lotCode)
{
    emit failed(RuleMessages::forProblem(errorMessage(error, lotCode), error));
}

void RecallDesk::reload()
{
    ++m_busy;
    m_api->get(QStringLiteral("/api/v1/recalls?limit=500"), this, [this](const ApiResult &r) {
        finish();
        if (!r.ok()) {
            fail(r.error, {});
            return;
        }
        QList<wire::Recall> list;
        for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray())
            list.append(wire::Recall::fromJson(v.toObject()));
        m_recalls = list;
        emit loaded();
    });
    if (m_current)
        select(m_current->reference);
}

void RecallDesk::select(const QString &reference)
{
    const quint64 serial = ++m_selectSerial;
    ++m_busy;
    m_api->get(path(reference), this, [this, serial](const ApiResult &r) {
        finish();
        if (serial != m_selectSerial)
            return; // another recall was chosen meanwhile
        if (!r.ok()) {
            fail(r.error, {});
            if (r.error.kind == ApiError::Kind::NotFound) {
                m_current.reset();
                emit currentChanged();
            }
            return;
        }
        m_current = wire::Recall::fromJson(r.object());
        emit currentChanged();
    });
}

RecallDesk::Messages RecallDesk::checkStatement(const QString &text, const QString &field) const
{
    Messages out;
    if (rules::characterCount(text) > kRecallTextMax)
        out.insert(field, tr("This is too long: at most %1 characters.").arg(kRecallTextMax));
    else if (const auto e = rules::checkPlainText(text, field, true))
        out.insert(field, RuleMessages::message(*e));
    else if (rules::nonBlankLength(text) < kRecallTextMin)
        out.insert(
            field,
            field == u"note"
                ? tr("Say how the recall was closed: at least %1 characters.").arg(kRecallTextMin)
                : tr("Say why the lot is recalled: at least %1 characters.").arg(kRecallTextMin));
    return out;
}

RecallDesk::Messages RecallDesk::validate(const Draft &draft) const
{
    Messages out;
    const QString lot = rules::normalizeLotCode(draft.lotCode);
    if (lot.isEmpty())
        out.insert(QStringLiteral("lot_code"), tr("Scan the label of the lot to recall, or type "
                                                  "its code."));
    else if (const auto e = rules::checkLotCode(lot))
        out.insert(QStringLiteral("lot_code"), RuleMessages::message(*e));
    out.insert(checkStatement(draft.reason, QStringLiteral("reason")));
    return out;
}

void RecallDesk::open(const Draft &draft)
{
    const Messages problems = validate(draft);
    if (!problems.isEmpty()) {
        emit failed(problems);
        return;
    }
    wire::OpenRecall command;
    // The client's id makes a resent request the same recall, never a second one.
    command.id = QUuid::createUuid();
    command.lotCode = rules::normalizeLotCode(draft.lotCode);
    command.reason = draft.reason;
    command.drill = draft.drill;
    ++m_busy;
    m_api->post(
        QStringLiteral("/api/v1/recalls"), command.toJson(), this,
        [this, lot = command.lotCode](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, lot);
                return;
            }
            ++m_selectSerial;
            m_current = wire::Recall::fromJson(r.object());
            emit currentChanged();
            emit opened(m_current->reference, m_current->drill);
            reload();
        },
        command.id->toByteArray(QUuid::WithoutBraces));
}

RecallDesk::Messages RecallDesk::validateNote(const QString &note) const
{
    return checkStatement(note, QStringLiteral("note"));
}

void RecallDesk::closeCurrent(const QString &note)
{
    if (!m_current) {
        emit failed({{QString(), tr("Choose the recall to close from the list.")}});
        return;
    }
    const Messages problems = validateNote(note);
    if (!problems.isEmpty()) {
        emit failed(problems);
        return;
    }
    const QString reference = m_current->reference;
    ++m_busy;
    m_api->post(
        path(reference) + QStringLiteral("/close"), QJsonObject{{QStringLiteral("note"), note}},
        this,
        [this, reference](const ApiResult &r) {
            finish();
            if (!r.ok()) {
                fail(r.error, {});
                select(reference);
                return;
            }
            ++m_selectSerial;
            m_current = wire::Recall::fromJson(r.object());
            emit currentChanged();
            emit closed(reference);
            reload();
        },
        QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

void RecallDesk::saveWorkbook(const QString &filePath)
{
    if (!m_current) {
        emit failed({{QString(), tr("Choose a recall from the list first.")}});
        return;
    }
    ++m_busy;
    m_api->download(path(m_current->reference) + QStringLiteral("?format=xlsx"), this,
                    [this, filePath](const ApiResult &r) {
                        finish();
                        if (!r.ok()) {
                            fail(r.error, {});
                            return;
                        }
                        QSaveFile file(filePath);
                        if (!file.open(QIODevice::WriteOnly) || file.write(r.raw) != r.raw.size() ||
                            !file.commit()) {
                            emit failed({{QString(), tr("The workbook could not be written to %1: "
                                                        "%2")
                                                         .arg(filePath, file.errorString())}});
                            return;
                        }
                        emit saved(filePath);
                    });
}

QString RecallDesk::errorMessage(const ApiError &error, const QString &lotCode)
{
    using K = ApiError::Kind;
    const QString slug = slugOf(error);
    switch (error.kind) {
    case K::None:
        return {};
    case K::Network:
    case K::Timeout:
    case K::Unavailable:
        return tr("The server cannot be reached. Recalls work only with a connection: try again "
                  "when it is back.");
    case K::Unauthorized:
        return tr("Your session has ended. Log in again.");
    case K::Forbidden:
        return tr("Your role cannot open or close recalls. Ask a manager.");
    case K::NotFound:
        if (!lotCode.isEmpty())
            return tr("No lot %1 is registered. Check the label.").arg(lotCode);
        return tr("This recall is not on the server. The list is reloaded.");
    case K::Conflict:
        if (slug == u"recall-open")
            return tr("Lot %1 is already in an open recall: %2").arg(lotCode, error.detail);
        if (slug == u"recall-closed")
            return tr("This recall is closed already.");
        return tr("The server refused the change: %1").arg(error.detail);
    case K::Validation:
        return tr("The server refused it; the reasons are under the fields.");
    default:
        return tr("The server could not do it. Try again; if it keeps failing, tell IT.");
    }
}

} // namespace flowviz::app
