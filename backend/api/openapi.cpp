#include "backend/api/openapi.h"

#include "backend/http/httpserver.h"

#include <QFile>
#include <QJsonDocument>

namespace flowviz::openapi {

QJsonObject document()
{
    QFile f(QStringLiteral(":/api/openapi.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject info = doc.value(QStringLiteral("info")).toObject();
    info.insert(QStringLiteral("version"), QStringLiteral(FLOWVIZ_VERSION));
    doc.insert(QStringLiteral("info"), info);
    return doc;
}

void registerRoutes(http::HttpServer &server)
{
    server.route("GET", QStringLiteral("/openapi.json"),
                 [](const http::Request &, http::Responder respond) {
                     static const QJsonObject doc = document();
                     respond(http::Response::json(200, doc));
                 });
}

} // namespace flowviz::openapi
