#include "disk/nameregistry.h"

#include "links/filenames.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString key(const QString &cleanPath)
{
    return cleanPath.normalized(QString::NormalizationForm_C).toCaseFolded();
}

// lstat semantics: a dangling symlink is "occupied" too, because writing to it would create its target.
bool occupied(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

bool isDirectChild(const QString &folder, const QString &path, const QString &name)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return false;
    const QString parent = slash == 0 ? u"/"_s : path.left(slash);
    return parent == folder && QStringView(path).mid(slash + 1) == name;
}

} // namespace

bool NameRegistry::conflictsWithClaim(const QString &path) const
{
    const QString k = key(path);
    if (m_claims.contains(k) || m_claims.contains(k + FileNames::PartSuffix))
        return true;
    return k.endsWith(FileNames::PartSuffix) && m_claims.contains(k.chopped(FileNames::PartSuffix.size()));
}

QString NameRegistry::claim(const QString &dir, const QString &name)
{
    const QString folder = QDir::cleanPath(QDir(dir).absolutePath());
    QString safe = FileNames::sanitize(name);
    if (safe.isEmpty())
        safe = FileNames::FallbackName;

    for (int n = 0; n < MaxAttempts; ++n) {
        const QString candidate = n == 0 ? safe : FileNames::numbered(safe, n);
        const QString path = QDir::cleanPath(folder + u'/' + candidate);
        // Cannot fail for a sanitized name; kept so containment is a property of the returned path.
        if (!isDirectChild(folder, path, candidate))
            return {};
        if (conflictsWithClaim(path) || occupied(path) || occupied(path + FileNames::PartSuffix))
            continue;
        m_claims.insert(key(path), path);
        return path;
    }
    return {};
}

bool NameRegistry::adopt(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QString clean = absoluteClean(path);
    if (conflictsWithClaim(clean))
        return false;
    m_claims.insert(key(clean), clean);
    return true;
}

void NameRegistry::release(const QString &path)
{
    if (!path.isEmpty())
        m_claims.remove(key(absoluteClean(path)));
}

bool NameRegistry::isClaimed(const QString &path) const
{
    return !path.isEmpty() && m_claims.contains(key(absoluteClean(path)));
}

} // namespace Quiver
