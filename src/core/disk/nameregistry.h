#pragma once

#include <QHash>
#include <QString>

namespace Quiver {

// Hands out final file paths so that no two queue items share a name and no existing file is ever
// overwritten. Plain class, used from one thread.
//
// Claims are compared after QDir::cleanPath, NFC normalisation and case folding: "A.txt" and "a.txt"
// are one file on Windows and macOS, and a queue may move there. A claim on "x" also reserves its
// "x.part" (and a claim on "x.part" blocks "x"), so one item's final name is never another's .part.
class NameRegistry final
{
public:
    // Returns the absolute clean path dir/name, numbered ("name (1).ext", "name (2).ext", ...) until
    // neither the path nor path.part exists on disk (a directory or a dangling symlink counts as
    // existing) and no other claim holds it; records the claim. name is sanitized again here: an unsafe
    // or empty name becomes its sanitized form or "download". The result is always a direct child of
    // dir. Empty only if no free name was found in MaxAttempts tries.
    QString claim(const QString &dir, const QString &name);

    // Records an existing claim (e.g. an item restored from a session that already has its .part). Does
    // not look at the disk. Returns false if the path is empty or another claim already holds it.
    bool adopt(const QString &path);

    void release(const QString &path);

    // True when exactly this path (cleaned, case-folded) was claimed or adopted; its .part is not.
    bool isClaimed(const QString &path) const;

    qsizetype size() const { return m_claims.size(); }

    static constexpr int MaxAttempts = 100000;

private:
    bool conflictsWithClaim(const QString &path) const;

    QHash<QString, QString> m_claims; // key() -> the path as handed out
};

} // namespace Quiver
