#pragma once

// Internal to the links parser (linksparser.cpp, linkcheck.cpp, linkextractor.cpp): the character
// classes and the one link check they share. Not part of the core's interface.

#include "links/linksparser.h"

#include <QChar>
#include <QStringView>

#include <algorithm>

namespace Quiver::LinkText {

inline constexpr char16_t kReplacementChar = 0xFFFD;
inline constexpr char16_t kByteOrderMark = 0xFEFF;

// Exactly Unicode category Cc (C0, DEL and C1), without a table lookup per character.
inline bool isControl(QChar c)
{
    return c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F);
}

// Controls, and formatting characters (Cf) such as zero-width spaces, soft hyphens and bidirectional
// overrides: what is shown would differ from what is fetched or saved. Cf starts at U+00AD, so plain
// ASCII needs no table lookup.
inline bool isInvisible(QChar c)
{
    return isControl(c) || (c.unicode() >= 0xAD && c.category() == QChar::Other_Format);
}

inline bool isAsciiAlpha(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

inline bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

inline bool containsInvisible(QStringView s)
{
    return std::any_of(s.begin(), s.end(), isInvisible);
}

// Length of a leading RFC 3986 scheme, or 0 when the text does not start with "scheme:".
inline qsizetype schemeLength(QStringView s)
{
    if (s.isEmpty() || !isAsciiAlpha(s.front()))
        return 0;
    qsizetype i = 1;
    while (i < s.size() && (isAsciiAlpha(s[i]) || isAsciiDigit(s[i]) || s[i] == u'+' || s[i] == u'-' || s[i] == u'.'))
        ++i;
    return (i < s.size() && s[i] == u':') ? i : 0;
}

inline bool startsWithWebScheme(QStringView s)
{
    return s.startsWith(u"http://", Qt::CaseInsensitive) || s.startsWith(u"https://", Qt::CaseInsensitive);
}

// The translated sentence for a problem; %1 (and %2) are filled in by the caller.
QString reasonFor(ProblemKind kind);

// checkLink, also giving the link's identity: computed once, as it also gives the length on the wire.
LinkCheck checkLinkAndIdentity(QStringView text, QString *identity);

} // namespace Quiver::LinkText
