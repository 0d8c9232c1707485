#include "linksparser.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Quiver {

namespace {

constexpr char16_t kReplacementChar = 0xFFFD;
constexpr char16_t kByteOrderMark = 0xFEFF;
constexpr qsizetype kBinarySniffBytes = 64 * 1024;
// A text file may carry a stray NUL or a zero-filled block left by a crash; a binary file has them
// scattered everywhere.
constexpr int kMaxNulRunsInText = 3;

// Exactly Unicode category Cc (C0, DEL and C1), without a table lookup per character.
bool isControl(QChar c)
{
    return c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F);
}

// Controls, and formatting characters (Cf) such as zero-width spaces, soft hyphens and bidirectional
// overrides: what is shown would differ from what is fetched or saved. Cf starts at U+00AD, so plain
// ASCII needs no table lookup.
bool isInvisible(QChar c)
{
    return isControl(c) || (c.unicode() >= 0xAD && c.category() == QChar::Other_Format);
}

bool isAsciiAlpha(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool containsInvisible(QStringView s)
{
    return std::any_of(s.begin(), s.end(), isInvisible);
}

bool containsSpace(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isSpace(); });
}

// Length of a leading RFC 3986 scheme, or 0 when the text does not start with "scheme:".
qsizetype schemeLength(QStringView s)
{
    if (s.isEmpty() || !isAsciiAlpha(s.front()))
        return 0;
    qsizetype i = 1;
    while (i < s.size() && (isAsciiAlpha(s[i]) || isAsciiDigit(s[i]) || s[i] == u'+' || s[i] == u'-' || s[i] == u'.'))
        ++i;
    return (i < s.size() && s[i] == u':') ? i : 0;
}

bool startsWithWebScheme(QStringView s)
{
    return s.startsWith(u"http://", Qt::CaseInsensitive) || s.startsWith(u"https://", Qt::CaseInsensitive);
}

// Per line, not only at the start: files joined with cat keep each part's BOM.
QStringView withoutBom(QStringView line)
{
    return (!line.isEmpty() && line.front() == QChar(kByteOrderMark)) ? line.sliced(1) : line;
}

// Splits on \n, \r\n and \r without copying.
class LineReader final
{
public:
    explicit LineReader(QStringView text) : m_text(text) {}

    bool next(QStringView *line)
    {
        const qsizetype n = m_text.size();
        if (m_pos > n)
            return false;
        qsizetype end = m_pos;
        while (end < n && m_text[end] != u'\n' && m_text[end] != u'\r')
            ++end;
        *line = m_text.sliced(m_pos, end - m_pos);
        if (end == n)
            m_pos = n + 1;
        else if (m_text[end] == u'\r' && end + 1 < n && m_text[end + 1] == u'\n')
            m_pos = end + 2;
        else
            m_pos = end + 1;
        ++m_lineNumber;
        return true;
    }

    int lineNumber() const { return m_lineNumber; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_lineNumber = 0;
};

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
        "Unknown option “%1” was ignored: only out, dir and checksum are understood.")},
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
};

// A dir= value is a sub-folder of the download folder: never absolute, never climbing out of it.
bool staysInside(QStringView folder)
{
    if (folder.startsWith(u'/') || folder.startsWith(u'\\') || folder.startsWith(u'~')
        || (folder.size() >= 2 && folder.at(1) == u':'))
        return false;
    int depth = 0;
    const QString normalized = folder.toString().replace(u'\\', u'/');
    for (QStringView part : QStringView(normalized).tokenize(u'/', Qt::SkipEmptyParts)) {
        if (part == u"..")
            --depth;
        else if (part != u".")
            ++depth;
        if (depth < 0)
            return false;
    }
    return true;
}

QString reasonFor(ProblemKind kind)
{
    for (const ReasonText &reason : kReasons) {
        if (reason.kind == kind)
            return QCoreApplication::translate("Quiver::LinksParser", reason.text);
    }
    Q_UNREACHABLE();
    return QString();
}

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

enum class OptionKey { None, Out, Dir, Checksum };

OptionKey optionKey(QStringView key)
{
    if (key.compare(u"out", Qt::CaseInsensitive) == 0)
        return OptionKey::Out;
    if (key.compare(u"dir", Qt::CaseInsensitive) == 0)
        return OptionKey::Dir;
    if (key.compare(u"checksum", Qt::CaseInsensitive) == 0)
        return OptionKey::Checksum;
    return OptionKey::None;
}

