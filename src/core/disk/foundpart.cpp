#include "disk/foundpart.h"

#include "disk/nameregistry.h"
#include "disk/partfile.h"
#include "links/filenames.h"
#include "queue/downloaditem.h"

#include <QDir>
#include <QFileInfo>

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
    if (size < 0 || QFileInfo(target).exists() || QFileInfo(target).isSymLink())
        return std::nullopt;
    const std::optional<PartOrigin> origin = PartOrigin::readFrom(part);
    if (!origin || !origin->isFrom(link) || (origin->total >= 0 && size > origin->total))
        return std::nullopt;
    if (!names.adopt(target))
        return std::nullopt;   // another item of this run holds it
    return FoundPart{safe, size, *origin};
}

} // namespace Quiver
