#include "disk/foundpart.h"

#include "disk/nameregistry.h"
#include "disk/partfile.h"
#include "links/filenames.h"
#include "queue/downloaditem.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

namespace Quiver {

std::optional<FoundPart> FoundPart::adopt(NameRegistry &names, const QString &folder, const QString &name,
                                          const QUrl &link)
{
    const QString safe = FileNames::sanitize(name);
    if (safe.isEmpty())
        return std::nullopt;
    const QString cleanFolder = QDir::cleanPath(QDir(folder).absolutePath());
    const QString target = targetPathIn(cleanFolder, safe);
    const QString part = partPathIn(cleanFolder, safe);
    const qint64 size = PartFile::existingSize(part);
    struct stat info {};
    // lstat: a dangling symlink under the final name is in the way too.
    if (size < 0 || ::lstat(QFile::encodeName(target).constData(), &info) == 0)
        return std::nullopt;
    const std::optional<PartOrigin> origin = PartOrigin::readFrom(part);
    if (!origin || !origin->isFrom(link) || (origin->total >= 0 && size > origin->total))
        return std::nullopt;
    if (!names.adopt(target))
        return std::nullopt;   // another item of this run holds it
    return FoundPart{safe, size, *origin};
}

} // namespace Quiver
