// JWT verification (backend/auth/jwt.*): the Authorization header of every request.
#include "backend/auth/jwt.h"

#include "tests/fuzz/fuzzassert.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <cstddef>
#include <cstdint>

using flowviz::auth::Jwt;

namespace {

const QByteArray kSecret = QByteArrayLiteral("fuzzing-secret-0123456789abcdef0123456789");
constexpr qint64 kNow = 1768377600; // 2026-01-14T08:00:00Z
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

void verify(const Jwt &jwt, const QByteArray &token)
{
    Jwt::Error error{};
    const auto claims = jwt.verify(token, kNow, &error);
    if (claims) {
        FUZZ_ASSERT(!claims->userId.isNull());
        FUZZ_ASSERT(claims->expiresAt > kNow);
        // What the server signs it reads back unchanged.
        const auto again = jwt.verify(jwt.sign(*claims), kNow);
        FUZZ_ASSERT(again.has_value());
        FUZZ_ASSERT(again->userId == claims->userId && again->role == claims->role &&
                    again->username == claims->username && again->issuedAt == claims->issuedAt &&
                    again->expiresAt == claims->expiresAt);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Jwt jwt(kSecret);
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        // A token as a client sends it: the signature decides.
        verify(jwt, rest);
        break;
    case 1: {
        // A signing input with a correct HS256 signature, so header and payload are read as
        // they would be from a token the server issued: what the signature check otherwise
        // keeps the fuzzer away from.
        const QByteArray mac =
            QMessageAuthenticationCode::hash(rest, kSecret, QCryptographicHash::Sha256);
        verify(jwt, rest + '.' + mac.toBase64(kB64));
        break;
    }
    default: {
        // Header and payload as JSON, encoded and signed here: the claims themselves are fuzzed.
        const qsizetype split = rest.indexOf('\n');
        const QByteArray header =
            split < 0 ? QByteArrayLiteral("{\"alg\":\"HS256\"}") : rest.left(split);
        const QByteArray payload = split < 0 ? rest : rest.mid(split + 1);
        const QByteArray input = header.toBase64(kB64) + '.' + payload.toBase64(kB64);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(input, kSecret, QCryptographicHash::Sha256);
        verify(jwt, input + '.' + mac.toBase64(kB64));
        break;
    }
    }
    return 0;
}
