#include "links/linksparser_p.h"
#include "links/urlpattern.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Quiver {

using namespace LinkText;

namespace {

constexpr qsizetype kBinarySniffBytes = 64 * 1024;
// A text file may carry a stray NUL or a zero-filled block left by a crash; a binary file has them
// scattered everywhere.
constexpr int kMaxNulRunsInText = 3;

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

enum class OptionKey { None, Out, Dir, Checksum, Globbing };

OptionKey optionKey(QStringView key)
{
    if (key.compare(u"out", Qt::CaseInsensitive) == 0)
        return OptionKey::Out;
    if (key.compare(u"dir", Qt::CaseInsensitive) == 0)
        return OptionKey::Dir;
    if (key.compare(u"checksum", Qt::CaseInsensitive) == 0)
        return OptionKey::Checksum;
    if (key.compare(u"globbing", Qt::CaseInsensitive) == 0)
        return OptionKey::Globbing;
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

// Builds the result of parseLinkList line by line. Every accepted or duplicate URL line opens a block
// that the following option lines apply to. A URL line that may be a pattern is held, with its option
// lines, until its block ends: only then is it known whether globbing=off keeps it literal, and what
// out= and dir= each of its links gets.
class LinkListBuilder final
{
public:
    explicit LinkListBuilder(const LinkListOptions &options)
        : m_options(options)
        , m_patternLinksLeft(options.maxPatternLinks * kPatternLinksPerInputFactor)
    {
    }

    void addUrlLine(int line, QStringView text);
    void addOptionLine(int line, QStringView text);
    // For a link given on its own: no option lines, no "looks like an option" guess.
    void addLonePattern(QStringView text);
    ParsedLinks finish();

private:
    enum class Block { None, Rejected, Link, Pattern };

    struct HeldLine {
        int line = 0;
        QString text;
    };

    // False once maxProblems are kept; a problem past them is only counted.
    bool listing();
    void report(int line, QStringView text, ProblemKind kind, const QString &reason);
    void reportAbout(int line, QStringView text, ProblemKind kind, QStringView subject);
    void openLink(int line, QStringView text);
    void applyOption(int line, QStringView text);
    void applyChecksum(int line, QStringView text, QStringView value);
    void applyText(int line, QStringView text, QStringView key, QStringView value, QString LinkOptions::*field);
    void closePattern();
    void expandPattern(const UrlPattern &pattern, int line);

    LinkListOptions m_options;
    ParsedLinks m_result;
    QList<bool> m_dropped;                     // parallel to m_result.links
    QHash<QString, qsizetype> m_indexByIdentity;
    Block m_block = Block::None;
    qsizetype m_linkIndex = -1;
    int m_blockLine = 0;
    std::array<bool, 5> m_seenKeys{};          // indexed by OptionKey
    // The held pattern line and its option lines.
    HeldLine m_pattern;
    QList<HeldLine> m_heldOptions;
    bool m_globbingOff = false;
    qsizetype m_patternLinksLeft = 0;
    // While a pattern's links are made, each problem about its line (or one of its option lines) is
    // reported once: the index of that problem, by line, and how many links it stands for.
    bool m_expanding = false;
    QHash<int, qsizetype> m_problemByLine;
    QHash<int, qsizetype> m_repeatsByLine;
};

bool LinkListBuilder::listing()
{
    if (m_options.maxProblems < 0 || m_result.problems.size() < m_options.maxProblems)
        return true;
    ++m_result.unlistedProblems;
    return false;
}

void LinkListBuilder::report(int line, QStringView text, ProblemKind kind, const QString &reason)
{
    if (m_expanding) {
        if (m_problemByLine.contains(line) || m_repeatsByLine.contains(line)) {
            ++m_repeatsByLine[line];
            return;
        }
        m_repeatsByLine.insert(line, 1);
        if (listing()) {
            m_problemByLine.insert(line, m_result.problems.size());
            m_result.problems.append(InputProblem{line, cleanExcerpt(text), reason, kind});
        }
        return;
    }
    if (listing())
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
    closePattern();
    if (m_options.globbing && UrlPattern::mayHaveGlobs(text)) {
        m_block = Block::Pattern;
        m_pattern = HeldLine{line, text.toString()};
        m_globbingOff = false;
        return;
    }
    openLink(line, text);
}

void LinkListBuilder::addLonePattern(QStringView text)
{
    if (m_options.globbing && UrlPattern::mayHaveGlobs(text)) {
        m_block = Block::Pattern;
        m_pattern = HeldLine{0, text.toString()};
        closePattern();
    } else {
        openLink(0, text);
    }
}

// The pattern held since its URL line, now that its option lines are known: its links are made, each
// with its options, as if each had been a line of its own.
void LinkListBuilder::closePattern()
{
    if (m_block != Block::Pattern)
        return;
    const HeldLine pattern = std::exchange(m_pattern, HeldLine{});
    const QList<HeldLine> options = std::exchange(m_heldOptions, {});
    m_block = Block::None;
    // Invisible characters are the link's problem, whatever its brackets say (an escape sequence's "[").
    if (m_globbingOff || containsInvisible(pattern.text)) {
        openLink(pattern.line, pattern.text);
        for (const HeldLine &option : options)
            applyOption(option.line, option.text);
        return;
    }

    m_blockLine = pattern.line;
    m_block = Block::Rejected;
    if (pattern.text.size() > kMaxLinkLength) {
        // Checked before the parse: every link it made would be at least about as long.
        report(pattern.line, pattern.text, ProblemKind::TooLong,
               reasonFor(ProblemKind::TooLong).arg(QString::number(pattern.text.size()), QString::number(kMaxLinkLength)));
    } else {
        const UrlPattern parsed(pattern.text);
        const std::optional<quint64> count = parsed.count();
        const quint64 cap = quint64(qMin(m_options.maxPatternLinks, m_patternLinksLeft));
        if (!parsed.isValid()) {
            report(pattern.line, pattern.text, ProblemKind::BadPattern,
                   reasonFor(ProblemKind::BadPattern).arg(cleanExcerpt(pattern.text), parsed.errorString()));
        } else if (!parsed.hasGlobs()) {
            // Only escapes or an IPv6 host: one literal link.
            openLink(pattern.line, parsed.at(0));
        } else if (!count || *count > cap) {
            const QString made = count ? QString::number(*count)
                                       : QCoreApplication::translate("Quiver::LinksParser", "more than 18 billion billion");
            const bool inputFull = count && *count <= quint64(m_options.maxPatternLinks);
            report(pattern.line, pattern.text, ProblemKind::TooManyPatternLinks,
                   inputFull ? QCoreApplication::translate("Quiver::LinksParser",
                                   "This pattern makes %1 links, but the patterns above it already made nearly "
                                   "the %2 links one list may make from patterns. Add it in a list of its own.")
                                   .arg(made, QString::number(m_options.maxPatternLinks * kPatternLinksPerInputFactor))
                             : reasonFor(ProblemKind::TooManyPatternLinks)
                                   .arg(made, QString::number(m_options.maxPatternLinks)));
        } else {
            m_heldOptions = options;
            expandPattern(parsed, pattern.line);
            m_heldOptions.clear();
            return;
        }
    }
    for (const HeldLine &option : options)
        applyOption(option.line, option.text);
}

void LinkListBuilder::expandPattern(const UrlPattern &pattern, int line)
{
    const quint64 count = pattern.count().value_or(0);
    m_patternLinksLeft -= qsizetype(count);
    m_expanding = true;
    m_problemByLine.clear();
    m_repeatsByLine.clear();
    QStringList values;
    for (quint64 i = 0; i < count; ++i) {
        const QString link = pattern.at(i, &values);
        const qsizetype linksBefore = m_result.links.size();
        openLink(line, link);
        m_result.linksFromPatterns += m_result.links.size() - linksBefore;
        for (const HeldLine &option : std::as_const(m_heldOptions))
            applyOption(option.line, UrlPattern::substitute(option.text, values));
    }
    m_expanding = false;
    // A problem that many of the pattern's links had is listed once, saying how many.
    for (auto it = m_problemByLine.cbegin(); it != m_problemByLine.cend(); ++it) {
        const qsizetype repeats = m_repeatsByLine.value(it.key());
        if (repeats > 1) {
            QString &reason = m_result.problems[it.value()].reason;
            reason += u' ' + QCoreApplication::translate("Quiver::LinksParser",
                                  "The pattern makes %1 links; %2 of them had this problem.")
                                  .arg(QString::number(count), QString::number(repeats));
        }
    }
}

void LinkListBuilder::openLink(int line, QStringView text)
{
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
    if (m_block == Block::Pattern) {
        const qsizetype eq = text.indexOf(u'=');
        if (eq > 0 && optionKey(text.first(eq).trimmed()) == OptionKey::Globbing
            && text.sliced(eq + 1).trimmed().compare(u"off", Qt::CaseInsensitive) == 0) {
            m_globbingOff = true;
        }
        m_heldOptions.append(HeldLine{line, text.toString()});
        return;
    }
    applyOption(line, text);
}

void LinkListBuilder::applyOption(int line, QStringView text)
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
    case OptionKey::Globbing:
        // Acted on before the link was made (see addOptionLine); only its value is checked here.
        if (value.compare(u"off", Qt::CaseInsensitive) != 0 && value.compare(u"on", Qt::CaseInsensitive) != 0)
            reportAbout(line, text, ProblemKind::BadOptionValue, key);
        break;
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
    closePattern();
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

namespace {

// Qt 6.4's UTF-32 decoder turns a value above U+10FFFF into a broken surrogate pair whose second half can
// even be a '\n' that no byte of the input held (found by fuzz_linksparser), so UTF-32 is decoded here:
// every value that is not a Unicode scalar, and a cut-off tail, becomes U+FFFD, which checkLink reports.
QString decodeUtf32(const QByteArray &bytes, bool bigEndian)
{
    QString text;
    text.reserve(bytes.size() / 4 + 1);
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    qsizetype i = 4;   // after the BOM
    for (; i + 4 <= bytes.size(); i += 4) {
        const char32_t value = bigEndian
            ? char32_t(data[i]) << 24 | char32_t(data[i + 1]) << 16 | char32_t(data[i + 2]) << 8 | data[i + 3]
            : char32_t(data[i + 3]) << 24 | char32_t(data[i + 2]) << 16 | char32_t(data[i + 1]) << 8 | data[i];
        const bool scalar = value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        if (!scalar)
            text.append(QChar(LinkText::kReplacementChar));
        else
            text.append(QStringView(QChar::fromUcs4(value)));
    }
    if (i < bytes.size())
        text.append(QChar(LinkText::kReplacementChar));
    return text;
}

} // namespace

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
    if (*encoding == QStringDecoder::Utf32LE || *encoding == QStringDecoder::Utf32BE)
        return decodeUtf32(bytes, *encoding == QStringDecoder::Utf32BE);
    // The decoder drops the BOM and turns invalid sequences into U+FFFD, which checkLink reports.
    // Stateless, so a sequence cut off at the end of the input is reported too, not silently dropped.
    QStringDecoder decoder(*encoding, QStringConverter::Flag::Stateless);
    return QString(decoder.decode(bytes));
}

} // namespace

ParsedLinks parseLinkList(QStringView text, qsizetype maxProblems)
{
    LinkListOptions options;
    options.maxProblems = maxProblems;
    return parseLinkList(text, options);
}

ParsedLinks parseLinkArgument(QStringView text, const LinkListOptions &options)
{
    LinkListBuilder builder(options);
    builder.addLonePattern(text.trimmed());
    return builder.finish();
}

ParsedLinks parseLinkList(QStringView text, const LinkListOptions &options)
{
    LinkListBuilder builder(options);
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

ParsedLinks parseAnyText(QStringView text, const LinkListOptions &options)
{
    return looksLikeLinkList(text) ? parseLinkList(text, options) : extractLinks(text);
}

ParsedLinks parseLinkListBytes(const QByteArray &bytes, qsizetype maxProblems)
{
    LinkListOptions options;
    options.maxProblems = maxProblems;
    return parseLinkListBytes(bytes, options);
}

ParsedLinks parseLinkListBytes(const QByteArray &bytes, const LinkListOptions &options)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseLinkList(*text, options) : binary;
}

ParsedLinks parseAnyBytes(const QByteArray &bytes, const LinkListOptions &options)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseAnyText(*text, options) : binary;
}

} // namespace Quiver
