#include "links/linksparser_p.h"

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

// Builds the result of parseLinkList line by line. Every accepted or duplicate URL line opens a block
// that the following option lines apply to.
class LinkListBuilder final
{
public:
    explicit LinkListBuilder(qsizetype maxProblems) : m_maxProblems(maxProblems) {}

    void addUrlLine(int line, QStringView text);
    void addOptionLine(int line, QStringView text);
    ParsedLinks finish();

private:
    enum class Block { None, Rejected, Link };

    // False once maxProblems are kept; a problem past them is only counted.
    bool listing();
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
    qsizetype m_maxProblems = -1;
};

bool LinkListBuilder::listing()
{
    if (m_maxProblems < 0 || m_result.problems.size() < m_maxProblems)
        return true;
    ++m_result.unlistedProblems;
    return false;
}

void LinkListBuilder::report(int line, QStringView text, ProblemKind kind, const QString &reason)
{
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

ParsedLinks parseLinkList(QStringView text, qsizetype maxProblems)
{
    LinkListBuilder builder(maxProblems);
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

ParsedLinks parseAnyText(QStringView text)
{
    return looksLikeLinkList(text) ? parseLinkList(text) : extractLinks(text);
}

ParsedLinks parseLinkListBytes(const QByteArray &bytes, qsizetype maxProblems)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseLinkList(*text, maxProblems) : binary;
}

ParsedLinks parseAnyBytes(const QByteArray &bytes)
{
    ParsedLinks binary;
    const std::optional<QString> text = decodeText(bytes, &binary);
    return text ? parseAnyText(*text) : binary;
}

} // namespace Quiver
