#include "disk/leftoverparts.h"

#include "disk/partfile.h"
#include "disk/partorigin.h"
#include "links/filenames.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QSet>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Quiver {

namespace {
// A writer holds an exclusive lock on its .part (PartFile::open): not even a shared one can be had then.
bool isBeingWritten(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return locked;
}
} // namespace

QString LeftoverPart::folder() const
{
    return QFileInfo(path).absolutePath();
}

QString LeftoverPart::fileName() const
{
    return QFileInfo(path).fileName().chopped(FileNames::PartSuffix.size());
}

QList<LeftoverPart> LeftoverPart::findIn(const QStringList &folders)
{
    QList<LeftoverPart> found;
    QSet<QString> seen;
    for (const QString &folder : folders) {
        const QString clean = QDir::cleanPath(QDir(folder).absolutePath());
        if (folder.isEmpty() || seen.contains(clean))
            continue;
        seen.insert(clean);
        const QDir dir(clean);
        const QStringList names = dir.entryList({QStringLiteral("*") + FileNames::PartSuffix}, QDir::Files | QDir::Hidden | QDir::System,
                                                QDir::Name);
        for (const QString &name : names) {
            const QString path = dir.filePath(name);
            const qint64 size = PartFile::existingSize(path);   // a regular file, not through a symlink
            if (size < 0 || name.size() == FileNames::PartSuffix.size())
                continue;
            if (isBeingWritten(path))
                continue;   // another Quiver (or quiver-cli) is downloading it right now
            if (const std::optional<PartOrigin> origin = PartOrigin::readFrom(path))
                found.append(LeftoverPart{path, origin->url, size, origin->total});
        }
    }
    return found;
}

} // namespace Quiver
