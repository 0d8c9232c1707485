#include "util/diskpath.h"

#include <QDir>

namespace Quiver {

QString absoluteDiskPath(const QString &path)
{
    if (path.startsWith(u':'))
        return QDir::cleanPath(QDir::currentPath() + u'/' + path);
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace Quiver
