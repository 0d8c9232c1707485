#include "disk/partfile.h"

#include "util/foldersync.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
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

// Why a file operation failed, and what the person can do about it.
struct SystemMessage {
    QString cause;
    QString advice;
};

SystemMessage systemMessage(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return {PartFile::tr("The disk is full"), PartFile::tr("Free some space, then Retry.")};
    case EFBIG:
        return {PartFile::tr("The file is too large for this disk or for the file size limit (ulimit -f)"),
                PartFile::tr("Save it to another disk or raise the limit, then Retry.")};
    case EIO:
        return {PartFile::tr("The disk reported an input/output error"), PartFile::tr("Check the disk, then Retry.")};
    case EACCES:
    case EPERM:
        return {PartFile::tr("Permission denied"), PartFile::tr("Choose a folder you can write to, then Retry.")};
    case EROFS:
        return {PartFile::tr("The disk is read-only"), PartFile::tr("Choose another folder, then Retry.")};
    case ELOOP:
        return {PartFile::tr("A symbolic link is in the way, and Quiver never writes through one"),
                PartFile::tr("Remove the link, then Retry.")};
    case ENOENT:
        return {PartFile::tr("The folder does not exist (any more)"), PartFile::tr("Check the folder, then Retry.")};
    case ENOTDIR:
        return {PartFile::tr("Part of the path is not a folder"), PartFile::tr("Choose another folder, then Retry.")};
    case EISDIR:
        return {PartFile::tr("A folder has that name"), PartFile::tr("Rename or move the folder, then Retry.")};
    default: {
        QString cause = QString::fromLocal8Bit(std::strerror(error));
        if (!cause.isEmpty())
            cause[0] = cause[0].toUpper();
        return {cause, PartFile::tr("Check the folder, then Retry.")};
    }
    }
}
} // namespace

PartFile::~PartFile()
{
    // The last owner is gone, whichever thread dropped it: no turn to check.
    closeDescriptor();
}

void PartFile::closeDescriptor()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

bool PartFile::fail(const QString &what, int error)
{
    m_errorCode = error;
    const QFileInfo file(m_path);
    SystemMessage message = systemMessage(error);
    if (error == ENOENT && QFileInfo(file.absolutePath()).isDir()) {
        // The folder is there, so it is the .part itself that went: another program moved or deleted it.
        message = {PartFile::tr("The partial file has disappeared (another program moved or deleted it)"),
                   PartFile::tr("Retry to download it again.")};
    }
    //: %1 is why (“The disk is full”), %2 the action (“write to”), %3 the file, %4 its folder, %5 what to do
    m_error = QCoreApplication::translate("Quiver::PartFile", "%1: Quiver could not %2 “%3” in “%4”. %5")
                  .arg(message.cause, what, file.fileName(), file.absolutePath(), message.advice);
    return false;
}

bool PartFile::failBusy()
{
    m_errorCode = 0;
    const QFileInfo file(m_path);
    m_error = tr("Another program is writing “%1” in “%2” (another Quiver, or a second download of the same "
                 "file). Quiver leaves it alone: let the other one finish or close it, then Retry.")
                  .arg(file.fileName(), file.absolutePath());
    return false;
}

std::optional<QByteArray> PartFile::digest(QCryptographicHash::Algorithm algorithm)
{
    m_turn.check();
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        fail(QCoreApplication::translate("Quiver::PartFile", "read"), errno);
        return std::nullopt;
    }
    QCryptographicHash hash(algorithm);
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (got == 0)
            break;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            fail(QCoreApplication::translate("Quiver::PartFile", "read"), error);
            return std::nullopt;
        }
        hash.addData(QByteArrayView(buffer.constData(), got));
    }
    ::close(fd);
    return hash.result();
}

