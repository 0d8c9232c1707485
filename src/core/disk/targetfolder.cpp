#include "disk/targetfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace Quiver::TargetFolder {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Quiver::TargetFolder", text);
}

// "Free some space" and the like: what the person can do about errno when a folder cannot be made.
QString cannotCreate(const QString &folder, int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return tr("The disk is full: Quiver could not create the folder “%1”. Free some space, then Retry.").arg(folder);
    case EROFS:
        return tr("The disk is read-only: Quiver could not create the folder “%1”. Choose another folder, then Retry.")
            .arg(folder);
    case EACCES:
    case EPERM:
        return tr("Permission denied: Quiver could not create the folder “%1”. Choose a folder you can write to, "
                  "then Retry.")
            .arg(folder);
    default:
        return tr("Quiver could not create the folder “%1”: %2. Check the path, then Retry.")
            .arg(folder, QString::fromLocal8Bit(std::strerror(error)));
    }
}

QString notAFolder(const QString &file, const QString &wanted)
{
    if (file == wanted)
        return tr("“%1” is a file, not a folder, so nothing can be saved in it. Choose another folder, or move "
                  "the file away, then Retry.")
            .arg(file);
    return tr("“%1” is a file, not a folder, so the folder “%2” cannot be created in it. Choose another folder, "
              "or move the file away, then Retry.")
        .arg(file, wanted);
}
} // namespace

QString prepare(const QString &path)
{
    const QString folder = QDir::cleanPath(QDir(path).absolutePath());
    struct stat info {};
    // A stat is all it costs once the folder exists, which it does for all but the first file.
    if (::stat(QFile::encodeName(folder).constData(), &info) == 0)
        return S_ISDIR(info.st_mode) ? QString() : notAFolder(folder, folder);

    // Walk up to the nearest part that exists, then create the rest top-down, so the message can name
    // the part that is in the way.
    QStringList missing;
    QString existing = folder;
    while (::stat(QFile::encodeName(existing).constData(), &info) != 0) {
        // ENOTDIR: a file higher up is in the way; the walk finds and names it.
        if (errno != ENOENT && errno != ENOTDIR)
            return cannotCreate(existing, errno);
        missing.prepend(existing);
        const QString parent = QDir::cleanPath(existing + QLatin1String("/.."));
        if (parent == existing)
            break;
        existing = parent;
    }
    if (!S_ISDIR(info.st_mode))
        return notAFolder(existing, folder);
    for (const QString &part : std::as_const(missing)) {
        // EEXIST: another download made the same folder a moment ago.
        if (::mkdir(QFile::encodeName(part).constData(), 0777) != 0 && errno != EEXIST)
            return cannotCreate(part, errno);
    }
    return {};
}

} // namespace Quiver::TargetFolder
