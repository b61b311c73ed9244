#pragma once

#include "domain/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::auth {

struct Claims
{
    QUuid userId;
    QString username;
    Role role = Role::VIEWER;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

// HS256 JSON Web Tokens (RFC 7519) with sub, name, role, iat, exp and jti.
class Jwt
{
public:
    explicit Jwt(QByteArray secret);

    QByteArray sign(const Claims &claims) const;
    enum class Error
    {
        Malformed,
        BadSignature,
        Expired
    };
    // Verifies signature, algorithm and expiry against `now` (seconds since the epoch).
    std::optional<Claims> verify(const QByteArray &token, qint64 now, Error *error = nullptr) const;

private:
    QByteArray m_secret;
};

} // namespace flowviz::auth
