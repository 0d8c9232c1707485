#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

namespace Quiver {

// Links longer than this are refused: no real download link needs more, and servers reject them anyway.
inline constexpr qsizetype kMaxLinkLength = 8192;
// Problem excerpts are shown in one table cell or one terminal line.
inline constexpr qsizetype kMaxExcerptLength = 120;
// The most links one URL pattern ([1-20], {a,b}) may make unless the caller says otherwise.
inline constexpr qsizetype kDefaultMaxPatternLinks = 100000;
// All the patterns of one input together may make this many times the per-pattern cap: a file of a
// thousand big patterns is refused before it makes a hundred million links.
inline constexpr qsizetype kPatternLinksPerInputFactor = 10;

struct LinkOptions {
    QString fileName;      // out=NAME (raw; the engine sanitizes it)
    QString directory;     // dir=DIR
    QByteArray sha256;     // checksum=sha-256=HEX, as 32 raw bytes
};

struct Link {
    QUrl url;              // normalized, valid, scheme http or https, host non-empty
    int line = 0;          // 1-based line where the URL was
    LinkOptions options;
};

// Lets callers and tests tell problems apart without comparing translated sentences.
enum class ProblemKind {
    NotALink,              // no scheme at all
    RefusedScheme,         // ftp:, file:, javascript:, data:, mailto:, ...
    ControlCharacters,     // controls (NUL, ESC, DEL, C1) or invisible formatting (zero-width, bidi)
    UndecodableText,       // U+FFFD: the bytes were not valid UTF-8
    SpaceInLink,
    TooLong,
    InvalidLink,           // QUrl in strict mode refused it
    NoHost,
    BadCredentials,        // control characters hidden (percent-encoded) in the user name or password
    OptionNotIndented,     // "out=x" at the start of a line
    OptionWithoutLink,
    OptionForRejectedLink,
    MalformedOption,       // no '='
    UnknownOption,
    EmptyOptionValue,
    BadOptionValue,        // invisible or undecodable characters in out= or dir=
    FolderOutside,         // dir= absolute or climbing out with "..": files stay inside the chosen folder
    RepeatedOption,        // the same key twice under one link
    ConflictingOption,     // a duplicate link brought a different value for an option
    UnsupportedChecksum,   // md5, sha-1, ...: the link is dropped
    BadChecksum,           // not 64 hex digits: the link is dropped
    BinaryInput,
    BadPattern,            // a URL pattern with a syntax error ([ never closed, [9-1], nested globs)
    TooManyPatternLinks,   // a pattern (or the input's patterns together) would make more than the cap
};

struct InputProblem {
    int line = 0;          // 1-based; 0 when the problem is about the whole input
    QString excerpt;       // the offending text, cleaned for display (see cleanExcerpt)
    QString reason;        // translated sentence
    ProblemKind kind = ProblemKind::InvalidLink;
};

struct ParsedLinks {
    QList<Link> links;
    QList<InputProblem> problems;
    qsizetype unlistedProblems = 0;   // problems past the caller's maxProblems: counted, not kept
    QList<int> duplicateLines;   // lines whose URL repeated an earlier one (merged, not an error)
    // The links' linkIdentity()s, parallel to links, as the parsers worked them out anyway: 100,000 of
    // them take a tenth of a second to work out again. Empty where a result was put together by hand.
    QStringList identities;
    qsizetype linksFromPatterns = 0;   // how many of the links a URL pattern made
};

// How parseLinkList reads its text.
struct LinkListOptions {
    qsizetype maxProblems = -1;        // see parseLinkList
    bool globbing = true;              // false: [ ] { } are the characters themselves (curl's -g)
    qsizetype maxPatternLinks = kDefaultMaxPatternLinks;
};

// The result of checking one candidate link; url is set only when reason is empty.
struct LinkCheck {
    QUrl url;
    ProblemKind kind = ProblemKind::InvalidLink;
    QString reason;        // translated; empty when the link is usable

