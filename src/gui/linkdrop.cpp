#include "linkdrop.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

// Free functions have no tr(); this gives them one, in a context of their own for the translators.
class LinkDrop final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::LinkDrop)
};

// A plain copy of what a drop carries. QMimeData belongs to the GUI thread (and, for a drop from
// another application, fetches its data from the windowing system), so this is taken before any work
// leaves the GUI thread.
struct DropContents {
    QStringList files;     // local paths
    QStringList links;     // every other URL, fully encoded
    QString text;          // only when there are no URLs
};

DropContents contentsOf(const QMimeData *mime)
{
    DropContents contents;
    if (!mime)
        return contents;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls) {
            if (url.isLocalFile())
                contents.files.append(url.toLocalFile());
            else if (!url.isEmpty())
                contents.links.append(url.toString(QUrl::FullyEncoded));
        }
    }
    // A browser sends a dragged link's title or the link itself as text too; the URLs are what count.
    if (contents.files.isEmpty() && contents.links.isEmpty() && mime->hasText())
        contents.text = mime->text();
    return contents;
}

// "list.txt, line 4: …": a dropped file's lines are not lines of the text box, so a bare line number
// would point at the wrong line.
QString located(const QString &where, int line, const QString &reason)
{
    if (line > 0)
        return LinkDrop::tr("%1, line %2: %3").arg(where, QString::number(line), reason);
    return LinkDrop::tr("%1: %2").arg(where, reason);
}

void locateProblems(ParsedLinks *parsed, const QString &where)
{
    for (InputProblem &problem : parsed->problems)
        problem.reason = located(where, problem.line, problem.reason);
}

// One problem about a whole file. There is no ProblemKind for "not read" in the parser, and to the
// caller a folder, a huge file and a binary file are the same thing: input that is not a list of links.
ParsedLinks refusedFile(const QString &name, const QString &reason)
{
    ParsedLinks refused;
    refused.problems.append(InputProblem{0, name, reason, ProblemKind::BinaryInput});
    return refused;
}

