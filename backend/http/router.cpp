#include "backend/http/router.h"

#include <QUrl>

namespace flowviz::http {

void Router::add(const QByteArray &method, const QString &pathTemplate, Handler handler)
{
    m_routes.append(Route{method, pathTemplate, pathTemplate.split(u'/', Qt::SkipEmptyParts),
                          std::move(handler)});
}

QList<QPair<QByteArray, QString>> Router::routes() const
{
    QList<QPair<QByteArray, QString>> out;
    for (const Route &r : m_routes)
        out.append({r.method, r.pathTemplate});
    return out;
}

std::optional<Router::Match> Router::match(const QByteArray &method,
                                           const QString &encodedPath) const
{
    // Empty segments are kept: "/api/v1/lots//x" or a trailing slash match no template.
    QStringView path(encodedPath);
    if (path.startsWith(u'/'))
        path = path.mid(1);
    const QStringList parts = path.toString().split(u'/', Qt::KeepEmptyParts);
    std::optional<Match> pathOnly;
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = route.segments[i];
            if (seg.startsWith(u'{') && seg.endsWith(u'}')) {
                const QString value = QUrl::fromPercentEncoding(parts[i].toUtf8());
                if (value.isEmpty())
                    ok = false;
                else
                    params.insert(seg.mid(1, seg.size() - 2), value);
            } else {
                ok = seg == parts[i];
            }
        }
        if (!ok)
            continue;
        if (route.method == method) {
            Match m;
            m.handler = &route.handler;
            m.routeTemplate = route.pathTemplate;
            m.params = std::move(params);
            return m;
        }
        if (!pathOnly) {
            pathOnly = Match{};
            pathOnly->routeTemplate = route.pathTemplate;
        }
        pathOnly->allowedMethods.append(route.method);
    }
    return pathOnly;
}

} // namespace flowviz::http
