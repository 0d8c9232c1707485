#pragma once

#include "disk/numbersequence.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace Quiver {

// Hands out final file paths so that no two queue items share a name and no existing file is ever
// overwritten. Plain class, used from one thread.
//
// Claims are compared after QDir::cleanPath, NFC normalisation and case folding: "A.txt" and "a.txt"
// are one file on Windows and macOS, and a queue may move there. A claim on "x" also reserves its
// "x.part" (and a claim on "x.part" blocks "x"), so one item's final name is never another's .part.
//
// Numbering costs the same for the 20,000th "get (20000).bin" as for the first: each folder and base
// name keeps a NumberSequence, so a claim tries the plain name, then the lowest number given back by a
// release, then the next number never tried, checking each candidate against the claims and the disk
// as before. A number found in use is passed over for the rest of the run; the disk is read once per
// number (after a restart the sequence starts again from 1 and so is rebuilt from what is on disk).
class NameRegistry final
{
public:
    // Returns the absolute clean path dir/name, numbered ("name (1).ext", "name (2).ext", ...) until
    // neither the path nor path.part exists on disk (a directory or a dangling symlink counts as
    // existing) and no other claim holds it; records the claim. name is sanitized again here: an unsafe
    // or empty name becomes its sanitized form or "download". The result is always a direct child of
    // dir. Empty only if no free name was found in MaxAttempts tries (a later claim goes on from there).
    QString claim(const QString &dir, const QString &name);

    // Records an existing claim (e.g. an item restored from a session that already has its .part). Does
    // not look at the disk. Returns false if the path is empty or another claim already holds it.
    bool adopt(const QString &path);

    // The name is free again; a numbered one is the first its base name hands out next (lowest first).
    void release(const QString &path);

    // True when exactly this path (cleaned, case-folded) was claimed or adopted; its .part is not.
    bool isClaimed(const QString &path) const;

    qsizetype size() const { return m_size; }

    static constexpr int MaxAttempts = 1'000'000;

private:
    bool conflictsWithClaim(const QString &path) const;
    bool isFree(const QString &path) const;
    void insertClaim(const QString &cleanPath);
    bool removeClaim(const QString &cleanPath);

    QHash<QString, QSet<QString>> m_claims;        // folder key -> the name keys handed out or adopted there
    qsizetype m_size = 0;
    QHash<QString, NumberSequence> m_sequences;    // key() of dir/base name -> its numbers
};

} // namespace Quiver
