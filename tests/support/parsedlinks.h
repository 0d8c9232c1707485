#pragma once

// What parsed or queued links hold, as plain lists QCOMPARE prints.

#include "links/linksparser.h"

#include <QList>
#include <QStringList>

namespace Quiver::Test {

inline QStringList urlsOf(const QList<Quiver::Link> &links)
{
    QStringList urls;
    for (const Quiver::Link &link : links)
        urls.append(link.url.toString(QUrl::FullyEncoded));
    return urls;
}

inline QStringList urlsOf(const Quiver::ParsedLinks &parsed)
{
    return urlsOf(parsed.links);
}

inline QList<int> linesOf(const Quiver::ParsedLinks &parsed)
{
    QList<int> lines;
    for (const Quiver::Link &link : parsed.links)
        lines.append(link.line);
    return lines;
}

inline QList<Quiver::ProblemKind> kindsOf(const Quiver::ParsedLinks &parsed)
{
    QList<Quiver::ProblemKind> kinds;
    for (const Quiver::InputProblem &problem : parsed.problems)
        kinds.append(problem.kind);
    return kinds;
}

inline QList<int> problemLinesOf(const Quiver::ParsedLinks &parsed)
{
    QList<int> lines;
    for (const Quiver::InputProblem &problem : parsed.problems)
        lines.append(problem.line);
    return lines;
}

// Control characters cannot be written readably inside literals, so they are spliced in.
inline QString withChar(const QString &before, char16_t c, const QString &after)
{
    return before + QChar(c) + after;
}

inline const QString kHexDigest = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

} // namespace Quiver::Test
