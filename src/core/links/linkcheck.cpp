#include "links/linksparser_p.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Quiver {

using namespace LinkText;

namespace {

bool containsSpace(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isSpace(); });
}

// Strict parsing refuses these printable characters, yet they are common in real links (font lists
// with '|', templated paths with '{}'); every browser sends them percent-encoded, so we do the same.
QString encodeLenientCharacters(QStringView s)
{
    QString out = s.toString();
    out.replace(u'|', u"%7C"_s).replace(u'{', u"%7B"_s).replace(u'}', u"%7D"_s);
    out.replace(u'^', u"%5E"_s).replace(u'`', u"%60"_s);
    return out;
}

// One sentence per problem; %1 is the offending text or option name unless a translator comment says
// otherwise. Marked with QT_TRANSLATE_NOOP so lupdate finds them; reasonFor() translates.
struct ReasonText {
    ProblemKind kind;
    const char *text;
};

constexpr ReasonText kReasons[] = {
    {ProblemKind::NotALink, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” is not a link: a link starts with http:// or https://.")},
    {ProblemKind::RefusedScheme, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” is not a web link: only http and https links can be downloaded.")},
    {ProblemKind::ControlCharacters, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” contains invisible characters (such as NUL bytes, stray line breaks or zero-width "
        "spaces), so it is not a safe link.")},
    {ProblemKind::UndecodableText, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” contains characters that could not be read (the text is not valid UTF-8), "
        "so the link would be wrong.")},
    {ProblemKind::SpaceInLink, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” contains a space. Put each link on its own line, and write a space inside a link as %20.")},
    //: %1 is the link's length, %2 the limit
    {ProblemKind::TooLong, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This link is %1 characters long; links longer than %2 characters are refused.")},
    {ProblemKind::InvalidLink, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” is not a valid link: it has characters or parts that a web address cannot contain.")},
    {ProblemKind::NoHost, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” does not name a server, so there is nothing to download from.")},
    {ProblemKind::BadCredentials, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” has control characters hidden in its user name or password, so it is refused.")},
    {ProblemKind::OptionNotIndented, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” looks like an option, but options must be on the lines under their link, "
        "starting with a space or a tab.")},
    {ProblemKind::OptionWithoutLink, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This option has no link above it, so it was ignored. Put options on the lines just under "
        "their link, starting with a space or a tab.")},
    //: %1 is a line number
    {ProblemKind::OptionForRejectedLink, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This option was ignored because its link on line %1 could not be used.")},
    {ProblemKind::MalformedOption, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” is not an option: options are written as name=value, for example out=file.zip.")},
    {ProblemKind::UnknownOption, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "Unknown option “%1” was ignored: only out, dir, checksum and globbing are understood.")},
    {ProblemKind::EmptyOptionValue, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "The option “%1” has no value after “=”, so it was ignored.")},
    {ProblemKind::FolderOutside, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“dir=%1” points outside the download folder. Use a folder inside it, such as dir=music; the "
        "option was ignored.")},
    {ProblemKind::BadOptionValue, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "The value of the option “%1” contains invisible characters or characters that could not "
        "be read, so it was ignored.")},
    {ProblemKind::RepeatedOption, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "The option “%1” is given more than once for this link; only the first one is used.")},
    //: %1 is a line number, %2 an option name (out, dir or checksum)
    {ProblemKind::ConflictingOption, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This link already appeared on line %1 with a different “%2”; the first one is used.")},
    //: %1 is a checksum type such as md5
    {ProblemKind::UnsupportedChecksum, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "Checksum type “%1” is not supported: only sha-256 can be checked. The link was not added, "
        "so it is not downloaded unverified.")},
    {ProblemKind::BadChecksum, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This is not a valid SHA-256 checksum: write it as checksum=sha-256= followed by 64 "
        "hexadecimal digits. The link was not added, so it is not downloaded unverified.")},
    {ProblemKind::BinaryInput, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This looks like a binary file, not a list of links.")},
    //: %1 is the link, %2 a sentence saying what is wrong with its pattern
    {ProblemKind::BadPattern, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "“%1” is not a usable link pattern: %2 Write \\[ or \\{ for the character itself, or put the "
        "option line globbing=off under the link.")},
    //: %1 is how many links the pattern makes, %2 the limit
    {ProblemKind::TooManyPatternLinks, QT_TRANSLATE_NOOP("Quiver::LinksParser",
        "This pattern makes %1 links, more than the %2 one pattern may make. Split it into smaller "
        "ranges, or raise the limit: “Most links from one pattern” in the window's settings, "
        "--max-pattern-links for quiver-cli.")},
};

LinkCheck fail(ProblemKind kind, const QString &reason)
{
    LinkCheck check;
    check.kind = kind;
    check.reason = reason;
    return check;
}

LinkCheck failFor(ProblemKind kind, QStringView link)
{
    return fail(kind, reasonFor(kind).arg(cleanExcerpt(link)));
}

LinkCheck failTooLong(qsizetype length)
{
    return fail(ProblemKind::TooLong,
                reasonFor(ProblemKind::TooLong).arg(QString::number(length), QString::number(kMaxLinkLength)));
}

