// Fuzzes the links parser through every entry point the window and quiver-cli use. Whatever the text,
// every accepted link is a normalized http(s) link with a host that checkLink() accepts again unchanged,
// no two accepted links are the same download, and every line number points into the input.

#include "fuzzcheck.h"

#include "links/linksparser.h"

#include <QSet>

using namespace Quiver;
using namespace Quiver::Fuzz;

namespace {

bool isInvisible(QChar c)
{
    return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f) || c.category() == QChar::Other_Format;
}

void checkLinkProperties(const Link &link)
{
    const QUrl &url = link.url;
    FUZZ_CHECK(url.isValid(), "an accepted link is not a valid URL");
    FUZZ_CHECK(url.scheme() == u"http" || url.scheme() == u"https", "an accepted link is not http(s)");
    FUZZ_CHECK(!url.host().isEmpty(), "an accepted link has no host");
    FUZZ_CHECK(!url.hasFragment(), "an accepted link kept its fragment");
    FUZZ_CHECK(url.port() != (url.scheme() == u"https" ? 443 : 80), "an accepted link kept its default port");
    FUZZ_CHECK(!url.path().isEmpty(), "an accepted link has an empty path");
    const QString identity = linkIdentity(url);
    FUZZ_CHECK(identity.size() <= kMaxLinkLength, "an accepted link is longer than the limit");

    // The identity is what duplicates are merged by and what a session stores: reading it back must give
    // the same download, or a restored queue would fetch one file twice.
    const LinkCheck again = checkLink(identity);
    FUZZ_CHECK(again.isOk(), "checkLink() refuses the identity of a link it accepted");
    FUZZ_CHECK(linkIdentity(again.url) == identity, "checking an accepted link again changes it");

    const LinkOptions &options = link.options;
    FUZZ_CHECK(options.sha256.isEmpty() || options.sha256.size() == 32, "a checksum is not 32 bytes");
    for (const QString *text : {&options.fileName, &options.directory}) {
        for (QChar c : *text)
            FUZZ_CHECK(!isInvisible(c) && c.unicode() != 0xfffd, "an option value kept an invisible character");
    }
    FUZZ_CHECK(!options.directory.startsWith(u'/') && !options.directory.startsWith(u'\\'),
               "dir= points outside the download folder");
}

// lines is an upper bound when the text came from bytes in some encoding, exact otherwise.
void checkResult(const ParsedLinks &parsed, int lines)
{
    QSet<QString> identities;
    int previousLine = 0;
    for (const Link &link : parsed.links) {
        checkLinkProperties(link);
        FUZZ_CHECK(link.line >= 1 && link.line <= lines, "a link's line number is outside the input");
        FUZZ_CHECK(link.line >= previousLine, "links are not in the order of the input");
        previousLine = link.line;
        const QString identity = linkIdentity(link.url);
        FUZZ_CHECK(!identities.contains(identity), "the same link was accepted twice");
        identities.insert(identity);
    }
    for (const InputProblem &problem : parsed.problems) {
        const bool wholeInput = problem.kind == ProblemKind::BinaryInput;
        FUZZ_CHECK(wholeInput ? problem.line == 0 : (problem.line >= 1 && problem.line <= lines),
                   "a problem's line number is outside the input");
        FUZZ_CHECK(!problem.reason.isEmpty(), "a problem has no reason");
        FUZZ_CHECK(problem.excerpt.size() <= kMaxExcerptLength, "a problem's excerpt is too long");
        for (QChar c : problem.excerpt)
            FUZZ_CHECK(!isInvisible(c), "a problem's excerpt shows an invisible character");
    }
    for (int line : parsed.duplicateLines)
        FUZZ_CHECK(line >= 1 && line <= lines, "a duplicate's line number is outside the input");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    // Every decoded line break comes from at least one CR or LF byte, in UTF-8, UTF-16 and UTF-32 alike.
    const int byteLines = int(bytes.count('\n') + bytes.count('\r')) + 1;
    checkResult(parseLinkListBytes(bytes), byteLines);
    checkResult(parseAnyBytes(bytes), byteLines);

    // Raw UTF-16 reaches what no decoder produces (lone surrogates, noncharacters).
    for (const QString &text : {QString::fromUtf8(bytes), utf16FromBytes(data, size)}) {
        const int lines = lineCount(text);
        checkResult(parseLinkList(text), lines);
        checkResult(extractLinks(text), lines);
        const bool list = looksLikeLinkList(text);
        const ParsedLinks any = parseAnyText(text);
        FUZZ_CHECK(list || any.problems.isEmpty(), "extracting links from prose reported problems");
    }
    return 0;
}
