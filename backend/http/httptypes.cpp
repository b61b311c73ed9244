#include "backend/http/httptypes.h"

namespace flowviz::http {

Response Response::json(int status, const QJsonObject &o)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::json(int status, const QJsonArray &a)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(a).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

Response problem(int status, const QString &slug, const QString &title, const QString &detail,
                 const QList<FieldProblem> &errors)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("https://flowviz.dev/problems/") + slug},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), status}};
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!errors.isEmpty()) {
        QJsonArray arr;
        for (const auto &e : errors) {
            arr.append(QJsonObject{{QStringLiteral("field"), e.field},
                                   {QStringLiteral("code"), e.code},
                                   {QStringLiteral("message"), e.message}});
        }
        o.insert(QStringLiteral("errors"), arr);
    }
    Response r = Response::json(status, o);
    r.contentType = "application/problem+json";
    return r;
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 408:
        return QStringLiteral("Request Timeout");
    case 409:
        return QStringLiteral("Conflict");
    case 411:
        return QStringLiteral("Length Required");
    case 413:
        return QStringLiteral("Content Too Large");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 422:
        return QStringLiteral("Unprocessable Content");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        return QStringLiteral("Status");
    }
}

} // namespace flowviz::http