    bool isOk() const { return reason.isEmpty(); }
};

// The links-file format (aria2 input-file style): one URL per line; blank lines and lines whose first
// non-space character is '#' are skipped; indented lines after a URL are key=value options for it
// (out=, dir=, checksum=sha-256=HEX; keys case-insensitive, "sha256" also accepted). Blank and comment
// lines do not end a link's options. An indented line that starts with "scheme://" is read as a link,
// not as an option. A bad checksum drops the link (and every duplicate of it): a link the user wanted
// verified is never downloaded unverified. Unknown options are reported and ignored. Accepts \n, \r\n and
// \r, a BOM (at the start of any line, for files joined with cat) and surrounding whitespace. Duplicate
// URLs are merged into the first; options a duplicate brings fill in what the first lacks, and a
// different value is reported. Linear time.
//
// maxProblems >= 0 keeps only the first that many problems and counts the others in unlistedProblems:
// a wrong file (a 50 MB log) would otherwise cost a sentence per line, hundreds of megabytes.
//
// URL patterns (see UrlPattern): with options.globbing, a URL line with [ ] { } is expanded into its
// links, all with that line's number, in curl's order; out= and dir= under it may name the globs' values
// as #1, #2, ... An option line "globbing=off" under a link keeps its brackets and braces as they are.
// A pattern that would make more than options.maxPatternLinks links (or take the input's patterns past
// kPatternLinksPerInputFactor times that) is refused as a whole before any link is made. Of the links
// one pattern makes, only the first refused one is reported (saying how many were).
ParsedLinks parseLinkList(QStringView text, qsizetype maxProblems = -1);
ParsedLinks parseLinkList(QStringView text, const LinkListOptions &options);

// Every http:// and https:// link in arbitrary text (prose, Markdown, HTML): balanced brackets stay in
// the link, trailing .,;:!? and an unbalanced closing bracket do not, a quote ends a link it opened,
// "&amp;" is decoded. A candidate that fails checkLink is skipped. Never reports problems.
ParsedLinks extractLinks(QStringView text);

// True when every non-blank, non-comment, non-indented line starts with "scheme:" followed by a
// non-space character, and there is at least one such line.
bool looksLikeLinkList(QStringView text);

// parseLinkList when looksLikeLinkList, else extractLinks. For pasted text and dropped files.
ParsedLinks parseAnyText(QStringView text, const LinkListOptions &options = {});

// Bytes from a file or stdin, read as a links file. Decodes UTF-8 (UTF-16/32 when a BOM says so); invalid
// sequences become U+FFFD and the links containing them are reported. Binary data (NUL bytes in more than
// a few places in the first 64 KiB) gives one problem on line 0 and no links. maxProblems as for
// parseLinkList.
ParsedLinks parseLinkListBytes(const QByteArray &bytes, qsizetype maxProblems = -1);
ParsedLinks parseLinkListBytes(const QByteArray &bytes, const LinkListOptions &options);

// The same decoding and binary check, then parseAnyText. For files dropped on the window.
ParsedLinks parseAnyBytes(const QByteArray &bytes, const LinkListOptions &options = {});

// Checks one link the way a links-file line is checked (the text is trimmed first): http or https, a
// host, strict QUrl syntax (with | { } ^ ` percent-encoded), no spaces, invisible or undecodable
// characters, at most kMaxLinkLength encoded. The URL comes back normalized: scheme and host lower-case,
// IDNA, default port and fragment removed, an empty path made "/"; dot segments are kept. For URLs given
// on the command line, so they obey the same rules as links in a file.
LinkCheck checkLink(QStringView text);

// One link given on its own (a quiver-cli argument): checkLink, or with options.globbing the links its
// pattern makes, under the same caps as parseLinkList. Every link and problem has line 0.
ParsedLinks parseLinkArgument(QStringView text, const LinkListOptions &options = {});

// Two links with the same identity are the same download (the fully encoded form of a checkLink URL).
QString linkIdentity(const QUrl &url);

// Control and invisible formatting characters removed, the password of a link hidden ("user:***@"), cut to
// kMaxExcerptLength with an ellipsis.
QString cleanExcerpt(QStringView text);

} // namespace Quiver

// Moved in memory as they are (QUrl, QString and QByteArray are), so a growing list of 100,000 links is
// reallocated instead of moved link by link.
Q_DECLARE_TYPEINFO(Quiver::Link, Q_RELOCATABLE_TYPE);
