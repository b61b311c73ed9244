#pragma once

#include <QByteArray>
#include <QString>

namespace flowviz::auth {

// Argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
namespace passwords {

bool initialize(); // sodium_init(); call once at start-up
QByteArray hash(const QString &password);
bool verify(const QByteArray &storedHash, const QString &password);
// A hash of a random password: verified against when the user does not exist, so that a
// failed login takes as long whether or not the name is known.
const QByteArray &dummyHash();

inline constexpr int kMinLength = 8;
inline constexpr int kMaxLength = 1024;

} // namespace passwords
} // namespace flowviz::auth
