#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

#include <memory>

namespace flowviz::test {

class JsonSchema;

struct Reply
{
    int status = 0; // 0: no HTTP answer (connection refused, reset, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;

    QJsonObject json() const;
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString problemDetail() const { return json().value(QStringLiteral("detail")).toString(); }
};

// Blocking HTTP calls for tests (a local event loop per call), plus an asynchronous form for
// firing many requests at once.
class HttpClient
{
public:
    explicit HttpClient(const QUrl &base);

    void setToken(const QByteArray &token) { m_token = token; }
    const QByteArray &token() const { return m_token; }

    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply post(const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply put(const QString &path, const QJsonObject &body,
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30000);

    // Sends all requests concurrently and waits for every answer, in order.
    struct Call
    {
        QByteArray method;
        QString path;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    QList<Reply> sendAll(const QList<Call> &calls, int timeoutMs = 60000);

    // Every answer to a documented operation is validated against backend/api/openapi.json
    // (status documented, content type, body schema); a mismatch fails the running test. Off
    // only for a client that measures or hammers rather than checks.
    void setContractChecked(bool on) { m_checkContract = on; }
    // Another document to check against (the suite that proves the check itself can fail).
    void setContract(std::shared_ptr<const JsonSchema> contract)
    {
        m_contract = std::move(contract);
    }

    // Logs in and keeps the token; fails the test when login does not answer 200.
    bool login(const QString &username, const QString &password);
    QUrl url(const QString &path) const;

private:
    QNetworkRequest request(const QString &path,
                            const QList<QPair<QByteArray, QByteArray>> &headers, bool json) const;
    static Reply toReply(QNetworkReply *reply);
    void checkContract(const Call &call, const Reply &reply) const;

    QUrl m_base;
    QByteArray m_token;
    bool m_checkContract = true;
    std::shared_ptr<const JsonSchema> m_contract;
    QNetworkAccessManager m_nam;
};

} // namespace flowviz::test