std::optional<QByteArray> parseSha256Hex(QStringView hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    for (QChar c : hex) {
        if (!isAsciiDigit(c) && !((c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return std::nullopt;
    }
    return QByteArray::fromHex(hex.toLatin1());
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

// Builds the result of parseLinkList line by line. Every accepted or duplicate URL line opens a block
// that the following option lines apply to.
class LinkListBuilder final
{
public:
    void addUrlLine(int line, QStringView text);
    void addOptionLine(int line, QStringView text);
    ParsedLinks finish();

private:
    enum class Block { None, Rejected, Link };

    void report(int line, QStringView text, ProblemKind kind, const QString &reason);
    void reportAbout(int line, QStringView text, ProblemKind kind, QStringView subject);
    void applyChecksum(int line, QStringView text, QStringView value);
    void applyText(int line, QStringView text, QStringView key, QStringView value, QString LinkOptions::*field);

    ParsedLinks m_result;
    QList<bool> m_dropped;                     // parallel to m_result.links
    QHash<QString, qsizetype> m_indexByIdentity;
    Block m_block = Block::None;
    qsizetype m_linkIndex = -1;
    int m_blockLine = 0;
    std::array<bool, 4> m_seenKeys{};          // indexed by OptionKey
};

void LinkListBuilder::report(int line, QStringView text, ProblemKind kind, const QString &reason)
{
    m_result.problems.append(InputProblem{line, cleanExcerpt(text), reason, kind});
}

// For the reasons whose only argument (%1) is the offending text or the option name.
void LinkListBuilder::reportAbout(int line, QStringView text, ProblemKind kind, QStringView subject)
{
    report(line, text, kind, reasonFor(kind).arg(cleanExcerpt(subject)));
}

void LinkListBuilder::addUrlLine(int line, QStringView text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq > 0 && schemeLength(text) == 0 && optionKey(text.first(eq).trimmed()) != OptionKey::None) {
        // Most likely meant for the link above, so the current block stays open for later options.
        reportAbout(line, text, ProblemKind::OptionNotIndented, text);
        return;
    }

    m_blockLine = line;
    m_seenKeys = {};
    QString identity;
    const LinkCheck check = checkLinkAndIdentity(text, &identity);
    if (!check.isOk()) {
        report(line, text, check.kind, check.reason);
        m_block = Block::Rejected;
        return;
    }

    m_block = Block::Link;
    const auto existing = m_indexByIdentity.constFind(identity);
    if (existing != m_indexByIdentity.constEnd()) {
        m_linkIndex = existing.value();
        m_result.duplicateLines.append(line);
        return;
    }
    m_linkIndex = m_result.links.size();
    m_result.links.append(Link{check.url, line, {}});
    m_result.identities.append(identity);
    m_dropped.append(false);
    m_indexByIdentity.insert(identity, m_linkIndex);
}

void LinkListBuilder::addOptionLine(int line, QStringView text)
{
    if (m_block == Block::None) {
        report(line, text, ProblemKind::OptionWithoutLink, reasonFor(ProblemKind::OptionWithoutLink));
        return;
    }
    if (m_block == Block::Rejected) {
        report(line, text, ProblemKind::OptionForRejectedLink,
               reasonFor(ProblemKind::OptionForRejectedLink).arg(m_blockLine));
        return;
    }

    const qsizetype eq = text.indexOf(u'=');
    if (eq < 0) {
        reportAbout(line, text, ProblemKind::MalformedOption, text);
        return;
    }
    const QStringView key = text.first(eq).trimmed();
    const QStringView value = text.sliced(eq + 1).trimmed();
    const OptionKey which = optionKey(key);
    if (which == OptionKey::None) {
        reportAbout(line, text, ProblemKind::UnknownOption, key);
        return;
    }
    bool &seen = m_seenKeys[static_cast<size_t>(which)];
    if (seen) {
        reportAbout(line, text, ProblemKind::RepeatedOption, key);
        return;
    }
    seen = true;

    switch (which) {
    case OptionKey::Checksum: applyChecksum(line, text, value); break;
    case OptionKey::Out: applyText(line, text, key, value, &LinkOptions::fileName); break;
    case OptionKey::Dir: applyText(line, text, key, value, &LinkOptions::directory); break;
    case OptionKey::None: break;
    }
}

void LinkListBuilder::applyChecksum(int line, QStringView text, QStringView value)
{
    const qsizetype eq = value.indexOf(u'=');
    const QStringView type = eq < 0 ? QStringView() : value.first(eq).trimmed();
    if (eq > 0 && type.compare(u"sha-256", Qt::CaseInsensitive) != 0
        && type.compare(u"sha256", Qt::CaseInsensitive) != 0) {
        reportAbout(line, text, ProblemKind::UnsupportedChecksum, type);
        m_dropped[m_linkIndex] = true;
        return;
    }
    const std::optional<QByteArray> digest = eq > 0 ? parseSha256Hex(value.sliced(eq + 1).trimmed()) : std::nullopt;
    if (!digest) {
        report(line, text, ProblemKind::BadChecksum, reasonFor(ProblemKind::BadChecksum));
        m_dropped[m_linkIndex] = true;
        return;
    }

    Link &link = m_result.links[m_linkIndex];
    if (link.options.sha256.isEmpty()) {
        link.options.sha256 = *digest;
    } else if (link.options.sha256 != *digest) {
        // Keeping the first is safe: the download is still verified, and fails if that one was wrong.
        report(line, text, ProblemKind::ConflictingOption,
               reasonFor(ProblemKind::ConflictingOption).arg(QString::number(link.line), u"checksum"_s));
    }
}

void LinkListBuilder::applyText(int line, QStringView text, QStringView key, QStringView value,
                                QString LinkOptions::*field)
{
    if (value.isEmpty()) {
        reportAbout(line, text, ProblemKind::EmptyOptionValue, key);
        return;
    }
    // A name or folder with invisible or undecodable characters would not be what the user meant.
    if (containsInvisible(value) || value.contains(QChar(kReplacementChar))) {
        reportAbout(line, text, ProblemKind::BadOptionValue, key);
        return;
    }
    if (field == &LinkOptions::directory && !staysInside(value)) {
        reportAbout(line, text, ProblemKind::FolderOutside, value);
        return;
    }
    Link &link = m_result.links[m_linkIndex];
    QString &target = link.options.*field;
    if (target.isEmpty()) {
        target = value.toString();
    } else if (target != value) {
        report(line, text, ProblemKind::ConflictingOption,
               reasonFor(ProblemKind::ConflictingOption).arg(QString::number(link.line), key.toString().toLower()));
    }
}

ParsedLinks LinkListBuilder::finish()
{
    if (m_dropped.contains(true)) {
        QList<Link> kept;
        QStringList keptIdentities;
        kept.reserve(m_result.links.size());
        for (qsizetype i = 0; i < m_result.links.size(); ++i) {
            if (!m_dropped[i]) {
                kept.append(std::move(m_result.links[i]));
                keptIdentities.append(m_result.identities[i]);
            }
        }
        m_result.links = std::move(kept);
        m_result.identities = std::move(keptIdentities);
    }
    return std::move(m_result);
}

// Characters that can never be part of a link found in running text.
bool endsLinkInText(QChar c)
{
    if (c.isSpace() || isControl(c))
        return true;
    switch (c.unicode()) {
    case u'"': case u'<': case u'>': case u'`': case u'\\':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:     // curly quotes
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:     // guillemets
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:     // CJK corner brackets
    // CJK text puts no space after its punctuation, so these end a link even in the middle of a run.
    case 0x3001: case 0x3002: case 0x2026:                  // 、 。 …
    case 0xFF01: case 0xFF08: case 0xFF09: case 0xFF0C:     // full-width ! ( ) ,
    case 0xFF1A: case 0xFF1B: case 0xFF1C: case 0xFF1E: case 0xFF1F:   // full-width : ; < > ?
        return true;
    default:
        return false;
    }
}

// Escaped HTML quotes and angle brackets end an attribute value, as the raw characters would.
bool startsEscapedDelimiter(QStringView s)
{
    constexpr QStringView delimiters[] = {u"&quot;", u"&lt;", u"&gt;", u"&#34;", u"&#39;"};
    return std::any_of(std::begin(delimiters), std::end(delimiters),
                       [s](QStringView d) { return s.startsWith(d, Qt::CaseInsensitive); });
}

// End of the link starting at start: balanced brackets belong to it (Wikipedia-style paths), an
// unbalanced closer ends it, and so does the quote that opened it.
qsizetype linkEndInText(QStringView text, qsizetype start)
{
    const QChar opener = start > 0 ? text[start - 1] : QChar();
    const bool quoted = opener == u'\'' || opener == u'"';
    std::array<int, 3> depth{};   // of ( [ {
    qsizetype i = start;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (endsLinkInText(c) || (quoted && c == opener))
            break;
        if (c == u'&' && startsEscapedDelimiter(text.sliced(i)))
            break;
        const qsizetype open = QStringView(u"([{").indexOf(c);
        const qsizetype close = QStringView(u")]}").indexOf(c);
        if (open >= 0)
            ++depth[open];
        else if (close >= 0 && depth[close]-- == 0)
            break;
    }
    return i;
}

bool continuesWord(QChar c)
{
    return c.isLetterOrNumber() || c == u'+' || c == u'-' || c == u'.' || c == u'_';
}

// "&amp;" inside a link is an HTML escape in practice: no real link contains that text literally.
QString decodeAmpersands(QStringView s)
{
    QString out = s.toString();
    if (!s.contains(u'&'))
        return out;
    out.replace(u"&amp;"_s, u"&"_s, Qt::CaseInsensitive);
    out.replace(u"&#38;"_s, u"&"_s);
    out.replace(u"&#x26;"_s, u"&"_s, Qt::CaseInsensitive);
    return out;
}

std::optional<QString> decodeText(const QByteArray &bytes, ParsedLinks *binaryResult)
{
    std::optional<QStringDecoder::Encoding> encoding;
    if (bytes.startsWith("\xFF\xFE\x00\x00"_ba))
        encoding = QStringDecoder::Utf32LE;
    else if (bytes.startsWith("\x00\x00\xFE\xFF"_ba))
        encoding = QStringDecoder::Utf32BE;
    else if (bytes.startsWith("\xFF\xFE"_ba))
        encoding = QStringDecoder::Utf16LE;
    else if (bytes.startsWith("\xFE\xFF"_ba))
        encoding = QStringDecoder::Utf16BE;

    if (!encoding) {
        const qsizetype sniff = qMin(bytes.size(), kBinarySniffBytes);
        int nulRuns = 0;
        for (qsizetype i = 0; i < sniff; ++i) {
            if (bytes[i] == '\0' && (i == 0 || bytes[i - 1] != '\0'))
                ++nulRuns;
        }
        if (nulRuns > kMaxNulRunsInText) {
            binaryResult->problems.append(
                InputProblem{0, QString(), reasonFor(ProblemKind::BinaryInput), ProblemKind::BinaryInput});
            return std::nullopt;
        }
        encoding = QStringDecoder::Utf8;
    }
    // The decoder drops the BOM and turns invalid sequences into U+FFFD, which checkLink reports.
    // Stateless, so a sequence cut off at the end of the input is reported too, not silently dropped.
    QStringDecoder decoder(*encoding, QStringConverter::Flag::Stateless);
    return QString(decoder.decode(bytes));
}

} // namespace

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
    if (out.size() > kMaxExcerptLength) {
        out.truncate(kMaxExcerptLength - 1);
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

ParsedLinks parseLinkList(QStringView text)
{
    LinkListBuilder builder;
    LineReader reader(text);
    QStringView line;
    while (reader.next(&line)) {
        line = withoutBom(line);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.front() == u'#')
            continue;
        // An indented link cannot be a key=value option, so it is taken for what it obviously is.
        const qsizetype scheme = schemeLength(trimmed);
        const bool looksLikeUrl = scheme > 0 && trimmed.sliced(scheme).startsWith(u"://");
        if (line.front().isSpace() && !looksLikeUrl)
            builder.addOptionLine(reader.lineNumber(), trimmed);
        else
            builder.addUrlLine(reader.lineNumber(), trimmed);
    }
    return builder.finish();
}

ParsedLinks extractLinks(QStringView text)
{
    ParsedLinks result;
    QSet<QString> seen;
    int line = 1;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'\n' || c == u'\r') {
            ++line;
            i += (c == u'\r' && i + 1 < n && text[i + 1] == u'\n') ? 2 : 1;
            continue;
        }
        if ((c != u'h' && c != u'H') || (i > 0 && continuesWord(text[i - 1]))
            || !startsWithWebScheme(text.sliced(i))) {
            ++i;
            continue;
        }
        const qsizetype end = linkEndInText(text, i);   // never crosses a line break
        QStringView candidate = text.sliced(i, end - i);
        while (!candidate.isEmpty() && QStringView(u".,;:!?").contains(candidate.back()))
            candidate.chop(1);
        i = end;

        QString identity;
        const LinkCheck check = checkLinkAndIdentity(decodeAmpersands(candidate), &identity);
        if (!check.isOk())
            continue;
        if (seen.contains(identity)) {
            // [url](url) and <a href="url">url</a> repeat a link on one line; list that line once.
            if (result.duplicateLines.isEmpty() || result.duplicateLines.back() != line)
                result.duplicateLines.append(line);
            continue;
        }
        seen.insert(identity);
        result.links.append(Link{check.url, line, {}});
        result.identities.append(identity);
    }
    return result;
}

bool looksLikeLinkList(QStringView text)
{
    LineReader reader(text);
    QStringView line;
    int linkLines = 0;
    while (reader.next(&line)) {
        line = withoutBom(line);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.front() == u'#' || line.front().isSpace())
            continue;
        // "Note: see below" is prose; "mailto:x" and "http://x" are links, even refused ones.
        const qsizetype scheme = schemeLength(trimmed);
        if (scheme == 0 || scheme + 1 >= trimmed.size() || trimmed[scheme + 1].isSpace())
            return false;
        ++linkLines;
    }
    return linkLines > 0;
}

ParsedLinks parseAnyText(QStringView text)
{
    return looksLikeLinkList(text) ? parseLinkList(text) : extractLinks(text);
}

ParsedLinks parseLinkListBytes(const QByteArray &bytes)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseLinkList(*text) : binary;
}

ParsedLinks parseAnyBytes(const QByteArray &bytes)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseAnyText(*text) : binary;
}

} // namespace Quiver
