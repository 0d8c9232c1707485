#include "disk/nameregistry.h"

#include "links/filenames.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

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
// One lstat, where QFileInfo's exists() and isSymLink() cost two failing calls for a free name.
bool occupied(const QString &path)
{
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0;
}

// A claim's key in two parts, its folder's and its name's: the names of one folder share the folder's key
// rather than each holding the whole path, which was a tenth of quiver-cli's memory with 100,000 items.
// Normalizing the whole path is normalizing each part: '/' is a starter, so no composition crosses it.
struct SplitKey {
    QString folder;
    QString name;
};

SplitKey splitKey(const QString &cleanPath)
{
    const QString k = key(cleanPath);
    const qsizetype slash = k.lastIndexOf(u'/');
    return {slash <= 0 ? u"/"_s : k.left(slash), k.mid(slash + 1)};
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
    const SplitKey k = splitKey(path);
    const auto names = m_claims.constFind(k.folder);
    if (names == m_claims.cend())
        return false;
    if (names->contains(k.name) || names->contains(k.name + FileNames::PartSuffix))
        return true;
    return k.name.endsWith(FileNames::PartSuffix) && names->contains(k.name.chopped(FileNames::PartSuffix.size()));
}

void NameRegistry::insertClaim(const QString &path)
{
    const SplitKey k = splitKey(path);
    QSet<QString> &names = m_claims[k.folder];
    const qsizetype before = names.size();
    names.insert(k.name);
    m_size += names.size() - before;
}

bool NameRegistry::removeClaim(const QString &path)
{
    const SplitKey k = splitKey(path);
    const auto names = m_claims.find(k.folder);
    if (names == m_claims.end() || !names->remove(k.name))
        return false;
    --m_size;
    if (names->isEmpty())
        m_claims.erase(names);
    return true;
}

bool NameRegistry::isFree(const QString &path) const
{
    // The claims first: a hash lookup, where the disk costs two system calls.
    return !conflictsWithClaim(path) && !occupied(path) && !occupied(path + FileNames::PartSuffix);
}

QString NameRegistry::claim(const QString &dir, const QString &name)
{
    const QString folder = QDir::cleanPath(QDir(dir).absolutePath());
    QString safe = FileNames::sanitize(name);
    if (safe.isEmpty())
        safe = FileNames::FallbackName;

    const QString plain = QDir::cleanPath(folder + u'/' + safe);
    // Cannot fail for a sanitized name; kept so containment is a property of the returned path.
    if (!isDirectChild(folder, plain, safe))
        return {};
    if (isFree(plain)) {
        insertClaim(plain);
        return plain;
    }
    NumberSequence &numbers = m_sequences[key(plain)];
    for (int attempt = 0; attempt < MaxAttempts; ++attempt) {
        const int n = numbers.take();
        if (n == 0)
            return {};
        const QString candidate = FileNames::numbered(safe, n);
        const QString path = QDir::cleanPath(folder + u'/' + candidate);
        if (!isDirectChild(folder, path, candidate))
            return {};
        // A number in use is not given back: its holder gives it back on release, if it is ours.
        if (isFree(path)) {
            insertClaim(path);
            return path;
        }
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
    insertClaim(clean);
    return true;
}

void NameRegistry::release(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = absoluteClean(path);
    if (!removeClaim(clean))
        return;
    const qsizetype slash = clean.lastIndexOf(u'/');
    const QString name = clean.mid(slash + 1);
    QString base;
    const int n = FileNames::numberIn(name, &base);
    if (n < 1)
        return;
    const QString folder = slash == 0 ? u"/"_s : clean.left(slash);
    const auto numbers = m_sequences.find(key(QDir::cleanPath(folder + u'/' + base)));
    // Only a number this sequence could have handed out: "x (2).txt" given as out= is not base "x.txt"'s
    // unless numbered() agrees. Either way every candidate is checked again before it is handed out.
    if (numbers != m_sequences.end() && key(FileNames::numbered(base, n)) == key(name))
        numbers->giveBack(n);
}

bool NameRegistry::isClaimed(const QString &path) const
{
    if (path.isEmpty())
        return false;
    const SplitKey k = splitKey(absoluteClean(path));
    const auto names = m_claims.constFind(k.folder);
    return names != m_claims.cend() && names->contains(k.name);
}

} // namespace Quiver
