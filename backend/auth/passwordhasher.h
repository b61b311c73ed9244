#pragma once

#include <QByteArray>
#include <QString>

namespace flowviz::auth {

// Argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
namespace passwords {

bool initialize(); // sodium_init(); call once at start-up
// Both run inside a Slot (below).
QByteArray hash(const QString &password);
bool verify(const QByteArray &storedHash, const QString &password);

// Each argon2id computation takes 64 MiB and tens of milliseconds. A Slot waits until fewer
// than maxConcurrent() are running in the process and holds one while it lives, so that a
// burst of logins at a shift change costs latency, not memory: with 8 logins at once and no
// bound the server peaked at 597 MB. Wrap every other argon2 computation in the server (e.g.
// sealing a signing key with the password) in a Slot too; Slots do not nest.
class Slot
{
public:
    Slot();
    ~Slot();
    Slot(const Slot &) = delete;
    Slot &operator=(const Slot &) = delete;
};
// The number of processor cores (at least 1): more at once would not finish sooner.
int maxConcurrent();
// A hash of a random password: verified against when the user does not exist, so that a
// failed login takes as long whether or not the name is known.
const QByteArray &dummyHash();

inline constexpr int kMinLength = 8;
inline constexpr int kMaxLength = 1024;

} // namespace passwords
} // namespace flowviz::auth
