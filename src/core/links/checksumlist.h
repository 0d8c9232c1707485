#pragma once

#include "links/linksparser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Quiver {

// A digest a finished file must have, and where the expectation came from (for the sentences).
struct ExpectedDigest {
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256;
    QByteArray digest;            // raw bytes; empty: nothing to check
    QString source;               // the checksum list's name; empty: the link's own checksum= option

    bool isEmpty() const { return digest.isEmpty(); }
    friend bool operator==(const ExpectedDigest &, const ExpectedDigest &) = default;
};

// "SHA-256", "SHA-512" or "SHA-1".
QString digestName(QCryptographicHash::Algorithm algorithm);

// The checksum files that come with ISO images and releases: sha256sum/sha512sum/sha1sum output
// ("<hex>  name" or "<hex> *name", with the "\" escaped-name form) and BSD-style lines
// ("SHA256 (name) = <hex>"). The algorithm follows from the hex length (40, 64, 128) or the BSD tag.
// Blank lines and '#' comments are skipped; anything else is a problem with its line number.
//
// A download is matched by its final file name alone: a name in the list with folders ("dvd/x.iso")
// counts by its last part, since where the user saves the file is not the publisher's layout. A name that
// appears twice with different digests is refused (reported), as neither could be trusted to check it.
class ChecksumList final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::ChecksumList)

public:
    // A list bigger than this is not a checksum list (a release lists hundreds of files, not millions).
    static constexpr qsizetype kMaxBytes = 16 * 1024 * 1024;

    ChecksumList() = default;

    // source names the list in sentences (its file name or link). maxProblems as for parseLinkList.
    static ChecksumList parse(const QByteArray &bytes, const QString &source, qsizetype maxProblems = 100);

    bool isEmpty() const { return m_byName.isEmpty(); }
    qsizetype size() const { return m_byName.size(); }
    const QList<InputProblem> &problems() const { return m_problems; }
    qsizetype unlistedProblems() const { return m_unlistedProblems; }

    // The digest for a file of that name, if the list has one.
    std::optional<ExpectedDigest> find(const QString &fileName) const;

    // Adds other's names; a name both have with different digests is refused from then on.
    void merge(const ChecksumList &other);

    // What a session file keeps of a list: every name with its digest, and the names refused because
    // they were listed with two different digests (a refused name stays unchecked after a restart too).
    const QHash<QString, ExpectedDigest> &digests() const { return m_byName; }
    QStringList refusedNames() const { return m_refused.keys(); }
    // Puts back what digests() and refusedNames() gave; as merge() does, a name given two different
    // digests (or given one and refused) ends up refused.
    void restoreDigest(const QString &name, const ExpectedDigest &digest);
    void restoreRefused(const QString &name);

    // The same names with the same digests, and the same names refused.
    friend bool operator==(const ChecksumList &a, const ChecksumList &b)
    {
        return a.m_byName == b.m_byName && a.m_refused == b.m_refused;
    }

private:
    void add(const QString &name, const ExpectedDigest &digest, int line);
    void report(int line, const QString &excerpt, const QString &reason);

    QHash<QString, ExpectedDigest> m_byName;
    QHash<QString, bool> m_refused;          // names with two different digests
    QList<InputProblem> m_problems;
    qsizetype m_unlistedProblems = 0;
    qsizetype m_maxProblems = 100;
    QString m_source;
};

} // namespace Quiver
