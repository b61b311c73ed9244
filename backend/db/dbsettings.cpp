#include "backend/db/dbsettings.h"

#include <QUrl>
#include <QUrlQuery>

namespace flowviz::db {

std::optional<DbSettings> DbSettings::fromUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres")) {
        if (error)
            *error = QStringLiteral("the database URL must look like "
                                    "postgresql://user:password@host:port/database");
        return std::nullopt;
    }
    DbSettings s;
    s.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    s.port = url.port(5432);
    s.user = url.userName(QUrl::FullyDecoded);
    s.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty())
        s.database = path;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host")
            s.host = value; // a Unix socket directory, as libpq allows
        else
            options << key + u'=' + value;
    }
    s.connectOptions = options.join(u';');
    return s;
}

QString DbSettings::redactedUrl() const
{
    return QStringLiteral("postgresql://%1%2@%3:%4/%5")
        .arg(user, password.isEmpty() ? QString() : QStringLiteral(":***"), host)
        .arg(port)
        .arg(database);
}

} // namespace flowviz::db
