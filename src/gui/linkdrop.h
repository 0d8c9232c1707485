#pragma once

#include "links/linksparser.h"
#include "util/runinthreadpool.h"

#include <QFuture>
#include <QHash>
#include <QRunnable>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <utility>

class QMimeData;

namespace Quiver {

// A dropped file larger than this is refused unread: a list of links that big is almost certainly the
// wrong file, and reading it would only fill memory.
inline constexpr qint64 kMaxLinksFileSize = 64 * 1024 * 1024;

// True when a drop or paste carries something linksFromMimeData can read: text, or URLs (links dragged
// from a browser, or local files). Cheap: reads nothing from disk.
bool canAcceptLinks(const QMimeData *mime);

// What a drop or paste carries, turned into links:
// - local files are read and parsed with parseAnyBytes (links files, HTML, prose); a folder, a missing
//   or unreadable file, a file over kMaxLinksFileSize or a binary file is one problem on line 0 that
//   names it (kind BinaryInput: the parser has no kind for "not read");
// - other URLs (links dragged from a browser) are checked like the lines of a links file, line N being
//   the N-th URL;
// - without URLs, the text is parsed with parseAnyText.
// The problems of files and of dropped text say where they were ("list.txt, line 4: …", "Dropped text,
// line 2: …"), because those lines are not lines of the text box; the line numbers are kept. A dragged
// link's problem quotes the link. Duplicates are merged across files, as parseLinkList merges lines.
// Reads files on the calling thread: use linksFromMimeDataAsync from the GUI.
// options say how links files, dragged links and text are read (URL patterns or not, their cap).
ParsedLinks linksFromMimeData(const QMimeData *mime, const LinkListOptions &options = {});

// The same, with the files read and parsed on QThreadPool::globalInstance(). The mime data is copied
// before returning (it belongs to the GUI thread and dies with the drop), so the caller may let it go.
QFuture<ParsedLinks> linksFromMimeDataAsync(const QMimeData *mime, const LinkListOptions &options = {});

// parseAnyText on QThreadPool::globalInstance(), for texts too big to parse between two frames.
QFuture<ParsedLinks> parseAnyTextAsync(const QString &text, const LinkListOptions &options = {});

// The same for a paste too big for the text box, with problems that say where they were ("Pasted text,
// line 4: …"), since those lines are not lines of the box.
QFuture<ParsedLinks> pastedTextAsync(const QString &text, const LinkListOptions &options = {});

// The links-file form of links, one per line with their out=, dir= and checksum= options indented
// under them: parseLinkList reads it back as the same links.
QString linksAsText(const QList<Link> &links);

// Links with their identities, worked out once, where the links were parsed: for a million links that
// takes longer than the window may freeze.
struct IdentifiedLinks {
    QList<Link> links;
    QStringList identities;                       // parallel to links
    QHash<QString, qsizetype> indexByIdentity;
};

// The identities of parsed.links: the parser's where it filled them in, else worked out here.
QStringList identitiesOf(const ParsedLinks &parsed);

// set plus the links not in it yet, in order (links itself holds no duplicates, as no parse result
// does). A link already there keeps its place and its options, and gains those it lacked, as in a links
// file; when two values differ the first stays, which for a checksum still verifies the download.
// identities are those of links (see identitiesOf), or empty to have them worked out here.
IdentifiedLinks mergedLinks(IdentifiedLinks set, const QList<Link> &links, const QStringList &identities = {});

// Freeing a million links keeps the allocator busy for a good part of a second, so the pool does it.
// The value is moved out (and left empty): no reference stays behind to be freed on this thread.
template <typename T>
void disposeInBackground(T &value)
{
    class Disposal final : public QRunnable
    {
    public:
        explicit Disposal(T &&value) : m_value(std::move(value)) {}
        void run() override { m_value = T(); }

    private:
        T m_value;
    };
    QThreadPool::globalInstance()->start(new Disposal(std::exchange(value, T())));
}

// Names what a drop carries, ready to follow "Reading " or "No links found in ": "“list.txt”",
// "3 files", "the dropped link", "the dropped text". Translated.
QString describeDrop(const QMimeData *mime);

} // namespace Quiver