ParsedLinks linksFromFile(const QString &path, const LinkListOptions &options)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (info.isDir())
        return refusedFile(name, LinkDrop::tr("“%1” is a folder, not a list of links.").arg(name));
    if (!info.exists()) {
        return refusedFile(name, LinkDrop::tr("“%1” could not be read: the file does not exist.").arg(name));
    }
    // Devices and pipes could block the reading thread forever or never end.
    if (!info.isFile())
        return refusedFile(name, LinkDrop::tr("“%1” is not a regular file, so it was not read.").arg(name));
    const QString tooLarge = LinkDrop::tr("“%1” is too large to be a list of links (over 64 MiB).").arg(name);
    if (info.size() > kMaxLinksFileSize)
        return refusedFile(name, tooLarge);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refusedFile(name, LinkDrop::tr("“%1” could not be read: %2").arg(name, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return refusedFile(name, LinkDrop::tr("“%1” could not be read: %2").arg(name, file.errorString()));
    // It may have grown since it was measured (a log still being written).
    if (bytes.size() > kMaxLinksFileSize)
        return refusedFile(name, tooLarge);

    ParsedLinks parsed = parseAnyBytes(bytes, options);
    if (parsed.links.isEmpty() && parsed.problems.size() == 1 && parsed.problems.front().kind == ProblemKind::BinaryInput)
        return refusedFile(name, LinkDrop::tr("“%1” looks like a binary file, not a list of links.").arg(name));
    locateProblems(&parsed, name);
    return parsed;
}

// Joins the results of several files the way parseLinkList joins duplicate lines: the first link wins,
// a duplicate fills in options the first lacks, and a different value is reported.
class DropMerger final
{
public:
    void add(ParsedLinks part, const QString &where);
    ParsedLinks finish() { return std::move(m_result); }

private:
    void mergeOptions(qsizetype index, const Link &duplicate, const QString &where);

    ParsedLinks m_result;
    QHash<QString, qsizetype> m_indexByIdentity;
    QStringList m_whereByIndex;   // parallel to m_result.links
};

void DropMerger::add(ParsedLinks part, const QString &where)
{
    // The common case, one file: nothing to merge.
    const QStringList identities = identitiesOf(part);
    if (m_result.links.isEmpty() && m_result.problems.isEmpty() && m_result.duplicateLines.isEmpty()) {
        m_result = std::move(part);
        m_result.identities = identities;
        m_indexByIdentity.reserve(m_result.links.size());
        for (qsizetype i = 0; i < m_result.links.size(); ++i)
            m_indexByIdentity.insert(identities[i], i);
        m_whereByIndex = QStringList(m_result.links.size(), where);
        return;
    }
    m_result.problems.append(part.problems);
    m_result.duplicateLines.append(part.duplicateLines);
    for (qsizetype i = 0; i < part.links.size(); ++i) {
        Link &link = part.links[i];
        const QString &identity = identities[i];
        const auto existing = m_indexByIdentity.constFind(identity);
        if (existing != m_indexByIdentity.constEnd()) {
            m_result.duplicateLines.append(link.line);
            mergeOptions(existing.value(), link, where);
            continue;
        }
        m_indexByIdentity.insert(identity, m_result.links.size());
        m_whereByIndex.append(where);
        m_result.links.append(std::move(link));
        m_result.identities.append(identity);
    }
}

// Links dragged from a browser carry no options, so only two files can disagree here.
void DropMerger::mergeOptions(qsizetype index, const Link &duplicate, const QString &where)
{
    Link *first = &m_result.links[index];
    const QString &firstWhere = m_whereByIndex.at(index);
    auto merge = [&](auto &target, const auto &value, const QString &option) {
        if (value.isEmpty() || target == value)
            return;
        if (target.isEmpty()) {
            target = value;
            return;
        }
        // Keeping the first checksum is safe: the download is still verified.
        const QString reason = LinkDrop::tr("This link is also on line %1 of %2 with a different “%3”; that one is used.")
                                   .arg(QString::number(first->line), firstWhere, option);
        m_result.problems.append(InputProblem{duplicate.line, duplicate.url.toString(QUrl::FullyEncoded),
                                              located(where, duplicate.line, reason),
                                              ProblemKind::ConflictingOption});
    };
    merge(first->options.fileName, duplicate.options.fileName, u"out"_s);
    merge(first->options.directory, duplicate.options.directory, u"dir"_s);
    merge(first->options.sha256, duplicate.options.sha256, u"checksum"_s);
}

ParsedLinks linksFromContents(const DropContents &contents, const LinkListOptions &options)
{
    DropMerger merger;
    for (const QString &path : contents.files) {
        const QFileInfo info(path);
        merger.add(linksFromFile(path, options), info.fileName().isEmpty() ? path : info.fileName());
    }
    if (!contents.links.isEmpty()) {
        // Checked like a links file, one URL per line. Their problems quote the link itself, which says
        // more than a position in an invisible list.
        merger.add(parseLinkList(contents.links.join(u'\n'), options), LinkDrop::tr("the dropped links"));
    }
    if (!contents.text.isEmpty()) {
        ParsedLinks parsed = parseAnyText(contents.text, options);
        locateProblems(&parsed, LinkDrop::tr("Dropped text"));
        merger.add(std::move(parsed), LinkDrop::tr("the dropped text"));
    }
    return merger.finish();
}

} // namespace

bool canAcceptLinks(const QMimeData *mime)
{
    // Called on every mouse move of a drag: only the offered formats are looked at, never the data,
    // which another application would have to send over for each call.
    return mime && (mime->hasUrls() || mime->hasText());
}

ParsedLinks linksFromMimeData(const QMimeData *mime, const LinkListOptions &options)
{
    return linksFromContents(contentsOf(mime), options);
}

QFuture<ParsedLinks> linksFromMimeDataAsync(const QMimeData *mime, const LinkListOptions &options)
{
    return runInThreadPool<ParsedLinks>([contents = contentsOf(mime), options] { return linksFromContents(contents, options); });
}

