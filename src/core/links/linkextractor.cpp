#include "links/linksparser_p.h"

#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace Quiver {

using namespace LinkText;

namespace {

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

} // namespace

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

} // namespace Quiver
