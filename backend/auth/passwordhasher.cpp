#include "backend/auth/passwordhasher.h"

#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include <sodium.h>

namespace flowviz::auth::passwords {

namespace {

struct Gate
{
    std::mutex mutex;
    std::condition_variable freed;
    int running = 0;
};

Gate &gate()
{
    static Gate g;
    return g;
}

} // namespace

int maxConcurrent()
{
    static const int n = std::max(1, QThread::idealThreadCount());
    return n;
}

Slot::Slot()
{
    Gate &g = gate();
    std::unique_lock lock(g.mutex);
    g.freed.wait(lock, [&g] { return g.running < maxConcurrent(); });
    ++g.running;
}

Slot::~Slot()
{
    Gate &g = gate();
    {
        std::lock_guard lock(g.mutex);
        --g.running;
    }
    g.freed.notify_one();
}

bool initialize()
{
    return sodium_init() >= 0;
}

QByteArray hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const Slot slot;
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
    const Slot slot;
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
