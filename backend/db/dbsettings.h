#pragma once

#include <QString>

#include <optional>

namespace flowviz::db {

struct DbSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString database = QStringLiteral("flowviz");
    QString connectOptions; // libpq keywords, e.g. "sslmode=require"
    int poolSize = 25;
    int maxOverflow = 10;
    int recycleSeconds = 3600;
    int timeoutSeconds = 30;
    int connectTimeoutSeconds = 3;

    // Parses postgresql://user:pass@host:port/db?sslmode=require (RFC 3986, percent-decoded).
    static std::optional<DbSettings> fromUrl(const QString &url, QString *error);
    // The URL with the password replaced by "***", for logs.
    QString redactedUrl() const;
};

} // namespace flowviz::db
