#include "remote/secretfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Quiver::Aria2 {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Quiver::Aria2", text);
}
constexpr qint64 kMaxSecret = 4096;
} // namespace

std::optional<QByteArray> readSecretFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *error = tr("The secret file %1 could not be read: %2.").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return std::nullopt;
    }
    struct stat info {};
    QByteArray content;
    bool fine = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    if (!fine) {
        *error = tr("The secret file %1 is not a regular file.").arg(path);
    } else if ((info.st_mode & 077) != 0) {
        fine = false;
        *error = tr("The secret file %1 can be read or changed by other users. Make it yours alone "
                    "(chmod 600 %1), then try again.").arg(path);
    } else {
        content.resize(kMaxSecret + 1);
        const ssize_t got = ::read(fd, content.data(), content.size());
        content.resize(got > 0 ? got : 0);
        if (got > kMaxSecret) {
            fine = false;
            *error = tr("The secret file %1 is too long for a token; it should hold the token alone.").arg(path);
        }
    }
    ::close(fd);
    if (!fine)
        return std::nullopt;
    const qsizetype end = content.indexOf('\n');
    const QByteArray token = (end < 0 ? content : content.left(end)).trimmed();
    if (token.isEmpty()) {
        *error = tr("The secret file %1 holds no token.").arg(path);
        return std::nullopt;
    }
    return token;
}

bool writeSecretFile(const QString &path, const QByteArray &token, QString *error)
{
    // Created 0600 (and made so, whatever the umask) before a byte of the token is in it, then renamed
    // over the old file: the token is never readable by others, not even for a moment.
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".new";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    bool fine = fd >= 0 && ::fchmod(fd, 0600) == 0;
    const QByteArray line = token + '\n';
    fine = fine && ::write(fd, line.constData(), size_t(line.size())) == ssize_t(line.size()) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    if (fd >= 0)
        ::close(fd);
    fine = fine && ::rename(temporary.constData(), target.constData()) == 0;
    if (!fine) {
        *error = tr("The secret could not be saved in %1: %2.").arg(path, QString::fromLocal8Bit(strerror(errno ? errno : savedErrno)));
        ::unlink(temporary.constData());
        return false;
    }
    return true;
}

} // namespace Quiver::Aria2
