#include "app/api/apiclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslCertificate>

namespace flowviz::app {

namespace {

ApiError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return ApiError::Kind::Unauthorized;
    case 403:
        return ApiError::Kind::Forbidden;
    case 404:
        return ApiError::Kind::NotFound;
    case 409:
        return ApiError::Kind::Conflict;
    case 429:
        return ApiError::Kind::RateLimited;
    case 503:
        return ApiError::Kind::Unavailable;
    case 400:
    case 411:
    case 413:
    case 415:
    case 422:
        return ApiError::Kind::Validation;
    default:
        return status >= 500 ? ApiError::Kind::Server : ApiError::Kind::Validation;
    }
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    m_nam.setAutoDeleteReplies(true);
    m_nam.setTransferTimeout(0); // our own timer covers the whole call
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

bool ApiClient::setCaBundle(const QString &pemPath, QString *error)
{
    if (pemPath.isEmpty()) {
        m_customCa = false;
        return true;
    }
    QFile f(pemPath);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The CA file %1 cannot be read.").arg(pemPath);
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = tr("The CA file %1 holds no PEM certificate.").arg(pemPath);
        return false;
    }
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(certs);
    m_customCa = true;
    return true;
}

void ApiClient::get(const QString &path, QObject *context, Callback done)
{
    send("GET", path, {}, context, std::move(done), {});
}

void ApiClient::post(const QString &path, const QJsonObject &body, QObject *context, Callback done,
                     const QByteArray &idempotencyKey)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(done),
         idempotencyKey);
}

void ApiClient::put(const QString &path, const QJsonObject &body, QObject *context, Callback done)
{
    send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(done),
         {});
}

void ApiClient::patch(const QString &path, const QJsonObject &body, QObject *context, Callback done)
{
    send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         std::move(done), {});
}

void ApiClient::del(const QString &path, QObject *context, Callback done)
{
    send("DELETE", path, {}, context, std::move(done), {});
}

void ApiClient::download(const QString &path, QObject *context, Callback done)
{
    send("GET", path, {}, context, std::move(done), {}, true);
}

void ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                     QObject *context, Callback done, const QByteArray &idempotencyKey,
                     bool download)
{
    QNetworkRequest request(QUrl(m_baseUrl.toString() + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", download
                                       ? QByteArray("*/*")
                                       : QByteArray("application/json, application/problem+json"));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    if (m_customCa)
        request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, hasContext, download, done = std::move(done)] {
                QHash<QByteArray, QByteArray> headers;
                for (const auto &[name, value] : reply->rawHeaderPairs())
                    headers.insert(name.toLower(), value);
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray bytes = reply->readAll();
                ApiResult result =
                    toResult(status, bytes, headers, int(reply->error()), reply->errorString());
                if (download && status >= 200 && status < 300) {
                    result.error = {};
                    result.body = QJsonValue();
                    result.raw = bytes;
                }
                if (result.error.kind == ApiError::Kind::Unauthorized)
                    emit unauthorized();
                if (!hasContext || guard)
                    done(result);
            });
}

ApiResult ApiClient::toResult(int status, const QByteArray &body,
                              const QHash<QByteArray, QByteArray> &headers, int networkError,
                              const QString &networkErrorText)
{
    ApiResult r;
    r.status = status;
    r.headers = headers;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        r.body = doc.object();
    else if (doc.isArray())
        r.body = doc.array();

    if (status == 0) {
        const auto e = QNetworkReply::NetworkError(networkError);
        r.error.kind =
            e == QNetworkReply::TimeoutError || e == QNetworkReply::OperationCanceledError
                ? ApiError::Kind::Timeout
            : e == QNetworkReply::SslHandshakeFailedError ? ApiError::Kind::Tls
                                                          : ApiError::Kind::Network;
        r.error.detail = networkErrorText;
        return r;
    }
    if (status >= 200 && status < 300) {
        if (status != 204 && !body.isEmpty() && doc.isNull()) {
            r.error.kind = ApiError::Kind::BadResponse;
            r.error.status = status;
            r.error.detail = QStringLiteral("The server's answer is not JSON.");
        }
        return r;
    }
    r.error.kind = kindForStatus(status);
    r.error.status = status;
    const QJsonObject problem = doc.object();
    r.error.type = problem.value(QStringLiteral("type")).toString();
    r.error.title = problem.value(QStringLiteral("title")).toString();
    r.error.detail = problem.value(QStringLiteral("detail")).toString();
    for (const QJsonValue &v : problem.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        r.error.fieldErrors.append({e.value(QStringLiteral("field")).toString(),
                                    e.value(QStringLiteral("code")).toString(),
                                    e.value(QStringLiteral("message")).toString()});
    }
    r.error.retryAfterSeconds = headers.value("retry-after").toInt();
    return r;
}

} // namespace flowviz::app
