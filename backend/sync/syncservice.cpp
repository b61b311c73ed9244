#include "backend/sync/syncservice.h"

#include "backend/api/routing.h"
#include "backend/lots/lotservice.h"
#include "backend/qc/qcservice.h"

#include "domain/validation.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace flowviz::sync {

Q_LOGGING_CATEGORY(lcSync, "flowviz.sync")

using api::ApiError;
using http::Response;

namespace {

struct Operation
{
    std::initializer_list<Role> roles;
    std::function<Response(api::Tx &, const QJsonObject &, const api::Events &)> work;
};

// The calls a workstation queues offline. Each runs the same service code as its own route.
const Operation *operationFor(const QString &method, const QString &path)
{
    static const Operation lots{api::kCanCreateLots, &lots::service::create};
    static const Operation decisions{api::kCanDecideQc, &qc::service::record};
    if (method != u"POST")
        return nullptr;
    if (path == u"/api/v1/lots")
        return &lots;
    if (path == u"/api/v1/qc-decisions")
        return &decisions;
    return nullptr;
}

QJsonObject result(const QString &key, const Response &r)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    QJsonValue body(QJsonValue::Null);
    if (doc.isObject())
        body = doc.object();
    else if (doc.isArray())
        body = doc.array();
    QJsonObject out{{QStringLiteral("idempotency_key"), key},
                    {QStringLiteral("status"), r.status},
                    {QStringLiteral("body"), body}};
    for (const auto &[name, value] : r.headers) {
        if (name == "Idempotent-Replayed")
            out.insert(QStringLiteral("replayed"), true);
    }
    return out;
}

Response invalidOperation(const QString &detail)
{
    return ApiError::validation(QStringLiteral("operation"),
                                QStringLiteral("sync.operation_invalid"), detail)
        .response();
}

} // namespace

QJsonArray run(db::PgSession &db, api::ApiContext &api, const auth::Claims &user,
               const QJsonArray &operations)
{
    QJsonArray results;
    for (qsizetype start = 0; start < operations.size(); start += kOperationsPerTransaction) {
        const qsizetype end =
            std::min<qsizetype>(operations.size(), start + kOperationsPerTransaction);
        api::Tx tx{db, user, {}};
        QJsonArray chunk = db.transaction([&] {
            api::ApiContext::checkUserActive(db, user);
            QJsonArray out;
            for (qsizetype i = start; i < end; ++i) {
                const QJsonObject op = operations.at(i).toObject();
                const QString key = op.value(QStringLiteral("idempotency_key")).toString();
                // Exactly "POST", as documented: a client's text is not rewritten.
                const QString method = op.value(QStringLiteral("method")).toString();
                const QString path = op.value(QStringLiteral("path")).toString();
                if (key.isEmpty() || rules::characterCount(key) > 200) {
                    out.append(result(
                        key,
                        invalidOperation(QStringLiteral(
                            "Each operation needs an idempotency_key of 1 to 200 characters."))));
                    continue;
                }
                if (!op.value(QStringLiteral("body")).isObject()) {
                    out.append(result(key, invalidOperation(QStringLiteral(
                                               "Each operation needs a JSON object body."))));
                    continue;
                }
                const Operation *operation = operationFor(method, path);
                if (!operation) {
                    out.append(result(
                        key, invalidOperation(QStringLiteral("%1 %2 cannot be sent through sync; "
                                                             "supported: POST /api/v1/lots, "
                                                             "POST /api/v1/qc-decisions.")
                                                  .arg(method, path))));
                    continue;
                }
                if (std::find(operation->roles.begin(), operation->roles.end(), user.role) ==
                    operation->roles.end()) {
                    out.append(result(
                        key, http::problem(
                                 403, QStringLiteral("forbidden"), QStringLiteral("Not allowed"),
                                 QStringLiteral("Requires one of: %1; you are %2.")
                                     .arg(api::roleList(operation->roles), toString(user.role)))));
                    continue;
                }
                const QJsonObject body = op.value(QStringLiteral("body")).toObject();
                const QByteArray bodyBytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
                const qsizetype callbacks = tx.afterCommit.size();
                try {
                    const Response r = db.savepoint("sync_op", [&] {
                        return api.idempotent(
                            tx, key.toUtf8(), method.toLatin1(), path, bodyBytes,
                            [&](api::Tx &t) { return operation->work(t, body, api.events()); });
                    });
                    out.append(result(key, r));
                } catch (const ApiError &e) {
                    tx.afterCommit.resize(callbacks);
                    out.append(result(key, e.response()));
                } catch (const db::DbError &e) {
                    if (e.connectionLost())
                        throw;
                    qCWarning(lcSync).noquote()
                        << "operation" << key << "failed in SQL:" << e.sqlState() << e.what();
                    tx.afterCommit.resize(callbacks);
                    out.append(result(
                        key, http::problem(
                                 500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                                 QStringLiteral("This operation failed on the server; it can be "
                                                "sent again."))));
                }
            }
            return out;
        });
        for (const auto &f : tx.afterCommit)
            f();
        for (const QJsonValue &v : chunk)
            results.append(v);
    }
    return results;
}

} // namespace flowviz::sync
