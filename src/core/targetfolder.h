#pragma once

#include <QString>

namespace Quiver::TargetFolder {

// Makes sure downloads can be created in path: creates it, and any missing parent, when it is not
// there. Returns an empty string when path is a folder, else a sentence for the row saying what is
// wrong and what to do: a file where a folder should be, a read-only disk, missing permission.
QString prepare(const QString &path);

// path made absolute against the current folder, and cleaned. Unlike QDir, which reads a leading ':' as
// Qt's built-in resources (and so calls ":music" absolute), a ':' is an ordinary character of a folder
// name on disk here: "-d :music" is the folder ":music" in the current folder.
QString absolutePath(const QString &path);

} // namespace Quiver::TargetFolder
