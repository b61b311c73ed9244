#pragma once

#include "backend/http/httptypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace flowviz::http {

// Matches request paths against route templates such as "/api/v1/lots/{lot_code}". Matching
// is done on percent-encoded segments, so a lot code holding '/' travels as %2F in one segment.
class Router
{
public:
    void add(const QByteArray &method, const QString &pathTemplate, Handler handler);
    QList<QPair<QByteArray, QString>> routes() const;

    struct Match
    {
        const Handler *handler = nullptr; // null when only the path matched (405)
        QString routeTemplate;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods;
    };
    // nullopt when no template matches the path at all (404).
    std::optional<Match> match(const QByteArray &method, const QString &encodedPath) const;

private:
    struct Route
    {
        QByteArray method;
        QString pathTemplate;
        QStringList segments;
        Handler handler;
    };
    QList<Route> m_routes;
};

} // namespace flowviz::http
