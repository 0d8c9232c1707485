#include "mountnamespace.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Quiver::Test {

namespace {
QString systemError(const char *what)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(errno));
}

bool writeProcFile(const char *path, const QByteArray &content)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    ::close(fd);
    return ok;
}
} // namespace

QString enterPrivateMountNamespace()
{
    if (::unshare(CLONE_NEWNS) != 0) {
        // Not privileged: a user namespace in which this user is root brings its own mount rights.
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return systemError("unshare(CLONE_NEWUSER | CLONE_NEWNS)");
        writeProcFile("/proc/self/setgroups", "deny");
        if (!writeProcFile("/proc/self/uid_map", "0 " + QByteArray::number(uid) + " 1")
            || !writeProcFile("/proc/self/gid_map", "0 " + QByteArray::number(gid) + " 1"))
            return systemError("writing the user namespace's id maps");
    }
    // Without this, mounts made here would propagate back to the host's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return systemError("making the mounts private");
    return {};
}

QString mountTmpfs(const QString &path, qint64 bytes, bool readOnly)
{
    const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0777";
    if (::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs", readOnly ? MS_RDONLY : 0,
                options.constData())
        != 0)
        return systemError("mount -t tmpfs");
    return {};
}

QString mountRamfs(const QString &path)
{
    if (::mount("ramfs", QFile::encodeName(path).constData(), "ramfs", 0, "mode=0777") != 0)
        return systemError("mount -t ramfs");
    return {};
}

bool unmount(const QString &path)
{
    return ::umount2(QFile::encodeName(path).constData(), MNT_DETACH) == 0;
}

} // namespace Quiver::Test