bool PartFile::open(const QString &path, qint64 offset, const PartOrigin &origin)
{
    close();
    m_path = path;
    processUmask();
    const QByteArray native = QFile::encodeName(path);
    // Read and write: the end of a .part is read back to check that an answer really continues it.
    // Made afresh first (O_EXCL, which never follows a symlink either): a new file is known to be empty,
    // regular and bare, so it needs no stat, cut or seek, and carries no older record of its origin.
    constexpr int flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC;
    PartOrigin::FileState state = PartOrigin::FileState::Created;
    int fd = ::open(native.constData(), flags | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST) {
        state = PartOrigin::FileState::Existing;
        fd = ::open(native.constData(), flags | O_CREAT, 0600);
    }
    if (fd < 0)
        return fail(QCoreApplication::translate("Quiver::PartFile", "open"), errno);
    struct stat info {};
    if (state == PartOrigin::FileState::Existing && (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))) {
        ::close(fd);
        return fail(QCoreApplication::translate("Quiver::PartFile", "open"), EISDIR);
    }
    // Two writers of one .part (a second Quiver on the same folder, or a second transfer here) would
    // interleave their bytes into a wrong file. The lock belongs to this open file description, so it
    // holds against other processes and against a second open in this one, and it goes with the last
    // descriptor, also when the process dies. It comes before the cut below: a file someone else is
    // writing is not touched at all.
    // A file system that cannot lock at all (ENOLCK, EOPNOTSUPP) is no reason to refuse the download.
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        ::close(fd);
        return failBusy();
    }
    // A file just made is empty (info.st_size is 0) and its descriptor at 0.
    const qint64 start = qBound<qint64>(0, offset, qint64(info.st_size));
    if ((start != qint64(info.st_size) && ::ftruncate(fd, start) != 0) || (start != 0 && ::lseek(fd, start, SEEK_SET) < 0)) {
        const int error = errno;
        ::close(fd);
        return fail(QCoreApplication::translate("Quiver::PartFile", "prepare"), error);
    }
    m_fd = fd;
    m_size = start;
    m_writebackFrom = start;
    m_inWritebackFrom = -1;
    origin.writeTo(fd, state);
    return true;
}

std::optional<QByteArray> PartFile::readBack(qint64 offset, qint64 size)
{
    m_turn.check();
    QByteArray bytes(size, Qt::Uninitialized);
    qint64 done = 0;
    while (done < size) {
        const ssize_t got = ::pread(m_fd, bytes.data() + done, size_t(size - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            fail(QCoreApplication::translate("Quiver::PartFile", "read"), got < 0 ? errno : EIO);
            return std::nullopt;
        }
        done += got;
    }
    return bytes;
}

bool PartFile::write(const char *data, qint64 size)
{
    m_turn.check();
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
    startWriteback();
    return true;
}

void PartFile::startWriteback()
{
    // 8 MiB: large enough that the disk gets long sequential writes, small enough that the final fsync of
    // a 1 GiB file waits for a few MiB instead of the whole gigabyte (about a second on this disk).
    constexpr qint64 span = 8 * 1024 * 1024;
    if (m_size - m_writebackFrom < span)
        return;
    // Errors are not lost: the kernel keeps a writeback error for the final fsync() to report. On file
    // systems without a disk (tmpfs) both calls return at once.
    ::sync_file_range(m_fd, off_t(m_writebackFrom), off_t(m_size - m_writebackFrom), SYNC_FILE_RANGE_WRITE);
    // Waiting for the span before keeps at most two spans of this file dirty or in flight: a download
    // faster than the disk then slows to the disk's pace here, on the disk thread, rather than filling
    // the page cache and stalling the whole machine in the kernel's writeback throttling.
    if (m_inWritebackFrom >= 0)
        ::sync_file_range(m_fd, off_t(m_inWritebackFrom), off_t(m_writebackFrom - m_inWritebackFrom),
                          SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    m_inWritebackFrom = m_writebackFrom;
    m_writebackFrom = m_size;
}

// Segments write at scattered offsets, so writeback is left to the final fsync here.
bool PartFile::writeAt(qint64 offset, const char *data, qint64 size)
{
    m_turn.check();
    while (size > 0) {
        const ssize_t written = ::pwrite(m_fd, data, size_t(size), off_t(offset));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return fail(QCoreApplication::translate("Quiver::PartFile", "write to"), errno);
        }
        data += written;
        size -= written;
        offset += written;
        m_size = qMax(m_size, offset);
    }
    return true;
}

bool PartFile::sync()
{
    m_turn.check();
    if (::fsync(m_fd) != 0)
        return fail(QCoreApplication::translate("Quiver::PartFile", "save"), errno);
    return true;
}

void PartFile::close()
{
    m_turn.check();
    closeDescriptor();
}

bool PartFile::commit(const QString &target, FolderSync folderSync)
{
    m_turn.check();
    m_exists = false;
    if (m_fd >= 0) {
        ::fchmod(m_fd, 0666 & ~processUmask());
        PartOrigin::keepOnlyTheLink(m_fd);
    }
    const QByteArray from = QFile::encodeName(m_path);
    const QByteArray to = QFile::encodeName(target);
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0) {
        m_path = target;
        if (folderSync == FolderSync::Now)
            syncFolderOf(target);
        return true;
    }
    int error = errno;
    if (error == EINVAL || error == ENOSYS) {
        // Some file systems lack RENAME_NOREPLACE; a hard link also refuses to replace.
        if (::link(from.constData(), to.constData()) == 0) {
            ::unlink(from.constData());
            m_path = target;
            if (folderSync == FolderSync::Now)
                syncFolderOf(target);
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