QFuture<ParsedLinks> parseAnyTextAsync(const QString &text, const LinkListOptions &options)
{
    return runInThreadPool<ParsedLinks>([text, options] { return parseAnyText(text, options); });
}

QFuture<ParsedLinks> pastedTextAsync(const QString &text, const LinkListOptions &options)
{
    return runInThreadPool<ParsedLinks>([text, options] {
        ParsedLinks parsed = parseAnyText(text, options);
        locateProblems(&parsed, LinkDrop::tr("Pasted text"));
        return parsed;
    });
}

QString linksAsText(const QList<Link> &links)
{
    QString text;
    text.reserve(links.size() * 64);
    for (const Link &link : links) {
        text += linkIdentity(link.url);
        text += u'\n';
        if (!link.options.fileName.isEmpty())
            text += u"  out="_s + link.options.fileName + u'\n';
        if (!link.options.directory.isEmpty())
            text += u"  dir="_s + link.options.directory + u'\n';
        if (!link.options.sha256.isEmpty())
            text += u"  checksum=sha-256="_s + QString::fromLatin1(link.options.sha256.toHex()) + u'\n';
    }
    return text;
}

QStringList identitiesOf(const ParsedLinks &parsed)
{
    if (parsed.identities.size() == parsed.links.size())
        return parsed.identities;
    QStringList identities;
    identities.reserve(parsed.links.size());
    for (const Link &link : parsed.links)
        identities.append(linkIdentity(link.url));
    return identities;
}

IdentifiedLinks mergedLinks(IdentifiedLinks set, const QList<Link> &links, const QStringList &identities)
{
    const bool identified = identities.size() == links.size();
    set.identities.reserve(set.identities.size() + links.size());
    set.indexByIdentity.reserve(set.identities.size() + links.size());
    if (set.links.isEmpty()) {
        // Shares the lists rather than copying a million links.
        set.links = links;
        if (identified) {
            set.identities = identities;
        } else {
            for (const Link &link : links)
                set.identities.append(linkIdentity(link.url));
        }
        for (qsizetype i = 0; i < set.identities.size(); ++i)
            set.indexByIdentity.insert(set.identities[i], i);
        return set;
    }
    for (qsizetype i = 0; i < links.size(); ++i) {
        const Link &link = links[i];
        const QString identity = identified ? identities[i] : linkIdentity(link.url);
        const auto existing = set.indexByIdentity.constFind(identity);
        if (existing == set.indexByIdentity.constEnd()) {
            set.indexByIdentity.insert(identity, set.links.size());
            set.identities.append(identity);
            set.links.append(link);
            continue;
        }
        LinkOptions &options = set.links[existing.value()].options;
        if (options.fileName.isEmpty())
            options.fileName = link.options.fileName;
        if (options.directory.isEmpty())
            options.directory = link.options.directory;
        if (options.sha256.isEmpty())
            options.sha256 = link.options.sha256;
    }
    return set;
}

QString describeDrop(const QMimeData *mime)
{
    if (!mime)
        return QString();
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        qsizetype files = 0;
        for (const QUrl &url : urls)
            files += url.isLocalFile() ? 1 : 0;
        if (urls.size() == 1 && files == 1) {
            const QFileInfo info(urls.front().toLocalFile());
            return LinkDrop::tr("“%1”").arg(info.fileName().isEmpty() ? info.filePath() : info.fileName());
        }
        if (files == urls.size() && files > 0)
            return LinkDrop::tr("%1 files").arg(files);
        if (files == 0 && urls.size() == 1)
            return LinkDrop::tr("the dropped link");
        if (files == 0 && urls.size() > 1)
            return LinkDrop::tr("%1 dropped links").arg(urls.size());
        if (!urls.isEmpty())
            return LinkDrop::tr("%1 dropped items").arg(urls.size());
    }
    return LinkDrop::tr("the dropped text");
}

} // namespace Quiver
