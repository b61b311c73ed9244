#include "app/core/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace flowviz::app::privatefiles {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

} // namespace

bool makePrivateDir(const QString &dir)
{
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return false;
    return QFile::setPermissions(dir, kOwnerDir);
}

bool makePrivateFile(const QString &path)
{
    if (path.isEmpty())
        return false;
    if (QFileInfo::exists(path))
        return QFile::setPermissions(path, kOwnerFile);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile f(path);
    // Created with the mode, not chmod-ed after: nobody else can open it in between.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile))
        return QFileInfo::exists(path) && QFile::setPermissions(path, kOwnerFile);
    f.close();
    return true;
}

bool prepareSqlite(const QString &path)
{
    // ":memory:" and the like are not files.
    if (path.isEmpty() || path.startsWith(u':'))
        return true;
    bool ok = makePrivateFile(path);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        ok = restrict(path + QLatin1String(suffix)) && ok;
    return ok;
}

bool restrict(const QString &path)
{
    if (!QFileInfo::exists(path))
        return true;
    return QFile::setPermissions(path, kOwnerFile);
}

} // namespace flowviz::app::privatefiles
