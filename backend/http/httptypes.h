#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace flowviz::http {

// Everything a handler needs from a request, copied out of the socket's request object so
// that asynchronous work never touches QHttpServer state after the handler returns.
struct Request
{
    QByteArray method;                  // "GET", "POST", ...
    QString path;                       // decoded path, for logs
    QString routeTemplate;              // "/api/v1/lots/{lot_code}", or "none"
    QHash<QString, QString> pathParams; // decoded path parameters
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QString remoteAddress;
    QString requestId;
    QElapsedTimer timer;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
};

struct Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject &o);
    static Response json(int status, const QJsonArray &a);
    static Response noContent();
    Response &withHeader(const QByteArray &name, const QByteArray &value);
};

// RFC 9457 problem details. `type` is a short slug made into a URI under our namespace.
struct FieldProblem
{
    QString field;
    QString code;
    QString message;
};

Response problem(int status, const QString &slug, const QString &title, const QString &detail,
                 const QList<FieldProblem> &errors = {});
QString reasonPhrase(int status);

// Hands the response back to the thread that owns the connection; safe to call from any
// thread, at most once. When the client has gone the response is dropped.
using Responder = std::function<void(Response)>;
using Handler = std::function<void(const Request &, Responder)>;

} // namespace flowviz::http
