#pragma once

#include <QString>

namespace Quiver::TargetFolder {

// Makes sure downloads can be created in path: creates it, and any missing parent, when it is not
// there. Returns an empty string when path is a folder, else a sentence for the row saying what is
// wrong and what to do: a file where a folder should be, a read-only disk, missing permission.
QString prepare(const QString &path);

} // namespace Quiver::TargetFolder
