#include "backend/auth/jwt.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace flowviz::auth {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray mac(const QByteArray &secret, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha256);
}

} // namespace

Jwt::Jwt(QByteArray secret) : m_secret(std::move(secret)) {}

QByteArray Jwt::sign(const Claims &c) const
{
    const QByteArray header =
        QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                  {QStringLiteral("typ"), QStringLiteral("JWT")}})
            .toJson(QJsonDocument::Compact)
            .toBase64(kB64);
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("sub"), c.userId.toString(QUuid::WithoutBraces)},
                                  {QStringLiteral("name"), c.username},
                                  {QStringLiteral("role"), toString(c.role)},
                                  {QStringLiteral("iat"), c.issuedAt},
                                  {QStringLiteral("exp"), c.expiresAt},
                                  {QStringLiteral("jti"),
                                   QUuid::createUuid().toString(QUuid::WithoutBraces)}})
            .toJson(QJsonDocument::Compact)
            .toBase64(kB64);
    const QByteArray signingInput = header + '.' + payload;
    return signingInput + '.' + mac(m_secret, signingInput).toBase64(kB64);
}

std::optional<Claims> Jwt::verify(const QByteArray &token, qint64 now, Error *error) const
{
    auto fail = [error](Error e) -> std::optional<Claims> {
        if (error)
            *error = e;
        return std::nullopt;
    };
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || token.size() > 4096)
        return fail(Error::Malformed);
    const auto headerBytes = QByteArray::fromBase64Encoding(parts[0], kB64);
    const auto payloadBytes = QByteArray::fromBase64Encoding(parts[1], kB64);
    const auto signature = QByteArray::fromBase64Encoding(parts[2], kB64);
    if (!headerBytes || !payloadBytes || !signature)
        return fail(Error::Malformed);
    const QJsonObject header = QJsonDocument::fromJson(*headerBytes).object();
    if (header.value(QStringLiteral("alg")).toString() != u"HS256")
        return fail(Error::Malformed);
    const QByteArray expected = mac(m_secret, parts[0] + '.' + parts[1]);
    if (signature.decoded.size() != expected.size() ||
        sodium_memcmp(signature.decoded.constData(), expected.constData(),
                      size_t(expected.size())) != 0)
        return fail(Error::BadSignature);
    // One token, one spelling: base64url that does not re-encode to itself (unused low bits
    // set in the last character) is refused, so tokens can be compared by their text.
    if (signature.decoded.toBase64(kB64) != parts[2])
        return fail(Error::Malformed);
    const QJsonObject payload = QJsonDocument::fromJson(*payloadBytes).object();
    Claims c;
    c.userId = QUuid::fromString(payload.value(QStringLiteral("sub")).toString());
    c.username = payload.value(QStringLiteral("name")).toString();
    const auto role = roleFromString(payload.value(QStringLiteral("role")).toString());
    c.issuedAt = payload.value(QStringLiteral("iat")).toInteger();
    c.expiresAt = payload.value(QStringLiteral("exp")).toInteger();
    if (c.userId.isNull() || !role || c.expiresAt == 0)
        return fail(Error::Malformed);
    c.role = *role;
    if (now >= c.expiresAt)
        return fail(Error::Expired);
    return c;
}

} // namespace flowviz::auth
