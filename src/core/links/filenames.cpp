#include "links/filenames.h"

#include "links/contentdisposition.h"
#include "util/hexdigit.h"

#include <QStringDecoder>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Quiver::FileNames {

namespace {

constexpr qsizetype MaxExtensionLength = 16;

qsizetype utf8Length(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u < 0x80) {
            bytes += 1;
        } else if (u < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(u) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3; // BMP character, or a lone surrogate that an encoder turns into U+FFFD
        }
    }
    return bytes;
}

// The longest prefix of text that fits in budget UTF-8 bytes and ends on a grapheme boundary, so a
// base letter never loses its accent and a surrogate pair is never split. When even the first grapheme
// does not fit (a letter with hundreds of combining marks), falls back to code point boundaries.
QString cutToBytes(const QString &text, qsizetype budget)
{
    if (budget <= 0)
        return {};
    if (utf8Length(text) <= budget)
        return text;

    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype best = 0;
    qsizetype previous = 0;
    qsizetype used = 0;
    for (qsizetype next = finder.toNextBoundary(); next > 0; next = finder.toNextBoundary()) {
        // Qt 6.4 reports a boundary inside every surrogate pair once the text holds an Indic letter.
        if (next < text.size() && text.at(next).isLowSurrogate() && text.at(next - 1).isHighSurrogate())
            continue;
        used += utf8Length(QStringView(text).mid(previous, next - previous));
        if (used > budget)
            break;
        best = next;
        previous = next;
    }
    if (best > 0)
        return text.left(best);

    used = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype width =
            (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        used += utf8Length(QStringView(text).mid(i, width));
        if (used > budget)
            return text.left(i);
        i += width;
    }
    return text;
}

bool isBidiControl(char16_t u)
{
    return u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e)
        || (u >= 0x2066 && u <= 0x2069);
}

bool isWindowsIllegal(char16_t u)
{
    switch (u) {
    case u'<': case u'>': case u':': case u'"': case u'|': case u'?': case u'*':
        return true;
    default:
        return false;
    }
}

bool isTrimmable(QChar c)
{
    return c.isSpace() || c == u'.';
}

QString trimmed(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isTrimmable(text.at(begin)))
        ++begin;
    while (end > begin && isTrimmable(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

// Windows resolves these to devices whatever the extension, and ignores spaces before the dot.
bool isDeviceName(const QString &name)
{
    QStringView base(name);
    const qsizetype dot = base.indexOf(u'.');
    if (dot >= 0)
        base = base.left(dot);
    while (!base.isEmpty() && base.back() == u' ')
        base.chop(1);

    static constexpr std::array<QStringView, 6> plain{u"CON", u"PRN", u"AUX", u"NUL", u"CONIN$", u"CONOUT$"};
    for (QStringView device : plain) {
        if (base.compare(device, Qt::CaseInsensitive) == 0)
            return true;
    }
    if (base.size() != 4)
        return false;
    const QStringView prefix = base.left(3);
    if (prefix.compare(u"COM", Qt::CaseInsensitive) != 0 && prefix.compare(u"LPT", Qt::CaseInsensitive) != 0)
        return false;
    const char16_t last = base.at(3).unicode();
    return (last >= u'0' && last <= u'9') || last == u'\u00b9' || last == u'\u00b2' || last == u'\u00b3';
}

QString removeUnsafeCharacters(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out.append(c);
                out.append(text.at(i + 1));
                ++i;
            }
            continue;
        }
        if (c.isLowSurrogate() || u < 0x20 || (u >= 0x7f && u <= 0x9f) || isBidiControl(u))
            continue;
        out.append(isWindowsIllegal(u) ? QChar(u'_') : c);
    }
    return out;
}

