#include "backend/auth/passwordhasher.h"

#include <sodium.h>

namespace flowviz::auth::passwords {

bool initialize()
{
    return sodium_init() >= 0;
}

QByteArray hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QByteArray(out);
}

bool verify(const QByteArray &storedHash, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    if (storedHash.isEmpty() || utf8.size() > kMaxLength * 4)
        return false;
    return crypto_pwhash_str_verify(storedHash.constData(), utf8.constData(),
                                    quint64(utf8.size())) == 0;
}

const QByteArray &dummyHash()
{
    static const QByteArray h =
        hash(QStringLiteral("flowviz-not-a-user-%1").arg(randombytes_random()));
    return h;
}

} // namespace flowviz::auth::passwords