// Excerpts end up in logs, terminals and on screen, where a password must not: "http://alice:secret@h/"
// becomes "http://alice:***@h/". Every "://" is looked at, as a line may hold several links. Hiding too
// much is harmless, so the authority runs to the next '/', '?' or '#' even across spaces. When the
// excerpt was cut inside an authority without '@', whatever follows its ':' may be the start of a
// password, unless it is a port number.
void hidePasswords(QString *text, bool cut)
{
    for (qsizetype scheme = text->indexOf(u"://"); scheme >= 0; scheme = text->indexOf(u"://", scheme + 3)) {
        const qsizetype start = scheme + 3;
        qsizetype end = start;
        while (end < text->size() && !QStringView(u"/?#").contains(text->at(end)))
            ++end;
        const QStringView authority = QStringView(*text).sliced(start, end - start);
        const qsizetype colon = authority.indexOf(u':');
        if (colon < 0)
            continue;
        const qsizetype at = authority.lastIndexOf(u'@');
        if (at > colon) {
            text->replace(start + colon + 1, at - colon - 1, u"***"_s);
        } else if (at < 0 && cut && end == text->size()) {
            const QStringView tail = authority.sliced(colon + 1);
            if (!std::all_of(tail.begin(), tail.end(), isAsciiDigit))
                text->replace(start + colon + 1, tail.size(), u"***"_s);
        }
    }
}

// NormalizePathSegments is deliberately not applied: Qt 6.4 turns "/a/./b/../c" into "/a//c", which is
// a different resource, and servers may treat dot segments specially anyway.
QUrl normalized(QUrl url)
{
    if (url.hasFragment())
        url = url.adjusted(QUrl::RemoveFragment);   // never sent to the server
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    if (url.port() == defaultPort)
        url.setPort(-1);
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    return url;
}

} // namespace

namespace LinkText {

QString reasonFor(ProblemKind kind)
{
    for (const ReasonText &reason : kReasons) {
        if (reason.kind == kind)
            return QCoreApplication::translate("Quiver::LinksParser", reason.text);
    }
    Q_UNREACHABLE();
    return QString();
}

// The identity (the encoded URL) is computed once here, as it also gives the length on the wire.
LinkCheck checkLinkAndIdentity(QStringView text, QString *identity)
{
    const QStringView s = text.trimmed();
    if (s.size() > kMaxLinkLength)
        return failTooLong(s.size());
    if (containsInvisible(s))
        return failFor(ProblemKind::ControlCharacters, s);
    const qsizetype scheme = schemeLength(s);
    if (scheme == 0)
        return failFor(ProblemKind::NotALink, s);
    const QStringView schemeName = s.first(scheme);
    if (schemeName.compare(u"http", Qt::CaseInsensitive) != 0
        && schemeName.compare(u"https", Qt::CaseInsensitive) != 0) {
        return failFor(ProblemKind::RefusedScheme, s);
    }
    if (s.contains(QChar(kReplacementChar)))
        return failFor(ProblemKind::UndecodableText, s);
    if (containsSpace(s))
        return failFor(ProblemKind::SpaceInLink, s);

    QUrl url(s.toString(), QUrl::StrictMode);
    if (!url.isValid())
        url = QUrl(encodeLenientCharacters(s), QUrl::StrictMode);
    if (!url.isValid())
        return failFor(ProblemKind::InvalidLink, s);
    if (url.host().isEmpty())
        return failFor(ProblemKind::NoHost, s);
    // Percent-encoded CR/LF in credentials would be decoded into the request header.
    if (containsInvisible(url.userName(QUrl::FullyDecoded)) || containsInvisible(url.password(QUrl::FullyDecoded)))
        return failFor(ProblemKind::BadCredentials, s);
    url = normalized(url);
    // Non-ASCII text grows when percent-encoded; the limit applies to what goes on the wire.
    *identity = linkIdentity(url);
    if (identity->size() > kMaxLinkLength)
        return failTooLong(identity->size());
    LinkCheck check;
    check.url = url;
    return check;
}

} // namespace LinkText

QString cleanExcerpt(QStringView text)
{
    // Copies whole runs between removed characters, and never more than one character past the limit,
    // so a megabyte-long line costs no more than a short one.
    QString out;
    out.reserve(qMin(text.size(), kMaxExcerptLength + 1));
    qsizetype runStart = 0;
    for (qsizetype i = 0; i <= text.size() && out.size() <= kMaxExcerptLength; ++i) {
        if (i < text.size() && !isInvisible(text[i]))
            continue;
        out.append(text.sliced(runStart, qMin(i - runStart, kMaxExcerptLength + 1 - out.size())));
        runStart = i + 1;
    }
    const bool cut = out.size() > kMaxExcerptLength;
    hidePasswords(&out, cut);
    // "***" is longer than a one- or two-letter password, so hiding can push a short excerpt past the limit.
    if (cut || out.size() > kMaxExcerptLength) {
        out.truncate(qMin(out.size(), kMaxExcerptLength - 1));
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += QChar(0x2026);
    }
    return out;
}

LinkCheck checkLink(QStringView text)
{
    QString identity;
    return checkLinkAndIdentity(text, &identity);
}

QString linkIdentity(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

} // namespace Quiver