QString cutKeepingExtension(const QString &name)
{
    if (utf8Length(name) <= MaxNameBytes)
        return name;
    const qsizetype dot = extensionStart(name);
    const QString extension = name.mid(dot);
    return cutToBytes(name.left(dot), MaxNameBytes - utf8Length(extension)) + extension;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

qsizetype extensionStart(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0)
        return name.size();
    const QStringView extension = QStringView(name).mid(dot + 1);
    if (extension.isEmpty() || extension.size() > MaxExtensionLength)
        return name.size();
    for (QChar c : extension) {
        if (c.isSpace())
            return name.size();
    }
    const qsizetype previous = name.lastIndexOf(u'.', dot - 1);
    const QStringView before = QStringView(name).mid(previous + 1, dot - previous - 1);
    if (previous > 0 && before.compare(u"tar", Qt::CaseInsensitive) == 0)
        return previous;
    return dot;
}

QString fromUrl(const QUrl &url)
{
    // FullyEncoded keeps %2F apart from '/', which the decoded forms would merge.
    const QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty() || path.endsWith(u'/'))
        return {};
    const QByteArray segment = path.mid(path.lastIndexOf(u'/') + 1).toUtf8();

    QByteArray bytes;
    bytes.reserve(segment.size());
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const char c = segment.at(i);
        const int hi = (c == '%' && i + 2 < segment.size()) ? hexDigitValue(segment.at(i + 1)) : -1;
        const int lo = hi >= 0 ? hexDigitValue(segment.at(i + 2)) : -1;
        if (lo < 0) {
            bytes.append(c);
            continue;
        }
        const char decoded = static_cast<char>(hi * 16 + lo);
        bytes.append((decoded == '/' || decoded == '\\') ? '_' : decoded);
        i += 2;
    }
    if (std::optional<QString> text = decodeUtf8(bytes))
        return *text;
    return QString::fromLatin1(bytes);
}

QString sanitize(const QString &name)
{
    const qsizetype separator = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    QString result = removeUnsafeCharacters(QStringView(name).mid(separator + 1));

    // Cutting can leave trailing spaces or a bare device name behind, so repeat until nothing changes.
    // Each round only shortens the name, except the one-time '_' prefix.
    for (int round = 0; round < 4; ++round) {
        const QString before = result;
        result = trimmed(result);
        if (result == u"~")
            return {};
        if (isDeviceName(result))
            result.prepend(u'_');
        result = cutKeepingExtension(result);
        if (result == before)
            break;
    }
    return result;
}

QString choose(const QByteArray &contentDisposition, const QUrl &url)
{
    QString name = sanitize(contentDispositionFileName(contentDisposition));
    if (name.isEmpty())
        name = sanitize(fromUrl(url));
    if (name.isEmpty())
        name = sanitize(url.host());
    if (name.isEmpty())
        name = FallbackName;
    return name;
}

QString numbered(const QString &name, int n)
{
    if (n < 1)
        return name;
    const QString base = name.isEmpty() ? QString(FallbackName) : name;
    const qsizetype dot = extensionStart(base);
    const QString extension = base.mid(dot);
    const QString suffix = u" ("_s + QString::number(n) + u')';
    const qsizetype budget = MaxNameBytes - utf8Length(suffix) - utf8Length(extension);
    return cutToBytes(base.left(dot), budget) + suffix + extension;
}

int numberIn(const QString &name, QString *base)
{
    const qsizetype dot = extensionStart(name);
    const QStringView stem = QStringView(name).left(dot);
    if (!stem.endsWith(u')'))
        return 0;
    const qsizetype open = stem.lastIndexOf(u" ("_s);
    const QStringView digits = stem.mid(open + 2, stem.size() - open - 3);
    if (open < 0 || digits.isEmpty() || digits.size() > 10 || digits.front() == u'0'
        || !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return 0;
    const qint64 n = digits.toLongLong();
    if (n > std::numeric_limits<int>::max())
        return 0;
    if (base)
        *base = stem.left(open).toString() + name.mid(dot);
    return int(n);
}

} // namespace Quiver::FileNames
