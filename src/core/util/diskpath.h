#pragma once

#include <QString>

namespace Quiver {

// path (a file or a folder the user named) made absolute against the current folder, and cleaned.
// Unlike QDir and QFile, which read a leading ':' as Qt's built-in read-only resources (and call
// ":music" absolute), a ':' is an ordinary first letter of a name on disk here: "-d :music" is the
// folder ":music" in the current folder.
QString absoluteDiskPath(const QString &path);

} // namespace Quiver
