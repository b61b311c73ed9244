#include "tests/support/httpclient.h"

#include "tests/support/jsonschema.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

#include <memory>

namespace flowviz::test {

namespace {

// The API's contract, read once from the source tree (the document the server serves).
const JsonSchema *contract()
{
    static const std::unique_ptr<JsonSchema> schema = [] {
        QFile file(QStringLiteral(FLOWVIZ_OPENAPI_JSON));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", FLOWVIZ_OPENAPI_JSON);
        return std::make_unique<JsonSchema>(QJsonDocument::fromJson(file.readAll()).object());
    }();
    return schema.get();
}

} // namespace

void HttpClient::checkContract(const Call &call, const Reply &reply) const
{
    if (!m_checkContract || reply.status == 0)
        return;
    const JsonSchema *schema = m_contract ? m_contract.get() : contract();
    // Only documented operations: a test may ask for a route that does not exist on purpose
    // (tst_openapi keeps the document and the routes in step).
    const QString path = call.path.section(u'?', 0, 0);
    if (!schema->operationPointer(QString::fromLatin1(call.method), path))
        return;
    const SchemaViolations violations =
        schema->validateResponse(QString::fromLatin1(call.method), path, reply.status,
                                 reply.header("content-type"), reply.body);
    if (violations.isEmpty())
        return;
    QStringList lines;
    for (const SchemaViolation &v : violations)
        lines << v.toString();
    const QString message =
        QStringLiteral("the answer to %1 %2 (HTTP %3) breaks the OpenAPI document:\n  %4\n%5")
            .arg(QString::fromLatin1(call.method), call.path)
            .arg(reply.status)
            .arg(lines.join(QStringLiteral("\n  ")), QString::fromUtf8(reply.body.left(600)));
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
}

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpClient::HttpClient(const QUrl &base) : m_base(base)
{
    m_nam.setAutoDeleteReplies(false);
}

QUrl HttpClient::url(const QString &path) const
{
    // Paths are given already percent-encoded where needed (e.g. %2F inside a lot code).
    return QUrl(m_base.toString() + path, QUrl::StrictMode);
}

QNetworkRequest HttpClient::request(const QString &path,
                                    const QList<QPair<QByteArray, QByteArray>> &headers,
                                    bool json) const
{
    QNetworkRequest r(url(path));
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (json)
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &[name, value] : headers)
        r.setRawHeader(name, value);
    return r;
}

Reply HttpClient::toReply(QNetworkReply *reply)
{
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    return out;
}

Reply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    return sendAll({Call{method, path, body, headers}}, timeoutMs).first();
}

QList<Reply> HttpClient::sendAll(const QList<Call> &calls, int timeoutMs)
{
    QList<QNetworkReply *> replies;
    for (const Call &c : calls) {
        const bool json = !c.body.isEmpty() &&
                          std::none_of(c.headers.begin(), c.headers.end(), [](const auto &h) {
                              return h.first.toLower() == "content-type";
                          });
        replies.append(m_nam.sendCustomRequest(request(c.path, c.headers, json), c.method, c.body));
    }
    QEventLoop loop;
    int pending = int(replies.size());
    for (QNetworkReply *r : replies) {
        QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
    QList<Reply> out;
    for (QNetworkReply *r : replies) {
        if (!r->isFinished()) {
            r->abort();
            Reply timedOut;
            timedOut.networkError = QStringLiteral("timed out");
            out.append(timedOut);
        } else {
            out.append(toReply(r));
        }
        r->deleteLater();
    }
    // Every answer a test receives is checked against the contract, whatever the test asserts.
    for (qsizetype i = 0; i < calls.size(); ++i)
        checkContract(calls.at(i), out.at(i));
    return out;
}

Reply HttpClient::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

Reply HttpClient::post(const QString &path, const QJsonObject &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

Reply HttpClient::put(const QString &path, const QJsonObject &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

bool HttpClient::login(const QString &username, const QString &password)
{
    const QByteArray saved = m_token;
    m_token.clear();
    const Reply r = post(QStringLiteral("/api/v1/auth/login"),
                         QJsonObject{{QStringLiteral("username"), username},
                                     {QStringLiteral("password"), password}});
    if (r.status != 200) {
        m_token = saved;
        qWarning("login of %s failed: %d %s", qPrintable(username), r.status, r.body.constData());
        return false;
    }
    m_token = r.json().value(QStringLiteral("access_token")).toString().toUtf8();
    return true;
}

} // namespace flowviz::test
