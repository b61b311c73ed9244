#pragma once

#include "app/api/apierror.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

namespace flowviz::app {

struct ApiResult
{
    int status = 0;
    QJsonValue body;                       // parsed JSON, or undefined
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray raw;                        // the answer's bytes, for download() only
    ApiError error;                        // kind None when status is 2xx

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return body.toObject(); }
};

// Asynchronous calls to the FlowViz API v1: JSON in and out, bearer token, timeouts,
// problem+json answers turned into typed errors, https with a configurable CA bundle.
// Callbacks run on the client's thread, and only while their context object lives.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResult &)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // PEM file of CA certificates trusted for https, in addition to none (only these).
    bool setCaBundle(const QString &pemPath, QString *error = nullptr);
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // `path` starts with '/' and may carry a query ("/api/v1/lots?limit=50").
    void get(const QString &path, QObject *context, Callback done);
    void post(const QString &path, const QJsonObject &body, QObject *context, Callback done,
              const QByteArray &idempotencyKey = {});
    void put(const QString &path, const QJsonObject &body, QObject *context, Callback done);
    void patch(const QString &path, const QJsonObject &body, QObject *context, Callback done);
    void del(const QString &path, QObject *context, Callback done);
    // A GET whose answer is a file (a workbook, a CSV): a 2xx answer's bytes are in `raw`,
    // whatever their type; errors are read as for any call.
    void download(const QString &path, QObject *context, Callback done);

    // Turns a finished reply into a result (exposed for tests of the error mapping).
    static ApiResult toResult(int status, const QByteArray &body,
                              const QHash<QByteArray, QByteArray> &headers, int networkError,
                              const QString &networkErrorText);

signals:
    // Any call answered 401: the session is over, whoever made the call.
    void unauthorized();

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
              QObject *context, Callback done, const QByteArray &idempotencyKey,
              bool download = false);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs = 15000;
    bool m_customCa = false;
    QSslConfiguration m_ssl;
};

} // namespace flowviz::app
