#include "partfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Quiver {

namespace {
mode_t processUmask()
{
    // umask can only be read by setting it; do it once, before any worker threads create files.
    static const mode_t mask = [] {
        const mode_t m = ::umask(0);
        ::umask(m);
        return m;
    }();
    return mask;
}

// A rename is only durable once the folder itself is on disk: without this a crash can bring back
// the .part and lose the final name.
void syncFolder(const QString &file)
{
    const int fd = ::open(QFile::encodeName(QFileInfo(file).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QString systemMessage(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return QCoreApplication::translate("Quiver::PartFile", "the disk is full. Free some space, then retry");
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("Quiver::PartFile", "permission denied. Choose a folder you can write to");
    case EROFS:
        return QCoreApplication::translate("Quiver::PartFile", "the disk is read-only. Choose another folder");
    case ELOOP:
        return QCoreApplication::translate("Quiver::PartFile", "a symbolic link is in the way; Quiver never writes through one");
    case ENOENT:
        return QCoreApplication::translate("Quiver::PartFile", "the folder does not exist");
    case ENOTDIR:
        return QCoreApplication::translate("Quiver::PartFile", "part of the path is not a folder");
    case EISDIR:
        return QCoreApplication::translate("Quiver::PartFile", "a folder has that name");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}
} // namespace

PartFile::~PartFile()
{
    close();
}

bool PartFile::fail(const QString &what, int error)
{
    m_error = QCoreApplication::translate("Quiver::PartFile", "Could not %1 “%2”: %3.")
                  .arg(what, QFileInfo(m_path).fileName(), systemMessage(error));
    return false;
}

bool PartFile::open(const QString &path, qint64 offset)
{
    close();
    m_path = path;
    processUmask();
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(QCoreApplication::translate("Quiver::PartFile", "open"), errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(QCoreApplication::translate("Quiver::PartFile", "open"), EISDIR);
    }
    const qint64 start = qBound<qint64>(0, offset, qint64(info.st_size));
    if (::ftruncate(fd, start) != 0 || ::lseek(fd, start, SEEK_SET) < 0) {
        const int error = errno;
        ::close(fd);
        return fail(QCoreApplication::translate("Quiver::PartFile", "prepare"), error);
    }
    m_fd = fd;
    m_size = start;
    return true;
}

bool PartFile::write(const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t written = ::write(m_fd, data, size_t(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return fail(QCoreApplication::translate("Quiver::PartFile", "write to"), errno);
        }
        data += written;
        size -= written;
        m_size += written;
    }
    return true;
}

bool PartFile::sync()
{
    if (::fsync(m_fd) != 0)
        return fail(QCoreApplication::translate("Quiver::PartFile", "save"), errno);
    return true;
}

void PartFile::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

bool PartFile::commit(const QString &target)
{
    m_exists = false;
    if (m_fd >= 0)
        ::fchmod(m_fd, 0666 & ~processUmask());
    const QByteArray from = QFile::encodeName(m_path);
    const QByteArray to = QFile::encodeName(target);
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0) {
        m_path = target;
        syncFolder(target);
        return true;
    }
    int error = errno;
    if (error == EINVAL || error == ENOSYS) {
        // Some file systems lack RENAME_NOREPLACE; a hard link also refuses to replace.
        if (::link(from.constData(), to.constData()) == 0) {
            ::unlink(from.constData());
            m_path = target;
            syncFolder(target);
            return true;
        }
        error = errno;
    }
    m_exists = error == EEXIST;
    return fail(QCoreApplication::translate("Quiver::PartFile", "rename"), error);
}

qint64 PartFile::existingSize(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return -1;
    return info.st_size;
}

} // namespace Quiver
